// The console's pure-logic specs (formatting, error wording, composer checks). The root jest config
// ignores apps/console; browser behaviour is covered by e2e/console with real Chromium.
const path = require('node:path');

module.exports = {
  rootDir: path.join(__dirname, '..', '..'),
  roots: ['<rootDir>/apps/console/src'],
  testMatch: ['**/*.spec.ts'],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@roost/classify/pii$': '<rootDir>/libs/classify/src/pii.ts',
    '^@roost/x-text$': '<rootDir>/libs/x-text/src/index.ts',
  },
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
};

// Three tiers (STYLE.md practice 20): *.spec.ts pure logic, *.int-spec.ts one service against real
// PostgreSQL + NATS, *.e2e-spec.ts several services + twitter-sim through the gateway.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};
const common = {
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['<rootDir>/libs/testing/src/jest-setup.ts'],
  // The `@roost/*` subpath entries (tsconfig.base.json paths); packages resolve as workspaces.
  moduleNameMapper: {
    '^@roost/classify/pii$': '<rootDir>/libs/classify/src/pii.ts',
    '^@roost/config/twitter-sim$': '<rootDir>/libs/config/src/twitter-sim-env.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/console/'],
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts,bench}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/timeout-int.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs,e2e}/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/jest/timeout-e2e.ts'],
    },
    // The console's pure-logic specs run with its own transform (TSX, browser-side module mapping).
    { ...require('./apps/console/jest.config.cjs'), displayName: 'console' },
  ],
};

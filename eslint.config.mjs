// A rule is either `error` or off (STYLE.md "things to avoid" 2).
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jestPlugin from 'eslint-plugin-jest';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// One shape inside every app (docs/architecture.md "Inside an app"), from the top down:
//   top     src/*.ts (main, migrate, <app>.module, CLIs), src/transport/ (consumers, request
//           handlers, resolvers), src/testing/ (harnesses that start the app: tests only)
//   middle  src/<feature>/ (a Nest module exporting its service, the feature's logic)
//   bottom  src/data/ (repositories, row types and mappers), src/common/, src/migrations/
// No import runs back up; a test file is held to the layer of its folder (it may also use
// src/testing/). Cycles between files and between folders: scripts/app-shape.spec.ts.
const NOT_APPLICATION_CODE = [
  '**/migrations/**',
  '**/testing/**',
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
];
const TYPED_SQL = {
  selector: "CallExpression[callee.property.name='query']",
  message:
    'Typed SQL: use selectRows/selectOne/selectMaybe with a rowType, or execute, from @roost/database (a raw query() result is any).',
};
const METRICS_HOME = {
  selector: 'NewExpression[callee.name=/^(Counter|Histogram|Gauge|Summary)$/]',
  message: "Declare the app's Prometheus metrics in src/common/<app>.metrics.ts.",
};
const APPS = ['ingest', 'routing', 'conversations', 'metrics', 'gateway', 'twitter-sim'];
const SPEC = '*.@(spec|int-spec|e2e-spec).ts';
function layerZones(app, { spec }) {
  const src = `apps/${app}/src`;
  const top = [`${src}/*.ts`, `${src}/transport/**`];
  const testing = spec ? [] : [`${src}/testing/**`];
  const files = spec ? `**/${SPEC}` : `**/!(*.@(spec|int-spec|e2e-spec)).ts`;
  const zone = (target, from, layer) => ({
    target: target.map((t) => `${t}/${files}`),
    from: [...from, ...testing],
    message: `${app}: ${layer} must not import from a layer above it (docs/architecture.md "Inside an app").`,
  });
  return [
    zone([`${src}/!(transport|testing|data|common|migrations)`], top, 'a feature folder'),
    zone([`${src}/data`], [...top, `${src}/!(data|common|testing)/**`], 'src/data'),
    zone([`${src}/common`], [...top, `${src}/!(common|testing)/**`], 'src/common'),
    zone([`${src}/migrations`], [...top, `${src}/!(migrations|common|testing)/**`], 'src/migrations'),
    ...(spec
      ? []
      : [
          {
            target: [`${src}/!(*.@(spec|int-spec|e2e-spec)).ts`, `${src}/transport/${files}`],
            from: testing,
            message: `${app}: src/testing/ is for tests only.`,
          },
        ]),
  ];
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.nx/**',
      '.roost/**',
      'apps/console/**',
      'coverage/**',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  // The plain-CommonJS tooling (npm start/test/bench/migrate, jest's config) is linted as well.
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', ecmaVersion: 2023, globals: { ...globals.node } },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: 'error',
      curly: ['error', 'multi-line'],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx, 'import-x': importX },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.base.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: import.meta.dirname, zones: APPS.flatMap((app) => layerZones(app, { spec: false })) },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-empty': ['error', { allowEmptyCatch: true }],
      eqeqeq: 'error',
      curly: ['error', 'multi-line'],
      'no-console': 'error',
      // STYLE.md practice 1: a lib never imports an app; an app never imports another app.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:data-access', 'type:testing'],
            },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:data-access'],
            },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:data-access', 'type:testing'],
            },
          ],
        },
      ],
    },
  },
  // Settings are read once, validated, through libs/config (readRoostEnv, readTwitterSimEnv).
  {
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: [
      'libs/config/**',
      'libs/testing/**',
      '**/testing/**',
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read settings through @roost/config (RoostEnv), validated once at boot.',
        },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'envalid', message: 'Settings are declared in libs/config.' }] },
      ],
    },
  },
  // Typed SQL (docs/architecture.md "Inside an app"): TypeORM's and pg's query() return `any`, typed
  // by annotation only, so a renamed column compiles and fails in production. Application code runs
  // SQL through libs/database's selectRows/selectOne/selectMaybe (rows checked against a rowType) or
  // execute (no rows read). Migrations, test harnesses and tests may use query() directly.
  // And every Prometheus metric of an app is declared in its src/common/<app>.metrics.ts.
  {
    files: ['apps/*/src/**/*.ts'],
    ignores: [...NOT_APPLICATION_CODE, 'apps/*/src/common/*.metrics.ts'],
    rules: { 'no-restricted-syntax': ['error', TYPED_SQL, METRICS_HOME] },
  },
  {
    files: ['libs/messaging/src/**/*.ts', 'apps/*/src/common/*.metrics.ts'],
    ignores: NOT_APPLICATION_CODE,
    rules: { 'no-restricted-syntax': ['error', TYPED_SQL] },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
    ...jestPlugin.configs['flat/recommended'],
    rules: {
      ...jestPlugin.configs['flat/recommended'].rules,
      // Tests may use the testing libs (factories, real-infrastructure helpers, the X emulator).
      '@nx/enforce-module-boundaries': [
        'error',
        { allow: [], depConstraints: [{ sourceTag: '*', notDependOnLibsWithTags: ['type:app'] }] },
      ],
      'import-x/no-restricted-paths': [
        'error',
        { basePath: import.meta.dirname, zones: APPS.flatMap((app) => layerZones(app, { spec: true })) },
      ],
      'jest/valid-expect': 'error',
      'jest/no-conditional-expect': 'off',
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'assert*'] }],
    },
  },
  {
    files: [
      'bench/**/*.ts',
      'scripts/**/*.ts',
      'e2e/**/*.ts',
      '**/eval/**/*.ts',
      'apps/twitter-sim/src/cli.ts',
    ],
    rules: { 'no-console': 'off' },
  },
);

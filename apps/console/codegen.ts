import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations from the gateway's committed SDL. Regenerate with `nx run console:codegen`
 * (= `npx graphql-codegen --config apps/console/codegen.ts`). The output is committed so a build
 * never needs the gateway running; never edit it by hand.
 */
const config: CodegenConfig = {
  schema: 'apps/gateway/schema.graphql',
  documents: 'apps/console/src/graphql/operations/*.graphql',
  overwrite: true,
  generates: {
    'apps/console/src/graphql/generated.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTime: 'string', ID: 'string' },
        skipTypename: true,
        dedupeFragments: true,
      },
    },
  },
};

export default config;

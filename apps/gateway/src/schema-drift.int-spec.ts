import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { SCHEMA_FILE } from './common/gateway.constants';
import { GatewayHarness } from './testing/gateway-harness';

/** What @nestjs/graphql writes above the SDL when it emits the file (development starts). */
const HEADER = `# ------------------------------------------------------
# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)
# ------------------------------------------------------

`;
const REGENERATE = 'UPDATE_SCHEMA=1 npx jest apps/gateway/src/schema-drift.int-spec.ts';

/** Where the two texts first part, with a little context from each, for the failure message. */
function firstDifference(committed: string, built: string, context = 4): string {
  const a = committed.split('\n');
  const b = built.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 1);
  const show = (lines: string[]) =>
    lines
      .slice(from, i + context)
      .map((l, n) => `    ${String(from + n + 1).padStart(5)} | ${l}`)
      .join('\n');

  return `first difference at line ${i + 1}:\n  committed file:\n${show(a)}\n  built from code:\n${show(b)}`;
}

/**
 * The committed apps/gateway/schema.graphql is the public contract third-party frontends (and the
 * console) build against. The schema is code-first, so a resolver or model change alters it
 * silently; this test builds the schema in memory, as the running gateway does, and fails when the
 * committed file says something else, so every API change shows up in review.
 */
describe('apps/gateway/schema.graphql', () => {
  let gw: GatewayHarness;

  beforeAll(async () => {
    gw = await GatewayHarness.start({ serve: false });
  });

  afterAll(async () => {
    await gw.close();
  });

  it('matches the schema the code builds', () => {
    const built = HEADER + printSchema(lexicographicSortSchema(gw.app.get(GraphQLSchemaHost).schema));
    if (process.env['UPDATE_SCHEMA'] === '1') writeFileSync(SCHEMA_FILE, built);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    // A message that says how to fix it, rather than a 600-line string diff.
    const problem =
      committed === built
        ? null
        : `${relative(process.cwd(), SCHEMA_FILE)} differs from the schema the code builds. If the API change is intended, ` +
          `regenerate the file with\n\n  ${REGENERATE}\n\n(or start the gateway with NODE_ENV=development, as npm start does) ` +
          `and commit it; otherwise undo the change to the resolvers or models.\n\n${firstDifference(committed, built)}`;

    expect(problem).toBeNull();
  });
});

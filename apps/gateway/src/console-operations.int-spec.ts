import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { GatewayHarness } from './testing/gateway-harness';

const OPERATIONS = join(__dirname, '..', '..', 'console', 'src', 'graphql', 'operations');

/** Every fragment an operation uses, transitively (a document with an unused fragment is invalid). */
function withFragments(
  op: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): DefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const walk = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const f = fragments.get(spread.name.value);
        if (f && !used.has(f.name.value)) {
          used.set(f.name.value, f);
          walk(f);
        }
      },
    });
  walk(op);

  return [op, ...used.values()];
}

/**
 * The console is a client of the public API like any other: each of its operations must pass the
 * gateway's limits (cost with `first` at its maximum, depth, aliases). A field added to a list
 * fragment once pushed the inbox query over the cost limit and the inbox went empty; this catches
 * that before a browser does.
 */
describe('the console operations pass the gateway limits', () => {
  let gw: GatewayHarness;

  beforeAll(async () => {
    gw = await GatewayHarness.start();
  });

  afterAll(async () => {
    await gw?.close();
  });

  const definitions = readdirSync(OPERATIONS)
    .filter((f) => f.endsWith('.graphql'))
    .flatMap((f) => parse(readFileSync(join(OPERATIONS, f), 'utf8')).definitions);
  const fragments = new Map(
    definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const operations = definitions.filter(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && d.operation !== 'subscription',
  );

  it('finds the console operations', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it.each(operations.map((op) => [op.name?.value ?? '(anonymous)', op] as const))('%s', async (_name, op) => {
    const document = print({ kind: Kind.DOCUMENT, definitions: withFragments(op, fragments) });
    // No variables: validation (where every limit is enforced) runs before variables are coerced.
    const res = await gw.http(document, { token: gw.token(gw.fx.supA) });
    const refused = (res.body.errors ?? []).filter(
      (e) => e.extensions?.['code'] === 'GRAPHQL_VALIDATION_FAILED',
    );
    expect(refused.map((e) => e.message)).toEqual([]);
  });
});

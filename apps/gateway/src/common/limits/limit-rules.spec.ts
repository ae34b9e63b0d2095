import {
  buildSchema,
  getIntrospectionQuery,
  parse,
  specifiedRules,
  validate,
  type ValidationRule,
} from 'graphql';
import { aliasLimitRule } from './alias-limit.rule';
import { costLimitRule } from './cost-limit.rule';
import { depthLimitRule } from './depth-limit.rule';
import { noIntrospectionRule } from './no-introspection.rule';

// A recursive schema, so depth bombs can be valid documents.
const schema = buildSchema(`
  type Query { me: Agent!  conversations(first: Int = 25): Connection!  agents: [Agent!]! }
  type Connection { edges: [Edge!]!  totalCount: Int! }
  type Edge { node: Agent! }
  type Agent { id: ID!  manager: Agent  reports: [Agent!]! }
`);

const depth = depthLimitRule({ maxDepth: 8, maxIntrospectionDepth: 15 });
const cost = costLimitRule({ maxCost: 1000, maxIntrospectionCost: 100_000 });

function reasonsOf(query: string, rules: ValidationRule[]): string[] {
  return validate(schema, parse(query), [...specifiedRules, ...rules]).map(
    (e) => (e.extensions['details'] as { reason?: string } | undefined)?.reason ?? e.message,
  );
}

function detailsOf(query: string, rule: ValidationRule): Record<string, unknown> | undefined {
  return validate(schema, parse(query), [rule])[0]?.extensions['details'] as
    Record<string, unknown> | undefined;
}

function managers(levels: number): string {
  let doc = 'id';
  for (let i = 0; i < levels; i++) doc = `manager { ${doc} }`;

  return doc;
}

describe('depthLimitRule', () => {
  it('allows depth 8 and refuses depth 9 of valid fields', () => {
    expect(reasonsOf(`{ me { ${managers(6)} } }`, [depth])).toEqual([]); // me + 6 managers + id = 8
    expect(detailsOf(`{ me { ${managers(7)} } }`, depth)).toEqual({
      reason: 'QUERY_TOO_DEEP',
      limit: 8,
      actual: 9,
    });
  });

  it('follows fragments, and spreads of spreads cost linear time (memoised)', () => {
    // Each fragment spreads the previous one twice: 2^40 paths if walked naively.
    const fragments = Array.from({ length: 40 }, (_, i) =>
      i === 0
        ? 'fragment F0 on Agent { id }'
        : `fragment F${i} on Agent { manager { ...F${i - 1} } reports { ...F${i - 1} } }`,
    );
    const doc = `{ me { ...F39 } } ${fragments.join(' ')}`;

    expect(detailsOf(doc, depth)).toEqual({ reason: 'QUERY_TOO_DEEP', limit: 8, actual: 41 });
  });

  it('passes the standard introspection query on its own budget', () => {
    expect(reasonsOf(getIntrospectionQuery(), [depth, cost])).toEqual([]);
  });
});

describe('costLimitRule', () => {
  it('multiplies a connection’s edges by `first`, not its totalCount', () => {
    expect(
      detailsOf('{ conversations(first: 100) { totalCount edges { node { id manager { id } } } } }', cost),
    ).toBeUndefined();
    // 1 + totalCount 1 + edges (1 + 100 × (node 1 + id 1 + manager 2)) = 402 each; three of them pass, and …
    expect(
      detailsOf('{ a: conversations(first: 100) { totalCount edges { node { id manager { id } } } } }', cost),
    ).toBeUndefined();
    // … reports (a list of 10 by default) of reports multiply: 100 × 10 × 10 items.
    expect(
      detailsOf('{ conversations(first: 100) { edges { node { reports { reports { id } } } } } }', cost),
    ).toMatchObject({
      reason: 'QUERY_TOO_COMPLEX',
      limit: 1000,
    });
  });

  it('counts a variable `first` as the maximum page, whatever the variables say', () => {
    const literal = detailsOf('{ conversations(first: 5) { edges { node { reports { id } } } } }', cost);
    const variable = detailsOf(
      'query($n: Int) { conversations(first: $n) { edges { node { reports { id } } } } }',
      cost,
    );

    expect(literal).toBeUndefined();
    expect(variable).toMatchObject({ reason: 'QUERY_TOO_COMPLEX', actual: 1 + 1 + 100 * (1 + 1 + 10) });
  });
});

describe('aliasLimitRule and noIntrospectionRule', () => {
  it('counts aliases across the document', () => {
    const doc = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;

    expect(detailsOf(doc(3), aliasLimitRule(3))).toBeUndefined();
    expect(detailsOf(doc(4), aliasLimitRule(3))).toEqual({ reason: 'TOO_MANY_ALIASES', limit: 3, actual: 4 });
  });

  it('refuses __schema and __type but not __typename', () => {
    expect(reasonsOf('{ __typename me { __typename id } }', [noIntrospectionRule])).toEqual([]);
    expect(reasonsOf('{ __schema { queryType { name } } }', [noIntrospectionRule])).toEqual([
      'INTROSPECTION_DISABLED',
    ]);
    expect(reasonsOf('{ __type(name: "Agent") { name } }', [noIntrospectionRule])).toEqual([
      'INTROSPECTION_DISABLED',
    ]);
  });
});

import type { GraphQLFormattedError } from 'graphql';
import { GatewayHarness } from '../../testing/gateway-harness';
import { MAX_ALIASES, MAX_BODY_BYTES, MAX_DEPTH, MAX_INTROSPECTION_DEPTH } from './limits.constants';

const PAGE = `conversations(first: 100) { edges { cursor node { id status channel priority
  queue { id name } assignee { id name } customer { handle } messages { id direction text createdAt } } }
  pageInfo { hasNextPage endCursor } totalCount }`;

function nested(levels: number, field: (i: number) => string): string {
  let doc = 'id';
  for (let i = levels; i > 0; i--) doc = `${field(i)} { ${doc} }`;

  return doc;
}

/** `__type(name: "Query") { fields { type { fields { type { … } } } } }`: valid, recursive, deep. */
function introspectionBomb(pairs: number): string {
  let inner = 'name';
  for (let i = 0; i < pairs; i++) inner = `fields { type { ${inner} } }`;

  return `{ __type(name: "Query") { ${inner} } }`;
}

function aliasBomb(n: number): string {
  return `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
}

const reasons = (errors: readonly GraphQLFormattedError[] | undefined) =>
  (errors ?? []).map(
    (e) => (e.extensions?.['details'] as { reason?: string } | undefined)?.reason ?? e.extensions?.['code'],
  );

describe.each([
  ['development', {}],
  ['production', { NODE_ENV: 'production', JWT_SECRET: 'a-long-random-test-secret-for-production-mode' }],
])('gateway limits in %s, identical on HTTP and graphql-ws', (mode, env) => {
  let gw: GatewayHarness;
  let token: string;

  beforeAll(async () => {
    gw = await GatewayHarness.start({ env });
    token = gw.token(gw.fx.supA);
  });

  afterAll(async () => {
    await gw.close();
  });

  /** Runs a document on both transports and returns both error lists. */
  async function both(
    query: string,
  ): Promise<{ http: GraphQLFormattedError[]; ws: GraphQLFormattedError[]; status: number }> {
    const http = await gw.http(query, { token });
    const socket = gw.socket(token);
    const ws = await socket.execute({ query });
    await socket.dispose();

    return { http: [...(http.body.errors ?? [])], ws: [...(ws.errors ?? [])], status: http.status };
  }

  it(`refuses a depth bomb (deeper than ${MAX_DEPTH})`, async () => {
    const { http, ws } = await both(`{ ${nested(MAX_DEPTH + 2, (i) => `f${i}`)} }`);

    expect(reasons(http)).toContain('QUERY_TOO_DEEP');
    expect(reasons(ws)).toEqual(reasons(http));
    const tooDeep = http.find((e) => reasons([e])[0] === 'QUERY_TOO_DEEP');
    expect(tooDeep?.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      details: { reason: 'QUERY_TOO_DEEP', limit: MAX_DEPTH, actual: MAX_DEPTH + 3 },
    });
  });

  it('refuses a recursive introspection bomb', async () => {
    const { http, ws } = await both(introspectionBomb(MAX_INTROSPECTION_DEPTH));

    const expected = mode === 'production' ? 'INTROSPECTION_DISABLED' : 'QUERY_TOO_DEEP';
    expect(reasons(http)).toContain(expected);
    expect(reasons(ws)).toEqual(reasons(http));
  });

  it(`refuses an alias bomb (more than ${MAX_ALIASES} aliases) of an otherwise valid query`, async () => {
    const ok = await both(aliasBomb(MAX_ALIASES));
    expect(ok.http).toEqual([]);
    expect(ok.ws).toEqual([]);

    const { http, ws, status } = await both(aliasBomb(MAX_ALIASES * 4));
    expect(status).toBe(400);
    expect(http).toEqual([
      expect.objectContaining({
        extensions: {
          code: 'GRAPHQL_VALIDATION_FAILED',
          details: { reason: 'TOO_MANY_ALIASES', limit: MAX_ALIASES, actual: MAX_ALIASES * 4 },
        },
      }),
    ]);
    expect(ws).toEqual(http);
  });

  it('refuses a query over the cost budget, and allows a full page', async () => {
    const page = await both(`{ ${PAGE} }`);
    expect(reasons(page.http)).toEqual([]);
    expect(reasons(page.ws)).toEqual([]);

    const { http, ws } = await both(`{ a: ${PAGE} b: ${PAGE} c: ${PAGE} }`);
    expect(reasons(http)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(ws).toEqual(http);
  });

  it('refuses an oversized document in the parser, before validation', async () => {
    const { http, ws } = await both(`{ me { ${'id '.repeat(3000)} } }`);

    expect(reasons(http)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(ws).toEqual(http);
  });

  it('refuses introspection and hides field suggestions in production only', async () => {
    const intro = await both('{ __schema { queryType { name } } }');
    const typo = await both('{ queuez { id } }');

    if (mode === 'production') {
      expect(reasons(intro.http)).toEqual(['INTROSPECTION_DISABLED']);
      expect(typo.http[0]?.message).toBe('Cannot query field "queuez" on type "Query".');
    } else {
      expect(intro.http).toEqual([]);
      expect(typo.http[0]?.message).toContain('Did you mean "queues"?');
    }
    expect(intro.ws).toEqual(intro.http);
    expect(typo.ws).toEqual(typo.http);
  });

  it('refuses batched HTTP requests and bodies over the size limit', async () => {
    const batch = await gw.http('', {
      token,
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(batch.status).toBe(400);

    const big = await gw.http('', {
      token,
      body: JSON.stringify({ query: `{ me { id } } #${'x'.repeat(MAX_BODY_BYTES)}` }),
    });
    expect(big.status).toBe(413);
  });
});

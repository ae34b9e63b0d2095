import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isLeafType,
  type GraphQLField,
  type GraphQLFormattedError,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { GatewayHarness, type HttpResult } from './testing/gateway-harness';
import { startRealRouting, type RealRouting } from './testing/real-routing';

// Spawns the real routing service; each property is bounded by interruptAfterTimeLimit.
jest.setTimeout(180_000);

const SEED = 20261204;
const schema: GraphQLSchema = buildSchema(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

/** docs/api.md "Errors", plus graphql-js/Apollo's parse failure. Never INTERNAL. */
const TYPED = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UPSTREAM_UNAVAILABLE',
  'RATE_LIMITED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  // Apollo's own, HTTP 400: an empty or missing `query` (not in docs/api.md's table).
  'BAD_REQUEST',
]);

function expectTyped(errors: readonly GraphQLFormattedError[] | undefined, where: string): void {
  for (const e of errors ?? []) {
    const code = e.extensions?.['code'];
    if (typeof code !== 'string' || !TYPED.has(code)) {
      throw new Error(`${where}: untyped error ${JSON.stringify(e)}`);
    }
    if ('stacktrace' in (e.extensions ?? {})) throw new Error(`${where}: stacktrace in ${JSON.stringify(e)}`);
  }
}

function expectAnswer(res: HttpResult, where: string): void {
  if (![200, 400, 429].includes(res.status)) {
    throw new Error(`${where}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  }
  expectTyped(res.body.errors, where);
}

const ids = (pool: string[]) => fc.oneof(fc.constantFrom(...pool), fc.uuid(), fc.string({ maxLength: 40 }));

/** A JSON value of the input type (well typed), drawn from the schema. */
function valueOf(type: GraphQLInputType, pool: string[], depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, pool, depth);
  const inner = ((): fc.Arbitrary<unknown> => {
    if (isListType(type)) {
      return fc.array(valueOf(type.ofType, pool, depth + 1), { maxLength: depth > 1 ? 1 : 3 });
    }
    if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);

      return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, pool, depth + 1)])), {
        requiredKeys: required,
      });
    }
    switch (type.name) {
      case 'ID':
        return ids(pool);
      case 'Int':
        return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.integer());
      case 'Float':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'Boolean':
        return fc.boolean();
      case 'DateTime':
        return fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.string({ maxLength: 30 }),
        );
      default:
        return fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.constantFrom('', '\u0000', 'en', 'x'.repeat(5000)),
        );
    }
  })();

  return isNonNullType(type) ? inner : fc.option(inner, { nil: null });
}

/** Scalar subfields without required arguments: a random non-empty selection, or none for a leaf. */
function selectionOf(field: GraphQLField<unknown, unknown>): fc.Arbitrary<string> {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return fc.constant('');
  if (!isObjectType(named)) return fc.constant('{ __typename }');
  const leaves = Object.values(named.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => f.name);
  if (leaves.length === 0) return fc.constant('{ __typename }');

  return fc.subarray(leaves, { minLength: 1 }).map((fs) => `{ ${fs.join(' ')} }`);
}

interface Op {
  query: string;
  variables: Record<string, unknown>;
}

/** One field of Query or Mutation with every argument as a variable, well typed or (sometimes) not. */
function operationOf(kind: 'query' | 'mutation', pool: string[]): fc.Arbitrary<Op> {
  const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const fields = Object.values(root.getFields());

  return fc.constantFrom(...fields).chain((field) => {
    const vars = Object.fromEntries(
      field.args.map((a) => [
        a.name,
        fc.oneof(
          { weight: 4, arbitrary: valueOf(a.type, pool) },
          { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
        ),
      ]),
    );
    const header = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
    const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');

    return fc
      .record({ selection: selectionOf(field), variables: fc.record(vars) })
      .map(({ selection, variables }) => ({
        query: `${kind}${header ? `(${header})` : ''} { ${field.name}${call ? `(${call})` : ''} ${selection} }`,
        variables: variables as Record<string, unknown>,
      }));
  });
}

/** Documents the parser or the limits must refuse. */
function invalidDocument(valid: string[]): fc.Arbitrary<Op> {
  const nest = (n: number) =>
    `{ ${'conversations(order: NEWEST) { edges { node { customer { '.repeat(n)}id${' } } } }'.repeat(n)} }`;

  return fc
    .oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.tuple(fc.constantFrom(...valid), fc.nat()).map(([d, n]) => d.slice(0, n % Math.max(1, d.length))),
      fc.integer({ min: 9, max: 60 }).map(nest),
      fc
        .integer({ min: 16, max: 400 })
        .map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`),
      fc.integer({ min: 2, max: 12 }).map((n) => {
        const frags = Array.from(
          { length: n },
          (_, i) => `fragment F${i} on Agent { ${i === n - 1 ? 'id' : `...F${i + 1} ...F${i + 1}`} }`,
        );

        return `{ me { ...F0 } } ${frags.join(' ')}`;
      }),
      fc.constant(
        '{ conversations(order: NEWEST, first: 100) { edges { node { messages { id } notes { id } } } } }',
      ),
    )
    .map((query) => ({ query, variables: {} }));
}

describe('fuzz: the public GraphQL API answers typed errors only (real routing, PostgreSQL, NATS)', () => {
  let routing: RealRouting;
  let gw: GatewayHarness;
  let token: string;
  let pool: string[];
  let brandAIds: string[];

  beforeAll(async () => {
    routing = await startRealRouting();
    gw = await GatewayHarness.start({
      serve: false,
      env: {
        ...routing.gatewayEnv,
        RATE_LIMIT_BURST: '100000',
        RATE_LIMIT_PER_SECOND: '100000',
        RPC_TIMEOUT_MS: '1500',
      },
    });
    const sup = await routing.agent('supervisor');
    const other = await routing.agent('agent');
    token = gw.token(sup);
    const queue = await routing.newQueue(sup.brandId);
    brandAIds = [other.id, queue, sup.id];
    // Never the supervisor's own id: a random deactivateAgent/updateAgent must not wipe the fixture.
    pool = [other.id, queue, randomUUID()];
  });

  afterAll(async () => {
    await routing?.stop();
    await gw?.close();
  });

  async function healthy(): Promise<void> {
    const res = await gw.http<{ me: { id: string } }>('{ me { id } }', { token });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.me.id).toBeDefined();
  }

  it.each(['query', 'mutation'] as const)(
    'every %s field with random arguments and selections',
    async (kind) => {
      await fc.assert(
        fc.asyncProperty(operationOf(kind, pool), async (op) => {
          const res = await gw.http(op.query, { token, variables: op.variables });
          expectAnswer(res, op.query);
        }),
        { seed: SEED, numRuns: 150, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: false },
      );
      await healthy();
    },
  );

  it('invalid documents, limit bombs and huge variables', async () => {
    const valid = [
      '{ me { id name role } }',
      'query($id: ID!) { conversation(id: $id) { id status } }',
      'mutation { setAgentStatus(status: ONLINE) { agentId } }',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          invalidDocument(valid),
          fc.record({
            query: fc.constant('query($id: ID!) { conversation(id: $id) { id } }'),
            variables: fc.record({
              id: fc.oneof(fc.constant('x'.repeat(70_000)), fc.jsonValue({ maxDepth: 4 })),
            }),
          }),
        ),
        async (op) => {
          const res = await gw.http(op.query, { token, variables: op.variables });
          if (res.status === 413) return; // body past MAX_BODY_BYTES, refused before parsing
          expectAnswer(res, op.query.slice(0, 200));
          if (res.status === 400) expect(res.body.errors?.length).toBeGreaterThan(0);
        },
      ),
      { seed: SEED, numRuns: 150, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: false },
    );
    await healthy();
  });

  it('no credential, garbage tokens and keys, another brand’s ids: typed refusals, never brand A’s data', async () => {
    const brandB = await routing.newBrand();
    const outsider = gw.token(await routing.agent('supervisor', brandB));
    const credential = fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 80 }).map((s) => `Bearer ${s}`),
      fc.string({ maxLength: 80 }).map((s) => `ApiKey ${s}`),
      fc.stringMatching(/^rk_[A-Za-z0-9_]{0,60}$/).map((s) => `ApiKey ${s}`),
      fc.string({ maxLength: 80 }),
      fc.constant(
        `Bearer ${jwt.sign({ brandId: randomUUID(), role: 'admin' }, 'forged-secret', { subject: randomUUID() })}`,
      ),
      fc.constant(
        `Bearer ${jwt.sign({ brandId: randomUUID(), role: 'admin' }, '', { algorithm: 'none' } as jwt.SignOptions)}`,
      ),
    );
    const query = fc.constantFrom(
      '{ agents { id email } }',
      'query($id: ID) { agentShifts(agentId: $id) { agentId } }',
      'query($id: ID!) { conversation(id: $id) { id } }',
      'query($id: ID!) { customer(id: $id) { id } }',
      'query($id: ID) { queueUpdated: queues { id name } agentShifts(agentId: $id) { agentId timezone } }',
    );
    await fc.assert(
      fc.asyncProperty(
        credential,
        query,
        fc.constantFrom(...brandAIds),
        fc.boolean(),
        async (authorization, q, id, asOutsider) => {
          const headers: Record<string, string> = {};
          if (authorization !== undefined && !asOutsider) {
            headers['authorization'] =
              authorization
                .split('')
                .filter((c) => c >= ' ')
                .join('') || 'x';
          }
          if (asOutsider) headers['authorization'] = `Bearer ${outsider}`;
          let res: HttpResult;
          try {
            res = await gw.http(q, { headers, variables: { id } });
          } catch {
            return; // fetch refuses a header value it cannot send (non-latin1): nothing reached the gateway
          }
          expectAnswer(res, `${q} as ${asOutsider ? 'brand B' : String(authorization)}`);
          const data = JSON.stringify(res.body.data ?? null);
          for (const a of brandAIds) expect(data).not.toContain(a);
          if (!asOutsider) {
            // Refused: no field resolved to a value (nullable ones may be null beside the error).
            expect(res.body.errors?.length).toBeGreaterThan(0);
            expect(Object.values(res.body.data ?? {}).filter((v) => v !== null)).toEqual([]);
          }
        },
      ),
      { seed: SEED, numRuns: 120, interruptAfterTimeLimit: 15_000, markInterruptAsFailure: false },
    );
    await healthy();
  });

  it('graphql-ws: random and malformed frames close with a protocol code or answer an error; other sockets keep working', async () => {
    const CLOSE_CODES = new Set([1000, 1009, 1013, 4400, 4401, 4403, 4406, 4408, 4409, 4429, 4499]);
    const frame = fc.oneof(
      fc.string({ maxLength: 100 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc
        .record({
          type: fc.oneof(
            fc.constantFrom(
              'connection_init',
              'subscribe',
              'ping',
              'pong',
              'complete',
              'next',
              'error',
              'connection_ack',
            ),
            fc.string({ maxLength: 12 }),
          ),
          id: fc.option(fc.oneof(fc.uuid(), fc.integer())),
          payload: fc.option(fc.jsonValue({ maxDepth: 3 })),
        })
        .map((f) => JSON.stringify(f)),
      fc.constant(JSON.stringify({ type: 'subscribe', id: '1', payload: { query: '{ me { id } }' } })),
      fc.constant(
        JSON.stringify({ type: 'connection_init', payload: { authorization: 'x'.repeat(70_000) } }),
      ),
      fc.constant(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 5 }), async (frames) => {
        const ws = new WebSocket(`ws://127.0.0.1:${gw.port}/graphql`, 'graphql-transport-ws');
        const received: string[] = [];
        const outcome = new Promise<number | null>((resolve) => {
          ws.on('message', (m: Buffer) => received.push(m.toString()));
          ws.on('close', (code) => resolve(code));
          ws.on('error', () => {});
          // Bounded wait, not a timed assertion: a socket still open after the frames is fine.
          setTimeout(() => resolve(null), 1500).unref();
        });
        await new Promise<void>((resolve) => {
          ws.on('open', () => {
            for (const f of frames) ws.send(f);
            resolve();
          });
          ws.on('close', () => resolve());
        });
        const code = await outcome;
        ws.terminate();
        if (code !== null && !CLOSE_CODES.has(code)) {
          throw new Error(`closed with ${code} after ${JSON.stringify(frames).slice(0, 300)}`);
        }
        for (const m of received) {
          const msg = JSON.parse(m) as { type: string; payload?: unknown };
          if (msg.type === 'error') expectTyped(msg.payload as GraphQLFormattedError[], 'ws error');
          if (msg.type === 'next') {
            expectTyped((msg.payload as { errors?: GraphQLFormattedError[] }).errors, 'ws next');
          }
        }
      }),
      { seed: SEED, numRuns: 60, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: false },
    );
    const socket = gw.socket(token);
    await socket.connected;
    expect(
      (await socket.execute<{ me: { id: string } }>({ query: '{ me { id } }' })).data?.me.id,
    ).toBeDefined();
    await healthy();
  });
});

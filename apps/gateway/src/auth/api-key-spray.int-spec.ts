import { randomBytes } from 'node:crypto';
import { ApiKeyRpc, DomainError, ErrorCode, sealApiKey } from '@roost/contracts';
import { RpcServer, silentLogger } from '@roost/messaging';
import { API_KEY_LOOKUPS_BURST, API_KEY_LOOKUPS_PER_SECOND } from '../common/limits/limits.constants';
import { GatewayHarness } from '../testing/gateway-harness';

const QUEUES = '{ queues { id } }';
const random = (): string => randomBytes(32).toString('base64url');

describe('a spray of API keys through the gateway', () => {
  let gw: GatewayHarness;
  let lookups = 0;

  beforeAll(async () => {
    // The per-caller operation limit is off so that only the API-key budget can answer RATE_LIMITED.
    gw = await GatewayHarness.start({ env: { RATE_LIMIT_PER_SECOND: '0' } });
    const routing = new RpcServer(gw.nats, 'test-api-key-routing', silentLogger);
    routing.serve(ApiKeyRpc.Verify, () => {
      lookups += 1;

      return Promise.reject(
        new DomainError(ErrorCode.Unauthenticated, 'invalid API key', { reason: 'INVALID_API_KEY' }),
      );
    });
    await routing.ready();
  });

  afterAll(async () => {
    await gw?.close();
  });

  const refusal = async (key: string): Promise<unknown> =>
    (await gw.http(QUEUES, { headers: { 'x-api-key': key } })).body.errors?.[0]?.extensions;

  it('refuses random keys with UNAUTHENTICATED and never asks routing', async () => {
    const codes = new Set<unknown>();
    for (let i = 0; i < 100; i++) {
      codes.add(
        (
          (await refusal(i % 2 === 0 ? `rk_${random()}${random().slice(0, 6)}` : random())) as {
            code: string;
          }
        ).code,
      );
    }

    expect(codes).toEqual(new Set(['UNAUTHENTICATED']));
    expect(lookups).toBe(0);
  });

  it('asks routing a bounded number of times for forged well-formed keys, then answers RATE_LIMITED on HTTP and 1013 on graphql-ws', async () => {
    const started = Date.now();
    const refusals: unknown[] = [];
    for (let i = 0; i < API_KEY_LOOKUPS_BURST + 30; i++) refusals.push(await refusal(sealApiKey(random())));

    // The budget refills while the requests run (one a second): each refill is one more lookup.
    expect(lookups).toBeGreaterThanOrEqual(API_KEY_LOOKUPS_BURST);
    expect(lookups).toBeLessThanOrEqual(
      API_KEY_LOOKUPS_BURST + Math.ceil(((Date.now() - started) / 1000) * API_KEY_LOOKUPS_PER_SECOND) + 1,
    );
    const unauthenticated = { code: 'UNAUTHENTICATED', details: { reason: 'INVALID_API_KEY' } };
    const limited = { code: 'RATE_LIMITED', details: { reason: 'API_KEY_RATE_LIMITED' } };
    expect(refusals.slice(0, API_KEY_LOOKUPS_BURST)).toEqual(
      Array(API_KEY_LOOKUPS_BURST).fill(unauthenticated),
    );
    expect(refusals.filter((r) => JSON.stringify(r) === JSON.stringify(unauthenticated))).toHaveLength(
      lookups,
    );
    expect(refusals.filter((r) => JSON.stringify(r) === JSON.stringify(limited))).toHaveLength(
      refusals.length - lookups,
    );

    // A socket's connection_init spends the same budget; a refill may let one through to a 4401 first.
    const closes: Array<{ code: number; reason: string }> = [];
    while (closes.at(-1)?.code !== 1013 && closes.length < 5) {
      closes.push(await gw.socket(undefined, { apiKey: sealApiKey(random()) }).closed);
    }
    expect(closes.at(-1)).toEqual({ code: 1013, reason: 'Try again later: too many refused API keys' });
    expect(closes.slice(0, -1).every((c) => c.code === 4401)).toBe(true);
  });
});

import { randomUUID } from 'node:crypto';
import { GatewayHarness } from '../../testing/gateway-harness';

const QUERY = '{ queues { id } }';

describe('per-caller rate limits, one bucket for HTTP and graphql-ws', () => {
  let gw: GatewayHarness;

  beforeAll(async () => {
    // A burst of 3 and one token every 100 s: nothing refills while the test runs.
    gw = await GatewayHarness.start({ env: { RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_SECOND: '0.01' } });
  });

  afterAll(async () => {
    await gw.close();
  });

  it('refuses the operation past the burst with RATE_LIMITED, retryAfterSeconds and HTTP 429', async () => {
    const token = gw.token(gw.fx.agentA);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await gw.http(QUERY, { token }));

    expect(answers.slice(0, 3).map((a) => a.body.errors)).toEqual([undefined, undefined, undefined]);
    const refused = answers[3]!;
    expect(refused.status).toBe(429);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0]?.extensions).toEqual({
      code: 'RATE_LIMITED',
      details: { reason: 'RATE_LIMITED', retryAfterSeconds: 100, limitPerSecond: 0.01 },
    });
  });

  it('counts operations on the socket against the same bucket as HTTP', async () => {
    const { supA } = gw.fx;
    const token = gw.token(supA);
    expect((await gw.http(QUERY, { token })).body.errors).toBeUndefined();
    expect((await gw.http(QUERY, { token })).body.errors).toBeUndefined();
    const socket = gw.socket(token);

    expect((await socket.execute({ query: QUERY })).errors).toBeUndefined();
    const refused = await socket.execute({ query: QUERY });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      details: { reason: 'RATE_LIMITED' },
    });
    const refusedSubscription = await socket.execute({ query: 'subscription { queueUpdated { queueId } }' });
    expect(refusedSubscription.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await gw.http(QUERY, { token })).body.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
    await socket.dispose();
  });

  it('keeps callers apart: another supervisor of the same brand still has a full bucket', async () => {
    // Another supervisor routing knows (FakeUpstream's agents): the gateway refuses tokens of unknown agents.
    const otherSup = { ...gw.fx.supA, id: randomUUID() };
    gw.fx.agents.push(otherSup);
    const token = gw.token(otherSup);

    expect((await gw.http(QUERY, { token })).body.errors).toBeUndefined();
  });
});

import { randomUUID } from 'node:crypto';
import { eventually } from '@roost/testing';
import { GatewayHarness } from '../../testing/gateway-harness';

/** Anonymous operations take a token from the client address's bucket: a burst of 3, no refill. */
const BUCKET = { RATE_LIMIT_BURST: '3', RATE_LIMIT_PER_SECOND: '0.001' };
const ANON = '{ __typename }';

const codes = async (gw: GatewayHarness, forwardedFor: string[]): Promise<Array<string | undefined>> => {
  const out: Array<string | undefined> = [];
  for (const xff of forwardedFor) {
    const res = await gw.http(ANON, { headers: { 'x-forwarded-for': xff } });
    out.push(res.body.errors?.[0]?.extensions?.['code'] as string | undefined);
  }

  return out;
};

describe('client address behind proxies (GATEWAY_TRUST_PROXY)', () => {
  it('ignores X-Forwarded-For by default: a new header value is not a new bucket', async () => {
    const gw = await GatewayHarness.start({ env: BUCKET });
    try {
      expect(await codes(gw, ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4'])).toEqual([
        undefined,
        undefined,
        undefined,
        'RATE_LIMITED',
      ]);
    } finally {
      await gw.close();
    }
  });

  it('honours X-Forwarded-For from a trusted proxy: each client has its own bucket', async () => {
    const gw = await GatewayHarness.start({ env: { ...BUCKET, GATEWAY_TRUST_PROXY: 'loopback' } });
    try {
      expect(await codes(gw, ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4'])).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      expect(await codes(gw, ['203.0.113.9', '203.0.113.9', '203.0.113.9', '203.0.113.9'])).toEqual([
        undefined,
        undefined,
        undefined,
        'RATE_LIMITED',
      ]);
    } finally {
      await gw.close();
    }
  });
});

describe('sockets per agent (GATEWAY_MAX_SOCKETS_PER_AGENT)', () => {
  let gw: GatewayHarness;

  beforeAll(async () => {
    gw = await GatewayHarness.start({ env: { GATEWAY_MAX_SOCKETS_PER_AGENT: '2' } });
  });

  afterAll(async () => {
    await gw.close();
  });

  it('refuses the agent’s N+1th socket with 4429, counts other agents apart, and frees a slot on close', async () => {
    const token = gw.token(gw.fx.agentA);
    const first = gw.socket(token);
    const second = gw.socket(token);
    await Promise.all([first.connected, second.connected]);

    const third = gw.socket(token);
    await expect(third.closed).resolves.toEqual({
      code: 4429,
      reason: 'Too many sockets: at most 2 per agent',
    });

    // Another agent routing knows (FakeUpstream's agents): the gateway refuses tokens of unknown agents.
    const otherAgent = { ...gw.fx.agentA, id: randomUUID() };
    gw.fx.agents.push(otherAgent);
    const other = gw.socket(gw.token(otherAgent));
    await other.connected;

    await first.dispose();
    await eventually(async () => {
      const again = gw.socket(token);
      const outcome = await Promise.race([
        again.connected.then(() => 'connected'),
        again.closed.then((c) => c.code),
      ]);
      if (outcome !== 'connected') {
        await again.dispose();
        throw new Error(`refused with ${String(outcome)}`);
      }

      return true;
    });
  });
});

import { Rpc } from '@roost/contracts';
import { RpcServer, silentLogger } from '@roost/messaging';
import { GatewayHarness } from '../../testing/gateway-harness';

const RPC_TIMEOUT_MS = 300;

describe('gateway with a dead upstream (no responder on NATS)', () => {
  let gw: GatewayHarness;

  beforeAll(async () => {
    gw = await GatewayHarness.start({ serve: false, env: { RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS) } });
    // Only the caller's profile answers (the gateway checks every caller's current role and queues):
    // the services the operations themselves need stay dead.
    const profiles = new RpcServer(gw.nats, 'fake-profiles', silentLogger);
    profiles.serve(Rpc.GetAgents, async ({ brandId, ids }) => ({
      agents: gw.fx.agents.filter((a) => a.brandId === brandId && (!ids || ids.includes(a.id))),
    }));
    await profiles.ready();
  });

  afterAll(async () => {
    await gw.close();
  });

  it('answers UPSTREAM_UNAVAILABLE when nobody listens, on HTTP and graphql-ws', async () => {
    const token = gw.token(gw.fx.supA);
    const http = await gw.http('{ queues { id } }', { token });

    expect(http.body.data).toBeNull();
    expect(http.body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });

    const socket = gw.socket(token);
    const ws = await socket.execute({ query: '{ queues { id } }' });
    expect(ws.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    await socket.dispose();
  });

  it('answers UPSTREAM_UNAVAILABLE after the RPC timeout when a responder hangs', async () => {
    // Takes the request and never answers: a service stuck mid-request.
    const hung = gw.nats.nc.subscribe(gw.nats.topology.rpcSubject(Rpc.GetConversation.method), {
      callback: () => {},
    });
    await gw.nats.nc.flush();
    try {
      const started = Date.now();
      const res = await gw.http('{ conversation(id: "0a9f2c1e-7b1d-4c55-9d3e-acbe000000f1") { id } }', {
        token: gw.token(gw.fx.supA),
      });
      const elapsed = Date.now() - started;

      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
      // It waited for the deadline, and no longer than a generous multiple of it (a hang guard, not a speed check).
      expect(elapsed).toBeGreaterThanOrEqual(RPC_TIMEOUT_MS - 20);
      expect(elapsed).toBeLessThan(RPC_TIMEOUT_MS * 10);
    } finally {
      hung.unsubscribe();
    }
  });

  it('keeps login failing fast and typed when routing is down', async () => {
    const res = await gw.http('mutation { login(email: "a@example.com", password: "x") { token } }');

    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });
});

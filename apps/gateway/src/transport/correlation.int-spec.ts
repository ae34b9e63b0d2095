import { Rpc } from '@roost/contracts';
import { RpcServer, silentLogger } from '@roost/messaging';
import { currentCorrelationId } from '@roost/observability';
import { eventually } from '@roost/testing';
import { GatewayHarness } from '../testing/gateway-harness';

/** The correlation id an operation is handled under reaches the services it asks (RPC header). */
describe('correlation ids from the API to the services', () => {
  let gw: GatewayHarness;
  const seen: Array<string | undefined> = [];

  beforeAll(async () => {
    gw = await GatewayHarness.start();
    // A second listener of the queues request (its own queue group): it only records what it is
    // handled under; the fake upstream answers.
    const recorder = new RpcServer(gw.nats, 'correlation-recorder', silentLogger);
    recorder.serve(Rpc.GetQueues, async () => {
      seen.push(currentCorrelationId());

      return { queues: [] };
    });
    await recorder.ready();
  });

  afterAll(async () => {
    await gw.close();
  });

  it("an HTTP request carries the caller's X-Correlation-Id, or a new one; each socket operation its own", async () => {
    const token = gw.token(gw.fx.supA);
    const query = '{ queues { id } }';
    await gw.http(query, { token, headers: { 'x-correlation-id': 'console-7f3a' } });
    await gw.http(query, { token });
    const socket = gw.socket(token);
    await socket.connected;
    await socket.execute({ query });
    await socket.execute({ query });
    await socket.dispose();

    await eventually(() => seen.length >= 4, { what: 'four queue requests recorded' });
    expect(seen[0]).toBe('console-7f3a');
    const uuid = /^[0-9a-f-]{36}$/;
    for (const id of seen.slice(1)) expect(id).toMatch(uuid);
    expect(new Set(seen).size).toBe(4);
  });
});

import { randomUUID } from 'node:crypto';
import { LiveEvents } from '@roost/contracts';
import { NatsClient } from '@roost/messaging';
import { eventually } from '@roost/testing';
import type { FormattedExecutionResult } from 'graphql';
import { QueueUpdatesPubSub } from '../subscriptions/queue-updates.pubsub';
import { queueUpdate } from '../testing/fixtures';
import { GatewayHarness, type SocketClient } from '../testing/gateway-harness';
import { startRealRouting, type RealRouting } from '../testing/real-routing';

const UPDATE =
  'mutation($id: ID!, $changes: UpdateAgentInput!) { updateAgent(id: $id, changes: $changes) { id role queueIds } }';
const CREATE = 'mutation($agent: CreateAgentInput!) { createAgent(agent: $agent) { agent { id } } }';
const WATCH = 'subscription { queueUpdated { queueId conversationId } }';

type Errors = ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined;
type Update = { queueUpdated: { queueId: string; conversationId: string | null } };

// Spawns the real routing service (its main.ts): slower to start than jest's 5 s default allows.
jest.setTimeout(90_000);

const newAgentInput = () => ({
  agent: { email: `x.${randomUUID()}@acme.example`, name: 'Xavier', initials: 'XX', queueIds: [] },
});

function watch(socket: SocketClient) {
  const received: Array<FormattedExecutionResult<Update>> = [];
  socket.client.subscribe<Update>(
    { query: WATCH },
    {
      next: (r) => received.push(r as FormattedExecutionResult<Update>),
      error: () => {},
      complete: () => {},
    },
  );

  return received;
}

/**
 * RELIABILITY.md "Privileges": role and queue membership are signed into the 8-hour token, but a
 * change of either takes effect at once, on HTTP and on sockets already open (CurrentAccess).
 */
describe('current role and queues, not the token’s (real routing, PostgreSQL, NATS)', () => {
  let routing: RealRouting;
  let gw: GatewayHarness;
  let other: GatewayHarness;

  beforeAll(async () => {
    routing = await startRealRouting();
    gw = await GatewayHarness.start({ serve: false, env: routing.gatewayEnv });
    other = await GatewayHarness.start({ serve: false, env: routing.gatewayEnv });
  });

  afterAll(async () => {
    await other?.app.close();
    await other?.nats.drain();
    await routing?.stop();
    await gw?.close();
  });

  const code = (errors: Errors) => errors?.[0]?.extensions;

  it('a demoted admin’s same token is refused admin mutations at once, over HTTP and over sockets opened before (this gateway and another)', async () => {
    const boss = gw.token(await routing.agent('admin'));
    const ada = await routing.agent('admin');
    const token = gw.token(ada);
    const socket = gw.socket(token);
    const elsewhere = other.socket(other.token(ada));
    await Promise.all([socket.connected, elsewhere.connected]);
    // Still an admin: allowed on both.
    expect((await socket.execute({ query: CREATE, variables: newAgentInput() })).errors).toBeUndefined();

    const demoted = await gw.http(UPDATE, {
      token: boss,
      variables: { id: ada.id, changes: { role: 'SUPERVISOR' } },
    });
    expect(demoted.body.errors).toBeUndefined();

    const forbidden = { code: 'FORBIDDEN', details: { reason: 'ROLE', required: ['admin'] } };
    expect(code((await gw.http(CREATE, { token, variables: newAgentInput() })).body.errors)).toMatchObject(
      forbidden,
    );
    expect(code((await socket.execute({ query: CREATE, variables: newAgentInput() })).errors)).toMatchObject(
      forbidden,
    );
    // Another gateway learns it from routing's announcement (and would from its minute's re-read).
    await eventually(
      async () =>
        code((await elsewhere.execute({ query: CREATE, variables: newAgentInput() })).errors)?.['code'] ===
        'FORBIDDEN',
      {
        what: 'the other gateway refuses the demoted admin',
      },
    );
    expect(
      code((await elsewhere.execute({ query: CREATE, variables: newAgentInput() })).errors),
    ).toMatchObject(forbidden);
    expect(
      code((await other.http(CREATE, { token: other.token(ada), variables: newAgentInput() })).body.errors),
    ).toMatchObject(forbidden);
    // The sockets stay open for what a supervisor may do.
    expect((await socket.execute<{ me: { role: string } }>({ query: '{ me { role } }' })).data?.me.role).toBe(
      'SUPERVISOR',
    );
  });

  it('an agent removed from a queue stops getting that queue’s events on a subscription opened before', async () => {
    const boss = gw.token(await routing.agent('admin'));
    const brandId = (await routing.agent('agent')).brandId;
    const [q1, q2] = [await routing.newQueue(brandId), await routing.newQueue(brandId)];
    const bea = await routing.agent('agent', brandId);
    for (const q of [q1, q2]) {
      await routing.pg.query(
        `INSERT INTO "${routing.schema}".agent_queues (brand_id, agent_id, queue_id) VALUES ($1, $2, $3)`,
        [brandId, bea.id, q],
      );
    }
    const socket = gw.socket(gw.token({ ...bea, queueIds: [q1, q2] }));
    await socket.connected;
    const received = watch(socket);
    const pubsub = gw.app.get(QueueUpdatesPubSub);
    await eventually(() => pubsub.listeners(brandId) === 1, { what: 'subscribed' });
    await gw.app.get(NatsClient).nc.flush();

    const first = queueUpdate({ id: q1, brandId });
    gw.live.publish(LiveEvents.QueueUpdated, brandId, q1, first);
    await eventually(() => received.length === 1, { what: 'the first event of q1' });

    const removed = await gw.http(UPDATE, {
      token: boss,
      variables: { id: bea.id, changes: { queueIds: [q2] } },
    });
    expect(removed.body.errors).toBeUndefined();
    // In this order on one connection: a leak of q1 would arrive before q2's event.
    const leak = queueUpdate({ id: q1, brandId });
    const still = queueUpdate({ id: q2, brandId });
    gw.live.publish(LiveEvents.QueueUpdated, brandId, q1, leak);
    gw.live.publish(LiveEvents.QueueUpdated, brandId, q2, still);
    await eventually(() => received.length >= 2, { what: 'the event of q2' });
    expect(received.map((r) => r.data?.queueUpdated.queueId)).toEqual([q1, q2]);
  });
});

import { randomUUID } from 'node:crypto';
import { LiveEvents } from '@roost/contracts';
import { NatsClient } from '@roost/messaging';
import { eventually } from '@roost/testing';
import type { FormattedExecutionResult } from 'graphql';
import { QueueUpdatesPubSub } from '../subscriptions/queue-updates.pubsub';
import { SharedSubscriptionExecutor } from '../subscriptions/shared-subscription.executor';
import { queueUpdate } from '../testing/fixtures';
import { GatewayHarness, type SocketClient } from '../testing/gateway-harness';

const WATCH =
  'subscription($queueId: ID) { queueUpdated(queueId: $queueId) { queueId reason conversationId waiting assigned at } }';

type Update = {
  queueUpdated: { queueId: string; reason: string; conversationId: string | null; waiting: number };
};

/** Collects every result a subscription delivers. */
function watch(socket: SocketClient, variables: Record<string, unknown> = {}) {
  const received: Array<FormattedExecutionResult<Update>> = [];
  const done = new Promise<void>((resolve) => {
    socket.client.subscribe<Update>(
      { query: WATCH, variables },
      {
        next: (r) => received.push(r as FormattedExecutionResult<Update>),
        error: (err) => {
          if (Array.isArray(err)) received.push({ errors: err });
          resolve();
        },
        complete: () => resolve(),
      },
    );
  });

  return { received, done };
}

describe('gateway queueUpdated subscription (graphql-ws, NATS live events)', () => {
  let gw: GatewayHarness;
  let pubsub: QueueUpdatesPubSub;

  beforeAll(async () => {
    gw = await GatewayHarness.start();
    pubsub = gw.app.get(QueueUpdatesPubSub);
  });

  afterAll(async () => {
    await gw.close();
  });

  /** Every subscriber registered and its NATS SUB seen by the server before we publish. */
  async function ready(brandId: string, listeners: number): Promise<void> {
    await eventually(() => pubsub.listeners(brandId) === listeners, {
      what: `${listeners} listeners of ${brandId}`,
    });
    await gw.app.get(NatsClient).nc.flush();
  }

  it('refuses a queue id of another brand, for agents and supervisors alike', async () => {
    const { agentA, supA, qB1 } = gw.fx;
    for (const who of [agentA, supA]) {
      const socket = gw.socket(gw.token(who));
      const sub = watch(socket, { queueId: qB1.id });
      await sub.done;

      expect(sub.received).toEqual([
        {
          errors: [
            expect.objectContaining({
              extensions: { code: 'FORBIDDEN', details: { reason: 'QUEUE_NOT_VISIBLE' } },
            }),
          ],
        },
      ]);
      await socket.dispose();
    }
    // An agent may not watch a queue of their own brand that is not theirs either.
    const socket = gw.socket(gw.token(agentA));
    const sub = watch(socket, { queueId: gw.fx.qA2.id });
    await sub.done;
    expect(sub.received[0]?.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    await socket.dispose();
  });

  it('delivers the caller’s brand and visible queues only, over one NATS subscription per brand', async () => {
    const { agentA, supA, agentB, qA1, qA2, qB1, brandA, brandB } = gw.fx;
    const sockets = {
      agentA: gw.socket(gw.token(agentA)),
      supA: gw.socket(gw.token(supA)),
      agentB: gw.socket(gw.token(agentB)),
    };
    const subs = { agentA: watch(sockets.agentA), supA: watch(sockets.supA), agentB: watch(sockets.agentB) };
    await ready(brandA, 2);
    await ready(brandB, 1);
    expect(pubsub.brandCount).toBe(2);

    // Published in this order on one connection, so a leak would arrive before the last event.
    const forB = queueUpdate(qB1);
    const foreignPayloadOnA = queueUpdate({ id: qA1.id, brandId: brandB }); // brand A subject, brand B payload
    const otherQueueOfA = queueUpdate(qA2);
    const forA = queueUpdate(qA1);
    gw.live.publish(LiveEvents.QueueUpdated, brandB, qB1.id, forB);
    gw.live.publish(LiveEvents.QueueUpdated, brandA, qA1.id, foreignPayloadOnA);
    gw.live.publish(LiveEvents.QueueUpdated, brandA, qA2.id, otherQueueOfA);
    gw.live.publish(LiveEvents.QueueUpdated, brandA, qA1.id, forA);

    const ids = (r: Array<FormattedExecutionResult<Update>>) =>
      r.map((x) => x.data?.queueUpdated.conversationId);
    await eventually(
      () =>
        subs.agentA.received.length >= 1 &&
        subs.supA.received.length >= 2 &&
        subs.agentB.received.length >= 1,
    );
    // One more event on each brand, after which nothing else may have arrived.
    const lastA = queueUpdate(qA1);
    const lastB = queueUpdate(qB1);
    gw.live.publish(LiveEvents.QueueUpdated, brandA, qA1.id, lastA);
    gw.live.publish(LiveEvents.QueueUpdated, brandB, qB1.id, lastB);
    await eventually(
      () =>
        ids(subs.agentA.received).includes(lastA.conversationId) &&
        ids(subs.agentB.received).includes(lastB.conversationId),
    );
    await eventually(() => ids(subs.supA.received).includes(lastA.conversationId));

    expect(ids(subs.agentA.received)).toEqual([forA.conversationId, lastA.conversationId]);
    expect(ids(subs.supA.received)).toEqual([
      otherQueueOfA.conversationId,
      forA.conversationId,
      lastA.conversationId,
    ]);
    expect(ids(subs.agentB.received)).toEqual([forB.conversationId, lastB.conversationId]);
    expect(subs.agentA.received[0]).toEqual({
      data: {
        queueUpdated: {
          queueId: qA1.id,
          reason: 'CONVERSATION_ROUTED',
          conversationId: forA.conversationId,
          waiting: 3,
          assigned: 1,
          at: forA.at,
        },
      },
    });

    for (const s of Object.values(sockets)) await s.dispose();
    await eventually(() => pubsub.brandCount === 0, {
      what: 'brand subscriptions closed after the last socket',
    });
  });

  it('executes an event once per group of identical subscriptions', async () => {
    const { supA, brandA, qA1 } = gw.fx;
    const executor = gw.app.get(SharedSubscriptionExecutor);
    const sockets = [gw.socket(gw.token(supA)), gw.socket(gw.token(supA)), gw.socket(gw.token(supA))];
    const subs = sockets.map((s) => watch(s));
    await ready(brandA, 3);
    const before = executor.executions;

    const event = queueUpdate(qA1, { conversationId: randomUUID() });
    gw.live.publish(LiveEvents.QueueUpdated, brandA, qA1.id, event);
    await eventually(() => subs.every((s) => s.received.length === 1));

    expect(executor.executions - before).toBe(1);
    expect(subs.map((s) => s.received[0]?.data?.queueUpdated.conversationId)).toEqual([
      event.conversationId,
      event.conversationId,
      event.conversationId,
    ]);
    for (const s of sockets) await s.dispose();
  });

  it('ends subscriptions and releases the brand subscription when the socket closes', async () => {
    const { supA, brandA } = gw.fx;
    const socket = gw.socket(gw.token(supA));
    const sub = watch(socket);
    await ready(brandA, 1);

    await socket.dispose();
    await eventually(() => pubsub.listeners(brandA) === 0, { what: 'listener released' });
    expect(pubsub.brandCount).toBe(0);
    expect(sub.received).toEqual([]);
  });
});

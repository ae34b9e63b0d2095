import { randomUUID } from 'node:crypto';
import { Events, type ConversationSlaAlertV1 } from '@roost/contracts';
import { EventBus } from '@roost/messaging';
import { eventually } from '@roost/testing';
import type { FormattedExecutionResult } from 'graphql';
import { SlaAlertsPubSub } from '../subscriptions/sla-alerts.pubsub';
import { GatewayHarness, type SocketClient } from '../testing/gateway-harness';

const WATCH = `subscription($queueId: ID) {
  slaAlerts(queueId: $queueId) { conversationId kind queueId currentQueueId assigneeId status priority deadline action at }
}`;

type Alert = {
  slaAlerts: {
    conversationId: string;
    kind: string;
    action: string;
    queueId: string;
    currentQueueId: string;
  };
};

function watch(socket: SocketClient, variables: Record<string, unknown> = {}) {
  const received: Array<FormattedExecutionResult<Alert>> = [];
  const done = new Promise<void>((resolve) => {
    socket.client.subscribe<Alert>(
      { query: WATCH, variables },
      {
        next: (r) => received.push(r as FormattedExecutionResult<Alert>),
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

function alert(
  brandId: string,
  queueId: string,
  over: Partial<ConversationSlaAlertV1> = {},
): ConversationSlaAlertV1 {
  return {
    schema: 1,
    brandId,
    conversationId: randomUUID(),
    kind: 'warning',
    queueId,
    currentQueueId: queueId,
    assigneeId: null,
    status: 'waiting',
    priority: 60,
    deadline: '2026-03-10T07:30:00.000Z',
    action: 'priority_raised',
    at: '2026-03-10T07:24:00.000Z',
    ...over,
  };
}

describe('gateway slaAlerts subscription (graphql-ws, durable conversation.sla_alert)', () => {
  let gw: GatewayHarness;
  let pubsub: SlaAlertsPubSub;
  let bus: EventBus;

  beforeAll(async () => {
    gw = await GatewayHarness.start();
    pubsub = gw.app.get(SlaAlertsPubSub);
    bus = new EventBus(gw.nats);
  });

  afterAll(async () => {
    await gw.close();
  });

  const publish = (a: ConversationSlaAlertV1, subjectBrand = a.brandId) =>
    bus.publish(Events.ConversationSlaAlert, a, {
      brandId: subjectBrand,
      msgId: `sla:${a.kind}:${a.conversationId}`,
    });

  it('refuses agents', async () => {
    const socket = gw.socket(gw.token(gw.fx.agentA));
    const sub = watch(socket);
    await sub.done;

    expect(sub.received).toEqual([
      { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })] },
    ]);
    expect(pubsub.listeners(gw.fx.brandA)).toBe(0);
    await socket.dispose();
  });

  it('refuses a queue of another brand', async () => {
    const socket = gw.socket(gw.token(gw.fx.supA));
    const sub = watch(socket, { queueId: gw.fx.qB1.id });
    await sub.done;

    expect(sub.received[0]?.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'QUEUE_NOT_VISIBLE' },
    });
    await socket.dispose();
  });

  it('delivers the caller’s brand only, to supervisors, all queues or one', async () => {
    const { supA, agentB, brandA, brandB, qA1, qA2, qB1 } = gw.fx;
    // A supervisor routing knows (FakeUpstream's agents): the gateway uses the stored role, not the token's.
    const supB = { ...agentB, id: randomUUID(), role: 'supervisor' as const };
    gw.fx.agents.push(supB);
    const sockets = [gw.socket(gw.token(supA)), gw.socket(gw.token(supA)), gw.socket(gw.token(supB))];
    const all = watch(sockets[0]!);
    const onlyQA2 = watch(sockets[1]!, { queueId: qA2.id });
    const otherBrand = watch(sockets[2]!);
    await eventually(() => pubsub.listeners(brandA) === 2 && pubsub.listeners(brandB) === 1, {
      what: 'three listeners',
    });
    await pubsub.ready(brandA);
    await pubsub.ready(brandB);

    // Published in this order, so a leak would arrive before the last event of each brand.
    const warnA = alert(brandA, qA1.id);
    const forB = alert(brandB, qB1.id);
    const foreignPayload = alert(brandB, qB1.id); // on brand A's subject: a publisher bug, never delivered
    const escalatedA = alert(brandA, qA1.id, {
      kind: 'breach',
      action: 'escalated',
      currentQueueId: qA2.id,
      priority: 70,
    });
    await publish(warnA);
    await publish(forB);
    await publish(foreignPayload, brandA);
    await publish(escalatedA);
    const lastB = alert(brandB, qB1.id, { kind: 'breach', action: 'none' });
    await publish(lastB);

    const ids = (r: Array<FormattedExecutionResult<Alert>>) => r.map((x) => x.data?.slaAlerts.conversationId);
    await eventually(
      () =>
        ids(all.received).includes(escalatedA.conversationId) &&
        ids(onlyQA2.received).includes(escalatedA.conversationId) &&
        ids(otherBrand.received).includes(lastB.conversationId),
      { what: 'the last alert of each brand' },
    );

    expect(ids(all.received)).toEqual([warnA.conversationId, escalatedA.conversationId]);
    expect(ids(onlyQA2.received)).toEqual([escalatedA.conversationId]);
    expect(ids(otherBrand.received)).toEqual([forB.conversationId, lastB.conversationId]);
    expect(all.received[1]).toEqual({
      data: {
        slaAlerts: {
          conversationId: escalatedA.conversationId,
          kind: 'BREACH',
          queueId: qA1.id,
          currentQueueId: qA2.id,
          assigneeId: null,
          status: 'WAITING',
          priority: 70,
          deadline: escalatedA.deadline,
          action: 'ESCALATED',
          at: escalatedA.at,
        },
      },
    });

    for (const s of sockets) await s.dispose();
    await eventually(() => pubsub.listeners(brandA) === 0 && pubsub.listeners(brandB) === 0, {
      what: 'feeds closed',
    });
  });
});

import { Injectable } from '@nestjs/common';
import {
  Events,
  type ConversationRoutedV1,
  type ConversationStatusChangedV1,
  type CustomerUpdatedV1,
  type MentionReceivedV1,
  type MessageSentV1,
} from '@roost/contracts';
import { DONE, EventBus, Outbox, outboxEvent, type Delivery, type Outcome } from '@roost/messaging';
import { RoutingMetrics } from '../common/routing.metrics';
import { nextOpening } from '../common/schedule';
import { RoutingRepository, type RoutedRow } from '../data/routing.repository';
import { BrandWriter } from '../state/brand-writer';
import type { RoutingContext } from '../state/routing-context';
import { isQueueOpen } from './eligibility';
import { applyMessageSent } from './message-sent';
import { routeMention } from './router';
import { applyStatusChange } from './status-changes';
import { applyVipChange } from './vip';

type Decided = {
  delivery: Delivery<MentionReceivedV1>;
  routed: RoutedRow;
  queueClosed?: ConversationRoutedV1['queueClosed'];
};

/** For a conversation opened outside its queue's business hours: when the queue opens again. */
function closedQueue(ctx: RoutingContext, routed: RoutedRow): ConversationRoutedV1['queueClosed'] {
  if (!routed.opened) return undefined;
  const q = ctx.state.queues.get(routed.queueId);
  if (!q || isQueueOpen(q, ctx.now)) return undefined;
  const at = nextOpening({ slots: q.businessHours, zone: q.timezone, now: ctx.now });

  return { reopensAt: at === null ? null : new Date(at).toISOString(), timezone: q.timezone };
}

function groupByBrand<T extends { brandId: string }>(
  batch: ReadonlyArray<Delivery<T>>,
): Map<string, Array<Delivery<T>>> {
  const by = new Map<string, Array<Delivery<T>>>();
  for (const d of batch) {
    const list = by.get(d.payload.brandId) ?? [];
    list.push(d);
    by.set(d.payload.brandId, list);
  }

  return by;
}

/** Turns batches of events into committed, published routing decisions (one transaction per brand and batch). */
@Injectable()
export class RoutingService {
  constructor(
    private readonly writer: BrandWriter,
    private readonly repo: RoutingRepository,
    private readonly bus: EventBus,
    private readonly metrics: RoutingMetrics,
    private readonly outbox: Outbox,
  ) {}

  async handleBatch(batch: ReadonlyArray<Delivery<MentionReceivedV1>>): Promise<Outcome[]> {
    const end = this.metrics.batchSeconds.startTimer();
    const outcomes = new Map<Delivery<MentionReceivedV1>, Outcome>();
    for (const [brandId, deliveries] of groupByBrand(batch)) {
      const written = await this.writer.write(brandId, async (ctx, tx) => {
        const already = await this.repo.findRouted(
          tx,
          brandId,
          deliveries.map((d) => d.payload.tweet.id),
        );
        const decided: Decided[] = [];
        for (const delivery of deliveries) {
          const m = delivery.payload;
          const prior = already.get(m.tweet.id);
          if (prior) {
            decided.push({ delivery, routed: prior });
            continue;
          }
          const decision = routeMention(ctx, m);
          if (!decision) throw new Error(`brand ${brandId} has no queue for mention ${m.tweet.id}`);
          const routed: RoutedRow = { tweetId: m.tweet.id, ...decision };
          // The same tweet twice in one batch (concurrent redelivery) is one routing decision.
          already.set(m.tweet.id, routed);
          ctx.changes.routed.push(routed);
          const queueClosed = closedQueue(ctx, routed);
          decided.push(queueClosed ? { delivery, routed, queueClosed } : { delivery, routed });
        }

        return decided;
      });
      if (!written) {
        for (const d of deliveries) {
          outcomes.set(d, {
            kind: 'retry',
            reason: `brand ${brandId} has no queues in routing`,
            afterMs: 5000,
          });
        }
        continue;
      }
      for (const r of written.changes.routed) this.metrics.decisions.inc({ status: r.status });
      await this.publishRouted(brandId, written.result, written.state);
      for (const d of deliveries) outcomes.set(d, DONE);
    }
    end();

    return batch.map((d) => outcomes.get(d) ?? DONE);
  }

  /** conversation.status_changed: frees capacity in the same transaction that records the status. */
  async handleStatusBatch(batch: ReadonlyArray<Delivery<ConversationStatusChangedV1>>): Promise<Outcome[]> {
    for (const [brandId, deliveries] of groupByBrand(batch)) {
      await this.writer.write(brandId, (ctx) => {
        for (const d of deliveries) applyStatusChange(ctx, d.payload);
      });
    }

    return batch.map(() => DONE);
  }

  /**
   * customer.updated: the brand's VIP set, and the priority of a new VIP's open conversations,
   * announced as conversation.priority_changed through the outbox in the same transaction.
   */
  async handleCustomerBatch(batch: ReadonlyArray<Delivery<CustomerUpdatedV1>>): Promise<Outcome[]> {
    for (const [brandId, deliveries] of groupByBrand(batch)) {
      const written = await this.writer.write(brandId, async (ctx, tx) => {
        const at = new Date(ctx.now).toISOString();
        const events = deliveries.flatMap((d) =>
          applyVipChange(ctx, d.payload).map(({ conv, previous }) =>
            outboxEvent(
              Events.ConversationPriorityChanged,
              {
                schema: 1,
                brandId,
                conversationId: conv.id,
                queueId: conv.queueId,
                priority: conv.priority,
                previousPriority: previous,
                reason: 'vip',
                at,
              },
              { msgId: `priority:${brandId}:${conv.id}:vip:${d.payload.at}` },
            ),
          ),
        );
        await this.outbox.add(tx, brandId, events);

        return events.length;
      });
      if (written && written.result > 0) this.outbox.kick(brandId);
      // A brand without queues decides nothing yet; its VIP flags are kept for the load that follows its first queue.
      if (!written) {
        const vips = new Map(
          deliveries.map((d) => [d.payload.xUserId, { vip: d.payload.vip, at: Date.parse(d.payload.at) }]),
        );
        await this.writer.configure(brandId, (tx) => this.repo.saveVips(tx, brandId, vips, 0));
      }
    }

    return batch.map(() => DONE);
  }

  /**
   * message.sent: a first response stops the conversation's SLA timer; a DM sent from a public
   * conversation makes it the customer's DM leg (their DMs join it, see `routeMention`).
   */
  async handleSentBatch(batch: ReadonlyArray<Delivery<MessageSentV1>>): Promise<Outcome[]> {
    for (const [brandId, deliveries] of groupByBrand(batch)) {
      await this.writer.write(brandId, (ctx) => {
        for (const d of deliveries) applyMessageSent(ctx, d.payload);
      });
    }

    return batch.map(() => DONE);
  }

  private async publishRouted(
    brandId: string,
    decided: Decided[],
    state: {
      queues: Map<string, { waiting: { size: number; oldestOpenedAt: number | null }; assigned: number }>;
    },
  ): Promise<void> {
    const routedAt = new Date().toISOString();
    const items = decided.map(({ delivery, routed, queueClosed }) => {
      const q = state.queues.get(routed.queueId);
      const oldest = q?.waiting.oldestOpenedAt ?? null;
      const payload: ConversationRoutedV1 = {
        schema: 1,
        brandId,
        conversationId: routed.conversationId,
        opened: routed.opened,
        queueId: routed.queueId,
        priority: routed.priority,
        status: routed.status,
        assigneeId: routed.assigneeId,
        mention: delivery.payload,
        queueSnapshot: {
          waiting: q?.waiting.size ?? 0,
          assigned: q?.assigned ?? 0,
          oldestWaitingSince: oldest === null ? null : new Date(oldest).toISOString(),
        },
        routedAt,
        ...(routed.opened && routed.rule ? { rule: routed.rule } : {}),
        ...(queueClosed ? { queueClosed } : {}),
      };

      return {
        payload,
        opts: {
          brandId,
          msgId: `routed:${brandId}:${routed.tweetId}`,
          correlationId: delivery.correlationId,
        },
      };
    });
    // Consoles are told by conversations once the message is stored and queryable.
    await this.bus.publishAll(Events.ConversationRouted, items);
  }
}

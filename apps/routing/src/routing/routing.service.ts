import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Events, type ConversationRoutedV1, type MentionReceivedV1 } from '@roost/contracts';
import { DONE, EventBus, type Delivery, type Outcome } from '@roost/messaging';
import { Counter, Histogram, Registry } from 'prom-client';
import { applyOverlay, BatchOverlay, route } from './router';
import { RoutingRepository, type NewConversationRow, type RoutedRow } from './routing.repository';
import type { BrandState } from './routing-state';

type Decided = { delivery: Delivery<MentionReceivedV1>; routed: RoutedRow };

/**
 * Owns the in-memory routing state of every brand (rebuilt from PostgreSQL at start and after
 * any failed write) and turns batches of mentions into committed, published routing decisions.
 */
@Injectable()
export class RoutingService {
  private readonly log = new Logger(RoutingService.name);
  private readonly brands = new Map<string, BrandState>();
  private readonly decisions: Counter<'status'>;
  private readonly batchSeconds: Histogram;

  constructor(
    private readonly repo: RoutingRepository,
    private readonly bus: EventBus,
    registry: Registry,
  ) {
    this.decisions = new Counter({
      name: 'roost_routing_decisions_total',
      help: 'Mentions routed, by resulting status',
      labelNames: ['status'],
      registers: [registry],
    });
    this.batchSeconds = new Histogram({
      name: 'roost_routing_batch_seconds',
      help: 'Time to route, persist and publish one batch',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    });
  }

  async stateOf(brandId: string): Promise<BrandState | null> {
    let state = this.brands.get(brandId);
    if (!state) {
      state = await this.repo.loadBrandState(brandId);
      if (state.queues.size === 0) return null;
      this.brands.set(brandId, state);
    }

    return state;
  }

  /** Forget a brand's state; the next batch reloads it from the database. */
  invalidate(brandId: string): void {
    this.brands.delete(brandId);
  }

  async handleBatch(batch: ReadonlyArray<Delivery<MentionReceivedV1>>): Promise<Outcome[]> {
    const end = this.batchSeconds.startTimer();
    const outcomes = new Map<Delivery<MentionReceivedV1>, Outcome>();
    const byBrand = new Map<string, Array<Delivery<MentionReceivedV1>>>();
    for (const d of batch) {
      const list = byBrand.get(d.payload.brandId) ?? [];
      list.push(d);
      byBrand.set(d.payload.brandId, list);
    }
    for (const [brandId, deliveries] of byBrand) {
      const state = await this.stateOf(brandId);
      if (!state) {
        for (const d of deliveries) outcomes.set(d, { kind: 'retry', reason: `brand ${brandId} has no queues in routing`, afterMs: 5000 });
        continue;
      }
      try {
        const decided = await this.routeBrand(state, deliveries);
        await this.publish(brandId, decided);
      } catch (err) {
        this.invalidate(brandId);
        throw err;
      }
      for (const d of deliveries) outcomes.set(d, DONE);
    }
    end();

    return batch.map((d) => outcomes.get(d) ?? DONE);
  }

  private async routeBrand(state: BrandState, deliveries: Array<Delivery<MentionReceivedV1>>): Promise<Decided[]> {
    const brandId = state.brandId;
    const already = await this.repo.findRouted(
      brandId,
      deliveries.map((d) => d.payload.tweet.id),
    );
    const overlay = new BatchOverlay();
    const now = Date.now();
    const fresh: RoutedRow[] = [];
    const opened: NewConversationRow[] = [];
    const decided: Decided[] = [];
    for (const delivery of deliveries) {
      const m = delivery.payload;
      const prior = already.get(m.tweet.id);
      if (prior) {
        decided.push({ delivery, routed: prior });
        continue;
      }
      const decision = route(state, overlay, m, randomUUID, now);
      if (!decision) throw new Error(`brand ${brandId} has no queue for mention ${m.tweet.id}`);
      const routed: RoutedRow = { tweetId: m.tweet.id, ...decision };
      // The same tweet twice in one batch (concurrent redelivery) is one routing decision.
      already.set(m.tweet.id, routed);
      fresh.push(routed);
      decided.push({ delivery, routed });
      if (decision.opened) {
        opened.push({
          id: decision.conversationId,
          customerXId: m.author.id,
          channel: m.channel,
          xConversationId: m.tweet.conversationId ?? null,
          queueId: decision.queueId,
          assigneeId: decision.assigneeId,
          status: decision.status,
          priority: decision.priority,
          language: m.classification.language,
          openedAt: new Date(now),
        });
      }
    }
    if (fresh.length > 0) {
      await this.repo.persistBatch(brandId, {
        opened,
        touched: [...overlay.touched.values()].map((t) => ({ ...t, lastInboundAt: new Date(t.lastInboundAt) })),
        agentDelta: overlay.agentDelta,
        routed: fresh,
      });
      applyOverlay(state, overlay, now);
    }
    for (const r of fresh) this.decisions.inc({ status: r.status });

    return decided;
  }

  private async publish(brandId: string, decided: Decided[]): Promise<void> {
    const routedAt = new Date().toISOString();
    const state = this.brands.get(brandId);
    const items = decided.map(({ delivery, routed }) => {
      const q = state?.queues.get(routed.queueId);
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
          waiting: q?.waiting ?? 0,
          assigned: q?.assigned ?? 0,
          oldestWaitingSince: q?.oldestWaitingSince ? new Date(q.oldestWaitingSince).toISOString() : null,
        },
        routedAt,
      };

      return {
        payload,
        opts: { brandId, msgId: `routed:${brandId}:${routed.tweetId}`, correlationId: delivery.correlationId },
      };
    });
    // Consoles are told by conversations once the message is stored and queryable.
    await this.bus.publishAll(Events.ConversationRouted, items);
  }
}

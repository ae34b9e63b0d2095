import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Events, type ConversationAssignedV1 } from '@roost/contracts';
import { useBrand, withBrand } from '@roost/database';
import { EventBus } from '@roost/messaging';
import { DataSource } from 'typeorm';
import { Clock } from '@roost/platform';
import type { Queryable } from '../data/queryable';
import { RoutingRepository } from '../data/routing.repository';
import type { BrandState } from './brand-state';
import { catchUp } from './brand-state.catch-up';
import { loadBrandState } from './brand-state.loader';
import { ChangeSet } from './change-set';
import type { RoutingContext } from './routing-context';

export interface WriteResult<T> {
  result: T;
  changes: ChangeSet;
  state: BrandState;
}

/**
 * The only way routing state changes, whichever instance, consumer or request does it.
 *
 * Several routing instances share one durable consumer, so any of them may get any brand's
 * mentions. Each keeps its brands' state in memory, and correctness comes from a fence rather
 * than from partitioning: a write (1) queues behind other writes of the brand in this process,
 * (2) opens a transaction and locks the brand's `routing_versions` row, which queues it behind
 * other instances, (3) reloads the brand's state if the version moved since memory was loaded
 * (another instance wrote; only the rows stamped with a later version are read), (4) decides in memory, persists with multi-row statements and bumps
 * the version, (5) commits. Decisions are therefore always made on the committed state: capacity,
 * one open conversation per customer, exactly-once assignment and waiting order hold across
 * instances, and the database constraints are a backstop, not the mechanism. A failed transaction
 * drops the brand's memory (it was mutated while deciding), so the next write reloads it.
 *
 * Cost: one extra row lock per batch, and a reload whenever instances alternate on a brand. If
 * that reload dominates, partition brands across instances (one durable consumer per
 * `<ns>.mention.received.<brandId>` filter; BatchConsumer supports `brandFilter`); the fence stays.
 */
/** How soon a quiet brand's published outbox rows are deleted (the relay waits 5 s before republishing). */
const FLUSH_MS = 500;

@Injectable()
export class BrandWriter {
  private readonly log = new Logger(BrandWriter.name);
  private readonly brands = new Map<string, BrandState>();
  private readonly chains = new Map<string, Promise<unknown>>();
  /** Outbox rows already published, to delete: in the brand's next write, or by the flush timer. */
  private readonly published = new Map<string, string[]>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ds: DataSource,
    private readonly repo: RoutingRepository,
    private readonly bus: EventBus,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Memory as last committed by this instance (may be stale; for read-only views and metrics). */
  cached(brandId: string): BrandState | undefined {
    return this.brands.get(brandId);
  }

  cachedBrands(): string[] {
    return [...this.brands.keys()];
  }

  /**
   * A configuration change (queues, rules, shifts): written under the brand lock with a version
   * bump, so every instance (this one included) reloads the brand before its next decision.
   */
  async configure<T>(brandId: string, apply: (tx: Queryable) => Promise<T>): Promise<T> {
    const prior = this.chains.get(brandId) ?? Promise.resolve();
    const run = prior
      .catch(() => undefined)
      .then(() =>
        this.ds.transaction(async (tx) => {
          // Row-level security: every statement of the transaction is the brand's.
          await useBrand(tx, brandId);
          const { version } = await this.repo.lockVersion(tx, brandId);
          const result = await apply(tx);
          await this.repo.bumpVersion(tx, brandId, version + 1, true);

          return result;
        }),
      )
      .finally(() => this.brands.delete(brandId));
    this.chains.set(brandId, run);

    return run;
  }

  /**
   * Runs `decide` on the brand's current state under the brand lock and commits what it changed.
   * Returns null when the brand has no queues (nothing can be routed yet).
   */
  async write<T>(
    brandId: string,
    decide: (ctx: RoutingContext, tx: Queryable) => T | Promise<T>,
  ): Promise<WriteResult<T> | null> {
    const prior = this.chains.get(brandId) ?? Promise.resolve();
    const run = prior.catch(() => undefined).then(() => this.locked(brandId, decide));
    this.chains.set(brandId, run);
    try {
      return await run;
    } finally {
      if (this.chains.get(brandId) === run) this.chains.delete(brandId);
    }
  }

  private async locked<T>(
    brandId: string,
    decide: (ctx: RoutingContext, tx: Queryable) => T | Promise<T>,
  ): Promise<WriteResult<T> | null> {
    let outbox: Array<{ msgId: string; payload: ConversationAssignedV1 }> = [];
    let outboxIds: string[] = [];
    let doneIds: string[] = [];
    let written: WriteResult<T> | null = null;
    try {
      written = await this.ds.transaction(async (tx) => {
        // Row-level security: the lock, load, catch-up and persist all run as the brand.
        await useBrand(tx, brandId);
        const at = await this.repo.lockVersion(tx, brandId);
        // The previous batches' published outbox rows go in this transaction (no round trips of their own).
        const done = this.published.get(brandId) ?? [];
        this.published.delete(brandId);
        doneIds = done;
        if (done.length > 0) await this.repo.deleteOutbox(tx, brandId, done);
        const version = at.version;
        let state = this.brands.get(brandId);
        if (state && state.configVersion === at.configVersion && state.version < version) {
          await catchUp(tx, state, version);
        } else if (!state || state.version !== version || state.configVersion !== at.configVersion) {
          state = await loadBrandState(tx, brandId, at, this.clock.now());
          this.brands.set(brandId, state);
        }
        if (state.queues.size === 0) return null;
        const changes = new ChangeSet();
        const ctx: RoutingContext = { state, changes, now: this.clock.now(), newId: randomUUID };
        const result = await decide(ctx, tx);
        if (!changes.empty) {
          const next = version + 1;
          await this.repo.persist(tx, brandId, changes, next);
          outbox = changes.assigned.map((payload, i) => ({
            msgId: `assigned:${brandId}:${payload.conversationId}:${next}:${i}`,
            payload,
          }));
          outboxIds = await this.repo.addOutbox(tx, brandId, outbox);
          await this.repo.bumpVersion(tx, brandId, next);
          state.version = next;
        }

        return { result, changes, state };
      });
    } catch (err) {
      this.brands.delete(brandId);
      this.markPublished(brandId, doneIds); // still published; delete them next time
      throw err;
    }
    if (outboxIds.length > 0) await this.publishAssigned(brandId, outbox, outboxIds);

    return written;
  }

  private async publishAssigned(
    brandId: string,
    events: Array<{ msgId: string; payload: ConversationAssignedV1 }>,
    ids: string[],
  ): Promise<void> {
    try {
      await this.bus.publishAll(
        Events.ConversationAssigned,
        events.map((e) => ({ payload: e.payload, opts: { brandId, msgId: e.msgId } })),
      );
    } catch (err) {
      // Committed: the outbox relay publishes them later with the same message ids.
      this.log.warn(
        { brandId, err: (err as Error).message, events: ids.length },
        'conversation.assigned publish deferred to the outbox relay',
      );

      return;
    }
    this.markPublished(brandId, ids);
  }

  /**
   * Published rows are deleted by the brand's next write, or within FLUSH_MS by the timer when the
   * brand goes quiet: well before the relay (which republishes rows older than 5 s, de-duplicated by
   * message id) would look at them. A crash before the delete costs a harmless republish.
   */
  private markPublished(brandId: string, ids: string[]): void {
    if (ids.length === 0) return;
    this.published.set(brandId, [...(this.published.get(brandId) ?? []), ...ids]);
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => void this.flushPublished(), FLUSH_MS);
      this.flushTimer.unref();
    }
  }

  /** Deletes what no write took along; each brand under its lock chain, so it never races a write of that brand. */
  async flushPublished(): Promise<void> {
    this.flushTimer = undefined;
    for (const brandId of [...this.published.keys()]) {
      const prior = this.chains.get(brandId) ?? Promise.resolve();
      const run = prior
        .catch(() => undefined)
        .then(async () => {
          const ids = this.published.get(brandId) ?? [];
          this.published.delete(brandId);
          if (ids.length === 0) return;
          try {
            await withBrand(this.ds, brandId, (tx) => this.repo.deleteOutbox(tx, brandId, ids));
          } catch (err) {
            this.markPublished(brandId, ids);
            this.log.warn({ brandId, err: (err as Error).message }, 'published outbox rows not deleted yet');
          }
        });
      this.chains.set(brandId, run);
      await run;
      if (this.chains.get(brandId) === run) this.chains.delete(brandId);
    }
  }
}

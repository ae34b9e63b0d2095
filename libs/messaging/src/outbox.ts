import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { Events, type EventDef, type PayloadOf } from '@roost/contracts';
import { Type } from '@sinclair/typebox';
import {
  Nullable,
  chunkRows,
  execute,
  rowType,
  selectRows,
  valuesList,
  withBrand,
  type Queryable,
  type RowOf,
} from '@roost/database';
import { DataSource } from 'typeorm';
import { currentCorrelationId } from '@roost/observability';
import { EventBus } from './event-bus';

/** A statement runner inside the caller's transaction (TypeORM's EntityManager or QueryRunner). */
export type OutboxTx = Queryable;

/** One event to publish once its transaction commits. */
export interface OutboxEvent {
  event: string;
  payload: unknown;
  msgId: string;
  correlationId?: string;
}

export interface OutboxOptions {
  /** How often rows left by a crash or a failed publish are looked for. 0 disables the sweep. */
  sweepMs: number;
  /** Rows published per brand per relay transaction. */
  batch?: number;
  /**
   * Test fault point: exit the process right after a commit, before the relay publishes, as a
   * crash there would (nothing else runs: no publish, no shutdown hook).
   */
  crashAfterCommit?: boolean;
}

const CRASH_EXIT_CODE = 137;

const COLUMNS = 5;
const DEFS = new Map<string, EventDef>(Object.values(Events).map((d) => [d.name, d]));

/** Typed construction: the payload must be the event's (the relay checks it again before publishing). */
export function outboxEvent<D extends EventDef>(
  def: D,
  payload: PayloadOf<D>,
  opts: { msgId: string; correlationId?: string },
): OutboxEvent {
  def.codec.check(payload);

  return { event: def.name, payload, ...opts };
}

const OutboxRow = rowType('outbox.relay', {
  id: Type.String(), // bigserial
  event: Type.String(),
  msg_id: Type.String(),
  payload: Type.Unknown(), // checked against the event's contract when it was added
  correlation_id: Nullable(Type.String()),
});
type Row = RowOf<typeof OutboxRow>;
const BrandIdRow = rowType('outbox.brands', { brand_id: Type.String() });

/**
 * The transactional outbox of one service schema (RELIABILITY.md, "Between the database and the
 * bus"): `add` writes events in the transaction of the change, so a change is never committed
 * without its events. After the commit the writer calls `kick`, which publishes the brand's rows
 * at once (no latency added to the writer, who does not wait), and the sweep republishes what a
 * crash or a NATS outage left. Each relay pass locks the rows it publishes (`FOR UPDATE SKIP
 * LOCKED`), publishes them with their msg ids and deletes them in the same transaction: instances
 * never publish the same row concurrently, and a crash after the publish but before the commit
 * republishes rows JetStream drops as duplicates (10-minute window); consumers' unique keys judge
 * anything later.
 */
export class Outbox implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(Outbox.name);
  private readonly batch: number;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> = Promise.resolve();
  /** Brands with a relay in flight in this process, and whether another kick came meanwhile. */
  private readonly inFlight = new Map<string, boolean>();

  constructor(
    private readonly ds: DataSource,
    private readonly bus: EventBus,
    private readonly opts: OutboxOptions,
  ) {
    this.batch = opts.batch ?? 500;
  }

  /** In the caller's transaction, which declared `brandId`: one multi-row INSERT per chunk. */
  async add(tx: OutboxTx, brandId: string, events: readonly OutboxEvent[]): Promise<void> {
    for (const chunk of chunkRows(events, COLUMNS)) {
      const v = valuesList(
        chunk.map((e) => [
          brandId,
          e.event,
          e.msgId,
          JSON.stringify(e.payload),
          e.correlationId ?? currentCorrelationId() ?? null,
        ]),
        ['uuid', 'text', 'text', 'jsonb', 'text'],
      );
      // A msg id already queued is the same event (a retried transaction): keep one row.
      await execute(
        tx,
        `INSERT INTO outbox (brand_id, event, msg_id, payload, correlation_id) VALUES ${v.sql} ON CONFLICT (brand_id, msg_id) DO NOTHING`,
        v.params,
      );
    }
  }

  /** After the commit that added the brand's events: publish them now, in the background. */
  kick(brandId: string): void {
    if (this.opts.crashAfterCommit) process.exit(CRASH_EXIT_CODE);
    if (this.inFlight.has(brandId)) {
      this.inFlight.set(brandId, true);

      return;
    }
    this.inFlight.set(brandId, false);
    void this.drain(brandId).finally(() => {
      const again = this.inFlight.get(brandId) === true;
      this.inFlight.delete(brandId);
      if (again) this.kick(brandId);
    });
  }

  /** For background writers (timers), which may as well wait: publishes the brand's rows now; failures are left to the sweep. */
  flush(brandId: string): Promise<void> {
    if (this.opts.crashAfterCommit) process.exit(CRASH_EXIT_CODE);

    return this.drain(brandId);
  }

  private async drain(brandId: string): Promise<void> {
    try {
      while ((await this.relay(brandId)) === this.batch);
    } catch (err) {
      // Committed: the sweep publishes them later with the same msg ids.
      this.log.warn({ brandId, err: (err as Error).message }, 'outbox publish deferred to the sweep');
    }
  }

  /** One relay transaction for the brand; returns how many rows it published. */
  async relay(brandId: string): Promise<number> {
    return withBrand(this.ds, brandId, async (tx) => {
      const rows = await selectRows(
        tx,
        OutboxRow,
        `SELECT id, event, msg_id, payload, correlation_id FROM outbox WHERE brand_id = $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [brandId, this.batch],
      );
      if (rows.length === 0) return 0;
      await this.publish(brandId, rows);
      await execute(tx, `DELETE FROM outbox WHERE brand_id = $1 AND id = ANY($2::bigint[])`, [
        brandId,
        rows.map((r) => r.id),
      ]);

      return rows.length;
    });
  }

  private async publish(brandId: string, rows: Row[]): Promise<void> {
    // Grouped by event, in id order within each (publishAll keeps many acks in flight).
    const byEvent = new Map<string, Row[]>();
    for (const r of rows) byEvent.set(r.event, [...(byEvent.get(r.event) ?? []), r]);
    for (const [event, list] of byEvent) {
      const def = DEFS.get(event);
      if (!def) throw new Error(`outbox row of unknown event ${event}`);
      await this.bus.publishAll(
        def,
        list.map((r) => ({
          payload: r.payload as PayloadOf<typeof def>,
          opts: {
            brandId,
            msgId: r.msg_id,
            ...(r.correlation_id ? { correlationId: r.correlation_id } : {}),
          },
        })),
      );
    }
  }

  /** Every brand with rows (owner-run `outbox_brands()`), each relayed as that brand. */
  async sweep(): Promise<void> {
    const brands = await selectRows(this.ds, BrandIdRow, `SELECT outbox_brands() AS brand_id`);
    for (const { brand_id: brandId } of brands) {
      if (this.inFlight.has(brandId)) continue;
      try {
        while ((await this.relay(brandId)) === this.batch);
      } catch (err) {
        this.log.warn({ brandId, err: (err as Error).message }, 'outbox sweep failed for a brand');
      }
    }
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  start(): void {
    if (this.opts.sweepMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.sweeping = this.sweeping
        .then(() => this.sweep())
        .catch((err: Error) => this.log.warn({ err: err.message }, 'outbox sweep failed'));
    }, this.opts.sweepMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }
}

/**
 * The service's outbox as a Nest provider (its schema's `outbox` table, through the service's data
 * source), with RoostEnv's `outbox` settings (OUTBOX_SWEEP_MS, ROOST_TEST_CRASH_AFTER_COMMIT).
 */
export const OUTBOX_PROVIDER = {
  provide: Outbox,
  useFactory: (ds: DataSource, bus: EventBus, env: RoostEnv): Outbox =>
    new Outbox(ds, bus, { sweepMs: env.outbox.sweepMs, crashAfterCommit: env.outbox.crashAfterCommit }),
  inject: [DataSource, EventBus, ROOST_ENV],
};

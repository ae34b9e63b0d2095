import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { InvalidPayloadError, type EventDef, type PayloadOf } from '@roost/contracts';
import { CORRELATION_HEADER } from './event-bus';
import type { MessagingLogger } from './logger';
import type { NatsClient } from './nats-client';
import { DONE, settle, type Outcome } from './settlement';
import { DEFAULT_MAX_DELIVER, ensureDurableConsumer } from './streams';

export interface Delivery<T> {
  readonly payload: T;
  readonly subject: string;
  readonly deliveryCount: number;
  readonly correlationId: string | undefined;
  readonly msg: JsMsg;
}

export interface BatchConsumerOptions<D extends EventDef> {
  client: NatsClient;
  event: D;
  /** Durable name shared by every instance of the service. */
  durable: string;
  /** One brand (partitioning) or all ('*'). */
  brandFilter?: string;
  /** Flush after this many messages … */
  maxBatch?: number;
  /** … or this long after the first message of a batch arrived (PERFORMANCE.md: 500 or 2 ms). */
  maxWaitMs?: number;
  maxDeliver?: number;
  ackWaitMs?: number;
  log: MessagingLogger;
  /**
   * Handles a batch of valid messages; returns one outcome per delivery, in order. Throwing means
   * "transient failure of the whole batch" (database down, timeout): every message is retried later.
   */
  handle(batch: ReadonlyArray<Delivery<PayloadOf<D>>>): Promise<Outcome[]>;
  onSettled?: (counts: { done: number; retry: number; poison: number }) => void;
}

/**
 * A durable pull consumer that hands the handler micro-batches (so writes can be multi-row and
 * publishes can keep many acks in flight), settles every message explicitly, dead-letters poison
 * and processes batches one at a time (order within the consumer is kept).
 */
export class BatchConsumer<D extends EventDef> {
  private messages: ConsumerMessages | undefined;
  private buffer: JsMsg[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopping = false;
  private busy = false;
  private readonly maxBatch: number;
  private readonly maxWaitMs: number;
  private readonly maxDeliver: number;

  constructor(private readonly opts: BatchConsumerOptions<D>) {
    this.maxBatch = opts.maxBatch ?? 500;
    this.maxWaitMs = opts.maxWaitMs ?? 2;
    this.maxDeliver = opts.maxDeliver ?? DEFAULT_MAX_DELIVER;
  }

  async start(): Promise<void> {
    const { client, event } = this.opts;
    const stream = client.topology.streamName(event.stream);
    await ensureDurableConsumer(client.jsm, {
      stream,
      durable: this.opts.durable,
      filterSubject: client.topology.eventFilter(event, this.opts.brandFilter ?? '*'),
      maxDeliver: this.maxDeliver,
      ackWaitMs: this.opts.ackWaitMs ?? 30_000,
      maxAckPending: Math.max(1000, this.maxBatch * 4),
    });
    const consumer = await client.js.consumers.get(stream, this.opts.durable);
    this.messages = await consumer.consume({
      max_messages: Math.max(100, this.maxBatch * 2),
      callback: (msg) => this.onMessage(msg),
    });
  }

  private onMessage(msg: JsMsg): void {
    this.buffer.push(msg);
    this.schedule();
  }

  /**
   * Cuts the next batch when the handler is free: at once when a full batch is waiting, else
   * `maxWaitMs` after the first message. While a batch is being handled, arrivals accumulate, so
   * under load batches grow towards `maxBatch` by themselves (a batch cut every 2 ms and queued
   * behind a 100 ms transaction would keep batches small, and per-batch cost would cap throughput).
   */
  private schedule(): void {
    if (this.busy || this.stopping || this.buffer.length === 0) return;
    if (this.buffer.length >= this.maxBatch) this.flushSoon(0);
    else if (!this.timer) this.flushSoon(this.maxWaitMs);
  }

  private flushSoon(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.busy || this.buffer.length === 0) return;
      const batch = this.buffer.splice(0, this.maxBatch);
      this.busy = true;
      this.running = this.process(batch)
        .catch((err: unknown) => this.opts.log.error({ err: (err as Error).message, durable: this.opts.durable }, 'batch settlement failed'))
        .finally(() => {
          this.busy = false;
          // Whatever arrived meanwhile has waited at least one batch already: no extra delay.
          if (this.buffer.length > 0 && !this.stopping) this.flushSoon(0);
        });
    }, delayMs);
  }

  private async process(batch: JsMsg[]): Promise<void> {
    const { event, log } = this.opts;
    const valid: Array<Delivery<PayloadOf<D>>> = [];
    const counts = { done: 0, retry: 0, poison: 0 };
    const ctx = {
      js: this.opts.client.js,
      deadLetterSubject: (s: string) => this.opts.client.topology.deadLetterSubject(s),
      maxDeliver: this.maxDeliver,
      onDeadLetter: (m: JsMsg, reason: string) =>
        log.warn({ subject: m.subject, seq: m.info.streamSequence, reason }, 'message dead-lettered'),
    };
    for (const msg of batch) {
      try {
        valid.push({
          payload: event.codec.decode(msg.data) as PayloadOf<D>,
          subject: msg.subject,
          deliveryCount: msg.info.deliveryCount,
          correlationId: msg.headers?.get(CORRELATION_HEADER) || undefined,
          msg,
        });
      } catch (err) {
        counts.poison++;
        const reason = err instanceof InvalidPayloadError ? err.message : `undecodable: ${String(err)}`;
        await settle(ctx, msg, { kind: 'poison', reason });
      }
    }
    if (valid.length === 0) {
      this.opts.onSettled?.(counts);
      return;
    }
    let outcomes: Outcome[];
    try {
      outcomes = await this.opts.handle(valid);
      if (outcomes.length !== valid.length) throw new Error(`handler returned ${outcomes.length} outcomes for ${valid.length}`);
    } catch (err) {
      log.error({ err: (err as Error).message, batch: valid.length, durable: this.opts.durable }, 'batch failed; will retry');
      outcomes = valid.map(() => ({ kind: 'retry', reason: (err as Error).message }) as Outcome);
    }
    await Promise.all(
      valid.map((d, i) => {
        const o = outcomes[i] ?? DONE;
        counts[o.kind]++;

        return settle(ctx, d.msg, o);
      }),
    );
    this.opts.onSettled?.(counts);
  }

  /** Stops pulling, finishes the batch in hand (settled), leaves the rest to be redelivered. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.messages?.close();
    const rest = this.buffer;
    this.buffer = [];
    await this.running;
    for (const msg of rest) msg.nak();
  }
}

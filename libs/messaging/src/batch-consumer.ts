import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { InvalidPayloadError, type EventDef, type PayloadOf } from '@roost/contracts';
import { withCorrelation } from '@roost/observability';
import { correlationIdOf } from './event-bus';
import type { MessagingLogger } from './logger';
import type { NatsClient } from './nats-client';
import { BatchIsolation, type Isolated } from './batch-isolation';
import type { DeadLetterCause } from './messaging-metrics';
import { settle, type Outcome } from './settlement';
import { DEFAULT_MAX_DELIVER, ensureDurableConsumer } from './streams';

const MAX_SUSPECTS = 10_000;

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
   * Handles a batch of valid messages; returns one outcome per delivery, in order. It may be called
   * again with a part of a batch it threw for, so it must be idempotent (unique keys). Throwing a
   * transient error (database or NATS unreachable, timeout, deadlock: failure-kind.ts) retries the
   * whole batch later; any other exception splits the batch until the message at fault is alone,
   * and only that message is retried or, for a data error, dead-lettered (batch-isolation.ts).
   */
  handle(batch: ReadonlyArray<Delivery<PayloadOf<D>>>): Promise<Outcome[]>;
  onSettled?: (counts: { done: number; retry: number; poison: number }) => void;
}

/**
 * A durable pull consumer that hands the handler micro-batches (so writes can be multi-row and
 * publishes can keep many acks in flight), settles every message explicitly, dead-letters poison
 * (counted in roost_messaging_dead_letters_total and logged at error level) and processes batches
 * one at a time (order within the consumer is kept; a message being retried, alone or not, may be
 * overtaken by later ones).
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
  private readonly ackWaitMs: number;
  /** Stream sequences of messages that failed alone here and wait for their redelivery. */
  private readonly suspects = new Set<number>();

  constructor(private readonly opts: BatchConsumerOptions<D>) {
    this.maxBatch = opts.maxBatch ?? 500;
    this.maxWaitMs = opts.maxWaitMs ?? 2;
    this.maxDeliver = opts.maxDeliver ?? DEFAULT_MAX_DELIVER;
    this.ackWaitMs = opts.ackWaitMs ?? 30_000;
  }

  async start(): Promise<void> {
    const { client, event } = this.opts;
    const stream = client.topology.streamName(event.stream);
    await ensureDurableConsumer(client.jsm, {
      stream,
      durable: this.opts.durable,
      filterSubject: client.topology.eventFilter(event, this.opts.brandFilter ?? '*'),
      maxDeliver: this.maxDeliver,
      ackWaitMs: this.ackWaitMs,
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
        .catch((err: unknown) =>
          this.opts.log.error(
            { err: (err as Error).message, durable: this.opts.durable },
            'batch settlement failed',
          ),
        )
        .finally(() => {
          this.busy = false;
          // Whatever arrived meanwhile has waited at least one batch already: no extra delay.
          if (this.buffer.length > 0 && !this.stopping) this.flushSoon(0);
        });
    }, delayMs);
  }

  private async process(batch: JsMsg[]): Promise<void> {
    const heartbeat = this.keepInProgress(batch);
    try {
      await this.settleBatch(batch);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Long batches (a split, a slow database) must not outlive ack_wait: JetStream would hand the same
   * messages to another instance while this one still works on them. Every third of ack_wait, the
   * batch in hand and what waits in the buffer are marked in progress (a settled message ignores it).
   */
  private keepInProgress(batch: readonly JsMsg[]): NodeJS.Timeout {
    const timer = setInterval(
      () => {
        for (const msg of batch) msg.working();
        for (const msg of this.buffer) msg.working();
      },
      Math.max(100, Math.floor(this.ackWaitMs / 3)),
    );
    timer.unref();

    return timer;
  }

  private async settleBatch(batch: JsMsg[]): Promise<void> {
    const { event, log, client, durable } = this.opts;
    const valid: Array<Delivery<PayloadOf<D>>> = [];
    const counts = { done: 0, retry: 0, poison: 0 };
    const ctx = {
      js: client.js,
      deadLetterSubject: (s: string) => client.topology.deadLetterSubject(s),
      maxDeliver: this.maxDeliver,
      onDeadLetter: (m: JsMsg, reason: string, cause: DeadLetterCause) => {
        this.suspects.delete(m.info.streamSequence);
        client.metrics.deadLetters.inc({ stream: m.info.stream, event: event.name, durable, cause });
        log.error(
          {
            subject: m.subject,
            seq: m.info.streamSequence,
            deliveries: m.info.deliveryCount,
            durable,
            cause,
            reason,
            correlationId: correlationIdOf(m),
          },
          'message dead-lettered',
        );
      },
    };
    for (const msg of batch) {
      try {
        valid.push({
          payload: event.codec.decode(msg.data) as PayloadOf<D>,
          subject: msg.subject,
          deliveryCount: msg.info.deliveryCount,
          correlationId: correlationIdOf(msg),
          msg,
        });
      } catch (err) {
        counts.poison++;
        const reason = err instanceof InvalidPayloadError ? err.message : `undecodable: ${String(err)}`;
        await settle(ctx, msg, { kind: 'poison', reason }, 'invalid_payload');
      }
    }
    if (valid.length > 0) {
      // Handled under the part's correlation ids: a part of one (isolation) logs and publishes with it.
      const isolation = new BatchIsolation<Delivery<PayloadOf<D>>>(
        (part) =>
          withCorrelation(
            part.map((d) => d.correlationId),
            () => this.opts.handle(part),
          ),
        {
          onFailure: (f) => log.warn({ ...f, durable, event: event.name }, 'batch handler failed'),
        },
      );
      // Messages that already failed alone here go last and alone: they must not fail the others' batch again.
      const suspects = valid.filter((d) => this.suspects.has(d.msg.info.streamSequence));
      const rest = valid.filter((d) => !this.suspects.has(d.msg.info.streamSequence));
      const handled: Array<[Delivery<PayloadOf<D>>, Isolated]> = [];
      const first = await isolation.run(rest);
      rest.forEach((d, i) => handled.push([d, first[i]!]));
      for (const d of suspects) handled.push([d, (await isolation.run([d]))[0]!]);
      if (isolation.split) client.metrics.isolations.inc({ event: event.name, durable });
      await Promise.all(
        handled.map(([d, result]) => {
          const o = isolation.decide(result);
          const seq = d.msg.info.streamSequence;
          if (BatchIsolation.failedAlone(result) && o.kind === 'retry') this.suspect(seq);
          else this.suspects.delete(seq);
          counts[o.kind]++;

          return settle(ctx, d.msg, o);
        }),
      );
    }
    this.opts.onSettled?.(counts);
  }

  /** Remembers a message that failed alone (bounded: the oldest is forgotten first). */
  private suspect(seq: number): void {
    this.suspects.add(seq);
    if (this.suspects.size > MAX_SUSPECTS) this.suspects.delete(this.suspects.values().next().value!);
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

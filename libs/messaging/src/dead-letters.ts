import { JetStreamApiError, type StoredMsg } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { StreamKey } from '@roost/contracts';
import type { NatsClient } from './nats-client';

/** One message of the dead-letter stream, as an operator reads it. */
export interface DeadLetter {
  /** Sequence in the dead-letter stream: what `show` and `replay` take. */
  readonly seq: number;
  /** Where it was published and where a replay sends it, e.g. `roost.conversation.routed.<brand>`. */
  readonly subject: string;
  readonly cause: string;
  readonly reason: string;
  /** Stream, consumer and sequence it was taken from, and how many deliveries it had. */
  readonly from: { stream: string; consumer: string; seq: number; deliveries: number };
  readonly msgId: string | null;
  readonly deadLetteredAt: string;
  /** The original payload: parsed JSON, or the raw text when it is not JSON. */
  readonly payload: unknown;
  /**
   * False for ingest's malformed X payloads (`<ns>.dlq.ingest.malformed.<source>`): raw input no
   * bus message was made of, kept as evidence; there is no subject to replay them to.
   */
  readonly replayable: boolean;
}

export interface Replayed {
  readonly seq: number;
  readonly subject: string;
  /** JetStream already had this replay (same dead letter replayed within the duplicate window). */
  readonly duplicate: boolean;
}

const NO_MESSAGE = 10037;
/** Where ingest keeps X payloads it could not read (tweet-intake.service.ts), beside the bus's dead letters. */
const INGEST_MALFORMED = 'ingest.malformed';
const DLQ_HEADER = /^roost-dlq-/i;

function parse(data: Uint8Array): unknown {
  const text = new TextDecoder().decode(data);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export class NotReplayableError extends Error {
  override readonly name = 'NotReplayableError';
}

/**
 * Inspects and replays the dead-letter stream (`<ns>.dlq.<original subject>`, settlement.ts). A
 * replay publishes the original payload to its original subject with the original headers, under
 * a message id of its own (`replay:<dlq seq>`): JetStream does not drop it as a repeat of the
 * original, a second replay of the same letter within the duplicate window is dropped, and the
 * consumers' unique keys still judge what was already stored. The letter is deleted once the
 * replay is stored; a crash in between leaves it in place to be replayed again, harmlessly.
 */
export class DeadLetters {
  private readonly stream: string;

  constructor(private readonly client: NatsClient) {
    this.stream = client.topology.streamName(StreamKey.DeadLetters);
  }

  /**
   * The dead-letter filter for a subject given without the namespace: `conversation.routed`
   * (every brand), `conversation.routed.<brand>`, or any NATS pattern (`mention.>`); none = all.
   */
  filter(subject?: string): string {
    const ns = this.client.topology.ns;
    if (!subject) return `${ns}.dlq.>`;
    const relative = subject.startsWith(`${ns}.`) ? subject.slice(ns.length + 1) : subject;
    // An event name alone (`<aggregate>.<verb>`) means all of its brands (or sources).
    const pattern = relative.split('.').length === 2 && !/[*>]/.test(relative) ? `${relative}.*` : relative;
    // Ingest's letters are named without the namespace a second time.
    if (pattern.startsWith(`${INGEST_MALFORMED}.`)) return `${ns}.dlq.${pattern}`;

    return `${ns}.dlq.${ns}.${pattern}`;
  }

  async list(opts: { subject?: string; limit?: number } = {}): Promise<DeadLetter[]> {
    const limit = opts.limit ?? 50;
    const filter = this.filter(opts.subject);
    const out: DeadLetter[] = [];
    for (let seq = 1; out.length < limit;) {
      const m = await this.next(seq, filter);
      if (!m) break;
      out.push(this.toDeadLetter(m));
      seq = m.seq + 1;
    }

    return out;
  }

  async show(seq: number): Promise<DeadLetter | null> {
    const m = await this.get(seq);

    return m ? this.toDeadLetter(m) : null;
  }

  /** Republishes one dead letter to its original subject, then deletes it; null when there is no such letter. */
  async replay(seq: number): Promise<Replayed | null> {
    const m = await this.get(seq);
    if (!m) return null;
    const letter = this.toDeadLetter(m);
    if (!letter.replayable) {
      throw new NotReplayableError(
        `dead letter ${seq} is an X payload ingest could not read (${letter.reason}): nothing to replay it to; purge it once inspected`,
      );
    }
    const h = natsHeaders();
    for (const [key, values] of m.header ?? []) {
      if (DLQ_HEADER.test(key) || /^nats-/i.test(key)) continue;
      for (const v of values) h.append(key, v);
    }
    h.set('roost-replayed-from', `${this.stream}:${seq}`);
    const ack = await this.client.js.publish(letter.subject, m.data, {
      headers: h,
      msgID: `replay:${this.stream}:${seq}`,
    });
    await this.client.jsm.streams.deleteMessage(this.stream, seq, false);

    return { seq, subject: letter.subject, duplicate: ack.duplicate };
  }

  /** Replays every replayable dead letter matching `subject` (all when none), oldest first. */
  async replayAll(opts: { subject?: string } = {}): Promise<Replayed[]> {
    const filter = this.filter(opts.subject);
    const out: Replayed[] = [];
    for (let seq = 1; ;) {
      const m = await this.next(seq, filter);
      if (!m) return out;
      if (this.toDeadLetter(m).replayable) {
        const done = await this.replay(m.seq);
        if (done) out.push(done);
      }
      seq = m.seq + 1;
    }
  }

  /** Deletes one dead letter without replaying it (the operator judged it worthless); false when there is none. */
  async purge(seq: number): Promise<boolean> {
    if (!(await this.get(seq))) return false;

    return this.client.jsm.streams.deleteMessage(this.stream, seq, false);
  }

  /** Deletes every dead letter matching `subject` (all when none); returns how many. */
  async purgeAll(opts: { subject?: string } = {}): Promise<number> {
    const { purged } = await this.client.jsm.streams.purge(this.stream, {
      filter: this.filter(opts.subject),
    });

    return purged;
  }

  private toDeadLetter(m: StoredMsg): DeadLetter {
    const h = m.header;
    const original = h?.get('roost-dlq-subject');
    const payload = parse(m.data);
    const ingestReason = (payload as { reason?: unknown } | null)?.reason;

    return {
      seq: m.seq,
      subject: original || m.subject.replace(`${this.client.topology.ns}.dlq.`, ''),
      cause: h?.get('roost-dlq-cause') || (original ? 'poison' : 'malformed'),
      reason: h?.get('roost-dlq-reason') || (typeof ingestReason === 'string' ? ingestReason : ''),
      from: {
        stream: h?.get('roost-dlq-stream') ?? '',
        consumer: h?.get('roost-dlq-consumer') ?? '',
        seq: Number(h?.get('roost-dlq-stream-seq') || 0),
        deliveries: Number(h?.get('roost-dlq-deliveries') || 0),
      },
      msgId: h?.get('roost-dlq-msg-id') || null,
      deadLetteredAt: m.time.toISOString(),
      payload,
      replayable: Boolean(original),
    };
  }

  private async get(seq: number): Promise<StoredMsg | null> {
    return this.orNull(() => this.client.jsm.streams.getMessage(this.stream, { seq }));
  }

  /** The first letter at or after `seq` on `filter` (the server's next_by_subj, since nats-server 2.9). */
  private async next(seq: number, filter: string): Promise<StoredMsg | null> {
    // The client's type lists only seq and last_by_subj for this API; the server takes next_by_subj too.
    const query = { seq, next_by_subj: filter } as unknown as { seq: number };

    return this.orNull(() => this.client.jsm.streams.getMessage(this.stream, query));
  }

  private async orNull(get: () => Promise<StoredMsg | null>): Promise<StoredMsg | null> {
    try {
      return await get();
    } catch (err) {
      if (err instanceof JetStreamApiError && err.code === NO_MESSAGE) return null;
      throw err;
    }
  }
}

import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/nats-core';
import type { DeadLetterCause } from './messaging-metrics';

/** What a handler decided for one message (STYLE.md practice 11). */
export type Outcome =
  { kind: 'done' } | { kind: 'retry'; reason: string; afterMs?: number } | { kind: 'poison'; reason: string };

export const DONE: Outcome = Object.freeze({ kind: 'done' });

/** Growing delays: 1 s, 2 s, 4 s … capped at 60 s; a database outage of minutes is retried, not dead-lettered. */
export function retryDelayMs(deliveryCount: number): number {
  return Math.min(60_000, 1000 * 2 ** Math.max(0, deliveryCount - 1));
}

export interface SettleContext {
  js: JetStreamClient;
  deadLetterSubject: (subject: string) => string;
  maxDeliver: number;
  onDeadLetter?: (msg: JsMsg, reason: string, cause: DeadLetterCause) => void;
}

/** `cause` labels a poison outcome's dead letter (a payload the contract refused is `invalid_payload`). */
export async function settle(
  ctx: SettleContext,
  msg: JsMsg,
  outcome: Outcome,
  cause: DeadLetterCause = 'poison',
): Promise<void> {
  switch (outcome.kind) {
    case 'done':
      msg.ack();
      return;
    case 'retry':
      if (msg.info.deliveryCount >= ctx.maxDeliver) {
        await deadLetter(ctx, msg, `retries exhausted: ${outcome.reason}`, 'retries_exhausted');
        return;
      }
      msg.nak(outcome.afterMs ?? retryDelayMs(msg.info.deliveryCount));
      return;
    case 'poison':
      await deadLetter(ctx, msg, outcome.reason, cause);
      return;
    default: {
      const never: never = outcome;
      throw new Error(`unknown outcome ${JSON.stringify(never)}`);
    }
  }
}

/** Headers of the original that a replay must not carry over: JetStream's own, and the message id. */
const NOT_COPIED = /^nats-/i;

/**
 * Stores the message in `<ns>.dlq.<subject>` with why and where it came from, then terminates it.
 * The DLQ stream keeps it for inspection and replay (`npm run dlq`); the consumer moves on (no crash loop).
 * The original's headers are kept (correlation id); its message id is kept aside in
 * `roost-dlq-msg-id` so that a replay is not dropped as a duplicate of the original.
 */
async function deadLetter(
  ctx: SettleContext,
  msg: JsMsg,
  reason: string,
  cause: DeadLetterCause,
): Promise<void> {
  const h = natsHeaders();
  for (const [key, values] of msg.headers ?? []) {
    if (NOT_COPIED.test(key)) continue;
    for (const v of values) h.append(key, v);
  }
  const msgId = msg.headers?.get('Nats-Msg-Id');
  if (msgId) h.set('roost-dlq-msg-id', msgId);
  h.set('roost-dlq-subject', msg.subject);
  h.set('roost-dlq-cause', cause);
  h.set('roost-dlq-reason', reason.slice(0, 500));
  h.set('roost-dlq-stream', msg.info.stream);
  h.set('roost-dlq-consumer', msg.info.consumer);
  h.set('roost-dlq-stream-seq', String(msg.info.streamSequence));
  h.set('roost-dlq-deliveries', String(msg.info.deliveryCount));
  try {
    // Stored before the original is terminated: a dead letter is never lost on the way.
    await ctx.js.publish(ctx.deadLetterSubject(msg.subject), msg.data, {
      headers: h,
      msgID: `dlq:${msg.info.stream}:${msg.info.streamSequence}`,
    });
  } catch {
    msg.nak(retryDelayMs(msg.info.deliveryCount));
    return;
  }
  ctx.onDeadLetter?.(msg, reason, cause);
  // No reason on the +TERM: nats-server 2.9 (Debian's) ignores a "+TERM <reason>" ack, and the
  // message came back after ack_wait to be dead-lettered again. The reason is in the dead letter.
  msg.term();
}

import { Type, type Static } from '@sinclair/typebox';
import { codec } from '../codec';
import { ConversationStatus, IsoDate, Uuid } from '../common';

/**
 * queue.updated, schema 1: a live change in a queue (core NATS, not a stream: it is a
 * notification for consoles; the state itself is always queryable). Carries the queue's
 * counters after the change and the conversation that changed it.
 */
export const QueueUpdatedV1 = Type.Object({
  schema: Type.Literal(1),
  brandId: Uuid,
  queueId: Uuid,
  reason: Type.Union([
    Type.Literal('conversation_routed'),
    Type.Literal('conversation_assigned'),
    Type.Literal('conversation_updated'),
    Type.Literal('message_sent'),
    Type.Literal('snapshot'),
  ]),
  conversationId: Type.Union([Uuid, Type.Null()]),
  conversationStatus: Type.Union([ConversationStatus, Type.Null()]),
  assigneeId: Type.Union([Uuid, Type.Null()]),
  waiting: Type.Integer({ minimum: 0 }),
  assigned: Type.Integer({ minimum: 0 }),
  oldestWaitingSince: Type.Union([IsoDate, Type.Null()]),
  at: IsoDate,
  /** Set by the publisher (tweet created_at) so benchmarks can measure tweet-to-console latency. */
  sourceCreatedAt: Type.Union([IsoDate, Type.Null()]),
});
export type QueueUpdatedV1 = Static<typeof QueueUpdatedV1>;
export const queueUpdatedV1 = codec('queue.updated.v1', QueueUpdatedV1);

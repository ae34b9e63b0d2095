import { Type, type Static } from '@sinclair/typebox';
import { codec } from '../codec';
import { IsoDate, Uuid } from '../common';

/**
 * queue.wait_estimated, schema 1 (metrics): the expected wait of a queue, recomputed every few
 * minutes from queue position, staffing and recent handle times. Durable (history for reports)
 * and pushed to consoles (`waitTimeUpdated`).
 */
export const QueueWaitEstimatedV1 = Type.Object({
  schema: Type.Literal(1),
  brandId: Uuid,
  queueId: Uuid,
  expectedWaitSeconds: Type.Number({ minimum: 0 }),
  waiting: Type.Integer({ minimum: 0 }),
  agentsOnline: Type.Integer({ minimum: 0 }),
  handleTimeSeconds: Type.Number({ minimum: 0 }),
  at: IsoDate,
});
export type QueueWaitEstimatedV1 = Static<typeof QueueWaitEstimatedV1>;
export const queueWaitEstimatedV1 = codec('queue.wait_estimated.v1', QueueWaitEstimatedV1);

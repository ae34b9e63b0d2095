import type { QueueFieldsFragment, QueueUpdatedSubscription } from '../graphql/generated';

type Update = QueueUpdatedSubscription['queueUpdated'];

/** One sample of every queue's open conversations (waiting + assigned), keyed by queue id. */
export interface DepthSample {
  t: number;
  [queueId: string]: number;
}

/** Samples older than this drop off the chart: it shows the recent shape, not history. */
export const SERIES_WINDOW_MS = 30 * 60_000;
const MAX_POINTS = 400;

/** A push carries the queue's new counts; apply them without a round trip. */
export function applyUpdate(queues: readonly QueueFieldsFragment[], u: Update): QueueFieldsFragment[] {
  return queues.map((q) =>
    q.id === u.queueId
      ? { ...q, waiting: u.waiting, assigned: u.assigned, oldestWaitingSince: u.oldestWaitingSince }
      : q,
  );
}

export function recordDepth(
  series: readonly DepthSample[],
  queues: readonly QueueFieldsFragment[],
  t: number,
): DepthSample[] {
  const sample: DepthSample = { t };
  for (const q of queues) sample[q.id] = q.waiting + q.assigned;
  return [...series.filter((s) => s.t >= t - SERIES_WINDOW_MS), sample].slice(-MAX_POINTS);
}

import { Injectable } from '@nestjs/common';
import { LiveEvents, type QueueUpdatedV1 } from '@roost/contracts';
import { LiveChannel } from '@roost/messaging';

type Snapshot = Pick<QueueUpdatedV1, 'waiting' | 'assigned' | 'oldestWaitingSince'>;

/**
 * The latest counters routing reported per queue, so that every live update this service sends
 * (after a message is stored or a reply posted) carries the queue's real state.
 */
@Injectable()
export class QueueSnapshots {
  private readonly latest = new Map<string, Snapshot>();

  constructor(private readonly live: LiveChannel) {}

  remember(queueId: string, snapshot: Snapshot): void {
    this.latest.set(queueId, snapshot);
  }

  publish(
    brandId: string,
    queueId: string,
    change: Pick<
      QueueUpdatedV1,
      'reason' | 'conversationId' | 'conversationStatus' | 'assigneeId' | 'sourceCreatedAt'
    >,
  ): void {
    const s = this.latest.get(queueId) ?? { waiting: 0, assigned: 0, oldestWaitingSince: null };
    this.live.publish(LiveEvents.QueueUpdated, brandId, queueId, {
      schema: 1,
      brandId,
      queueId,
      ...change,
      ...s,
      at: new Date().toISOString(),
    });
  }
}

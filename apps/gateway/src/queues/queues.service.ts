import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  Rpc,
  type QueueUpdatedV1,
  type QueueWaitEstimatedV1,
} from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { canSeeQueue, seesWholeBrand } from '../common/access/access-policy';
import type { AgentContext } from '../common/context/agent-context';
import { QueueUpdatesPubSub } from '../subscriptions/queue-updates.pubsub';
import { WaitTimesPubSub } from '../subscriptions/wait-times.pubsub';
import { QueueGql } from './models/queue.model';

@Injectable()
export class QueuesService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly pubsub: QueueUpdatesPubSub,
    private readonly waitTimes: WaitTimesPubSub,
  ) {}

  /** Agents get their queues, supervisors and admins every queue of the brand. */
  async list(agent: AgentContext): Promise<QueueGql[]> {
    const whole = seesWholeBrand(agent);
    // An empty id list must mean "none", whatever the service makes of `ids: []`.
    if (!whole && agent.queueIds.length === 0) return [];
    const { queues } = await this.rpc.request(Rpc.GetQueues, {
      brandId: agent.brandId,
      ...(whole ? {} : { ids: [...agent.queueIds] }),
    });

    return queues
      .filter((q) => q.brandId === agent.brandId && (whole || agent.queueIds.includes(q.id)))
      .map((q) => QueueGql.from(q));
  }

  /**
   * Live updates for one queue or all the caller may see. Authorised twice: here (a queue id of
   * another brand, or not the agent's, is FORBIDDEN, with no hint whether it exists) and on every
   * event (brand and queue checked again before anything is sent).
   */
  async watch(
    agent: AgentContext,
    queueId: string | undefined,
  ): Promise<AsyncIterableIterator<QueueUpdatedV1>> {
    const accept = await this.queueFilter(agent, queueId);

    return this.pubsub.asyncIterableIterator(agent.brandId, accept);
  }

  /** Expected wait of one queue or of every queue the caller may see, authorised like `watch`. */
  async watchWaitTimes(
    agent: AgentContext,
    queueId: string | undefined,
  ): Promise<AsyncIterableIterator<QueueWaitEstimatedV1>> {
    const accept = await this.queueFilter(agent, queueId);

    return this.waitTimes.asyncIterableIterator(agent.brandId, accept);
  }

  /** The per-event check: the caller's brand, and the one queue asked for or the caller's visible queues. */
  private async queueFilter(
    agent: AgentContext,
    queueId: string | undefined,
  ): Promise<(event: { brandId: string; queueId: string }) => boolean> {
    if (queueId !== undefined) await this.assertVisible(agent, queueId);
    const brandId = agent.brandId;

    // The caller's access is read per event (a socket's agent is live): a member removed from a queue
    // while watching gets no more of its events.
    return (event) =>
      event.brandId === brandId &&
      (queueId === undefined || event.queueId === queueId) &&
      canSeeQueue(agent, event.queueId);
  }

  private async assertVisible(agent: AgentContext, queueId: string): Promise<void> {
    const refuse = new DomainError(ErrorCode.Forbidden, 'not a queue you may watch', {
      reason: 'QUEUE_NOT_VISIBLE',
    });
    if (!seesWholeBrand(agent)) {
      if (!agent.queueIds.includes(queueId)) throw refuse;

      return;
    }
    const { queues } = await this.rpc.request(Rpc.GetQueues, { brandId: agent.brandId, ids: [queueId] });
    if (!queues.some((q) => q.id === queueId && q.brandId === agent.brandId)) throw refuse;
  }
}

import { Injectable } from '@nestjs/common';
import type { PresenceChangedV1, QueueUpdatedV1 } from '@roost/contracts';
import { canSeeConversation } from '../common/access/access-policy';
import { BrandScope } from '../common/access/brand-scope.service';
import type { AgentContext } from '../common/context/agent-context';
import { PresencePubSub } from '../subscriptions/presence.pubsub';
import { QueueUpdatesPubSub } from '../subscriptions/queue-updates.pubsub';

/**
 * Live streams about conversations. `conversationUpdated` and `myAssignments` ride on the queue
 * updates (they carry the conversation, its queue, status and assignee), so they share the brand's
 * one NATS subscription. Every event is authorised per subscriber before it is executed.
 */
@Injectable()
export class ConversationLiveService {
  constructor(
    private readonly scope: BrandScope,
    private readonly queues: QueueUpdatesPubSub,
    private readonly presences: PresencePubSub,
  ) {}

  /** Changes of one conversation, while the caller may still see it (it may move to another queue). */
  async watchConversation(agent: AgentContext, id: string): Promise<AsyncIterableIterator<QueueUpdatedV1>> {
    await this.scope.conversation(agent, id);
    const brandId = agent.brandId;

    return this.queues.asyncIterableIterator(
      brandId,
      (e) =>
        e.conversationId === id &&
        canSeeConversation(agent, { brandId: e.brandId, queueId: e.queueId, assigneeId: e.assigneeId }),
    );
  }

  /**
   * Changes of the conversations assigned to the caller, and the one change that takes a
   * conversation away from them (transfer, unassign): remembered per subscription, so the client
   * can drop it from its list (`assigneeId` is then someone else, or null).
   */
  watchAssignments(agent: AgentContext): AsyncIterableIterator<QueueUpdatedV1> {
    const mine = new Set<string>();

    return this.queues.asyncIterableIterator(agent.brandId, (e) => {
      if (e.brandId !== agent.brandId || !e.conversationId) return false;
      if (e.assigneeId === agent.id) {
        mine.add(e.conversationId);

        return true;
      }

      return mine.delete(e.conversationId);
    });
  }

  /**
   * Who else views or types in a conversation the caller may see (their own presence is not echoed).
   * Every event is judged with the caller's current role and queues (`agent` is read at each use on a
   * socket), against the conversation's queue and assignee as read at subscribe: an agent removed
   * from that queue, or demoted, stops getting its presence.
   */
  async watchPresence(
    agent: AgentContext,
    conversationId: string,
  ): Promise<AsyncIterableIterator<PresenceChangedV1>> {
    const view = await this.scope.conversation(agent, conversationId);
    const where = { brandId: view.brandId, queueId: view.queueId, assigneeId: view.assigneeId };

    return this.presences.asyncIterableIterator(
      agent.brandId,
      (e) =>
        e.brandId === agent.brandId &&
        e.conversationId === conversationId &&
        e.agentId !== agent.id &&
        canSeeConversation(agent, where),
    );
  }
}

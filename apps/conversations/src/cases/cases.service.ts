import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  Events,
  forbidden,
  managesBrand,
  RoutingRpc,
  type AgentRole,
  type ActionResult,
  type CaseLink,
  type CaseSuggestion,
} from '@roost/contracts';
import { ActorRoles, Outbox, outboxEvent, RpcClient } from '@roost/messaging';
import { QueueLocks } from '../common/queue-locks';
import { CaseRepository, type CaseRow } from '../data/case.repository';
import { QueueSnapshots } from '../queue-snapshots/queue-snapshots';

export interface CaseActor {
  brandId: string;
  agentId: string;
  agentInitials: string;
}

/**
 * One case per customer problem (issue 13). Suggestions list the customer's other recent cases;
 * merge moves one case into another in one transaction, whose outbox row
 * (`conversation.status_changed` with `mergedIntoId`) tells routing to free the source's slot and
 * send its thread to the target, and metrics to count one conversation; split asks routing to open
 * the new case (routing owns conversation ids and assignment), then stores it with the message and
 * writes `conversation.split` for metrics. The acting agent must be an active agent of the brand
 * as routing knows it now (ActorRoles, which also gives their current role): an agent merges and
 * splits only cases assigned to them (both of a merge), supervisors and admins any, and in a
 * hard-locked queue only the assignee (QueueLocks, as for replies): a merge or split moves messages
 * between cases, so it must not do what a transfer or take-over would need permission for. The
 * gateway's BrandScope still decides what they may see, and another brand's id is NOT_FOUND here too.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly outbox: Outbox,
    private readonly roles: ActorRoles,
    private readonly rpc: RpcClient,
    private readonly queues: QueueSnapshots,
    private readonly locks: QueueLocks,
  ) {}

  suggestions(brandId: string, conversationId: string): Promise<CaseSuggestion[]> {
    return this.cases.suggestions(brandId, conversationId);
  }

  links(brandId: string, conversationId: string): Promise<CaseLink[]> {
    return this.cases.links(brandId, conversationId);
  }

  async merge(
    a: CaseActor,
    p: { targetId: string; sourceId: string; expectedVersion?: number },
  ): Promise<{ target: ActionResult; source: ActionResult }> {
    if (p.targetId === p.sourceId) {
      throw new DomainError(ErrorCode.BadUserInput, 'a conversation cannot be merged into itself', {
        reason: 'MERGE_INTO_ITSELF',
      });
    }
    const role = await this.roles.current(a.brandId, a.agentId);
    const m = await this.cases.merge({
      actor: a,
      targetId: p.targetId,
      sourceId: p.sourceId,
      ...(p.expectedVersion !== undefined ? { expectedVersion: p.expectedVersion } : {}),
      authorize: async (target, source) => {
        await this.assertMayChange(a, role, target);
        await this.assertMayChange(a, role, source);
      },
      within: (tx, m) =>
        this.outbox.add(tx, a.brandId, [
          outboxEvent(
            Events.ConversationStatusChanged,
            {
              schema: 1,
              brandId: a.brandId,
              conversationId: m.source.id,
              queueId: m.source.queue_id,
              assigneeId: m.source.assignee_id,
              status: 'resolved',
              previousStatus: m.source.status,
              reason: 'resolved',
              actorId: a.agentId,
              openedAt: m.source.opened_at.toISOString(),
              at: new Date().toISOString(),
              mergedIntoId: p.targetId,
              targetOpenedAt: m.targetOpenedBefore.toISOString(),
            },
            { msgId: `status:${a.brandId}:${m.source.id}:${m.source.newVersion}` },
          ),
        ]),
    });
    this.outbox.kick(a.brandId);
    this.queues.publish(a.brandId, m.source.queue_id, {
      reason: 'conversation_updated',
      conversationId: m.source.id,
      conversationStatus: 'resolved',
      assigneeId: m.source.assignee_id,
      sourceCreatedAt: null,
    });

    return {
      target: {
        conversationId: p.targetId,
        status: m.target.status,
        version: m.target.version,
        tags: m.target.tags,
      },
      source: {
        conversationId: p.sourceId,
        status: 'resolved',
        version: m.source.newVersion,
        tags: m.source.tags,
      },
    };
  }

  /**
   * Splits an inbound customer message out into a new case. Routing opens it first, under the
   * brand lock, keyed by the message's own X id (its thread identity: a second case of the same
   * X thread would break routing's one-open-per-thread index); a retry after a failure here gets
   * the same conversation back, so the split completes once.
   */
  async split(
    a: CaseActor,
    p: { conversationId: string; messageId: string; expectedVersion?: number },
  ): Promise<{ source: ActionResult; created: ActionResult }> {
    const role = await this.roles.current(a.brandId, a.agentId);
    const source = await this.cases.get(a.brandId, p.conversationId);
    if (!source) throw DomainError.notFound('conversation', p.conversationId);
    await this.assertMayChange(a, role, source);
    if (source.merged_into) {
      throw new DomainError(ErrorCode.BadUserInput, 'this conversation was merged into another', {
        reason: 'ALREADY_MERGED',
        conversationId: source.id,
        mergedInto: source.merged_into,
      });
    }
    if (p.expectedVersion !== undefined && source.version !== p.expectedVersion) {
      throw new DomainError(ErrorCode.Conflict, 'the conversation changed since you loaded it', {
        reason: 'VERSION_MISMATCH',
        expectedVersion: p.expectedVersion,
        currentVersion: source.version,
      });
    }
    const message = await this.cases.splitMessage(a.brandId, p.conversationId, p.messageId);
    if (!message) throw DomainError.notFound('message', p.messageId);
    if (message.direction !== 'inbound' || !message.x_id) {
      throw new DomainError(ErrorCode.BadUserInput, 'only a customer message can be split out', {
        reason: 'SPLIT_NOT_INBOUND',
      });
    }
    if (message.channel === 'dm') {
      throw new DomainError(ErrorCode.BadUserInput, 'a direct message cannot be split out yet', {
        reason: 'SPLIT_DM_UNSUPPORTED',
      });
    }
    if (Number(message.inbound_count) < 2) {
      throw new DomainError(ErrorCode.BadUserInput, 'the conversation has no other customer message', {
        reason: 'SPLIT_ONLY_MESSAGE',
      });
    }
    const stored = await this.cases.storeSplit({
      actor: a,
      source,
      message,
      open: async () => {
        const decision = await this.rpc.request(RoutingRpc.OpenSplit, {
          brandId: a.brandId,
          sourceConversationId: source.id,
          customerXId: source.customer_x_id,
          channel: source.channel,
          messageXId: message.x_id!,
          priority: source.priority,
          language: source.language,
          openedAt: message.created_at.toISOString(),
        });
        // Never report a split that is the source itself (an older routing keyed a thread's opening tweet so).
        if (decision.conversationId === source.id) {
          throw new DomainError(ErrorCode.Conflict, 'this message cannot be split out of its conversation', {
            reason: 'SPLIT_ROOT_MESSAGE',
            conversationId: source.id,
          });
        }

        return {
          ...decision,
          id: decision.conversationId,
          status: decision.status === 'assigned' ? 'assigned' : 'waiting',
        };
      },
      within: (tx, created) =>
        this.outbox.add(tx, a.brandId, [
          outboxEvent(
            Events.ConversationSplit,
            {
              schema: 1,
              brandId: a.brandId,
              conversationId: created.id,
              sourceConversationId: source.id,
              messageId: message.id,
              messageXId: message.x_id!,
              queueId: created.queueId,
              assigneeId: created.assigneeId,
              status: created.status,
              priority: created.priority,
              channel: source.channel,
              language: source.language,
              openedAt: message.created_at.toISOString(),
              actorId: a.agentId,
              at: new Date().toISOString(),
            },
            { msgId: `split:${a.brandId}:${message.id}` },
          ),
        ]),
    });
    const { created } = stored;
    const status = created.status;
    this.outbox.kick(a.brandId);
    this.queues.publish(a.brandId, created.queueId, {
      reason: 'conversation_updated',
      conversationId: created.id,
      conversationStatus: status,
      assigneeId: created.assigneeId,
      sourceCreatedAt: null,
    });

    return {
      source: {
        conversationId: source.id,
        status: stored.source.status,
        version: stored.source.version,
        tags: stored.source.tags,
      },
      created: { conversationId: created.id, status, version: stored.createdVersion, tags: [] },
    };
  }

  /** An agent changes only cases assigned to them; in a hard-locked queue only the assignee does. */
  private async assertMayChange(a: CaseActor, role: AgentRole, c: CaseRow): Promise<void> {
    if (!managesBrand(role) && c.assignee_id !== a.agentId) {
      throw forbidden('NOT_ASSIGNEE', 'agents may only merge or split conversations assigned to them', {
        conversationId: c.id,
        assigneeId: c.assignee_id,
      });
    }
    await this.locks.assertMayAnswer({
      brandId: a.brandId,
      agentId: a.agentId,
      queueId: c.queue_id,
      assigneeId: c.assignee_id,
    });
  }
}

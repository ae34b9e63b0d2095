import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  Events,
  RoutingRpc,
  type ActionResult,
  type CaseLink,
  type CaseSuggestion,
} from '@roost/contracts';
import { ActorRoles, Outbox, outboxEvent, RpcClient } from '@roost/messaging';
import { CaseRepository } from '../data/case.repository';
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
 * as routing knows it now (ActorRoles); which conversations they may touch is the gateway's
 * BrandScope (brand, then queue or assignment), and another brand's id is NOT_FOUND here too.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly outbox: Outbox,
    private readonly roles: ActorRoles,
    private readonly rpc: RpcClient,
    private readonly queues: QueueSnapshots,
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
    await this.roles.current(a.brandId, a.agentId);
    const m = await this.cases.merge({
      actor: a,
      targetId: p.targetId,
      sourceId: p.sourceId,
      ...(p.expectedVersion !== undefined ? { expectedVersion: p.expectedVersion } : {}),
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
    await this.roles.current(a.brandId, a.agentId);
    const source = await this.cases.get(a.brandId, p.conversationId);
    if (!source) throw DomainError.notFound('conversation', p.conversationId);
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
    const decision = await this.rpc.request(RoutingRpc.OpenSplit, {
      brandId: a.brandId,
      sourceConversationId: source.id,
      customerXId: source.customer_x_id,
      channel: source.channel,
      messageXId: message.x_id,
      priority: source.priority,
      language: source.language,
      openedAt: message.created_at.toISOString(),
    });
    const status = decision.status === 'assigned' ? 'assigned' : 'waiting';
    const created = { ...decision, id: decision.conversationId, status } as const;
    const stored = await this.cases.storeSplit({
      actor: a,
      source,
      message,
      created,
      within: (tx) =>
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
              status,
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
}

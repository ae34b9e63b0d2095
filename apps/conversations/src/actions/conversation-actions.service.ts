import { Injectable } from '@nestjs/common';
import {
  ConversationsLive,
  DomainError,
  ErrorCode,
  Events,
  type ActionResult,
  type AgentRole,
  type ConversationDetail,
  type ConversationStatus,
  type MessageView,
} from '@roost/contracts';
import { LiveChannel, Outbox, outboxEvent } from '@roost/messaging';
import type { EntityManager } from 'typeorm';
import { CaseRepository } from '../data/case.repository';
import { Clock } from '@roost/platform';
import { QueueLocks } from '../common/queue-locks';
import { ConversationRepository } from '../data/conversation.repository';
import { QueueSnapshots } from '../queue-snapshots/queue-snapshots';
import { replyOptions } from '../outbound/reply-options';
import { OutboundService } from '../outbound/outbound.service';
import { ConversationActionsRepository, type Mutated } from '../data/conversation-actions.repository';

export interface AgentActor {
  brandId: string;
  agentId: string;
  agentRole: AgentRole;
  agentInitials: string;
}

type StatusReason = 'resolved' | 'snoozed' | 'unsnoozed' | 'reopened_by_agent' | 'reopened_by_customer';

/** Agent actions on one conversation; every status change is published for routing and metrics. */
@Injectable()
export class ConversationActionsService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly actions: ConversationActionsRepository,
    private readonly outbound: OutboundService,
    private readonly outbox: Outbox,
    private readonly live: LiveChannel,
    private readonly queues: QueueSnapshots,
    private readonly cases: CaseRepository,
    private readonly clock: Clock,
    private readonly locks: QueueLocks,
  ) {}

  async detail(brandId: string, conversationId: string): Promise<ConversationDetail> {
    const rec = await this.conversations.get(brandId, conversationId);
    if (!rec) throw DomainError.notFound('conversation', conversationId);
    const links = await this.cases.links(brandId, conversationId);
    const transfers = await this.actions.transfers(brandId, conversationId);
    // Shown, not enforced here: a detail still loads while routing cannot say.
    const hardLock = await this.locks.isLocked(brandId, rec.view.queueId).catch(() => undefined);

    return {
      mergedIntoId: rec.mergedIntoId,
      links,
      conversation: rec.view,
      version: rec.version,
      tags: rec.tags,
      snoozedUntil: rec.snoozedUntil?.toISOString() ?? null,
      movedToDmAt: rec.movedToDmAt?.toISOString() ?? null,
      followUpRequired: rec.movedToDmAt !== null && rec.view.status !== 'resolved',
      replyOptions: replyOptions({
        replyPath: rec.view.replyPath,
        customerHandle: rec.view.customer.handle,
        lastInboundXId: (rec.lastPublicInbound ?? rec.lastInbound)?.xId ?? null,
      }),
      transfers,
      ...(hardLock === undefined ? {} : { hardLock }),
    };
  }

  sendDm(
    a: AgentActor,
    p: { conversationId: string; text: string; idempotencyKey?: string; attachmentIds?: string[] },
  ): Promise<MessageView> {
    return this.outbound.post({ ...a, ...p, purpose: 'dm' });
  }

  /** Public invitation under the customer's tweet, then the DM; keys derive from one key so a retry repeats neither. */
  async moveToDm(
    a: AgentActor,
    p: {
      conversationId: string;
      invitation: string;
      dmText: string;
      idempotencyKey?: string;
      expectedVersion?: number;
    },
  ): Promise<{ invitation: MessageView; dm: MessageView }> {
    const key = p.idempotencyKey;
    // Before the version is taken: a refused move changes nothing.
    await this.assertMayAnswer(a, p.conversationId);
    // A retry of a move that already started repeats it (its posts are keyed); otherwise the
    // expected version is taken atomically before anything is posted.
    const retry = key ? (await this.outbound.existing(a.brandId, `${key}:invite`)) !== null : false;
    if (p.expectedVersion !== undefined && !retry) {
      await this.actions.claimVersion({
        actor: a,
        conversationId: p.conversationId,
        expectedVersion: p.expectedVersion,
        to: 'dm',
      });
    }
    const invitation = await this.outbound.post({
      ...a,
      conversationId: p.conversationId,
      text: p.invitation,
      purpose: 'dm_invitation',
      ...(key ? { idempotencyKey: `${key}:invite` } : {}),
    });
    const dm = await this.outbound.post({
      ...a,
      conversationId: p.conversationId,
      text: p.dmText,
      purpose: 'dm',
      ...(key ? { idempotencyKey: `${key}:dm` } : {}),
    });
    await this.actions.markMovedToDm(a, p.conversationId);

    return { invitation, dm };
  }

  /** A conversation that moved to DM closes in public too, so everyone watching sees it resolved. */
  async resolve(
    a: AgentActor,
    p: {
      conversationId: string;
      followUp?: string;
      skipFollowUp?: boolean;
      idempotencyKey?: string;
      expectedVersion?: number;
    },
  ): Promise<{ result: ActionResult; followUp: MessageView | null }> {
    const rec = await this.conversations.get(a.brandId, p.conversationId);
    if (!rec) throw DomainError.notFound('conversation', p.conversationId);
    if (rec.movedToDmAt && !p.followUp && !p.skipFollowUp) {
      throw new DomainError(
        ErrorCode.BadUserInput,
        'this conversation moved to DM: add a public follow-up before resolving',
        {
          reason: 'FOLLOW_UP_REQUIRED',
          replyTo: rec.lastPublicInbound?.xId ?? null,
        },
      );
    }
    let followUp: MessageView | null = null;
    if (p.followUp) {
      followUp = await this.outbound.post({
        ...a,
        conversationId: p.conversationId,
        text: p.followUp,
        purpose: 'follow_up',
        ...(p.idempotencyKey ? { idempotencyKey: `${p.idempotencyKey}:follow-up` } : {}),
      });
    }
    const m = await this.actions.mutate({
      actor: a,
      conversationId: p.conversationId,
      // The follow-up itself bumped the version: the caller's expectation was checked before it.
      expectedVersion: p.followUp ? undefined : p.expectedVersion,
      to: 'resolved',
      allowedFrom: ['waiting', 'assigned', 'snoozed'],
      audit: { action: 'conversation.resolved', details: { followUpMessageId: followUp?.id ?? null } },
      within: this.recordStatus(a, () => 'resolved'),
    });
    this.statusChanged(a, m);

    return { result: m.result, followUp };
  }

  async snooze(
    a: AgentActor,
    p: { conversationId: string; until: string; expectedVersion?: number },
  ): Promise<ActionResult> {
    const until = new Date(p.until);
    if (Number.isNaN(until.getTime()) || until.getTime() <= this.clock.now()) {
      throw new DomainError(ErrorCode.BadUserInput, 'snooze until a time in the future', {
        reason: 'INVALID_SNOOZE_TIME',
      });
    }
    const m = await this.actions.snooze({
      actor: a,
      conversationId: p.conversationId,
      until,
      expectedVersion: p.expectedVersion,
      within: this.recordStatus(a, () => 'snoozed'),
    });
    this.statusChanged(a, m);

    return m.result;
  }

  async reopen(
    a: AgentActor,
    p: { conversationId: string; expectedVersion?: number },
  ): Promise<ActionResult> {
    const m = await this.actions.mutate({
      actor: a,
      conversationId: p.conversationId,
      expectedVersion: p.expectedVersion,
      to: 'open',
      allowedFrom: ['resolved', 'snoozed'],
      audit: { action: 'conversation.reopened' },
      within: this.recordStatus(a, (m) =>
        m.previousStatus === 'snoozed' ? 'unsnoozed' : 'reopened_by_agent',
      ),
    });
    this.statusChanged(a, m);

    return m.result;
  }

  async tag(
    a: AgentActor,
    p: { conversationId: string; add: string[]; remove: string[]; expectedVersion?: number },
  ): Promise<ActionResult> {
    const m = await this.actions.tag({
      actor: a,
      conversationId: p.conversationId,
      add: p.add,
      remove: p.remove,
      expectedVersion: p.expectedVersion,
    });

    return m.result;
  }

  async addNote(a: AgentActor, p: { conversationId: string; text: string }) {
    const rec = await this.conversations.get(a.brandId, p.conversationId);
    if (!rec) throw DomainError.notFound('conversation', p.conversationId);

    return this.actions.addNote({
      actor: a,
      initials: a.agentInitials,
      customerId: rec.view.customer.id,
      conversationId: p.conversationId,
      text: p.text,
    });
  }

  /** A hard-locked queue's conversations are answered by their assignee only (QueueLocks). */
  private async assertMayAnswer(a: AgentActor, conversationId: string): Promise<void> {
    const rec = await this.conversations.get(a.brandId, conversationId);
    if (!rec) throw DomainError.notFound('conversation', conversationId);
    await this.locks.assertMayAnswer({
      brandId: a.brandId,
      agentId: a.agentId,
      queueId: rec.view.queueId,
      assigneeId: rec.view.assigneeId,
    });
  }

  /** Presence is live only (core NATS): who views or types is gone the moment they leave. */
  presence(a: AgentActor, p: { conversationId: string; state: 'viewing' | 'typing' | 'left' }): { ok: true } {
    this.live.publish(ConversationsLive.Presence, a.brandId, p.conversationId, {
      schema: 1,
      brandId: a.brandId,
      conversationId: p.conversationId,
      agentId: a.agentId,
      agentInitials: a.agentInitials,
      state: p.state,
      at: new Date().toISOString(),
    });

    return { ok: true };
  }

  /**
   * conversation.status_changed, written to the outbox in the transaction of the change: routing
   * frees the agent's slot even if this process dies or NATS is down right after the commit.
   */
  private recordStatus(
    a: AgentActor,
    reason: (m: Mutated) => StatusReason,
  ): (tx: EntityManager, m: Mutated) => Promise<void> {
    return (tx, m) =>
      this.outbox.add(tx, a.brandId, [
        outboxEvent(
          Events.ConversationStatusChanged,
          {
            schema: 1,
            brandId: a.brandId,
            conversationId: m.result.conversationId,
            queueId: m.queueId,
            assigneeId: m.assigneeId,
            status: m.result.status,
            previousStatus: m.previousStatus,
            reason: reason(m),
            actorId: a.agentId,
            openedAt: m.openedAt.toISOString(),
            at: new Date().toISOString(),
          },
          { msgId: `status:${a.brandId}:${m.result.conversationId}:${m.result.version}` },
        ),
      ]);
  }

  /** After the commit: the outbox publishes now, and consoles hear the change. */
  private statusChanged(a: AgentActor, m: Mutated): void {
    this.outbox.kick(a.brandId);
    this.queues.publish(a.brandId, m.queueId, {
      reason: 'conversation_updated',
      conversationId: m.result.conversationId,
      conversationStatus: m.result.status as ConversationStatus,
      assigneeId: m.assigneeId,
      sourceCreatedAt: null,
    });
  }
}

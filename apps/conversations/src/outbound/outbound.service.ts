import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, type ConversationsEnv, type RoostEnv } from '@roost/config';
import { DomainError, ErrorCode, type MessageView, type RpcRequest, type Rpc } from '@roost/contracts';
import { formatSignature, validateReply } from '@roost/x-text';
import { QueueLocks } from '../common/queue-locks';
import { ConversationRepository } from '../data/conversation.repository';
import { GuidelinesRepository } from '../data/guidelines.repository';
import { AttachmentsService } from './attachments.service';
import { OutboundDispatcher } from './outbound-dispatcher';
import { OutboundRepository, type LedgerEntry } from '../data/outbound.repository';
import { publicReplyNotAllowed, replyOptions } from './reply-options';
import { replyRefused } from './reply-errors';

type ReplyRequest = RpcRequest<typeof Rpc.Reply>;

/** Why the brand posts: decides what the post threads under and whether it claims the customer's message. */
export type OutboundPurpose = 'reply' | 'dm' | 'dm_invitation' | 'follow_up';

export interface OutboundRequest {
  brandId: string;
  conversationId: string;
  agentId: string;
  agentInitials: string;
  text: string;
  idempotencyKey?: string;
  purpose: OutboundPurpose;
  /** A reply's channel when the agent chose one; otherwise where the customer last wrote. */
  channel?: 'public' | 'dm';
  /** Staged attachments (images, a GIF) to post with it. */
  attachmentIds?: string[];
}

/**
 * Agent posts (replies, DMs, DM invitations, follow-ups): in a hard-locked queue only the assignee's
 * (QueueLocks); checked against X's text rules and the brand's guidelines, recorded in the ledger
 * (claiming the customer's message so two agents cannot both answer it), then posted exactly once.
 */
@Injectable()
export class OutboundService {
  private readonly settings: ConversationsEnv;

  constructor(
    private readonly conversations: ConversationRepository,
    private readonly ledger: OutboundRepository,
    private readonly guidelines: GuidelinesRepository,
    private readonly dispatcher: OutboundDispatcher,
    private readonly attachments: AttachmentsService,
    private readonly locks: QueueLocks,
    @Inject(ROOST_ENV) env: RoostEnv,
  ) {
    this.settings = env.conversations;
  }

  /** The existing `conversations.reply`: public or DM, whichever channel the conversation is on. */
  async reply(req: ReplyRequest): Promise<MessageView> {
    return this.post({ ...req, purpose: 'reply' });
  }

  /** The message an idempotency key already produced, if any. */
  existing(brandId: string, idempotencyKey: string): Promise<MessageView | null> {
    return this.ledger.messageByKey(brandId, idempotencyKey);
  }

  async post(req: OutboundRequest): Promise<MessageView> {
    const key = req.idempotencyKey ?? randomUUID();
    if (req.idempotencyKey) {
      const existing = await this.ledger.messageByKey(req.brandId, key);
      if (existing) return existing;
    }
    const rec = await this.conversations.get(req.brandId, req.conversationId);
    if (!rec) throw DomainError.notFound('conversation', req.conversationId);
    // A merged case is answered in its target: its messages and customer are there now.
    if (rec.mergedIntoId) {
      throw new DomainError(
        ErrorCode.Conflict,
        'this conversation was merged: answer in the case it was merged into',
        {
          reason: 'CONVERSATION_MERGED',
          conversationId: rec.view.id,
          mergedInto: rec.mergedIntoId,
        },
      );
    }
    await this.locks.assertMayAnswer({
      brandId: req.brandId,
      agentId: req.agentId,
      queueId: rec.view.queueId,
      assigneeId: rec.view.assigneeId,
    });
    // A reply answers on the channel the agent chose, else where the customer last wrote (after a
    // move to DM their DMs are answered by DM in the same case); invitations and follow-ups are
    // public by definition.
    const channel: 'public' | 'dm' =
      req.purpose === 'dm'
        ? 'dm'
        : req.purpose === 'reply'
          ? (req.channel ?? rec.lastInbound?.channel ?? rec.view.channel)
          : 'public';
    const target = channel === 'public' ? rec.lastPublicInbound : rec.lastInbound;
    if (channel === 'public' && rec.view.replyPath !== 'public') {
      const options = replyOptions({
        replyPath: rec.view.replyPath,
        customerHandle: rec.view.customer.handle,
        lastInboundXId: target?.xId ?? null,
      });
      throw publicReplyNotAllowed(options, rec.view.replyPath);
    }
    if (!target && channel === 'public') {
      throw new DomainError(ErrorCode.Conflict, 'nothing to reply to yet', { reason: 'NO_INBOUND_MESSAGE' });
    }
    const { bannedPhrases } = await this.guidelines.get(req.brandId);
    const checked = validateReply({
      text: req.text,
      signature: channel === 'public' ? formatSignature(req.agentInitials) : undefined,
      channel,
      brandHandles: [rec.accountHandle],
      bannedPhrases,
    });
    if (!checked.ok) throw replyRefused(checked.errors);
    // X's media rules are checked before anything is recorded: a refused set posts nothing.
    const media = req.attachmentIds?.length
      ? await this.attachments.validate({
          brandId: req.brandId,
          agentId: req.agentId,
          attachmentIds: req.attachmentIds,
          channel,
        })
      : [];
    // Answering the customer claims their latest message; an invitation or a follow-up does not.
    const answers = req.purpose === 'reply' || req.purpose === 'dm';
    const claim =
      answers && rec.lastInbound ? { inboundXId: rec.lastInbound.xId, agentId: req.agentId } : undefined;
    const entry: LedgerEntry = {
      brandId: req.brandId,
      idempotencyKey: key,
      messageId: randomUUID(),
      conversationId: req.conversationId,
      purpose: 'agent',
      kind: channel === 'dm' ? 'dm' : 'reply',
      accountHandle: rec.accountHandle,
      text: checked.finalText,
      inReplyToXId: channel === 'public' ? (target?.xId ?? null) : null,
      recipientXId: channel === 'dm' ? rec.view.customer.xUserId : null,
      agentId: req.agentId,
      channel,
      ...(claim ? { claim } : {}),
      ...(media.length ? { attachmentIds: media.map((m) => m.key), media } : {}),
    };
    const recorded = await this.ledger.record(entry, {
      leaseMs: this.settings.outboundLeaseMs,
      claim,
      auditAction: `${req.purpose}.requested`,
    });
    if (!recorded) {
      const existing = await this.ledger.messageByKey(req.brandId, key);
      if (existing) return existing;
    }

    const sent = await this.dispatcher.send(entry);
    if (!sent) throw new Error(`outbound ${key} committed without a message`);

    return sent;
  }
}

import { Injectable } from '@nestjs/common';
import {
  ConversationsRpc,
  type ActionResult,
  type CaseSuggestion,
  type ConversationDetail,
} from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { canSeeConversation } from '../common/access/access-policy';
import { BrandScope } from '../common/access/brand-scope.service';
import { defined } from '../common/access/defined';
import type { AgentContext } from '../common/context/agent-context';
import type {
  AddNoteArgs,
  ConversationActionArgs,
  MergeConversationsArgs,
  MoveToDmArgs,
  ResolveArgs,
  SendDmArgs,
  SnoozeArgs,
  SplitConversationArgs,
  TagArgs,
} from './dto/action.args';
import type { ConversationDetailGql } from './models/conversation-detail.model';
import { ConversationGql } from './models/conversation.model';
import type { NoteGql } from './models/customer-profile.model';
import { MessageGql } from './models/message.model';

/**
 * Agent actions over the conversations service. Every action first checks that the caller may see
 * the conversation (brand, then queue or assignment for agents; NOT_FOUND otherwise), then sends
 * brand, agent, role and initials from the token: arguments never name the brand or the actor.
 */
@Injectable()
export class ConversationActionsService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly scope: BrandScope,
  ) {}

  async detail(agent: AgentContext, conversationId: string): Promise<ConversationDetailGql> {
    await this.scope.conversation(agent, conversationId);
    const d: ConversationDetail = await this.rpc.request(ConversationsRpc.GetDetail, {
      brandId: agent.brandId,
      conversationId,
    });

    return {
      ...d,
      links: d.links ?? [],
      conversation: ConversationGql.from(d.conversation),
      transfers: d.transfers ?? [],
      hardLock: d.hardLock ?? null,
    };
  }

  /** The same customer's other recent cases the caller may see (issue 13). */
  async caseSuggestions(agent: AgentContext, conversationId: string): Promise<CaseSuggestion[]> {
    await this.scope.conversation(agent, conversationId);
    const { suggestions } = await this.rpc.request(ConversationsRpc.CaseSuggestions, {
      brandId: agent.brandId,
      conversationId,
    });

    return suggestions.filter((s) => canSeeConversation(agent, { ...s, brandId: agent.brandId }));
  }

  /** Both conversations must be the caller's to see (another brand's: NOT_FOUND); conversations checks the rest. */
  async merge(
    agent: AgentContext,
    args: MergeConversationsArgs,
  ): Promise<{ target: ActionResult; source: ActionResult }> {
    await this.scope.conversation(agent, args.targetId);
    await this.scope.conversation(agent, args.sourceId);

    return this.rpc.request(ConversationsRpc.Merge, { ...actor(agent), ...defined({ ...args }) });
  }

  async split(
    agent: AgentContext,
    args: SplitConversationArgs,
  ): Promise<{ source: ActionResult; created: ActionResult }> {
    await this.scope.conversation(agent, args.conversationId);

    return this.rpc.request(ConversationsRpc.Split, { ...actor(agent), ...defined({ ...args }) });
  }

  async sendDm(
    agent: AgentContext,
    args: SendDmArgs,
    idempotencyKey: string | undefined,
  ): Promise<MessageGql> {
    await this.scope.conversation(agent, args.conversationId);
    const m = await this.rpc.request(ConversationsRpc.SendDm, {
      ...actor(agent),
      conversationId: args.conversationId,
      text: args.text,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(args.attachmentIds?.length ? { attachmentIds: args.attachmentIds } : {}),
    });

    return MessageGql.from(m);
  }

  async moveToDm(
    agent: AgentContext,
    args: MoveToDmArgs,
    idempotencyKey: string | undefined,
  ): Promise<{ invitation: MessageGql; dm: MessageGql }> {
    await this.scope.conversation(agent, args.conversationId);
    const r = await this.rpc.request(ConversationsRpc.MoveToDm, {
      ...actor(agent),
      ...defined({ ...args }),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });

    return { invitation: MessageGql.from(r.invitation), dm: MessageGql.from(r.dm) };
  }

  async resolve(
    agent: AgentContext,
    args: ResolveArgs,
    idempotencyKey: string | undefined,
  ): Promise<{ result: ActionResult; followUp: MessageGql | null }> {
    await this.scope.conversation(agent, args.conversationId);
    const r = await this.rpc.request(ConversationsRpc.Resolve, {
      ...actor(agent),
      ...defined({ ...args }),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });

    return { result: r.result, followUp: r.followUp ? MessageGql.from(r.followUp) : null };
  }

  async addNote(agent: AgentContext, args: AddNoteArgs): Promise<NoteGql> {
    await this.scope.conversation(agent, args.conversationId);

    return this.rpc.request(ConversationsRpc.AddNote, {
      ...actor(agent),
      conversationId: args.conversationId,
      text: args.text,
    });
  }

  async tag(agent: AgentContext, args: TagArgs): Promise<ActionResult> {
    await this.scope.conversation(agent, args.conversationId);

    return this.rpc.request(ConversationsRpc.Tag, { ...actor(agent), ...defined({ ...args }) });
  }

  async snooze(agent: AgentContext, args: SnoozeArgs): Promise<ActionResult> {
    await this.scope.conversation(agent, args.conversationId);

    return this.rpc.request(ConversationsRpc.Snooze, { ...actor(agent), ...defined({ ...args }) });
  }

  async reopen(agent: AgentContext, args: ConversationActionArgs): Promise<ActionResult> {
    await this.scope.conversation(agent, args.conversationId);

    return this.rpc.request(ConversationsRpc.Reopen, { ...actor(agent), ...defined({ ...args }) });
  }

  async setPresence(
    agent: AgentContext,
    conversationId: string,
    state: 'viewing' | 'typing' | 'left',
  ): Promise<boolean> {
    await this.scope.conversation(agent, conversationId);
    await this.rpc.request(ConversationsRpc.SetPresence, { ...actor(agent), conversationId, state });

    return true;
  }

  async renderCanned(agent: AgentContext, conversationId: string, cannedReplyId: string): Promise<string> {
    await this.scope.conversation(agent, conversationId);
    const { text } = await this.rpc.request(ConversationsRpc.RenderCanned, {
      ...actor(agent),
      conversationId,
      cannedReplyId,
    });

    return text;
  }
}

export function actor(agent: AgentContext) {
  return { brandId: agent.brandId, agentId: agent.id, agentRole: agent.role, agentInitials: agent.initials };
}

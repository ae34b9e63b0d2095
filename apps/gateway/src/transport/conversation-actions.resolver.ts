import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import { Meta, type RequestMeta } from '../common/auth/request-meta.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { ConversationActionsService } from '../conversations/conversation-actions.service';
import {
  AddNoteArgs,
  CaseSuggestionsArgs,
  ConversationActionArgs,
  MergeConversationsArgs,
  MoveToDmArgs,
  RenderCannedArgs,
  ResolveArgs,
  SendDmArgs,
  SetPresenceArgs,
  SnoozeArgs,
  SplitConversationArgs,
  TagArgs,
} from '../conversations/dto/action.args';
import { ConversationArgs } from '../conversations/dto/conversation.args';
import {
  ActionResultGql,
  ConversationDetailGql,
  MergeResultGql,
  MoveToDmResultGql,
  ResolveResultGql,
  SplitResultGql,
} from '../conversations/models/conversation-detail.model';
import { CaseSuggestionGql } from '../conversations/models/case.model';
import { NoteGql } from '../conversations/models/customer-profile.model';
import { MessageGql } from '../conversations/models/message.model';

const IDEMPOTENT =
  'Send `Idempotency-Key` (header, or `extensions.idempotencyKey` on graphql-ws) to make retries safe.';

/** Agent actions: any role, on conversations the caller may see (NOT_FOUND otherwise). */
@Resolver()
export class ConversationActionsResolver {
  constructor(private readonly service: ConversationActionsService) {}

  @Query(() => ConversationDetailGql, {
    description: 'Version, tags, snooze, DM state and reply options of one conversation.',
  })
  conversationDetail(
    @CurrentAgent() agent: AgentContext,
    @Args() args: ConversationArgs,
  ): Promise<ConversationDetailGql> {
    return this.service.detail(agent, args.id);
  }

  @Query(() => [CaseSuggestionGql], {
    description:
      'The same customer’s other open (or resolved within 24 h) conversations the caller may see, newest first, with why: merge candidates.',
  })
  caseSuggestions(
    @CurrentAgent() agent: AgentContext,
    @Args() args: CaseSuggestionsArgs,
  ): Promise<CaseSuggestionGql[]> {
    return this.service.caseSuggestions(agent, args.conversationId);
  }

  @Mutation(() => MergeResultGql, {
    description:
      'Merge `sourceId` into `targetId` (same customer): messages, notes and tags move to the target, which keeps its assignee; the source is resolved for good and its thread and DMs lead to the target. BAD_USER_INPUT `MERGE_DIFFERENT_CUSTOMER`, `MERGE_INTO_ITSELF`, `ALREADY_MERGED`, `MERGE_TARGET_RESOLVED` (merge the other way); FORBIDDEN `NOT_ASSIGNEE` (agents merge only their own cases) or `CONVERSATION_LOCKED` (hard-locked queue: the assignee only); CONFLICT on a stale `expectedVersion`.',
  })
  mergeConversations(
    @CurrentAgent() agent: AgentContext,
    @Args() args: MergeConversationsArgs,
  ): Promise<MergeResultGql> {
    return this.service.merge(agent, args);
  }

  @Mutation(() => SplitResultGql, {
    description:
      'Split an inbound customer message out into a new conversation of the same customer and queue, routed as any new one. BAD_USER_INPUT `SPLIT_NOT_INBOUND`, `SPLIT_ONLY_MESSAGE`, `SPLIT_DM_UNSUPPORTED`.',
  })
  splitConversation(
    @CurrentAgent() agent: AgentContext,
    @Args() args: SplitConversationArgs,
  ): Promise<SplitResultGql> {
    return this.service.split(agent, args);
  }

  @Mutation(() => MessageGql, { description: `A direct message in this conversation. ${IDEMPOTENT}` })
  sendDm(
    @CurrentAgent() agent: AgentContext,
    @Args() args: SendDmArgs,
    @Meta() meta: RequestMeta,
  ): Promise<MessageGql> {
    return this.service.sendDm(agent, args, meta.idempotencyKey);
  }

  @Mutation(() => MoveToDmResultGql, { description: `Public invitation, then the DM. ${IDEMPOTENT}` })
  moveToDm(
    @CurrentAgent() agent: AgentContext,
    @Args() args: MoveToDmArgs,
    @Meta() meta: RequestMeta,
  ): Promise<MoveToDmResultGql> {
    return this.service.moveToDm(agent, args, meta.idempotencyKey);
  }

  @Mutation(() => ResolveResultGql, {
    description: `Resolve; after a move to DM give \`followUp\` (posted in public) or \`skipFollowUp\`. ${IDEMPOTENT}`,
  })
  resolveConversation(
    @CurrentAgent() agent: AgentContext,
    @Args() args: ResolveArgs,
    @Meta() meta: RequestMeta,
  ): Promise<ResolveResultGql> {
    return this.service.resolve(agent, args, meta.idempotencyKey);
  }

  @Mutation(() => NoteGql, { description: 'An internal note, shared on the customer.' })
  addNote(@CurrentAgent() agent: AgentContext, @Args() args: AddNoteArgs): Promise<NoteGql> {
    return this.service.addNote(agent, args);
  }

  @Mutation(() => ActionResultGql)
  tagConversation(@CurrentAgent() agent: AgentContext, @Args() args: TagArgs): Promise<ActionResultGql> {
    return this.service.tag(agent, args);
  }

  @Mutation(() => ActionResultGql)
  snoozeConversation(
    @CurrentAgent() agent: AgentContext,
    @Args() args: SnoozeArgs,
  ): Promise<ActionResultGql> {
    return this.service.snooze(agent, args);
  }

  @Mutation(() => ActionResultGql)
  reopenConversation(
    @CurrentAgent() agent: AgentContext,
    @Args() args: ConversationActionArgs,
  ): Promise<ActionResultGql> {
    return this.service.reopen(agent, args);
  }

  @Mutation(() => Boolean, {
    description: 'Tell others you view, type in, or left a conversation (see `presence`).',
  })
  setPresence(@CurrentAgent() agent: AgentContext, @Args() args: SetPresenceArgs): Promise<boolean> {
    return this.service.setPresence(agent, args.conversationId, args.state);
  }

  @Query(() => String, { description: 'A canned reply with its variables filled for one conversation.' })
  renderCannedReply(@CurrentAgent() agent: AgentContext, @Args() args: RenderCannedArgs): Promise<string> {
    return this.service.renderCanned(agent, args.conversationId, args.cannedReplyId);
  }
}

import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import { Meta, type RequestMeta } from '../common/auth/request-meta.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { ConversationActionsService } from '../conversations/conversation-actions.service';
import {
  AddNoteArgs,
  ConversationActionArgs,
  MoveToDmArgs,
  RenderCannedArgs,
  ResolveArgs,
  SendDmArgs,
  SetPresenceArgs,
  SnoozeArgs,
  TagArgs,
} from '../conversations/dto/action.args';
import { ConversationArgs } from '../conversations/dto/conversation.args';
import {
  ActionResultGql,
  ConversationDetailGql,
  MoveToDmResultGql,
  ResolveResultGql,
} from '../conversations/models/conversation-detail.model';
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

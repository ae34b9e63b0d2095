import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AgentGql } from '../auth/models/agent.model';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import { Meta, type RequestMeta } from '../common/auth/request-meta.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { Loaders } from '../common/context/loaders.decorator';
import type { RequestLoaders } from '../common/loaders/request-loaders';
import { QueueGql } from '../queues/models/queue.model';
import { ConversationsService } from '../conversations/conversations.service';
import { ConversationArgs } from '../conversations/dto/conversation.args';
import { ConversationsArgs } from '../conversations/dto/conversations.args';
import { ReplyArgs } from '../conversations/dto/reply.args';
import { ConversationConnectionGql } from '../conversations/models/conversation-connection.model';
import { ConversationGql } from '../conversations/models/conversation.model';
import { MessageGql } from '../conversations/models/message.model';

@Resolver(() => ConversationGql)
export class ConversationsResolver {
  constructor(private readonly service: ConversationsService) {}

  @Query(() => ConversationConnectionGql, {
    description: 'Agents see their queues and their assignments; supervisors and admins the whole brand.',
  })
  conversations(
    @CurrentAgent() agent: AgentContext,
    @Args() args: ConversationsArgs,
  ): Promise<ConversationConnectionGql> {
    return this.service.list(agent, args);
  }

  @Query(() => ConversationGql, {
    nullable: true,
    description: 'Null when it does not exist or is not visible to you.',
  })
  conversation(
    @CurrentAgent() agent: AgentContext,
    @Args() args: ConversationArgs,
  ): Promise<ConversationGql | null> {
    return this.service.get(agent, args.id);
  }

  @Mutation(() => MessageGql, {
    description:
      'Send `Idempotency-Key` (header, or `extensions.idempotencyKey` on graphql-ws) to make retries safe.',
  })
  reply(
    @CurrentAgent() agent: AgentContext,
    @Args() args: ReplyArgs,
    @Meta() meta: RequestMeta,
  ): Promise<MessageGql> {
    return this.service.reply(agent, { ...args, idempotencyKey: meta.idempotencyKey });
  }

  @ResolveField(() => QueueGql, { nullable: true })
  async queue(@Parent() c: ConversationGql, @Loaders() loaders: RequestLoaders): Promise<QueueGql | null> {
    const q = await loaders.queues.load(c.queueId);

    return q ? QueueGql.from(q) : null;
  }

  @ResolveField(() => AgentGql, { nullable: true })
  async assignee(@Parent() c: ConversationGql, @Loaders() loaders: RequestLoaders): Promise<AgentGql | null> {
    if (!c.assigneeId) return null;
    const a = await loaders.agents.load(c.assigneeId);

    return a ? AgentGql.from(a) : null;
  }
}

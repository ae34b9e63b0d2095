import { Args, Resolver, Subscription } from '@nestjs/graphql';
import type { PresenceChangedV1, QueueUpdatedV1 } from '@roost/contracts';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { QueueUpdateGql } from '../queues/models/queue-update.model';
import { ConversationLiveService } from '../conversations/conversation-live.service';
import { ConversationArgs } from '../conversations/dto/conversation.args';
import { PresenceArgs } from '../conversations/dto/presence.args';
import { PresenceGql } from '../conversations/models/presence.model';

// Each `resolve` is a pure projection of the event: SharedSubscriptionExecutor shares one execution
// among identical subscribers (same document, variables, brand and permission scope).
@Resolver()
export class ConversationLiveResolver {
  constructor(private readonly service: ConversationLiveService) {}

  @Subscription(() => QueueUpdateGql, {
    description:
      'Changes of one conversation (routed, assigned, status, message). NOT_FOUND when you may not see it.',
    resolve: (event: QueueUpdatedV1) => event,
  })
  conversationUpdated(
    @CurrentAgent() agent: AgentContext,
    @Args() args: ConversationArgs,
  ): Promise<AsyncIterableIterator<QueueUpdatedV1>> {
    return this.service.watchConversation(agent, args.id);
  }

  @Subscription(() => QueueUpdateGql, {
    description:
      'Changes of conversations assigned to you, including the one that takes a conversation away (assigneeId is then not you).',
    resolve: (event: QueueUpdatedV1) => event,
  })
  myAssignments(@CurrentAgent() agent: AgentContext): AsyncIterableIterator<QueueUpdatedV1> {
    return this.service.watchAssignments(agent);
  }

  @Subscription(() => PresenceGql, {
    description: 'Other agents viewing or typing in this conversation.',
    resolve: (event: PresenceChangedV1) => event,
  })
  presence(
    @CurrentAgent() agent: AgentContext,
    @Args() args: PresenceArgs,
  ): Promise<AsyncIterableIterator<PresenceChangedV1>> {
    return this.service.watchPresence(agent, args.conversationId);
  }
}

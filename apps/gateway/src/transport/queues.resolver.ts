import { Args, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { QueueUpdatedV1, QueueWaitEstimatedV1 } from '@roost/contracts';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { QueueUpdatedArgs } from '../queues/dto/queue-updated.args';
import { QueueUpdateGql } from '../queues/models/queue-update.model';
import { WaitTimeUpdateGql } from '../queues/models/wait-time-update.model';
import { QueueGql } from '../queues/models/queue.model';
import { QueuesService } from '../queues/queues.service';

@Resolver(() => QueueGql)
export class QueuesResolver {
  constructor(private readonly service: QueuesService) {}

  @Query(() => [QueueGql])
  queues(@CurrentAgent() agent: AgentContext): Promise<QueueGql[]> {
    return this.service.list(agent);
  }

  // The event is the QueueUpdate itself; `resolve` must stay a pure projection of it, because
  // SharedSubscriptionExecutor shares one execution among identical subscribers.
  @Subscription(() => QueueUpdateGql, { resolve: (event: QueueUpdatedV1) => event })
  queueUpdated(
    @CurrentAgent() agent: AgentContext,
    @Args() args: QueueUpdatedArgs,
  ): Promise<AsyncIterableIterator<QueueUpdatedV1>> {
    return this.service.watch(agent, args.queueId);
  }

  @Subscription(() => WaitTimeUpdateGql, {
    description: 'Expected wait of one queue, or of every queue you may see (recomputed every few minutes).',
    resolve: (event: QueueWaitEstimatedV1) => event,
  })
  waitTimeUpdated(
    @CurrentAgent() agent: AgentContext,
    @Args() args: QueueUpdatedArgs,
  ): Promise<AsyncIterableIterator<QueueWaitEstimatedV1>> {
    return this.service.watchWaitTimes(agent, args.queueId);
  }
}

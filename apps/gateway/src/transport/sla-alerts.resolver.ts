import { Args, Resolver, Subscription } from '@nestjs/graphql';
import type { ConversationSlaAlertV1 } from '@roost/contracts';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import { Roles } from '../common/auth/roles.decorator';
import type { AgentContext } from '../common/context/agent-context';
import { QueueUpdatedArgs } from '../queues/dto/queue-updated.args';
import { SlaAlertGql } from '../routing/models/sla-alert.model';
import { SlaAlertsService } from '../routing/sla-alerts.service';

@Resolver()
export class SlaAlertsResolver {
  constructor(private readonly service: SlaAlertsService) {}

  // `resolve` stays a pure projection of the event: SharedSubscriptionExecutor shares executions.
  @Roles('supervisor', 'admin')
  @Subscription(() => SlaAlertGql, {
    description:
      'SLA warnings and breaches of your brand as routing raises them, for one queue (before or after escalation) or all. Supervisors and admins.',
    resolve: (event: ConversationSlaAlertV1) => event,
  })
  slaAlerts(
    @CurrentAgent() agent: AgentContext,
    @Args() args: QueueUpdatedArgs,
  ): Promise<AsyncIterableIterator<ConversationSlaAlertV1>> {
    return this.service.watch(agent, args.queueId);
  }
}

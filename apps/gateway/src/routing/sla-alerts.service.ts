import { Injectable } from '@nestjs/common';
import { forbidden, type ConversationSlaAlertV1 } from '@roost/contracts';
import { seesWholeBrand } from '../common/access/access-policy';
import { BrandScope } from '../common/access/brand-scope.service';
import type { AgentContext } from '../common/context/agent-context';
import { SlaAlertsPubSub } from '../subscriptions/sla-alerts.pubsub';

/** Live SLA alerts for supervisors and admins: authorised at subscribe time and on every event. */
@Injectable()
export class SlaAlertsService {
  constructor(
    private readonly pubsub: SlaAlertsPubSub,
    private readonly scope: BrandScope,
  ) {}

  async watch(
    agent: AgentContext,
    queueId: string | undefined,
  ): Promise<AsyncIterableIterator<ConversationSlaAlertV1>> {
    // The resolver's @Roles refuses agents already; this line keeps the service safe on its own.
    if (!seesWholeBrand(agent)) {
      throw forbidden('ROLE', 'supervisors and admins only');
    }
    if (queueId !== undefined) await this.scope.assertQueues(agent, [queueId]);
    const brandId = agent.brandId;

    return this.pubsub.asyncIterableIterator(
      brandId,
      // seesWholeBrand per event: a supervisor demoted while watching gets no more alerts.
      (e) =>
        e.brandId === brandId &&
        seesWholeBrand(agent) &&
        (queueId === undefined || e.queueId === queueId || e.currentQueueId === queueId),
    );
  }
}

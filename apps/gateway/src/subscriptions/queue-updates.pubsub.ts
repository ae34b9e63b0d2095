import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { LiveEvents } from '@roost/contracts';
import { LiveChannel } from '@roost/messaging';
import { GatewayMetrics } from '../common/gateway.metrics';
import { BrandLivePubSub } from './brand-live.pubsub';

/**
 * Queue updates (`<ns>.live.queue.<brand>.<queue>`): feed `queueUpdated`, `conversationUpdated` and
 * `myAssignments` — one NATS subscription per brand serves all three.
 */
@Injectable()
export class QueueUpdatesPubSub
  extends BrandLivePubSub<(typeof LiveEvents.QueueUpdated)['codec']['schema']>
  implements OnModuleDestroy
{
  constructor(live: LiveChannel, metrics: GatewayMetrics) {
    super({ def: LiveEvents.QueueUpdated, live, metrics, log: new Logger(QueueUpdatesPubSub.name) });
  }
}

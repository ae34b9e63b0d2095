import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { LiveEvents } from '@roost/contracts';
import { LiveChannel } from '@roost/messaging';
import { GatewayMetrics } from '../common/gateway.metrics';
import { BrandLivePubSub } from './brand-live.pubsub';

/** Expected wait per queue (`<ns>.live.wait.<brand>.<queue>`, published by metrics every few minutes): feeds `waitTimeUpdated`. */
@Injectable()
export class WaitTimesPubSub
  extends BrandLivePubSub<(typeof LiveEvents.WaitTimeUpdated)['codec']['schema']>
  implements OnModuleDestroy
{
  constructor(live: LiveChannel, metrics: GatewayMetrics) {
    super({ def: LiveEvents.WaitTimeUpdated, live, metrics, log: new Logger(WaitTimesPubSub.name) });
  }
}

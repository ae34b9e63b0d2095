import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConversationsLive } from '@roost/contracts';
import { LiveChannel } from '@roost/messaging';
import { GatewayMetrics } from '../common/gateway.metrics';
import { BrandLivePubSub } from './brand-live.pubsub';

/** Who views or types a conversation (`<ns>.live.presence.<brand>.<conversation>`, from conversations): feeds `presence`. */
@Injectable()
export class PresencePubSub
  extends BrandLivePubSub<(typeof ConversationsLive.Presence)['codec']['schema']>
  implements OnModuleDestroy
{
  constructor(live: LiveChannel, metrics: GatewayMetrics) {
    super({ def: ConversationsLive.Presence, live, metrics, log: new Logger(PresencePubSub.name) });
  }
}

import { Injectable } from '@nestjs/common';
import { ConversationsRpc, type AutoPostSettings } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { BrandScope } from '../common/access/brand-scope.service';
import type { AgentContext } from '../common/context/agent-context';
import { actor } from './conversation-actions.service';
import { SetAutoPostSettingsArgs } from './dto/auto-posts.args';
import { AutoPostSettingsGql } from './models/auto-posts.model';

function toGql(s: AutoPostSettings): AutoPostSettingsGql {
  return {
    outOfHoursAck: {
      enabled: s.outOfHoursAck.enabled,
      templates: Object.entries(s.outOfHoursAck.templates).map(([language, text]) => ({ language, text })),
    },
    waitStatus: { ...s.waitStatus },
  };
}

/** Automatic posts (out-of-hours acknowledgement, expected-wait status tweets): conversations owns them. */
@Injectable()
export class AutoPostsService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly scope: BrandScope,
  ) {}

  async get(agent: AgentContext): Promise<AutoPostSettingsGql> {
    return toGql(await this.rpc.request(ConversationsRpc.GetAutoPosts, { brandId: agent.brandId }));
  }

  async set(agent: AgentContext, args: SetAutoPostSettingsArgs): Promise<AutoPostSettingsGql> {
    const w = args.waitStatus;
    if (w.queueId) await this.scope.assertQueues(agent, [w.queueId]);
    const settings: AutoPostSettings = {
      outOfHoursAck: {
        enabled: args.outOfHoursAck.enabled,
        templates: Object.fromEntries(args.outOfHoursAck.templates.map((t) => [t.language, t.text])),
      },
      waitStatus: {
        enabled: w.enabled,
        queueId: w.queueId ?? null,
        template: w.template,
        timezone: w.timezone,
        accountHandle: w.accountHandle ?? null,
        minIntervalMinutes: w.minIntervalMinutes,
        minChangePercent: w.minChangePercent,
      },
    };

    return toGql(await this.rpc.request(ConversationsRpc.SetAutoPosts, { ...actor(agent), settings }));
  }
}

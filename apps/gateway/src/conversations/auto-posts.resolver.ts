import { Injectable } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ConversationsRpc, type AutoPostSettings } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { BrandScope } from '../common/access/brand-scope.service';
import { CurrentAgent } from '../common/auth/current-agent.decorator';
import { Roles } from '../common/auth/roles.decorator';
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

@Resolver()
export class AutoPostsResolver {
  constructor(private readonly service: AutoPostsService) {}

  @Roles('supervisor', 'admin')
  @Query(() => AutoPostSettingsGql, { description: 'Out-of-hours acknowledgement and expected-wait status tweets (supervisors and admins).' })
  autoPostSettings(@CurrentAgent() agent: AgentContext): Promise<AutoPostSettingsGql> {
    return this.service.get(agent);
  }

  @Roles('supervisor', 'admin')
  @Mutation(() => AutoPostSettingsGql, { description: 'Replaces both settings as a whole. Templates too long for one post: BAD_USER_INPUT REPLY_TOO_LONG.' })
  setAutoPostSettings(@CurrentAgent() agent: AgentContext, @Args() args: SetAutoPostSettingsArgs): Promise<AutoPostSettingsGql> {
    return this.service.set(agent, args);
  }
}

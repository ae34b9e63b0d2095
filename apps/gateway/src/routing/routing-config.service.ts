import { Injectable, Logger } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  MetricsRpc,
  RoutingRpc,
  type QueueConfig,
  type QueueConfigInput as QueueConfigContract,
} from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { BrandScope } from '../common/access/brand-scope.service';
import { defined } from '../common/access/defined';
import { acting, type AgentContext } from '../common/context/agent-context';
import type { QueueConfigInput, RoutingRuleInput } from './dto/routing-config.args';
import { QueueConfigGql, RoutingRuleGql } from './models/routing-config.models';

/** A new queue's settings where the input is silent: always open, no SLA, least loaded. */
const NEW_QUEUE: Omit<QueueConfigContract, 'id' | 'name' | 'team'> = {
  timezone: 'UTC',
  businessHours: [],
  slaTargets: [],
  slaWarnRatio: 0.8,
  slaWarnPriorityBoost: 10,
  slaBreachAction: 'none',
  escalationQueueId: null,
  strategy: 'least_loaded',
  stickyWindowMinutes: null,
  relaxLanguageAfterMinutes: null,
  reopenWindowMinutes: 1440,
  vipPriorityBoost: 20,
  hardLock: false,
};

/** Only the fields the caller gave (GraphQL leaves absent ones undefined; null is a value). */
function given<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function configOf(q: QueueConfig): QueueConfigContract {
  const { waiting: _w, assigned: _a, ...config } = q;

  return config;
}

/**
 * Queue and routing-rule configuration (supervisors and admins; the resolver checks the role, routing
 * checks it again). Every queue id named, the queue's own, an escalation target or a rule's target,
 * must be a queue of the caller's brand before routing is asked.
 */
@Injectable()
export class RoutingConfigService {
  private readonly log = new Logger(RoutingConfigService.name);

  constructor(
    private readonly rpc: RpcClient,
    private readonly scope: BrandScope,
  ) {}

  async queues(agent: AgentContext): Promise<QueueConfigGql[]> {
    const [{ queues }, waits] = await Promise.all([
      this.rpc.request(RoutingRpc.ListQueues, acting(agent)),
      this.waits(agent),
    ]);

    return queues.map((q) => QueueConfigGql.from(q, waits.get(q.id) ?? null));
  }

  /**
   * Expected wait per queue, from metrics (its owner; the console's `waitTimeUpdated` carries the
   * same figures). Metrics down: the queues still list, without waits.
   */
  private async waits(agent: AgentContext): Promise<Map<string, number>> {
    try {
      const { waits } = await this.rpc.request(MetricsRpc.LatestWaits, { brandId: agent.brandId });

      return new Map(waits.map((w) => [w.queueId, w.expectedWaitSeconds]));
    } catch (err) {
      this.log.warn({ brandId: agent.brandId, err: (err as Error).message }, 'expected waits unavailable');

      return new Map();
    }
  }

  async upsertQueue(agent: AgentContext, input: QueueConfigInput): Promise<QueueConfigGql> {
    const { queues } = await this.rpc.request(RoutingRpc.ListQueues, acting(agent));
    const existing = input.id ? queues.find((q) => q.id === input.id) : undefined;
    if (input.id && !existing) throw DomainError.notFound('queue', input.id);
    if (input.escalationQueueId) {
      if (input.escalationQueueId === input.id) {
        throw new DomainError(ErrorCode.BadUserInput, 'a queue cannot escalate to itself', {
          field: 'escalationQueueId',
        });
      }
      await this.scope.assertQueues(agent, [input.escalationQueueId]);
    }
    let base: QueueConfigContract;
    if (existing) base = configOf(existing);
    else {
      if (!input.name || !input.team) {
        throw new DomainError(ErrorCode.BadUserInput, 'a new queue needs a name and a team', {
          reason: 'NAME_AND_TEAM_REQUIRED',
        });
      }
      base = { ...NEW_QUEUE, name: input.name, team: input.team };
    }
    const queue: QueueConfigContract = { ...base, ...given(input) };

    const saved = await this.rpc.request(RoutingRpc.UpsertQueue, { ...acting(agent), queue });

    return QueueConfigGql.from(saved, (await this.waits(agent)).get(saved.id) ?? null);
  }

  async rules(agent: AgentContext): Promise<RoutingRuleGql[]> {
    const { rules } = await this.rpc.request(RoutingRpc.ListRules, acting(agent));

    return rules.map((r) => RoutingRuleGql.from(r));
  }

  async replaceRules(
    agent: AgentContext,
    input: RoutingRuleInput[],
    expectedRuleIds?: readonly string[],
  ): Promise<RoutingRuleGql[]> {
    await this.scope.assertQueues(
      agent,
      input.map((r) => r.queueId),
    );
    const { rules } = await this.rpc.request(RoutingRpc.ReplaceRules, {
      ...acting(agent),
      rules: input.map((r) => ({ ...r, tags: [...r.tags], conditions: defined({ ...r.conditions }) })),
      ...(expectedRuleIds ? { expectedRuleIds: [...expectedRuleIds] } : {}),
    });

    return rules.map((r) => RoutingRuleGql.from(r));
  }
}

import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { QueueConfig, RoutingRule } from '@roost/contracts';
import { AccountRoleEnum } from '../../listening/models/listening.models';
import { TeamEnum } from '../../queues/models/queue.model';
import { WeeklySlotGql } from './routing.models';

export const RoutingStrategyEnum = { LEAST_LOADED: 'least_loaded', ROUND_ROBIN: 'round_robin' } as const;
registerEnumType(RoutingStrategyEnum, {
  name: 'RoutingStrategy',
  description: 'How a queue picks among eligible agents.',
});
export type RoutingStrategy = QueueConfig['strategy'];

export const SlaBreachActionEnum = { REASSIGN: 'reassign', ESCALATE: 'escalate', NONE: 'none' } as const;
registerEnumType(SlaBreachActionEnum, {
  name: 'SlaBreachAction',
  description: 'What happens to a conversation whose SLA target passes unanswered.',
});
export type SlaBreachAction = QueueConfig['slaBreachAction'];

// Routing's configuration views as GraphQL types, field for field (the contract's own names).

@ObjectType('SlaTarget', {
  description: 'First-response target for conversations of at least this priority.',
})
export class SlaTargetGql {
  @Field(() => Int) minPriority!: number;
  @Field(() => Int) minutes!: number;
}

@ObjectType('QueueConfig', { description: 'A queue as supervisors configure it, with its live counters.' })
export class QueueConfigGql {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => TeamEnum) team!: QueueConfig['team'];
  @Field({ description: 'IANA zone the business hours are in.' }) timezone!: string;
  @Field(() => [WeeklySlotGql], { description: 'Empty: always open.' })
  businessHours!: QueueConfig['businessHours'];
  @Field(() => [SlaTargetGql]) slaTargets!: SlaTargetGql[];
  @Field(() => Float, { description: 'Share of the SLA target after which priority is raised (0–1).' })
  slaWarnRatio!: number;
  @Field(() => Int) slaWarnPriorityBoost!: number;
  @Field(() => SlaBreachActionEnum) slaBreachAction!: SlaBreachAction;
  @Field(() => ID, { nullable: true }) escalationQueueId!: string | null;
  @Field(() => RoutingStrategyEnum) strategy!: RoutingStrategy;
  @Field(() => Int, { nullable: true, description: 'Prefer the customer’s previous agent for this long.' })
  stickyWindowMinutes!: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Null: language is a preference only. N: only speakers for N minutes, then anyone (with a translation hint).',
  })
  relaxLanguageAfterMinutes!: number | null;
  @Field(() => Int, {
    description:
      'A customer writing again within this long after a resolution reopens the conversation; 0: never.',
  })
  reopenWindowMinutes!: number;
  @Field(() => Int, { description: 'Added to a VIP customer’s priority in this queue (capped at 100).' })
  vipPriorityBoost!: number;
  @Field(() => Boolean, {
    description: 'Only the assignee answers the queue’s conversations; supervisors take over first.',
  })
  hardLock!: boolean;
  @Field(() => Int) waiting!: number;
  @Field(() => Int) assigned!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Expected wait of a new arrival (metrics, the same figure as `waitTimeUpdated`); null when the queue is closed, nobody staffs it, or metrics is unavailable.',
  })
  expectedWaitSeconds!: number | null;

  static from(q: QueueConfig, expectedWaitSeconds: number | null): QueueConfigGql {
    return {
      ...q,
      expectedWaitSeconds,
      reopenWindowMinutes: q.reopenWindowMinutes ?? 1440,
      vipPriorityBoost: q.vipPriorityBoost ?? 20,
      hardLock: q.hardLock ?? false,
      slaTargets: q.slaTargets.map((t) => ({ minPriority: t.minPriority, minutes: t.minutes })),
    };
  }
}

@ObjectType('RoutingRuleConditions', {
  description: 'Every condition given must match (AND); a list matches any of its values (OR).',
})
export class RoutingRuleConditionsGql {
  @Field(() => [String], { nullable: true }) accountHandles?: string[];
  @Field(() => [AccountRoleEnum], { nullable: true }) accountRoles?: Array<'care' | 'engagement'>;
  @Field(() => [String], { nullable: true }) sources?: string[];
  @Field(() => [String], { nullable: true }) intents?: string[];
  @Field(() => [String], { nullable: true }) languages?: string[];
  @Field(() => [String], {
    nullable: true,
    description: 'Ids of the listening rules that caught the mention.',
  })
  matchedRuleIds?: string[];
  @Field(() => [String], { nullable: true }) sentiments?: string[];
  @Field(() => Int, { nullable: true }) minFollowers?: number;
  @Field(() => [String], { nullable: true }) keywords?: string[];
  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only VIP customers; false: only the others; absent: anyone.',
  })
  vip?: boolean;
}

@ObjectType('RoutingRule', {
  description: 'Rules are tried in `position` order; the first that matches picks the queue.',
})
export class RoutingRuleGql {
  @Field(() => ID) id!: string;
  @Field(() => Int) position!: number;
  @Field() name!: string;
  @Field() enabled!: boolean;
  @Field(() => ID) queueId!: string;
  @Field(() => Int) priorityBoost!: number;
  @Field(() => [String], { description: 'Added to the tags of each conversation this rule opens.' })
  tags!: string[];
  @Field(() => RoutingRuleConditionsGql) conditions!: RoutingRuleConditionsGql;

  static from(r: RoutingRule): RoutingRuleGql {
    return { ...r, tags: [...r.tags], conditions: { ...r.conditions } };
  }
}

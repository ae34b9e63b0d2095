import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgentStatusEnum, type AgentStatus } from '../../auth/models/agent-status.enum';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';

export const AssignmentStatusEnum = { ASSIGNED: 'assigned', WAITING: 'waiting', SNOOZED: 'snoozed' } as const;
registerEnumType(AssignmentStatusEnum, { name: 'AssignmentStatus' });

export const ScheduleExceptionKindEnum = { LEAVE: 'leave', HOLIDAY: 'holiday' } as const;
registerEnumType(ScheduleExceptionKindEnum, { name: 'ScheduleExceptionKind' });

// Routing's views as GraphQL types, field for field, so answers are returned as they come.

@ObjectType('Assignment')
export class AssignmentGql {
  @Field(() => ID) conversationId!: string;
  @Field(() => ID) queueId!: string;
  @Field(() => AssignmentStatusEnum) status!: 'assigned' | 'waiting' | 'snoozed';
  @Field(() => ID, { nullable: true }) assigneeId!: string | null;
  @Field(() => Int) priority!: number;
  @Field({ description: 'Assigned to an agent without the customer’s language.' }) translationHint!: boolean;
}

@ObjectType('AgentStatusChange')
export class AgentStatusChangeGql {
  @Field(() => ID) agentId!: string;
  @Field(() => AgentStatusEnum) status!: AgentStatus;
}

@ObjectType('WeeklySlot', {
  description: 'ISO weekday (1 = Monday), local HH:MM; an end at or before the start crosses midnight.',
})
export class WeeklySlotGql {
  @Field(() => Int) day!: number;
  @Field() start!: string;
  @Field() end!: string;
}

@ObjectType('ScheduleException')
export class ScheduleExceptionGql {
  @Field({ description: 'YYYY-MM-DD' }) from!: string;
  @Field({ description: 'YYYY-MM-DD' }) to!: string;
  @Field(() => ScheduleExceptionKindEnum) kind!: 'leave' | 'holiday';
}

@ObjectType('AgentSchedule')
export class AgentScheduleGql {
  @Field(() => ID) agentId!: string;
  @Field() timezone!: string;
  @Field(() => [WeeklySlotGql]) shifts!: WeeklySlotGql[];
  @Field(() => [ScheduleExceptionGql]) exceptions!: ScheduleExceptionGql[];
  @Field() onShiftNow!: boolean;
  @Field(() => DateTimeScalar) at!: string;
}

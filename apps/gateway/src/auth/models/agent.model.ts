import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { AgentProfile, AgentRole } from '@roost/contracts';
import { AgentStatusEnum, type AgentStatus } from './agent-status.enum';
import { AgentRoleEnum } from './agent-role.enum';

@ObjectType('ChannelCapacity', {
  description: 'Optional limits per channel within the agent’s capacity; null: only the total counts.',
})
export class ChannelCapacityGql {
  @Field(() => Int, { nullable: true }) public!: number | null;
  @Field(() => Int, { nullable: true }) dm!: number | null;
}

@ObjectType('Agent')
export class AgentGql {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field(() => AgentRoleEnum)
  role!: AgentRole;

  @Field({ description: 'Up to 4 letters, appended to public replies as the agent signature.' })
  initials!: string;

  @Field(() => [String], { description: 'Languages the agent answers in (ISO 639-1).' })
  languages!: string[];

  @Field(() => [ID], { description: 'Queues the agent works.' })
  queueIds!: string[];

  @Field({ description: 'IANA zone of the agent’s shifts.' })
  timezone!: string;

  @Field(() => AgentStatusEnum)
  status!: AgentStatus;

  @Field(() => Int, { description: 'Conversations the agent may hold at once.' })
  capacity!: number;

  @Field(() => ChannelCapacityGql)
  channelCapacity!: ChannelCapacityGql;

  @Field(() => Int, { description: 'Conversations assigned to the agent now.' })
  load!: number;

  @Field({
    description: 'False once an admin deactivated the agent: no sign-in, no routing, every token refused.',
  })
  active!: boolean;

  static from(p: AgentProfile): AgentGql {
    return {
      id: p.id,
      name: p.name,
      email: p.email,
      role: p.role,
      initials: p.initials,
      languages: [...p.languages],
      queueIds: [...p.queueIds],
      timezone: p.timezone,
      status: p.status,
      capacity: p.capacity,
      load: p.load,
      active: p.active !== false,
      channelCapacity: { public: p.channelCapacity?.public ?? null, dm: p.channelCapacity?.dm ?? null },
    };
  }
}

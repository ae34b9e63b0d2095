import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AgentProfile, AgentRole } from '@roost/contracts';
import { AgentRoleEnum } from './agent-role.enum';

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

  static from(p: AgentProfile): AgentGql {
    return { id: p.id, name: p.name, email: p.email, role: p.role, initials: p.initials };
  }
}

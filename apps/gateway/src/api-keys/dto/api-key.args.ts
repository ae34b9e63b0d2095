import { ArgsType, Field, ID } from '@nestjs/graphql';
import type { AgentRole } from '@roost/contracts';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { AgentRoleEnum } from '../../auth/models/agent-role.enum';

@ArgsType()
export class CreateApiKeyArgs {
  @Field({ description: 'What the integration is, e.g. "CRM sync".' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @Field(() => AgentRoleEnum)
  @IsIn(Object.values(AgentRoleEnum))
  role!: AgentRole;
}

@ArgsType()
export class RevokeApiKeyArgs {
  @Field(() => ID) @IsUUID() id!: string;
}

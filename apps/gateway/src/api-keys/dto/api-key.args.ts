import { ArgsType, Field, ID } from '@nestjs/graphql';
import type { AgentRole } from '@roost/contracts';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
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

  @Field({
    nullable: true,
    description: 'ISO instant in the future when the key stops working. Absent: it does not expire.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MinLength(20)
  @MaxLength(40)
  expiresAt?: string;

  @Field({
    nullable: true,
    description:
      'Default true: the key is refused once you are deactivated or hold a role below the key’s. False keeps it working after you leave.',
  })
  @IsOptional()
  @IsBoolean()
  boundToCreator?: boolean;
}

@ArgsType()
export class RevokeApiKeyArgs {
  @Field(() => ID) @IsUUID() id!: string;
}

import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { AgentGql } from './agent.model';

@ObjectType('AuthPayload')
export class AuthPayloadGql {
  @Field({
    description: 'HS256 JWT: send as `Authorization: Bearer <token>` and in graphql-ws connection_init.',
  })
  token!: string;

  @Field(() => DateTimeScalar)
  expiresAt!: string;

  @Field(() => AgentGql)
  agent!: AgentGql;
}

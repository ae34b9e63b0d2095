import { Field, ObjectType } from '@nestjs/graphql';
import { AgentGql } from '../../auth/models/agent.model';

@ObjectType('CreateAgentPayload')
export class CreateAgentPayloadGql {
  @Field(() => AgentGql) agent!: AgentGql;

  @Field({ description: 'Shown once: only its hash is stored. Hand it to the agent to sign in with.' })
  initialPassword!: string;
}

@ObjectType('ResetAgentPasswordPayload')
export class ResetAgentPasswordPayloadGql {
  @Field(() => AgentGql) agent!: AgentGql;

  @Field({
    description:
      'Shown once: only its hash is stored. Hand it to the agent, who should change it after signing in.',
  })
  oneTimePassword!: string;
}

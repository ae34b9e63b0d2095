import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AgentRole, ApiKeyView } from '@roost/contracts';
import { AgentRoleEnum } from '../../auth/models/agent-role.enum';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';

@ObjectType('ApiKey', {
  description: 'A key for a server-to-server integration: one brand, one role. Never shows the secret.',
})
export class ApiKeyGql {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => AgentRoleEnum, { description: 'What the key may do, as an agent of this role would.' })
  role!: AgentRole;
  @Field({ description: 'The first characters of the key (`rk_AbCd123`), to recognise it by.' })
  prefix!: string;
  @Field(() => ID, { description: 'The admin who created it.' }) createdBy!: string;
  @Field(() => DateTimeScalar) createdAt!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Updated at most once a minute.' })
  lastUsedAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) revokedAt!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Refused from then on; null: no expiry.' })
  expiresAt!: string | null;
  @Field({
    description:
      'Whether the key dies with its creator’s access (creator deactivated, or demoted below the key’s role).',
  })
  boundToCreator!: boolean;

  static from(k: ApiKeyView): ApiKeyGql {
    return {
      id: k.id,
      name: k.name,
      role: k.role,
      prefix: k.prefix,
      createdBy: k.createdBy,
      createdAt: k.createdAt,
      lastUsedAt: k.lastUsedAt,
      revokedAt: k.revokedAt,
      expiresAt: k.expiresAt,
      boundToCreator: k.boundToCreator,
    };
  }
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyGql {
  @Field(() => ApiKeyGql) key!: ApiKeyGql;

  @Field({
    description:
      'The key itself, shown this once (only its hash is stored). Send it as `Authorization: ApiKey <secret>` or `X-Api-Key: <secret>`, or as `apiKey` in graphql-ws connection_init.',
  })
  secret!: string;
}

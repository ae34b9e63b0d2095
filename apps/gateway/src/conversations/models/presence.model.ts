import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';

export const PresenceStateEnum = { VIEWING: 'viewing', TYPING: 'typing', LEFT: 'left' } as const;
registerEnumType(PresenceStateEnum, { name: 'PresenceState' });

/** The conversations service's PresenceChangedV1, as is (a pure projection: executions are shared). */
@ObjectType('Presence')
export class PresenceGql {
  @Field(() => ID) conversationId!: string;
  @Field(() => ID) agentId!: string;
  @Field() agentInitials!: string;
  @Field(() => PresenceStateEnum) state!: 'viewing' | 'typing' | 'left';
  @Field(() => DateTimeScalar) at!: string;
}

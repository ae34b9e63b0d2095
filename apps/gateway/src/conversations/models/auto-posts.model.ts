import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AutoPostTemplate')
export class AutoPostTemplateGql {
  @Field({ description: 'A language code (`en`, `es`, `pt-BR`…).' }) language!: string;
  @Field({ description: 'Variables: `{customer_name}`, `{handle}`, `{back_at}`.' }) text!: string;
}

@ObjectType('OutOfHoursAck', {
  description: 'One public reply under the mention that opened a conversation while its queue was closed.',
})
export class OutOfHoursAckGql {
  @Field() enabled!: boolean;
  @Field(() => [AutoPostTemplateGql], {
    description: 'By the conversation’s language, then its base language, then `en`, then a built-in text.',
  })
  templates!: AutoPostTemplateGql[];
}

@ObjectType('WaitStatusPosts', { description: 'A standalone status tweet with a queue’s expected wait.' })
export class WaitStatusPostsGql {
  @Field() enabled!: boolean;
  @Field(() => ID, { nullable: true }) queueId!: string | null;
  @Field({
    description: 'Variables: `{wait}`, `{wait_minutes}`, `{time}`. Empty: the built-in English text.',
  })
  template!: string;
  @Field({ description: 'IANA timezone for `{time}`.' }) timezone!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The brand handle that posts; null: the handle of the brand’s latest conversation.',
  })
  accountHandle!: string | null;
  @Field(() => Int) minIntervalMinutes!: number;
  @Field(() => Float) minChangePercent!: number;
}

@ObjectType('AutoPostSettings', {
  description: 'Posts the brand makes without an agent, through the outbound ledger (posted once).',
})
export class AutoPostSettingsGql {
  @Field(() => OutOfHoursAckGql) outOfHoursAck!: OutOfHoursAckGql;
  @Field(() => WaitStatusPostsGql) waitStatus!: WaitStatusPostsGql;
}

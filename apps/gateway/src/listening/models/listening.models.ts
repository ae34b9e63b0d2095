import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export const ListeningRuleKindEnum = {
  HANDLE: 'handle',
  HASHTAG: 'hashtag',
  KEYWORD: 'keyword',
  PHRASE: 'phrase',
  MISSPELLING: 'misspelling',
  PURCHASE_INTENT: 'purchase_intent',
  EXCLUSION: 'exclusion',
} as const;
registerEnumType(ListeningRuleKindEnum, {
  name: 'ListeningRuleKind',
  description: 'EXCLUSION values: `from:<handle>`, `is:retweet`, or a keyword/phrase.',
});
export type ListeningRuleKind = (typeof ListeningRuleKindEnum)[keyof typeof ListeningRuleKindEnum];

export const AccountRoleEnum = { CARE: 'care', ENGAGEMENT: 'engagement' } as const;
registerEnumType(AccountRoleEnum, { name: 'AccountRole' });

export const ApiTierEnum = {
  FREE: 'free',
  BASIC: 'basic',
  PRO: 'pro',
  PAY_PER_USE: 'pay_per_use',
  ENTERPRISE: 'enterprise',
} as const;
registerEnumType(ApiTierEnum, {
  name: 'ApiTier',
  description: 'X API tier: below ENTERPRISE, public replies need an @mention.',
});
export type ApiTier = (typeof ApiTierEnum)[keyof typeof ApiTierEnum];

@ObjectType('ListeningRule')
export class ListeningRuleGql {
  @Field(() => ID) id!: string;
  @Field(() => ListeningRuleKindEnum) kind!: ListeningRuleKind;
  @Field() value!: string;
  @Field(() => String, { nullable: true, description: 'ISO 639-1, or null for any language.' }) language!:
    string | null;
}

@ObjectType('BrandAccount')
export class BrandAccountGql {
  @Field(() => ID) id!: string;
  @Field() handle!: string;
  @Field(() => String, { nullable: true }) xUserId!: string | null;
  @Field(() => AccountRoleEnum) role!: 'care' | 'engagement';
  @Field(() => ApiTierEnum) apiTier!: ApiTier;
  @Field() pollMentions!: boolean;
  @Field() pollDms!: boolean;
}

@ObjectType('Listening')
export class ListeningGql {
  @Field(() => [ListeningRuleGql]) rules!: ListeningRuleGql[];
  @Field(() => [BrandAccountGql]) accounts!: BrandAccountGql[];
}

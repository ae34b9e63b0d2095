import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import {
  AccountRoleEnum,
  ApiTierEnum,
  ListeningRuleKindEnum,
  type ApiTier,
  type ListeningRuleKind,
} from '../models/listening.models';

@ArgsType()
export class AddListeningRuleArgs {
  @Field(() => ListeningRuleKindEnum) @IsIn(Object.values(ListeningRuleKindEnum)) kind!: ListeningRuleKind;
  @Field() @IsString() @Length(1, 200) value!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[a-z]{2,3}$/) language?: string | null;
}

@ArgsType()
export class RemoveByIdArgs {
  @Field(() => ID) @IsUUID() id!: string;
}

@ArgsType()
export class AddBrandAccountArgs {
  @Field({ description: 'X handle, with or without @.' }) @Matches(/^@?[A-Za-z0-9_]{1,15}$/) handle!: string;
  @Field(() => AccountRoleEnum) @IsIn(Object.values(AccountRoleEnum)) role!: 'care' | 'engagement';
  @Field(() => ApiTierEnum, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ApiTierEnum))
  apiTier?: ApiTier;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() pollMentions?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() pollDms?: boolean;
}

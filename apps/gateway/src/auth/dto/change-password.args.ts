import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

/** Lengths beyond these are refused here; routing checks the rules (12..200, not the current one) with field details. */
@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @Field({ description: '12 to 200 characters, different from the current password.' })
  @IsString()
  @MaxLength(1000)
  newPassword!: string;
}

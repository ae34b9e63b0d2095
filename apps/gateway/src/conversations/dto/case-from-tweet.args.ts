import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Only the transport bound here; ingest parses the URL or id (BAD_USER_INPUT `MALFORMED_TWEET_REF`). */
@ArgsType()
export class CaseFromTweetArgs {
  @Field({ description: 'https://x.com/<user>/status/<id> (or twitter.com), or the bare tweet id.' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  urlOrId!: string;
}

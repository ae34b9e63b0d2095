import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';

@InputType('StaffingOptions', {
  description: 'Defaults: 0.8 within the brand SLA, mean agent capacity, shifts from routing.',
})
export class StaffingOptionsInput {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  queueIds?: string[];

  @Field(() => Float, { nullable: true, description: 'Share answered within targetSeconds, 0 < x < 1.' })
  @IsOptional()
  @IsNumber()
  @Min(0.01)
  @Max(0.999)
  serviceLevel?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  targetSeconds?: number;

  @Field(() => Int, { nullable: true, description: 'Conversations per agent at once.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  concurrency?: number;

  @Field(() => [Int], {
    nullable: true,
    description: 'Agents scheduled per hour of week: 168 values, Monday 00h first.',
  })
  @IsOptional()
  @ArrayMinSize(168)
  @ArrayMaxSize(168)
  @IsInt({ each: true })
  @Min(0, { each: true })
  scheduled?: number[];
}

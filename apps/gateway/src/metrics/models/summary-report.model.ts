import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { ReportGroupBy } from '@roost/contracts';
import { DateTimeScalar } from '../../common/scalars/date-time.scalar';
import { ReportGroupByEnum, SlaSourceEnum } from './metrics-enums';

// The GraphQL shapes mirror the metrics contract field for field, so a report is returned as is.

@ObjectType('Distribution', { description: 'Durations in seconds; null when no conversation qualifies.' })
export class DistributionGql {
  @Field(() => Int) count!: number;
  @Field(() => Float, { nullable: true }) avg!: number | null;
  @Field(() => Float, { nullable: true }) p50!: number | null;
  @Field(() => Float, { nullable: true }) p90!: number | null;
  @Field(() => Float, { nullable: true }) p99!: number | null;
  @Field(() => Float, { nullable: true }) max!: number | null;
}

@ObjectType('SlaFigures')
export class SlaFiguresGql {
  @Field(() => Int) eligible!: number;
  @Field(() => Int) met!: number;
  @Field(() => Float, { nullable: true, description: 'met / eligible' }) attainment!: number | null;
}

@ObjectType('SentimentMix')
export class SentimentMixGql {
  @Field(() => Int) negative!: number;
  @Field(() => Int) neutral!: number;
  @Field(() => Int) positive!: number;
}

@ObjectType('SentimentChange', {
  description: 'First vs last inbound message of conversations with at least two.',
})
export class SentimentChangeGql {
  @Field(() => Int) improved!: number;
  @Field(() => Int) worsened!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Float, { nullable: true }) avgScoreDelta!: number | null;
}

@ObjectType('SummaryRow')
export class SummaryRowGql {
  @Field(() => String, {
    nullable: true,
    description: 'Queue id, agent id, language, channel or local date; null for NONE.',
  })
  key!: string | null;
  @Field(() => Int) conversations!: number;
  @Field(() => Int) inbound!: number;
  @Field(() => Int) answered!: number;
  @Field(() => Float, { nullable: true }) responseRate!: number | null;
  @Field(() => DistributionGql, {
    description:
      'Per response cycle started in range: the opening of a conversation and every reopening by the customer, each until the first brand reply after it.',
  })
  firstResponseSeconds!: DistributionGql;
  @Field(() => DistributionGql) resolutionSeconds!: DistributionGql;
  @Field(() => DistributionGql, { description: 'First assignment to resolution.' })
  handleSeconds!: DistributionGql;
  @Field(() => SlaFiguresGql, {
    description: 'Response cycles answered, or unanswered past their target; met: answered within it.',
  })
  sla!: SlaFiguresGql;
  @Field(() => Int) unresolved!: number;
  @Field(() => SentimentMixGql) sentiment!: SentimentMixGql;
  @Field(() => SentimentChangeGql) sentimentChange!: SentimentChangeGql;
}

@ObjectType('Backlog')
export class BacklogGql {
  @Field(() => Int) waiting!: number;
  @Field(() => Int) assigned!: number;
  @Field(() => DateTimeScalar, { nullable: true }) oldestWaitingSince!: string | null;
}

@ObjectType('SummaryReport')
export class SummaryReportGql {
  @Field(() => DateTimeScalar) from!: string;
  @Field(() => DateTimeScalar) to!: string;
  @Field() timezone!: string;
  @Field(() => ReportGroupByEnum) groupBy!: ReportGroupBy;
  @Field(() => SlaSourceEnum) slaSource!: 'routing' | 'brand_default';
  @Field(() => Int) slaDefaultMinutes!: number;
  @Field(() => SummaryRowGql) total!: SummaryRowGql;
  @Field(() => [SummaryRowGql]) rows!: SummaryRowGql[];
  @Field(() => BacklogGql) backlog!: BacklogGql;
}

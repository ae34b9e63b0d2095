import { registerEnumType } from '@nestjs/graphql';

// GraphQL names are upper-case; the values are the metrics contract's strings, so mapping is identity.

export const ReportGroupByEnum = {
  NONE: 'none',
  QUEUE: 'queue',
  AGENT: 'agent',
  LANGUAGE: 'language',
  CHANNEL: 'channel',
  DAY: 'day',
  WEEK: 'week',
  MONTH: 'month',
} as const;
registerEnumType(ReportGroupByEnum, {
  name: 'ReportGroupBy',
  description: 'Rows of a summary: one per queue, agent, language, channel or local day/week/month.',
});

export const SlaSourceEnum = { ROUTING: 'routing', BRAND_DEFAULT: 'brand_default' } as const;
registerEnumType(SlaSourceEnum, { name: 'SlaSource' });

export const MeasureSourceEnum = { MEASURED: 'measured', DEFAULT: 'default' } as const;
registerEnumType(MeasureSourceEnum, { name: 'MeasureSource' });

export const ScheduleSourceEnum = {
  REQUEST: 'request',
  ROUTING_SHIFTS: 'routing_shifts',
  UNKNOWN: 'unknown',
} as const;
registerEnumType(ScheduleSourceEnum, { name: 'ScheduleSource' });

export const MetricsReportEnum = { SUMMARY: 'summary', HEATMAP: 'heatmap', STAFFING: 'staffing' } as const;
registerEnumType(MetricsReportEnum, { name: 'MetricsReport' });

import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One brand's X budget figures this month, as the budget gauges show them (XBudgetService's BudgetState). */
export interface XBudgetFigures {
  readonly spent: number;
  readonly forecast: number;
  readonly budget: number;
}

/** Every brand's X budget figures now (the budget gauges call it at each scrape). */
export type XBudgetReader = () => Iterable<readonly [brandId: string, figures: XBudgetFigures]>;

/**
 * Every Prometheus metric of ingest, on the service's Registry (its /metrics). Names, help texts,
 * labels and buckets are what dashboards, deploy/prometheus and apps/ingest/README.md name: change
 * them here only with those.
 */
@Injectable()
export class IngestMetrics {
  /** MentionPipeline: mentions received, by source, before de-duplication. */
  readonly mentionsReceived: Counter<'source'>;
  /** MentionPipeline: mentions dropped as already seen. */
  readonly duplicatesDropped: Counter;
  /** MentionPipeline: mentions published (acknowledged by JetStream). */
  readonly mentionsPublished: Counter;
  /** MentionPipeline: one batch published until every ack is in. */
  readonly batchSeconds: Histogram;
  /** TweetIntake: the brand's own public replies seen on X. */
  readonly brandRepliesObserved: Counter<'source'>;
  /** TweetIntake: payloads from X that could not be understood. */
  readonly malformed: Counter<'source' | 'reason'>;
  /** TweetIntake: classification time per tweet. */
  readonly classifySeconds: Histogram;
  /** TweetIntake: mentions built, by source and matched rule tag. */
  readonly mentionsByRule: Counter<'source' | 'rule'>;
  /** TweetIntake: tweets dropped by an exclusion rule. */
  readonly excluded: Counter<'source'>;
  /** FilteredStreamSource: connection events (connected, lost, reconnected, parse_error). */
  readonly streamEvents: Counter<'event'>;
  /** The X clients (app and user context): every X request, by endpoint and HTTP status. */
  readonly xCalls: Counter<'endpoint' | 'status'>;
  /** The pollers and the stream: X API errors, by endpoint (source) and status. */
  readonly apiErrors: Counter<'endpoint' | 'status'>;
  /** The pollers and the stream: polls skipped while waiting for x-rate-limit-reset. */
  readonly rateLimitWaits: Counter<'endpoint'>;
  /** XBudgetService: X API credits spent, by brand and source. */
  readonly xCostCredits: Counter<'brand' | 'source'>;
  /** Per brand, read at each scrape through `readXBudgetFrom`: spent, forecast and budget. */
  readonly xSpendCredits: Gauge<'brand'>;
  readonly xSpendForecastCredits: Gauge<'brand'>;
  readonly xBudgetCredits: Gauge<'brand'>;
  private readXBudget: XBudgetReader = () => [];

  constructor(registry: Registry) {
    this.mentionsReceived = new Counter({
      name: 'roost_ingest_mentions_received_total',
      help: 'Mentions received, by source (before de-duplication)',
      labelNames: ['source'],
      registers: [registry],
    });
    this.duplicatesDropped = new Counter({
      name: 'roost_ingest_duplicates_dropped_total',
      help: 'Mentions already seen',
      registers: [registry],
    });
    this.mentionsPublished = new Counter({
      name: 'roost_ingest_mentions_published_total',
      help: 'Mentions published',
      registers: [registry],
    });
    this.batchSeconds = new Histogram({
      name: 'roost_ingest_batch_seconds',
      help: 'Publish of one batch until every ack is in (retries included)',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2],
      registers: [registry],
    });
    this.brandRepliesObserved = new Counter({
      name: 'roost_ingest_brand_replies_observed_total',
      help: 'The brand’s own public replies seen on X (published as brand_reply.observed)',
      labelNames: ['source'],
      registers: [registry],
    });
    this.malformed = new Counter({
      name: 'roost_ingest_malformed_total',
      help: 'Payloads from X that could not be understood (dead-lettered)',
      labelNames: ['source', 'reason'],
      registers: [registry],
    });
    this.classifySeconds = new Histogram({
      name: 'roost_ingest_classify_seconds',
      help: 'Classification time per tweet',
      buckets: [0.00005, 0.0001, 0.0005, 0.001, 0.005, 0.02],
      registers: [registry],
    });
    this.mentionsByRule = new Counter({
      name: 'roost_ingest_mentions_by_rule_total',
      help: 'Mentions built, by source and matched rule tag (before de-duplication)',
      labelNames: ['source', 'rule'],
      registers: [registry],
    });
    this.excluded = new Counter({
      name: 'roost_ingest_excluded_total',
      help: 'Tweets dropped by an exclusion rule (author, keyword, retweet)',
      labelNames: ['source'],
      registers: [registry],
    });
    this.streamEvents = new Counter({
      name: 'roost_ingest_stream_events_total',
      help: 'Filtered-stream connection events',
      labelNames: ['event'],
      registers: [registry],
    });
    this.xCalls = new Counter({
      name: 'roost_ingest_x_calls_total',
      help: 'X API requests, by endpoint and HTTP status',
      labelNames: ['endpoint', 'status'],
      registers: [registry],
    });
    this.apiErrors = new Counter({
      name: 'roost_ingest_api_errors_total',
      help: 'X API errors, by endpoint (source) and status',
      labelNames: ['endpoint', 'status'],
      registers: [registry],
    });
    this.rateLimitWaits = new Counter({
      name: 'roost_ingest_rate_limit_waits_total',
      help: 'Polls skipped while waiting for x-rate-limit-reset',
      labelNames: ['endpoint'],
      registers: [registry],
    });
    this.xCostCredits = new Counter({
      name: 'roost_ingest_x_cost_credits_total',
      help: 'X API credits spent, by brand and source',
      labelNames: ['brand', 'source'],
      registers: [registry],
    });
    const budgetGauge = (name: string, help: string, pick: (f: XBudgetFigures) => number): Gauge<'brand'> => {
      const figures = (): ReturnType<XBudgetReader> => this.readXBudget();

      return new Gauge({
        name,
        help,
        labelNames: ['brand'],
        registers: [registry],
        collect() {
          this.reset();
          for (const [brand, f] of figures()) this.set({ brand }, pick(f));
        },
      });
    };
    this.xSpendCredits = budgetGauge(
      'roost_ingest_x_spend_credits',
      'X API credits spent this month, per brand',
      (f) => f.spent,
    );
    this.xSpendForecastCredits = budgetGauge(
      'roost_ingest_x_spend_forecast_credits',
      'Credits this month will cost at the current rate, per brand',
      (f) => f.forecast,
    );
    this.xBudgetCredits = budgetGauge(
      'roost_ingest_x_budget_credits',
      'Monthly X API budget per brand (0 = none)',
      (f) => f.budget,
    );
  }

  /** Where the budget gauges read every brand's figures at each scrape (XBudgetService's budget). */
  readXBudgetFrom(read: XBudgetReader): void {
    this.readXBudget = read;
  }
}

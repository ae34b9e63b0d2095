import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ROOST_ENV, type IngestEnv, type RoostEnv } from '@roost/config';
import { IngestMetrics } from '../common/ingest.metrics';
import { ApiSpendRepository, type SpendRow } from '../data/api-spend.repository';
import { XBudget, type SourceValue } from './x-budget';

const FLUSH_EVERY_MS = 5000;

/**
 * Tracks every X call's cost per brand (requests, posts and DM events read), persists it per
 * month in `api_spend` so a restart keeps counting, and exposes spend, budget and forecast.
 */
@Injectable()
export class XBudgetService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(XBudgetService.name);
  readonly budget: XBudget;
  private pending = new Map<string, SpendRow>();
  private timer: NodeJS.Timeout | undefined;
  private readonly settings: IngestEnv;

  constructor(
    @Inject(ROOST_ENV) env: RoostEnv,
    private readonly spend: ApiSpendRepository,
    private readonly metrics: IngestMetrics,
  ) {
    this.settings = env.ingest;
    this.budget = new XBudget(this.settings.monthlyBudgetCredits);
    const budget = this.budget;
    metrics.readXBudgetFrom(() => budget.brands().map((b) => [b, budget.state(b)] as const));
  }

  /** Loads this month's spend so far, then flushes what is recorded every few seconds. */
  async onApplicationBootstrap(): Promise<void> {
    const month = this.budget.currentMonth;
    const loaded = await this.spend.monthCredits(month);
    for (const [brandId, credits] of loaded) this.budget.load(brandId, credits);
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
  }

  /** One call's cost: `items` posts (or DM events when source is dm) read. */
  record(opts: { brandId: string; source: string; calls?: number; items: number }): void {
    const calls = opts.calls ?? 1;
    const perItem = opts.source === 'dm' ? this.settings.costPerDm : this.settings.costPerPost;
    const credits = calls * this.settings.costPerRequest + opts.items * perItem;
    this.budget.record(opts.brandId, credits);
    this.metrics.xCostCredits.inc({ brand: opts.brandId, source: opts.source }, credits);
    const key = `${opts.brandId}\u0000${opts.source}`;
    const p = this.pending.get(key) ?? {
      brandId: opts.brandId,
      source: opts.source,
      calls: 0,
      items: 0,
      credits: 0,
    };
    p.calls += calls;
    p.items += opts.items;
    p.credits += credits;
    this.pending.set(key, p);
  }

  slowdown(brandId: string, value: SourceValue): number {
    return this.budget.slowdown(brandId, value);
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    // One transaction, brand by brand in order (row-level security): all of it is counted, or none and it is retried.
    const sorted = [...batch].sort((a, b) =>
      a.brandId === b.brandId ? (a.source < b.source ? -1 : 1) : a.brandId < b.brandId ? -1 : 1,
    );
    const month = this.budget.currentMonth;
    try {
      await this.spend.add(month, sorted);
    } catch (err) {
      // Put it back: spend is only ever under-reported by what a crash loses.
      for (const p of batch) {
        const key = `${p.brandId}\u0000${p.source}`;
        const q = this.pending.get(key);
        this.pending.set(
          key,
          q
            ? { ...q, calls: q.calls + p.calls, items: q.items + p.items, credits: q.credits + p.credits }
            : p,
        );
      }
      this.log.warn({ err: (err as Error).message }, 'api spend not persisted; will retry');
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }
}

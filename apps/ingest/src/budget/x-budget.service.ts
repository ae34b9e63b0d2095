import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ROOST_ENV, type IngestEnv, type RoostEnv } from '@roost/config';
import { Counter, Gauge, Registry } from 'prom-client';
import { ApiSpendRepository, type SpendRow } from '../data/api-spend.repository';
import { XBudget, type BudgetState, type SourceValue } from './x-budget';

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
  private readonly cost: Counter<'brand' | 'source'>;
  private readonly settings: IngestEnv;

  constructor(
    @Inject(ROOST_ENV) env: RoostEnv,
    private readonly spend: ApiSpendRepository,
    @Inject(Registry) registry: Registry,
  ) {
    this.settings = env.ingest;
    this.budget = new XBudget(this.settings.monthlyBudgetCredits);
    this.cost = new Counter({
      name: 'roost_ingest_x_cost_credits_total',
      help: 'X API credits spent, by brand and source',
      labelNames: ['brand', 'source'],
      registers: [registry],
    });
    const gauge = (name: string, help: string, pick: (s: BudgetState) => number) =>
      this.collectInto(registry, { name, help, pick });
    gauge('roost_ingest_x_spend_credits', 'X API credits spent this month, per brand', (s) => s.spent);
    gauge(
      'roost_ingest_x_spend_forecast_credits',
      'Credits this month will cost at the current rate, per brand',
      (s) => s.forecast,
    );
    gauge('roost_ingest_x_budget_credits', 'Monthly X API budget per brand (0 = none)', (s) => s.budget);
  }

  private collectInto(
    registry: Registry,
    opts: { name: string; help: string; pick: (s: BudgetState) => number },
  ): void {
    const { name, help, pick } = opts;
    const budget = this.budget;
    new Gauge({
      name,
      help,
      labelNames: ['brand'],
      registers: [registry],
      collect() {
        this.reset();
        for (const b of budget.brands()) this.set({ brand: b }, pick(budget.state(b)));
      },
    });
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
    this.cost.inc({ brand: opts.brandId, source: opts.source }, credits);
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

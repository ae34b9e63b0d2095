import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { useBrand } from '@roost/database';
import { DataSource } from 'typeorm';
import { INGEST_SETTINGS, type IngestSettings } from '../config/ingest-settings';
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
  private pending = new Map<string, { brandId: string; source: string; calls: number; items: number; credits: number }>();
  private timer: NodeJS.Timeout | undefined;
  private readonly cost: Counter<'brand' | 'source'>;

  constructor(
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
    private readonly ds: DataSource,
    @Inject(Registry) registry: Registry,
  ) {
    this.budget = new XBudget(settings.monthlyBudgetCredits);
    this.cost = new Counter({
      name: 'roost_ingest_x_cost_credits_total',
      help: 'X API credits spent, by brand and source',
      labelNames: ['brand', 'source'],
      registers: [registry],
    });
    const gauge = (name: string, help: string, pick: (s: BudgetState) => number) => this.collectInto(registry, { name, help, pick });
    gauge('roost_ingest_x_spend_credits', 'X API credits spent this month, per brand', (s) => s.spent);
    gauge('roost_ingest_x_spend_forecast_credits', 'Credits this month will cost at the current rate, per brand', (s) => s.forecast);
    gauge('roost_ingest_x_budget_credits', 'Monthly X API budget per brand (0 = none)', (s) => s.budget);
  }

  private collectInto(registry: Registry, opts: { name: string; help: string; pick: (s: BudgetState) => number }): void {
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

  /** This month's spend so far: brands from the owner-run `api_spend_brands` (ids only), each brand's sum as that brand. */
  async onApplicationBootstrap(): Promise<void> {
    const month = this.budget.currentMonth;
    const loaded = await this.ds.transaction(async (tx) => {
      const brands: Array<{ brand_id: string }> = await tx.query(`SELECT api_spend_brands($1) AS brand_id`, [month]);
      const out: Array<[string, number]> = [];
      for (const { brand_id: brandId } of brands) {
        await useBrand(tx, brandId);
        const [r]: Array<{ credits: string }> = await tx.query(`SELECT sum(credits) AS credits FROM api_spend WHERE brand_id = $1 AND month = $2`, [
          brandId,
          month,
        ]);
        out.push([brandId, Number(r?.credits ?? 0)]);
      }

      return out;
    });
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
    const p = this.pending.get(key) ?? { brandId: opts.brandId, source: opts.source, calls: 0, items: 0, credits: 0 };
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
    const sorted = [...batch].sort((a, b) => (a.brandId === b.brandId ? (a.source < b.source ? -1 : 1) : a.brandId < b.brandId ? -1 : 1));
    const month = this.budget.currentMonth;
    try {
      await this.ds.transaction(async (tx) => {
        let declared: string | undefined;
        for (const p of sorted) {
          if (p.brandId !== declared) {
            declared = p.brandId;
            await useBrand(tx, declared);
          }
          await tx.query(
            `INSERT INTO api_spend (brand_id, month, source, calls, items, credits) VALUES ($1,$2,$3,$4,$5,$6)
             ON CONFLICT (brand_id, month, source) DO UPDATE SET calls = api_spend.calls + EXCLUDED.calls,
               items = api_spend.items + EXCLUDED.items, credits = api_spend.credits + EXCLUDED.credits`,
            [p.brandId, month, p.source, p.calls, p.items, p.credits],
          );
        }
      });
    } catch (err) {
      // Put it back: spend is only ever under-reported by what a crash loses.
      for (const p of batch) {
        const key = `${p.brandId}\u0000${p.source}`;
        const q = this.pending.get(key);
        this.pending.set(key, q ? { ...q, calls: q.calls + p.calls, items: q.items + p.items, credits: q.credits + p.credits } : p);
      }
      this.log.warn({ err: (err as Error).message }, 'api spend not persisted; will retry');
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }
}

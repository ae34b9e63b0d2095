/** How much a source matters when credits run short: mentions and DMs are customers talking to us. */
export type SourceValue = 'high' | 'low';

export interface BudgetState {
  spent: number;
  budget: number;
  forecast: number;
}

/** Spend beyond which broad keyword search pauses, leaving credits for mentions and DMs. */
export const LOW_VALUE_PAUSE_AT = 0.8;

function monthKey(ms: number): string {
  const d = new Date(ms);

  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Fraction of the UTC month elapsed at `ms`, never below one hour's worth (a forecast on day 0 is noise). */
export function monthFraction(ms: number): number {
  const d = new Date(ms);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);

  return Math.max(3_600_000 / (end - start), (ms - start) / (end - start));
}

/**
 * Per-brand X API spend for the current UTC month against a monthly budget (X sells reads as
 * prepaid credits with monthly caps), and the slow-down each source gets: low-value sources slow
 * as soon as the month's forecast exceeds the budget and pause at 80% spent; high-value ones slow
 * only when the budget is (nearly) gone, and never stop.
 */
export class XBudget {
  private month: string;
  private readonly spent = new Map<string, number>();

  constructor(
    private readonly budgetPerBrand: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.month = monthKey(clock());
  }

  get currentMonth(): string {
    this.rollover();

    return this.month;
  }

  private rollover(): void {
    const m = monthKey(this.clock());
    if (m !== this.month) {
      this.month = m;
      this.spent.clear();
    }
  }

  /** Adds spend already recorded elsewhere (the database at boot). */
  load(brandId: string, credits: number): void {
    this.rollover();
    this.spent.set(brandId, credits);
  }

  record(brandId: string, credits: number): void {
    this.rollover();
    this.spent.set(brandId, (this.spent.get(brandId) ?? 0) + credits);
  }

  state(brandId: string): BudgetState {
    this.rollover();
    const spent = this.spent.get(brandId) ?? 0;

    return { spent, budget: this.budgetPerBrand, forecast: spent / monthFraction(this.clock()) };
  }

  brands(): string[] {
    return [...this.spent.keys()];
  }

  /** Multiplier for a source's poll interval: 1 = normal, Infinity = paused until next month. */
  slowdown(brandId: string, value: SourceValue): number {
    if (this.budgetPerBrand <= 0) return 1;
    const { spent, forecast, budget } = this.state(brandId);
    if (value === 'low') {
      if (spent >= LOW_VALUE_PAUSE_AT * budget) return Number.POSITIVE_INFINITY;
      if (forecast > budget) return Math.min(16, (forecast / budget) ** 2);

      return 1;
    }
    if (spent >= budget) return 16;
    if (spent >= 0.95 * budget) return 4;
    if (forecast > 1.5 * budget) return 2;

    return 1;
  }
}

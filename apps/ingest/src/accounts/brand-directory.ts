import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ROOST_ENV, type IngestEnv, type RoostEnv } from '@roost/config';
import { BrandAccountsRepository } from '../data/brand-accounts.repository';
import type { BrandAccount, ListeningRule } from '../data/listening-rows';
import { RuleMatcher } from '../listening/rule-matcher';

export interface BrandListening {
  brandId: string;
  accounts: BrandAccount[];
  rules: ListeningRule[];
  /** Lower-case handles of the brand's own accounts: their tweets are not customer mentions. */
  ownHandles: Set<string>;
  ownUserIds: Set<string>;
  /** The same rules, compiled for local matching (which rules matched each mention). */
  matcher: RuleMatcher;
}

/** What each brand listens for, cached in memory and refreshed from the ingest schema. */
@Injectable()
export class BrandDirectory implements OnModuleDestroy {
  private readonly log = new Logger(BrandDirectory.name);
  private brands = new Map<string, BrandListening>();
  private readonly listeners: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly settings: IngestEnv;

  constructor(
    private readonly repo: BrandAccountsRepository,
    @Inject(ROOST_ENV) env: RoostEnv,
  ) {
    this.settings = env.ingest;
  }

  /** Every brand, re-read (at start, and every `directoryRefreshMs` for changes made through another replica). */
  refresh(): Promise<void> {
    return this.serially(async () => {
      const { accounts, rules } = await this.repo.listening();
      this.brands = this.build(accounts, rules);
      this.log.debug({ brands: this.brands.size }, 'listening refreshed');
    });
  }

  /** One brand, re-read after a change to its listening (the others are kept as they are). */
  refreshBrand(brandId: string): Promise<void> {
    return this.serially(async () => {
      const { accounts, rules } = await this.repo.brandListening(brandId);
      const brand = this.build(accounts, rules).get(brandId);
      const next = new Map([...this.brands].filter(([id]) => id !== brandId));
      if (brand) next.set(brandId, brand);
      this.brands = new Map([...next].sort(([a], [b]) => (a < b ? -1 : 1)));
      this.log.debug({ brandId, brands: this.brands.size }, 'listening refreshed for one brand');
    });
  }

  /**
   * One refresh at a time, in call order: a periodic refresh that read before a change cannot
   * land after the change's own refresh and put the old listening back.
   */
  private serially(load: () => Promise<void>): Promise<void> {
    const run = this.queue.then(load).then(() => {
      for (const l of this.listeners) l();
    });
    this.queue = run.catch(() => undefined);

    return run;
  }

  /** Brands with at least one account (rules of a brand without accounts are not listened for). */
  private build(accounts: BrandAccount[], rules: ListeningRule[]): Map<string, BrandListening> {
    const next = new Map<string, BrandListening>();
    const empty = new RuleMatcher({ accounts: [], rules: [], maxVariantsPerName: 0 });
    for (const a of accounts) {
      const b = next.get(a.brandId) ?? {
        brandId: a.brandId,
        accounts: [],
        rules: [],
        ownHandles: new Set(),
        ownUserIds: new Set(),
        matcher: empty,
      };
      b.accounts.push(a);
      b.ownHandles.add(a.handle.toLowerCase());
      if (a.xUserId) b.ownUserIds.add(a.xUserId);
      next.set(a.brandId, b);
    }
    for (const r of rules) next.get(r.brandId)?.rules.push(r);
    for (const b of next.values()) {
      b.matcher = new RuleMatcher({
        accounts: b.accounts,
        rules: b.rules,
        maxVariantsPerName: this.settings.maxVariantsPerName,
      });
    }

    return next;
  }

  /** Called after every refresh (the stream source re-syncs its X rules when they changed). */
  onRefreshed(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Re-reads accounts and rules periodically: changes made through another replica reach this one. */
  autoRefresh(): void {
    if (this.timer || this.settings.directoryRefreshMs <= 0) return;
    this.timer = setInterval(() => {
      this.refresh().catch((err: unknown) =>
        this.log.warn({ err: (err as Error).message }, 'listening refresh failed'),
      );
    }, this.settings.directoryRefreshMs);
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  all(): BrandListening[] {
    return [...this.brands.values()];
  }

  get(brandId: string): BrandListening | undefined {
    return this.brands.get(brandId);
  }
}

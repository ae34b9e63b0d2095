import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { INGEST_SETTINGS, type IngestSettings } from '../config/ingest-settings';
import { RuleMatcher } from '../listening/rule-matcher';
import { BrandAccountsRepository, type BrandAccount, type ListeningRule } from './brand-accounts.repository';

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

  constructor(
    private readonly repo: BrandAccountsRepository,
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
  ) {}

  async refresh(): Promise<void> {
    const [accounts, rules] = await Promise.all([this.repo.accounts(), this.repo.rules()]);
    const next = new Map<string, BrandListening>();
    const empty = new RuleMatcher({ accounts: [], rules: [], maxVariantsPerName: 0 });
    for (const a of accounts) {
      const b = next.get(a.brandId) ?? { brandId: a.brandId, accounts: [], rules: [], ownHandles: new Set(), ownUserIds: new Set(), matcher: empty };
      b.accounts.push(a);
      b.ownHandles.add(a.handle.toLowerCase());
      if (a.xUserId) b.ownUserIds.add(a.xUserId);
      next.set(a.brandId, b);
    }
    for (const r of rules) next.get(r.brandId)?.rules.push(r);
    for (const b of next.values()) {
      b.matcher = new RuleMatcher({ accounts: b.accounts, rules: b.rules, maxVariantsPerName: this.settings.maxVariantsPerName });
    }
    this.brands = next;
    this.log.debug({ brands: next.size }, 'listening refreshed');
    for (const l of this.listeners) l();
  }

  /** Called after every refresh (the stream source re-syncs its X rules when they changed). */
  onRefreshed(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Re-reads accounts and rules periodically: changes made through another replica reach this one. */
  autoRefresh(): void {
    if (this.timer || this.settings.directoryRefreshMs <= 0) return;
    this.timer = setInterval(() => {
      this.refresh().catch((err: unknown) => this.log.warn({ err: (err as Error).message }, 'listening refresh failed'));
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

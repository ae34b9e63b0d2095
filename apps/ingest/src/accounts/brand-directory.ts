import { Injectable, Logger } from '@nestjs/common';
import { BrandAccountsRepository, type BrandAccount, type ListeningRule } from './brand-accounts.repository';

export interface BrandListening {
  brandId: string;
  accounts: BrandAccount[];
  rules: ListeningRule[];
  /** Lower-case handles of the brand's own accounts: their tweets are not customer mentions. */
  ownHandles: Set<string>;
  ownUserIds: Set<string>;
}

/** What each brand listens for, cached in memory and refreshed from the ingest schema. */
@Injectable()
export class BrandDirectory {
  private readonly log = new Logger(BrandDirectory.name);
  private brands = new Map<string, BrandListening>();

  constructor(private readonly repo: BrandAccountsRepository) {}

  async refresh(): Promise<void> {
    const [accounts, rules] = await Promise.all([this.repo.accounts(), this.repo.rules()]);
    const next = new Map<string, BrandListening>();
    for (const a of accounts) {
      const b = next.get(a.brandId) ?? { brandId: a.brandId, accounts: [], rules: [], ownHandles: new Set(), ownUserIds: new Set() };
      b.accounts.push(a);
      b.ownHandles.add(a.handle.toLowerCase());
      if (a.xUserId) b.ownUserIds.add(a.xUserId);
      next.set(a.brandId, b);
    }
    for (const r of rules) next.get(r.brandId)?.rules.push(r);
    this.brands = next;
    this.log.debug({ brands: next.size }, 'listening refreshed');
  }

  all(): BrandListening[] {
    return [...this.brands.values()];
  }

  get(brandId: string): BrandListening | undefined {
    return this.brands.get(brandId);
  }
}

import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { DataSource } from 'typeorm';
import { BrandAccountsRepository } from '../data/brand-accounts.repository';
import { seedDemo } from '../data/demo-seed';
import { XAppClient } from '../x-api/x-app-client';
import { BrandDirectory } from './brand-directory';

/** At start: demo seed (if asked), X user ids of the brand accounts, the listening directory. */
@Injectable()
export class AccountsBootstrap implements OnModuleInit {
  private readonly log = new Logger(AccountsBootstrap.name);

  constructor(
    @Inject(ROOST_ENV) private readonly env: RoostEnv,
    private readonly ds: DataSource,
    private readonly repo: BrandAccountsRepository,
    private readonly directory: BrandDirectory,
    private readonly x: XAppClient,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.env.demoSeed) await seedDemo(this.ds);
    await this.resolveAndRefresh();
    this.directory.autoRefresh();
  }

  /**
   * Resolves X user ids of accounts that lack one (seeded, or added by RPC), then refreshes the
   * directory: every brand, or only `brandId` after a change to that brand's listening.
   */
  async resolveAndRefresh(brandId?: string): Promise<void> {
    const { accounts } = brandId ? await this.repo.brandListening(brandId) : await this.repo.listening();
    const missing = accounts.filter((a) => !a.xUserId);
    for (const a of missing) {
      try {
        const user = await this.x.api.v2.userByUsername(a.handle);
        if (user.data?.id) await this.repo.setXUserId(a.brandId, a.id, user.data.id);
        else this.log.warn({ handle: a.handle }, 'brand account not found on X');
      } catch (err) {
        this.log.warn({ handle: a.handle, err: (err as Error).message }, 'could not resolve brand account');
      }
    }
    if (brandId) await this.directory.refreshBrand(brandId);
    else await this.directory.refresh();
  }
}

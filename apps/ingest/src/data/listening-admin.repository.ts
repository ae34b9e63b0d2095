import { Injectable } from '@nestjs/common';
import { execute, rowType, selectOne, selectRows, withBrand } from '@roost/database';
import { Type } from '@sinclair/typebox';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AccountRow,
  RuleRow,
  toAccount,
  toRule,
  type BrandAccount,
  type ListeningRule,
} from './listening-rows';

/** The id of a deleted rule or account (`DELETE … RETURNING id`: one row per deleted row). */
export const DeletedRuleRow = rowType('ingest.listening_rules.delete', { id: Type.String() });
export const DeletedAccountRow = rowType('ingest.accounts.delete', { id: Type.String() });

/**
 * Writes to a brand's listening (accounts and rules): every call knows its brand, and every
 * statement is scoped by it and runs in a transaction that declared it (row-level security).
 */
@Injectable()
export class ListeningAdminRepository {
  constructor(private readonly ds: DataSource) {}

  async listRules(brandId: string): Promise<ListeningRule[]> {
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        RuleRow,
        `SELECT brand_id, id, kind, value, language FROM listening_rules WHERE brand_id = $1 AND enabled ORDER BY kind, value`,
        [brandId],
      ),
    );

    return rows.map(toRule);
  }

  async listAccounts(brandId: string): Promise<BrandAccount[]> {
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(tx, AccountRow, `SELECT * FROM accounts WHERE brand_id = $1 ORDER BY handle`, [brandId]),
    );

    return rows.map(toAccount);
  }

  private async ensureBrand(tx: EntityManager, brandId: string, name: string | undefined): Promise<void> {
    await execute(tx, `INSERT INTO brands (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, [
      brandId,
      name ?? brandId,
    ]);
  }

  /** Adds a rule, or re-enables and returns the existing one with the same kind and value. */
  async addRule(opts: {
    brandId: string;
    kind: ListeningRule['kind'];
    value: string;
    language: string | null;
    brandName?: string;
  }): Promise<ListeningRule> {
    const row = await withBrand(this.ds, opts.brandId, async (tx) => {
      await this.ensureBrand(tx, opts.brandId, opts.brandName);

      return selectOne(
        tx,
        RuleRow,
        `INSERT INTO listening_rules (brand_id, id, kind, value, language) VALUES ($1, gen_random_uuid(), $2, $3, $4)
         ON CONFLICT (brand_id, kind, value) DO UPDATE SET enabled = true, language = EXCLUDED.language
         RETURNING brand_id, id, kind, value, language`,
        [opts.brandId, opts.kind, opts.value, opts.language],
      );
    });

    return toRule(row);
  }

  async removeRule(brandId: string, id: string): Promise<boolean> {
    const deleted = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        DeletedRuleRow,
        `DELETE FROM listening_rules WHERE brand_id = $1 AND id = $2 RETURNING id`,
        [brandId, id],
      ),
    );

    return deleted.length > 0;
  }

  async addAccount(opts: {
    brandId: string;
    handle: string;
    role: BrandAccount['role'];
    apiTier: BrandAccount['apiTier'];
    pollMentions: boolean;
    pollDms: boolean;
    brandName?: string;
  }): Promise<BrandAccount> {
    const row = await withBrand(this.ds, opts.brandId, async (tx) => {
      await this.ensureBrand(tx, opts.brandId, opts.brandName);

      return selectOne(
        tx,
        AccountRow,
        `INSERT INTO accounts (brand_id, id, handle, role, api_tier, poll_mentions, poll_dms)
         VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6)
         ON CONFLICT (brand_id, handle) DO UPDATE SET role = EXCLUDED.role, api_tier = EXCLUDED.api_tier,
           poll_mentions = EXCLUDED.poll_mentions, poll_dms = EXCLUDED.poll_dms
         RETURNING *`,
        [opts.brandId, opts.handle, opts.role, opts.apiTier, opts.pollMentions, opts.pollDms],
      );
    });

    return toAccount(row);
  }

  async removeAccount(brandId: string, id: string): Promise<boolean> {
    const deleted = await withBrand(this.ds, brandId, (tx) =>
      selectRows(tx, DeletedAccountRow, `DELETE FROM accounts WHERE brand_id = $1 AND id = $2 RETURNING id`, [
        brandId,
        id,
      ]),
    );

    return deleted.length > 0;
  }
}

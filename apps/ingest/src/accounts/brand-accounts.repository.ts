import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toAccount, toRule, type AccountRow, type RuleRow } from './listening-rows';

export interface BrandAccount {
  brandId: string;
  id: string;
  handle: string;
  xUserId: string | null;
  role: 'care' | 'engagement';
  apiTier: 'free' | 'basic' | 'pro' | 'pay_per_use' | 'enterprise';
  pollMentions: boolean;
  pollDms: boolean;
}

export interface ListeningRule {
  brandId: string;
  id: string;
  kind: 'handle' | 'hashtag' | 'keyword' | 'phrase' | 'misspelling' | 'purchase_intent' | 'exclusion';
  value: string;
  language: string | null;
}

@Injectable()
export class BrandAccountsRepository {
  constructor(private readonly ds: DataSource) {}

  async accounts(): Promise<BrandAccount[]> {
    const rows: AccountRow[] = await this.ds.query(`SELECT * FROM accounts ORDER BY brand_id, handle`);

    return rows.map(toAccount);
  }

  async setXUserId(brandId: string, accountId: string, xUserId: string): Promise<void> {
    await this.ds.query(`UPDATE accounts SET x_user_id = $3 WHERE brand_id = $1 AND id = $2`, [brandId, accountId, xUserId]);
  }

  async rules(): Promise<ListeningRule[]> {
    const rows: RuleRow[] = await this.ds.query(
      `SELECT brand_id, id, kind, value, language FROM listening_rules WHERE enabled ORDER BY brand_id, kind, value`,
    );

    return rows.map(toRule);
  }

  async cursor(brandId: string, source: string, key: string): Promise<string | null> {
    const rows: Array<{ since_id: string | null }> = await this.ds.query(
      `SELECT since_id FROM source_cursors WHERE brand_id = $1 AND source = $2 AND key = $3`,
      [brandId, source, key],
    );

    return rows[0]?.since_id ?? null;
  }

  /** Cursors only move forward (numeric compare of X ids), whatever order pollers finish in. */
  async advanceCursor(brandId: string, source: string, key: string, sinceId: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO source_cursors (brand_id, source, key, since_id) VALUES ($1,$2,$3,$4)
       ON CONFLICT (brand_id, source, key) DO UPDATE SET since_id = EXCLUDED.since_id, updated_at = now()
       WHERE source_cursors.since_id IS NULL OR source_cursors.since_id::numeric < EXCLUDED.since_id::numeric`,
      [brandId, source, key, sinceId],
    );
  }
}

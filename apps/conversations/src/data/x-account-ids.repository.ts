import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The brand handles' X user ids, learnt once. Keyed by the public @handle, not by brand: outside
 * row-level security (see the brand-isolation migration).
 */
@Injectable()
export class XAccountIdsRepository {
  constructor(private readonly ds: DataSource) {}

  async get(handle: string): Promise<string | undefined> {
    const rows: Array<{ x_user_id: string }> = await this.ds.query(
      `SELECT x_user_id FROM x_account_ids WHERE handle = $1`,
      [handle],
    );

    return rows[0]?.x_user_id;
  }

  async remember(handle: string, xUserId: string): Promise<void> {
    await this.ds.query(
      `INSERT INTO x_account_ids (handle, x_user_id) VALUES ($1, $2) ON CONFLICT (handle) DO NOTHING`,
      [handle, xUserId],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { execute, rowType, selectMaybe } from '@roost/database';
import { Type } from '@sinclair/typebox';
import { DataSource } from 'typeorm';

const XUserIdRow = rowType('conversations.x_account_ids.get', { x_user_id: Type.String() });

/**
 * The brand handles' X user ids, learnt once. Keyed by the public @handle, not by brand: outside
 * row-level security (see the brand-isolation migration).
 */
@Injectable()
export class XAccountIdsRepository {
  constructor(private readonly ds: DataSource) {}

  async get(handle: string): Promise<string | undefined> {
    const row = await selectMaybe(
      this.ds,
      XUserIdRow,
      `SELECT x_user_id FROM x_account_ids WHERE handle = $1`,
      [handle],
    );

    return row?.x_user_id;
  }

  async remember(handle: string, xUserId: string): Promise<void> {
    await execute(
      this.ds,
      `INSERT INTO x_account_ids (handle, x_user_id) VALUES ($1, $2) ON CONFLICT (handle) DO NOTHING`,
      [handle, xUserId],
    );
  }
}

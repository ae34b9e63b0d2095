import { Injectable } from '@nestjs/common';
import { rowType, selectMaybe, selectRows, withBrand } from '@roost/database';
import { Type } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import { OutboundRepository, type LedgerEntry } from './outbound.repository';

/** `RETURNING 1`: a row when the upsert claimed the bucket (PostgreSQL names the column `?column?`). */
const WaitStatusClaimRow = rowType('conversations.wait_status.claim', { '?column?': Type.Integer() });

const AccountHandleRow = rowType('conversations.wait_status.latest_account_handle', {
  account_handle: Type.String(),
});

const ALREADY_RECORDED = new Error('wait status already recorded for this bucket');

export type WaitStatusClaim = 'recorded' | 'too_soon_or_unchanged' | 'already_recorded';

/** The last status tweet per queue, decided and recorded in the ledger in one transaction. */
@Injectable()
export class WaitStatusRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly ledger: OutboundRepository,
  ) {}

  /**
   * One conditional upsert decides (under the row lock, so instances racing on the same estimate
   * agree): the first status tweet of a queue, or one at least `minIntervalMs` after the last whose
   * wait moved by more than `minChangePercent` of it. The ledger row is written in the same
   * transaction, so a crash in between neither loses the tweet nor lets a redelivery post it twice.
   */
  async claimAndRecord(p: {
    entry: LedgerEntry;
    queueId: string;
    at: Date;
    waitSeconds: number;
    minIntervalMs: number;
    minChangePercent: number;
    leaseMs: number;
  }): Promise<WaitStatusClaim> {
    const outcome = withBrand(this.ds, p.entry.brandId, async (tx) => {
      // INSERT … RETURNING comes back as the rows (UPDATE … RETURNING would be [rows, count]).
      const claimed = await selectRows(
        tx,
        WaitStatusClaimRow,
        `INSERT INTO wait_status_posts (brand_id, queue_id, last_posted_at, last_wait_seconds) VALUES ($1,$2,$3,$4)
         ON CONFLICT (brand_id, queue_id) DO UPDATE SET last_posted_at = EXCLUDED.last_posted_at, last_wait_seconds = EXCLUDED.last_wait_seconds
         WHERE EXCLUDED.last_posted_at >= wait_status_posts.last_posted_at + $5 * interval '1 millisecond'
           AND abs(EXCLUDED.last_wait_seconds - wait_status_posts.last_wait_seconds) * 100
               > $6 * greatest(wait_status_posts.last_wait_seconds, 1)
         RETURNING 1`,
        [p.entry.brandId, p.queueId, p.at, p.waitSeconds, p.minIntervalMs, p.minChangePercent],
      );
      if (claimed.length === 0) return 'too_soon_or_unchanged';

      // The bucket's key already used (settings changed the interval): roll the claim back too.
      if ((await this.ledger.recordIn(tx, p.entry, { leaseMs: p.leaseMs })) === null) throw ALREADY_RECORDED;

      return 'recorded' as const;
    });

    return outcome.catch((err: unknown) => {
      if (err === ALREADY_RECORDED) return 'already_recorded';
      throw err;
    });
  }

  /** The handle the brand's latest conversation came in on: who posts when the settings name none. */
  async latestAccountHandle(brandId: string): Promise<string | null> {
    const row = await withBrand(this.ds, brandId, (tx) =>
      selectMaybe(
        tx,
        AccountHandleRow,
        `SELECT account_handle FROM conversations WHERE brand_id = $1 AND channel = 'public' ORDER BY last_message_at DESC LIMIT 1`,
        [brandId],
      ),
    );

    return row?.account_handle ?? null;
  }
}

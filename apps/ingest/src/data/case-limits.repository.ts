import { Injectable } from '@nestjs/common';
import { execute, rowType, selectOne, selectRows, withBrand, type Queryable } from '@roost/database';
import { Type } from '@sinclair/typebox';
import { DataSource } from 'typeorm';

const HitRow = rowType('ingest.case_from_tweet_hits.hit', { hits: Type.Integer() });
const RetryRow = rowType('ingest.case_from_tweet_hits.retry', { retry_after: Type.Integer() });

/** A case from a tweet counted, or refused: which limit, and the seconds until the next minute. */
export type CaseLimitVerdict =
  { allowed: true } | { allowed: false; scope: 'actor' | 'brand'; retryAfterSeconds: number };

class Refused extends Error {
  constructor(readonly scope: 'actor' | 'brand') {
    super(scope);
  }
}

/**
 * Per-minute counts of cases from tweets (`case_from_tweet_hits`), per actor and per brand, in
 * PostgreSQL so every ingest instance counts against the same limits (the database's clock and
 * minute). A refused request counts nothing: the two increments commit together or not at all.
 */
@Injectable()
export class CaseLimitsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Counts one request of `actorId` unless it or its brand reached its limit this minute (a limit ≤ 0 is none). */
  async take(p: {
    brandId: string;
    actorId: string;
    perActor: number;
    perBrand: number;
  }): Promise<CaseLimitVerdict> {
    try {
      await withBrand(this.ds, p.brandId, async (tx) => {
        await execute(
          tx,
          `DELETE FROM case_from_tweet_hits WHERE brand_id = $1 AND minute < date_trunc('minute', now())`,
          [p.brandId],
        );
        if (!(await this.hit(tx, p.brandId, p.actorId, p.perActor))) throw new Refused('actor');
        if (!(await this.hit(tx, p.brandId, 'brand', p.perBrand))) throw new Refused('brand');
      });

      return { allowed: true };
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      const { retry_after } = await selectOne(
        this.ds,
        RetryRow,
        `SELECT greatest(1, ceil(extract(epoch FROM date_trunc('minute', now()) + interval '1 minute' - now())))::int AS retry_after`,
      );

      return { allowed: false, scope: err.scope, retryAfterSeconds: retry_after };
    }
  }

  private async hit(tx: Queryable, brandId: string, actor: string, limit: number): Promise<boolean> {
    if (limit <= 0) return true;
    const rows = await selectRows(
      tx,
      HitRow,
      `INSERT INTO case_from_tweet_hits AS h (brand_id, actor, minute, hits) VALUES ($1, $2, date_trunc('minute', now()), 1)
       ON CONFLICT (brand_id, actor, minute) DO UPDATE SET hits = h.hits + 1 WHERE h.hits < $3
       RETURNING hits`,
      [brandId, actor, limit],
    );

    return rows.length > 0;
  }
}

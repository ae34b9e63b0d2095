import { Injectable } from '@nestjs/common';
import type { MentionReceivedV1 } from '@roost/contracts';
import { valuesList } from '@roost/database';
import { DataSource } from 'typeorm';

/** The mention ledger: (brand, tweet) is stored once; `published` tracks the hand-over to the bus. */
@Injectable()
export class MentionRepository {
  constructor(private readonly ds: DataSource) {}

  /** Inserts the batch; returns the mentions that were new (the rest were seen before). */
  async insertNew(mentions: readonly MentionReceivedV1[]): Promise<MentionReceivedV1[]> {
    if (mentions.length === 0) return [];
    const unique = new Map(mentions.map((m) => [`${m.brandId}:${m.tweet.id}`, m]));
    const v = valuesList(
      [...unique.values()].map((m) => [m.brandId, m.tweet.id, m.source, JSON.stringify(m)]),
      ['uuid', 'text', 'text', 'jsonb'],
    );
    const rows: Array<{ brand_id: string; tweet_id: string }> = await this.ds.query(
      `INSERT INTO mentions (brand_id, tweet_id, source, payload) VALUES ${v.sql}
       ON CONFLICT (brand_id, tweet_id) DO NOTHING RETURNING brand_id, tweet_id`,
      v.params,
    );

    return rows.map((r) => unique.get(`${r.brand_id}:${r.tweet_id}`)).filter((m): m is MentionReceivedV1 => !!m);
  }

  async markPublished(mentions: readonly MentionReceivedV1[]): Promise<void> {
    if (mentions.length === 0) return;
    const v = valuesList(
      mentions.map((m) => [m.brandId, m.tweet.id]),
      ['uuid', 'text'],
    );
    await this.ds.query(
      `UPDATE mentions m SET published = true FROM (VALUES ${v.sql}) AS v(brand_id, tweet_id)
       WHERE m.brand_id = v.brand_id AND m.tweet_id = v.tweet_id`,
      v.params,
    );
  }

  /** Stored but never acknowledged by JetStream (publish failed or the process died in between). */
  async unpublished(olderThanMs: number, limit: number): Promise<MentionReceivedV1[]> {
    const rows: Array<{ payload: MentionReceivedV1 }> = await this.ds.query(
      `SELECT payload FROM mentions WHERE NOT published AND received_at < now() - ($1 || ' milliseconds')::interval
       ORDER BY received_at LIMIT $2`,
      [String(olderThanMs), limit],
    );

    return rows.map((r) => r.payload);
  }
}

import { Injectable } from '@nestjs/common';
import { valuesList } from '@roost/database';
import { DataSource } from 'typeorm';

export interface RollupDelta {
  brandId: string;
  eventId: string;
  queueId: string;
  hour: Date;
  inbound: number;
  opened: number;
  negative: number;
  neutral: number;
  positive: number;
  replies: number;
  firstResponses: number;
  firstResponseMs: number;
}

/** Folds deltas into hourly rollups; events already folded are skipped (redelivery-safe). */
@Injectable()
export class RollupRepository {
  constructor(private readonly ds: DataSource) {}

  async fold(deltas: readonly RollupDelta[]): Promise<number> {
    if (deltas.length === 0) return 0;
    const unique = new Map(deltas.map((d) => [`${d.brandId}:${d.eventId}`, d]));

    return this.ds.transaction(async (tx) => {
      const ev = valuesList(
        [...unique.values()].map((d) => [d.brandId, d.eventId]),
        ['uuid', 'text'],
      );
      const fresh: Array<{ brand_id: string; event_id: string }> = await tx.query(
        `INSERT INTO folded_events (brand_id, event_id) VALUES ${ev.sql} ON CONFLICT DO NOTHING RETURNING brand_id, event_id`,
        ev.params,
      );
      if (fresh.length === 0) return 0;
      // Sum per (brand, queue, hour) first: one upsert may not touch a row twice.
      const sums = new Map<string, RollupDelta & { firstResponseMsMax: number }>();
      for (const f of fresh) {
        const d = unique.get(`${f.brand_id}:${f.event_id}`);
        if (!d) continue;
        const key = `${d.brandId}:${d.queueId}:${d.hour.toISOString()}`;
        const s = sums.get(key) ?? { ...d, inbound: 0, opened: 0, negative: 0, neutral: 0, positive: 0, replies: 0,
          firstResponses: 0, firstResponseMs: 0, firstResponseMsMax: 0 };
        s.inbound += d.inbound;
        s.opened += d.opened;
        s.negative += d.negative;
        s.neutral += d.neutral;
        s.positive += d.positive;
        s.replies += d.replies;
        s.firstResponses += d.firstResponses;
        s.firstResponseMs += d.firstResponseMs;
        if (d.firstResponses > 0) s.firstResponseMsMax = Math.max(s.firstResponseMsMax, d.firstResponseMs);
        sums.set(key, s);
      }
      const rows = [...sums.values()].map((s) => [
        s.brandId, s.queueId, s.hour, s.inbound, s.opened, s.negative, s.neutral, s.positive, s.replies, s.firstResponses,
        s.firstResponseMs, s.firstResponseMsMax,
      ]);
      const v = valuesList(rows, ['uuid', 'uuid', 'timestamptz', 'int', 'int', 'int', 'int', 'int', 'int', 'int', 'bigint', 'bigint']);
      await tx.query(
        `INSERT INTO hourly_rollups AS r (brand_id, queue_id, hour, inbound, conversations_opened, negative, neutral, positive,
           replies, first_responses, first_response_ms_sum, first_response_ms_max) VALUES ${v.sql}
         ON CONFLICT (brand_id, queue_id, hour) DO UPDATE SET
           inbound = r.inbound + EXCLUDED.inbound,
           conversations_opened = r.conversations_opened + EXCLUDED.conversations_opened,
           negative = r.negative + EXCLUDED.negative, neutral = r.neutral + EXCLUDED.neutral,
           positive = r.positive + EXCLUDED.positive, replies = r.replies + EXCLUDED.replies,
           first_responses = r.first_responses + EXCLUDED.first_responses,
           first_response_ms_sum = r.first_response_ms_sum + EXCLUDED.first_response_ms_sum,
           first_response_ms_max = GREATEST(r.first_response_ms_max, EXCLUDED.first_response_ms_max)`,
        v.params,
      );

      return fresh.length;
    });
  }
}

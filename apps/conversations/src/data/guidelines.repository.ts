import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { BrandGuidelines, CannedReply } from '@roost/contracts';
import { execute, rowType, selectMaybe, selectOne, selectRows, withBrand } from '@roost/database';
import { Type } from '@sinclair/typebox';
import { DataSource } from 'typeorm';

const GuidelinesRow = rowType('conversations.guidelines.get', {
  banned_phrases: Type.Array(Type.String()),
  queue_hours: Type.Record(Type.String(), Type.String()),
});

/** A canned reply as the API shows it (`SELECT` and `RETURNING id, language, title, body`). */
const CannedReplyRow = rowType('conversations.canned_replies', {
  id: Type.String(),
  language: Type.String(),
  title: Type.String(),
  body: Type.String(),
});

/** Brand guidelines (banned phrases, queue hours) and canned replies per brand and language. */
@Injectable()
export class GuidelinesRepository {
  constructor(private readonly ds: DataSource) {}

  async get(brandId: string): Promise<BrandGuidelines> {
    const r = await withBrand(this.ds, brandId, (tx) =>
      selectMaybe(
        tx,
        GuidelinesRow,
        `SELECT banned_phrases, queue_hours FROM brand_guidelines WHERE brand_id = $1`,
        [brandId],
      ),
    );

    return { bannedPhrases: r?.banned_phrases ?? [], queueHours: r?.queue_hours ?? {} };
  }

  async set(p: { brandId: string; actorId: string; guidelines: BrandGuidelines }): Promise<BrandGuidelines> {
    await withBrand(this.ds, p.brandId, async (tx) => {
      await execute(
        tx,
        `INSERT INTO brand_guidelines (brand_id, banned_phrases, queue_hours, updated_by) VALUES ($1,$2,$3,$4)
         ON CONFLICT (brand_id) DO UPDATE SET banned_phrases = EXCLUDED.banned_phrases, queue_hours = EXCLUDED.queue_hours,
           updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [p.brandId, p.guidelines.bannedPhrases, p.guidelines.queueHours, p.actorId],
      );
      await execute(
        tx,
        `INSERT INTO audit_log (brand_id, actor_id, action, details) VALUES ($1,$2,'guidelines.set',$3)`,
        [p.brandId, p.actorId, { bannedPhrases: p.guidelines.bannedPhrases.length }],
      );
    });

    return p.guidelines;
  }

  async listCanned(brandId: string, language?: string): Promise<CannedReply[]> {
    return withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        CannedReplyRow,
        `SELECT id, language, title, body FROM canned_replies WHERE brand_id = $1 AND ($2::text IS NULL OR language = $2)
       ORDER BY language, title`,
        [brandId, language ?? null],
      ),
    );
  }

  async getCanned(brandId: string, id: string): Promise<CannedReply | null> {
    const row = await withBrand(this.ds, brandId, (tx) =>
      selectMaybe(
        tx,
        CannedReplyRow,
        `SELECT id, language, title, body FROM canned_replies WHERE brand_id = $1 AND id = $2`,
        [brandId, id],
      ),
    );

    return row ?? null;
  }

  async saveCanned(p: {
    brandId: string;
    actorId: string;
    language: string;
    title: string;
    body: string;
  }): Promise<CannedReply> {
    return withBrand(this.ds, p.brandId, async (tx) => {
      const row = await selectOne(
        tx,
        CannedReplyRow,
        `INSERT INTO canned_replies (brand_id, id, language, title, body, updated_by) VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT (brand_id, language, title) DO UPDATE SET body = EXCLUDED.body, updated_by = EXCLUDED.updated_by,
           updated_at = now()
         RETURNING id, language, title, body`,
        [p.brandId, randomUUID(), p.language, p.title, p.body, p.actorId],
      );
      await execute(
        tx,
        `INSERT INTO audit_log (brand_id, actor_id, action, details) VALUES ($1,$2,'canned.saved',$3)`,
        [p.brandId, p.actorId, { id: row.id, language: p.language, title: p.title }],
      );

      return row;
    });
  }
}

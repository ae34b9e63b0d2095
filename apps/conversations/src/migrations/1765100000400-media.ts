import {
  createOwnerLookups,
  disableBrandIsolation,
  dropOwnerLookups,
  enableBrandIsolation,
  type OwnerLookup,
} from '@roost/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Media in and out (issue 13). `messages.media`: a customer's photos, GIFs and videos as ingest
 * normalised them from X's media expansion (or an agent's attachments on an outbound message),
 * under the messages table's brand policy. `attachments`: an agent's upload, its bytes in
 * PostgreSQL (bytea, at most X's 15 MB GIF limit: images and GIFs only, no video store needed),
 * bound to one post (`message_id`) and, once uploaded to X, its media id (`x_media_id`), so a
 * retried or reconciled post reuses the upload. `outbound_ledger.attachment_ids`: what the post
 * carries. Attachments no post took within a day are deleted (`stale_attachment_brands`, then per brand).
 */
/** Brands holding attachments no post took before the cutoff: the sweep deletes them brand by brand. */
const FUNCTIONS: OwnerLookup[] = [
  {
    signature: 'stale_attachment_brands(timestamptz)',
    returns: 'SETOF uuid',
    body: `SELECT DISTINCT brand_id FROM attachments WHERE message_id IS NULL AND created_at < $1 ORDER BY 1`,
  },
];

export class Media1765100000400 implements MigrationInterface {
  name = 'Media1765100000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages ADD COLUMN media jsonb`);
    await q.query(`ALTER TABLE outbound_ledger ADD COLUMN attachment_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE TABLE attachments (
        brand_id uuid NOT NULL,
        id uuid NOT NULL,
        uploaded_by uuid NOT NULL,
        media_type text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('photo', 'animated_gif', 'video')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        bytes bytea NOT NULL DEFAULT ''::bytea,
        next_piece integer NOT NULL DEFAULT 0,
        completed_at timestamptz,
        message_id uuid,
        x_media_id text,
        x_media_key text,
        x_uploaded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, id)
      )`);
    await q.query(
      `CREATE INDEX attachments_message ON attachments (brand_id, message_id) WHERE message_id IS NOT NULL`,
    );
    await enableBrandIsolation(q, ['attachments']);
    await createOwnerLookups(q, FUNCTIONS);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOwnerLookups(q, FUNCTIONS);
    await disableBrandIsolation(q, ['attachments']);
    await q.query(`DROP TABLE attachments`);
    await q.query(`ALTER TABLE outbound_ledger DROP COLUMN attachment_ids`);
    await q.query(`ALTER TABLE messages DROP COLUMN media`);
  }
}

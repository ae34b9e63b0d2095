import { disableBrandIsolation, enableBrandIsolation } from '@roost/database';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An attachment's 512 KB pieces as rows of their own, assembled once when the last one arrives:
 * appending to `attachments.bytes` rewrote the whole value per piece (a 15 MB GIF wrote ~230 MB of
 * heap and WAL). `received_bytes` counts what arrived; the pieces go once assembled (or when the
 * attachment is deleted). Brand policy as every table.
 */
export class AttachmentPieces1765100000760 implements MigrationInterface {
  name = 'AttachmentPieces1765100000760';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attachments ADD COLUMN received_bytes integer NOT NULL DEFAULT 0`);
    await q.query(`UPDATE attachments SET received_bytes = octet_length(bytes)`);
    await q.query(`
      CREATE TABLE attachment_pieces (
        brand_id uuid NOT NULL,
        attachment_id uuid NOT NULL,
        piece integer NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (brand_id, attachment_id, piece),
        FOREIGN KEY (brand_id, attachment_id) REFERENCES attachments (brand_id, id) ON DELETE CASCADE
      )`);
    await enableBrandIsolation(q, ['attachment_pieces']);
  }

  async down(q: QueryRunner): Promise<void> {
    await disableBrandIsolation(q, ['attachment_pieces']);
    await q.query(`DROP TABLE attachment_pieces`);
    await q.query(`ALTER TABLE attachments DROP COLUMN received_bytes`);
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@roost/contracts';
import { execute, Nullable, rowType, selectMaybe, selectOne, selectRows, withBrand } from '@roost/database';
import { Type, type Static } from '@sinclair/typebox';
import { DataSource, type EntityManager } from 'typeorm';

export const AttachmentKind = Type.Union([
  Type.Literal('photo'),
  Type.Literal('animated_gif'),
  Type.Literal('video'),
]);

/** An attachment without its bytes: what validation and the message's media need. */
const AttachmentMetaRow = rowType('conversations.attachments.meta', {
  id: Type.String(),
  uploaded_by: Type.String(),
  media_type: Type.String(),
  kind: AttachmentKind,
  size_bytes: Type.Integer(),
  complete: Type.Boolean(),
  message_id: Nullable(Type.String()),
});
export type AttachmentMeta = Static<typeof AttachmentMetaRow.schema>;

const AppendedRow = rowType('conversations.attachments.append', {
  received: Type.Integer(),
  size_bytes: Type.Integer(),
  complete: Type.Boolean(),
  next_piece: Type.Integer(),
  uploaded_by: Type.String(),
});

const CompletedRow = rowType('conversations.attachments.completed', { complete: Type.Boolean() });

/** What the X upload needs: the bytes, and the media id of an earlier upload of them. */
const UploadRow = rowType('conversations.attachments.for_upload', {
  id: Type.String(),
  media_type: Type.String(),
  kind: AttachmentKind,
  bytes: Type.Uint8Array(),
  x_media_id: Nullable(Type.String()),
  x_uploaded_at: Nullable(Type.Date()),
});
export type AttachmentUpload = Static<typeof UploadRow.schema>;

const IdRow = rowType('conversations.attachments.bound', { id: Type.String() });

const UsageRow = rowType('conversations.attachments.usage', {
  agent_bytes: Type.Number(),
  brand_bytes: Type.Number(),
});

const StaleBrandRow = rowType('conversations.attachments.stale_brands', { brand_id: Type.String() });

/**
 * Agents' media for replies and DMs: staged in pieces (rows of `attachment_pieces`, put together
 * once into `attachments.bytes` when the last arrives), checked against their SHA-256 when
 * the last piece arrives, bound to one post when the post is recorded, and marked with X's media id
 * when uploaded, so a retried post reuses it.
 */
@Injectable()
export class AttachmentsRepository {
  constructor(private readonly ds: DataSource) {}

  async stage(p: {
    brandId: string;
    agentId: string;
    mediaType: string;
    kind: Static<typeof AttachmentKind>;
    sizeBytes: number;
    sha256: string;
    /** Bytes staged and on no post yet the agent / the brand may hold (none when absent). */
    quotaAgentBytes?: number;
    quotaBrandBytes?: number;
  }): Promise<string> {
    const quotaAgent = p.quotaAgentBytes ?? Number.POSITIVE_INFINITY;
    const quotaBrand = p.quotaBrandBytes ?? Number.POSITIVE_INFINITY;
    const id = randomUUID();
    await withBrand(this.ds, p.brandId, async (tx) => {
      // One stage at a time per brand, so two uploads cannot both fit under the quota.
      await execute(tx, `SELECT pg_advisory_xact_lock(hashtextextended('attachments:' || $1::text, 0))`, [
        p.brandId,
      ]);
      const usage = await selectOne(
        tx,
        UsageRow,
        `SELECT coalesce(sum(size_bytes) FILTER (WHERE uploaded_by = $2), 0)::float8 AS agent_bytes,
                coalesce(sum(size_bytes), 0)::float8 AS brand_bytes
         FROM attachments WHERE brand_id = $1 AND message_id IS NULL`,
        [p.brandId, p.agentId],
      );
      const over =
        usage.agent_bytes + p.sizeBytes > quotaAgent
          ? { scope: 'agent', limitBytes: quotaAgent, usedBytes: usage.agent_bytes }
          : usage.brand_bytes + p.sizeBytes > quotaBrand
            ? { scope: 'brand', limitBytes: quotaBrand, usedBytes: usage.brand_bytes }
            : null;
      if (over) {
        throw new DomainError(
          ErrorCode.RateLimited,
          `too much media staged and not yet posted (${over.scope}): post or wait for unused uploads to expire`,
          { reason: 'ATTACHMENT_QUOTA', ...over },
        );
      }
      await execute(
        tx,
        `INSERT INTO attachments (brand_id, id, uploaded_by, media_type, kind, size_bytes, sha256)
         VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [p.brandId, id, p.agentId, p.mediaType, p.kind, p.sizeBytes, p.sha256],
      );
      await execute(
        tx,
        `INSERT INTO audit_log (brand_id, actor_id, action, details) VALUES ($1,$2,'attachment.staged',$3)`,
        [p.brandId, p.agentId, { attachmentId: id, mediaType: p.mediaType, sizeBytes: p.sizeBytes }],
      );
    });

    return id;
  }

  /**
   * Adds piece `index` when it is the next one and fits, as a row of its own (nothing is rewritten
   * per piece); the piece that fills the size assembles the pieces once and completes the
   * attachment if the bytes hash to the staged SHA-256 (MEDIA_CORRUPT otherwise). A piece already
   * added (a retried request) changes nothing and answers the current state.
   */
  async append(p: {
    brandId: string;
    agentId: string;
    attachmentId: string;
    index: number;
    bytes: Buffer;
  }): Promise<{ receivedBytes: number; complete: boolean }> {
    return withBrand(this.ds, p.brandId, async (tx) => {
      let added = await selectMaybe(
        tx,
        AppendedRow,
        `UPDATE attachments SET next_piece = next_piece + 1, received_bytes = received_bytes + $5
         WHERE brand_id = $1 AND id = $2 AND uploaded_by = $3 AND next_piece = $4 AND completed_at IS NULL
           AND received_bytes + $5 <= size_bytes
         RETURNING received_bytes AS received, size_bytes, false AS complete, next_piece, uploaded_by`,
        [p.brandId, p.attachmentId, p.agentId, p.index, p.bytes.length],
      );
      if (added) {
        await execute(
          tx,
          `INSERT INTO attachment_pieces (brand_id, attachment_id, piece, bytes) VALUES ($1,$2,$3,$4)`,
          [p.brandId, p.attachmentId, p.index, p.bytes],
        );
        if (added.received === added.size_bytes) {
          // The last piece: the file is put together once; kept only if it is what was staged.
          const done = await selectOne(
            tx,
            CompletedRow,
            `UPDATE attachments a
               SET bytes = CASE WHEN encode(sha256(w.whole), 'hex') = a.sha256 THEN w.whole ELSE ''::bytea END,
                   completed_at = CASE WHEN encode(sha256(w.whole), 'hex') = a.sha256 THEN now() END
             FROM (SELECT string_agg(bytes, ''::bytea ORDER BY piece) AS whole FROM attachment_pieces
                   WHERE brand_id = $1 AND attachment_id = $2) w
             WHERE a.brand_id = $1 AND a.id = $2 RETURNING a.completed_at IS NOT NULL AS complete`,
            [p.brandId, p.attachmentId],
          );
          await execute(tx, `DELETE FROM attachment_pieces WHERE brand_id = $1 AND attachment_id = $2`, [
            p.brandId,
            p.attachmentId,
          ]);
          added = { ...added, complete: done.complete };
        }
      }
      const state =
        added ??
        (await selectMaybe(
          tx,
          AppendedRow,
          `SELECT received_bytes AS received, size_bytes, completed_at IS NOT NULL AS complete, next_piece, uploaded_by
           FROM attachments WHERE brand_id = $1 AND id = $2`,
          [p.brandId, p.attachmentId],
        ));
      if (!state || state.uploaded_by !== p.agentId) throw DomainError.notFound('attachment', p.attachmentId);
      if (!added && p.index >= state.next_piece) {
        throw new DomainError(ErrorCode.BadUserInput, 'piece out of order or larger than the staged size', {
          reason: 'MEDIA_PIECE_REJECTED',
          expectedIndex: state.next_piece,
        });
      }
      if (state.received === state.size_bytes && !state.complete) {
        throw new DomainError(ErrorCode.BadUserInput, 'the media does not match its SHA-256', {
          reason: 'MEDIA_CORRUPT',
        });
      }

      return { receivedBytes: state.received, complete: state.complete };
    });
  }

  async meta(brandId: string, ids: readonly string[]): Promise<AttachmentMeta[]> {
    return withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        AttachmentMetaRow,
        `SELECT id, uploaded_by, media_type, kind, size_bytes, completed_at IS NOT NULL AS complete, message_id
         FROM attachments WHERE brand_id = $1 AND id = ANY($2::uuid[])`,
        [brandId, ids],
      ),
    );
  }

  /**
   * Inside the post's recording transaction: the attachments become this message's. CONFLICT
   * `ATTACHMENT_IN_USE` when another post took one meanwhile (the transaction rolls back).
   */
  async bind(tx: EntityManager, brandId: string, ids: readonly string[], messageId: string): Promise<void> {
    const bound = await selectRows(
      tx,
      IdRow,
      `UPDATE attachments SET message_id = $3 WHERE brand_id = $1 AND id = ANY($2::uuid[])
         AND message_id IS NULL AND completed_at IS NOT NULL RETURNING id`,
      [brandId, ids, messageId],
    );
    if (bound.length !== new Set(ids).size) {
      throw new DomainError(ErrorCode.Conflict, 'an attachment is already on another post', {
        reason: 'ATTACHMENT_IN_USE',
      });
    }
  }

  async forUpload(brandId: string, id: string): Promise<AttachmentUpload> {
    return withBrand(this.ds, brandId, (tx) =>
      selectOne(
        tx,
        UploadRow,
        `SELECT id, media_type, kind, bytes, x_media_id, x_uploaded_at FROM attachments WHERE brand_id = $1 AND id = $2`,
        [brandId, id],
      ),
    );
  }

  /** X has the bytes under this media id: a retry of the post attaches it instead of uploading again. */
  async recordXUpload(brandId: string, id: string, xMediaId: string): Promise<void> {
    await withBrand(this.ds, brandId, (tx) =>
      execute(
        tx,
        `UPDATE attachments SET x_media_id = $3, x_uploaded_at = now() WHERE brand_id = $1 AND id = $2`,
        [brandId, id, xMediaId],
      ),
    );
  }

  /**
   * Deletes what agents uploaded but no post took before `cutoff` (a draft abandoned, a refused
   * reply never retried): the brands come from the owner-run `stale_attachment_brands`, then each
   * brand's rows go under that brand. Answers how many were deleted.
   */
  async deleteStale(cutoff: Date): Promise<number> {
    const brands = await selectRows(
      this.ds,
      StaleBrandRow,
      `SELECT brand_id FROM stale_attachment_brands($1) AS b(brand_id)`,
      [cutoff],
    );
    let deleted = 0;
    for (const { brand_id: brandId } of brands) {
      const rows = await withBrand(this.ds, brandId, (tx) =>
        selectRows(
          tx,
          IdRow,
          `DELETE FROM attachments WHERE brand_id = $1 AND message_id IS NULL AND created_at < $2 RETURNING id`,
          [brandId, cutoff],
        ),
      );
      deleted += rows.length;
    }

    return deleted;
  }
}

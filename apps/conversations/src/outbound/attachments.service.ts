import { Injectable, Logger } from '@nestjs/common';
import { ATTACHMENT_PIECE_BYTES, DomainError, ErrorCode, type MediaItem } from '@roost/contracts';
import { checkAttachmentSet, MEDIA_LIMITS, sniffMedia } from '@roost/x-text';
import type { EUploadMimeType, TwitterApi } from 'twitter-api-v2';
import { AttachmentsRepository } from '../data/attachments.repository';

/** X keeps an uploaded media id usable for 24 hours; after 23 the bytes are uploaded again. */
const X_MEDIA_REUSE_MS = 23 * 3_600_000;
/** What agents may attach: images and GIFs (videos would need X's async processing path and a larger store). */
const ATTACHABLE = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

function badInput(message: string, details: Record<string, unknown>): DomainError {
  return new DomainError(ErrorCode.BadUserInput, message, details);
}

/**
 * Agents' media: staged in pieces (checked against X's types and limits, type taken from the bytes),
 * validated as a set before anything is recorded or posted, and uploaded to X once per attachment
 * at post time (the media id is stored, so a retried or reconciled post attaches the same upload).
 */
@Injectable()
export class AttachmentsService {
  private readonly log = new Logger(AttachmentsService.name);

  constructor(private readonly repo: AttachmentsRepository) {}

  async stage(p: {
    brandId: string;
    agentId: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
  }): Promise<{ attachmentId: string }> {
    if (!ATTACHABLE.has(p.mediaType)) {
      throw badInput('only JPEG, PNG, GIF and WEBP images can be attached', {
        reason: 'UNSUPPORTED_MEDIA_TYPE',
        mediaType: p.mediaType,
      });
    }
    const kind = p.mediaType === 'image/gif' ? 'animated_gif' : 'photo';
    if (p.sizeBytes > MEDIA_LIMITS[kind]) {
      throw badInput(`larger than X's ${MEDIA_LIMITS[kind]} bytes for this type`, {
        reason: 'MEDIA_TOO_LARGE',
        sizeBytes: p.sizeBytes,
        limitBytes: MEDIA_LIMITS[kind],
      });
    }
    const attachmentId = await this.repo.stage({ ...p, kind });

    return { attachmentId };
  }

  async append(p: {
    brandId: string;
    agentId: string;
    attachmentId: string;
    index: number;
    data: string;
  }): Promise<{ receivedBytes: number; complete: boolean }> {
    const bytes = Buffer.from(p.data, 'base64');
    if (bytes.length === 0 || bytes.length > ATTACHMENT_PIECE_BYTES) {
      throw badInput(`a piece holds 1 to ${ATTACHMENT_PIECE_BYTES} bytes`, {
        reason: 'MEDIA_PIECE_REJECTED',
      });
    }
    if (p.index === 0) {
      // The bytes decide the type, not the caller's word: the first piece must be what was staged.
      const [meta] = await this.repo.meta(p.brandId, [p.attachmentId]);
      const sniffed = sniffMedia(bytes);
      if (meta && (!sniffed || sniffed.mediaType !== meta.media_type)) {
        throw badInput('the file is not the image type it was staged as', {
          reason: 'UNSUPPORTED_MEDIA_TYPE',
          mediaType: sniffed?.mediaType ?? null,
        });
      }
    }

    return this.repo.append({ ...p, bytes });
  }

  /**
   * The attachments of a post, checked before anything is recorded: the caller's own, complete,
   * on no other post, and a set X takes on this channel (at most 4 images or one GIF; one on a
   * DM). Answers the message's media.
   */
  async validate(p: {
    brandId: string;
    agentId: string;
    attachmentIds: readonly string[];
    channel: 'public' | 'dm';
  }): Promise<MediaItem[]> {
    const ids = [...new Set(p.attachmentIds)];
    if (ids.length === 0) return [];
    if (ids.length !== p.attachmentIds.length) {
      throw badInput('an attachment is named twice', { reason: 'DUPLICATE_ATTACHMENT' });
    }
    const rows = await this.repo.meta(p.brandId, ids);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const r = byId.get(id);
      if (!r || r.uploaded_by !== p.agentId) throw DomainError.notFound('attachment', id);
      if (!r.complete) {
        throw badInput('the attachment is not fully uploaded', { reason: 'ATTACHMENT_INCOMPLETE', id });
      }
      if (r.message_id) {
        throw new DomainError(ErrorCode.Conflict, 'the attachment is already on another post', {
          reason: 'ATTACHMENT_IN_USE',
          id,
        });
      }
    }
    const ordered = ids.map((id) => byId.get(id)!);
    const problem = checkAttachmentSet(
      ordered.map((r) => ({ kind: r.kind, sizeBytes: r.size_bytes })),
      p.channel,
    );
    if (problem) {
      const words =
        problem.reason === 'TOO_MANY_ATTACHMENTS'
          ? `X takes at most ${problem.max} ${problem.max === 1 ? 'image on a DM' : 'images on a post'}`
          : problem.reason === 'MEDIA_MIX_NOT_ALLOWED'
            ? 'a GIF goes alone: X does not post it with other images'
            : `larger than X's ${problem.limitBytes} bytes for this type`;
      throw badInput(words, { ...problem });
    }

    return ordered.map((r) => ({ key: r.id, type: r.kind }));
  }

  /**
   * X media ids for a post's attachments: an upload recorded earlier (within X's 24 hours) is
   * reused, otherwise the bytes are uploaded now (twitter-api-v2's v2 chunked upload) and the id
   * recorded before the post is attempted.
   */
  async xMediaIds(
    client: TwitterApi,
    brandId: string,
    attachmentIds: readonly string[],
    target: 'tweet' | 'dm',
  ): Promise<string[]> {
    const out: string[] = [];
    for (const id of attachmentIds) {
      const a = await this.repo.forUpload(brandId, id);
      if (a.x_media_id && a.x_uploaded_at && Date.now() - a.x_uploaded_at.getTime() < X_MEDIA_REUSE_MS) {
        out.push(a.x_media_id);
        continue;
      }
      // X's media_category says where the media goes: a DM's must be uploaded as dm_image / dm_gif.
      const mediaId = await client.v2.uploadMedia(Buffer.from(a.bytes), {
        media_type: a.media_type as EUploadMimeType,
        media_category: `${target}_${a.kind === 'animated_gif' ? 'gif' : a.kind === 'video' ? 'video' : 'image'}`,
      });
      await this.repo.recordXUpload(brandId, id, mediaId);
      this.log.log({ attachmentId: id, mediaId }, 'attachment uploaded to X');
      out.push(mediaId);
    }

    return out;
  }
}

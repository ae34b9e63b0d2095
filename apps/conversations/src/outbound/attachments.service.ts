import { Inject, Injectable, Logger } from '@nestjs/common';
import { ROOST_ENV, type ConversationsEnv, type RoostEnv } from '@roost/config';
import { ATTACHMENT_PIECE_BYTES, DomainError, ErrorCode, type MediaItem } from '@roost/contracts';
import { classifyPostError } from '@roost/x-client';
import { checkAttachmentSet, MEDIA_LIMITS, sniffMedia } from '@roost/x-text';
import type { EUploadMimeType, TwitterApi } from 'twitter-api-v2';
import { AttachmentsRepository } from '../data/attachments.repository';

/** X keeps an uploaded media id usable for 24 hours; after 23 the bytes are uploaded again. */
const X_MEDIA_REUSE_MS = 23 * 3_600_000;
/** What agents may attach: images and GIFs (videos would need X's async processing path and a larger store). */
const ATTACHABLE = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/**
 * An attachment's upload to X failed. `refused`: X said no (a 4xx, or its processing of the media
 * failed), nothing will change on a retry; `unknown`: a 5xx, a timeout, a lost connection or our
 * own database: worth another attempt, later.
 */
export class MediaUploadError extends Error {
  constructor(
    readonly kind: 'refused' | 'unknown',
    readonly status: number | null,
    readonly detail: string,
  ) {
    super(`media upload ${kind}: ${detail}`);
  }

  static of(err: unknown): MediaUploadError {
    if (err instanceof MediaUploadError) return err;
    const x = classifyPostError(err);
    if (x) return new MediaUploadError(x.kind === 'refused' ? 'refused' : 'unknown', x.status, x.detail);
    const message = err instanceof Error ? err.message : String(err);
    // twitter-api-v2's STATUS poll throws a plain Error when X's processing_info says `failed`.
    if (/media processing failed/i.test(message)) return new MediaUploadError('refused', null, message);

    return new MediaUploadError('unknown', null, message);
  }
}

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
  private readonly settings: ConversationsEnv;

  constructor(
    private readonly repo: AttachmentsRepository,
    @Inject(ROOST_ENV) env: RoostEnv,
  ) {
    this.settings = env.conversations;
  }

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
    const attachmentId = await this.repo.stage({
      ...p,
      kind,
      quotaAgentBytes: this.settings.attachmentQuotaPerAgentBytes,
      quotaBrandBytes: this.settings.attachmentQuotaPerBrandBytes,
    });

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
   * recorded before the post is attempted. Every failure is a MediaUploadError (refused or
   * unknown); one attachment's upload taking longer than CONVERSATIONS_MEDIA_UPLOAD_TIMEOUT_MS is
   * unknown (the caller keeps its lease renewed meanwhile).
   */
  async xMediaIds(
    client: TwitterApi,
    brandId: string,
    attachmentIds: readonly string[],
    target: 'tweet' | 'dm',
  ): Promise<string[]> {
    const out: string[] = [];
    for (const id of attachmentIds) {
      try {
        out.push(await this.xMediaId(client, brandId, id, target));
      } catch (err) {
        throw MediaUploadError.of(err);
      }
    }

    return out;
  }

  private async xMediaId(
    client: TwitterApi,
    brandId: string,
    id: string,
    target: 'tweet' | 'dm',
  ): Promise<string> {
    const a = await this.repo.forUpload(brandId, id);
    if (a.x_media_id && a.x_uploaded_at && Date.now() - a.x_uploaded_at.getTime() < X_MEDIA_REUSE_MS) {
      return a.x_media_id;
    }
    // X's media_category says where the media goes: a DM's must be uploaded as dm_image / dm_gif.
    const upload = client.v2.uploadMedia(Buffer.from(a.bytes), {
      media_type: a.media_type as EUploadMimeType,
      media_category: `${target}_${a.kind === 'animated_gif' ? 'gif' : a.kind === 'video' ? 'video' : 'image'}`,
    });
    const mediaId = await withTimeout(upload, this.settings.mediaUploadTimeoutMs);
    await this.repo.recordXUpload(brandId, id, mediaId);
    this.log.log({ attachmentId: id, mediaId }, 'attachment uploaded to X');

    return mediaId;
  }
}

/** `p`, or an unknown MediaUploadError after `ms` (the upload itself cannot be cancelled; its answer is dropped). */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new MediaUploadError('unknown', null, `no answer from X within ${ms} ms`)),
      ms,
    );
  });
  p.catch(() => undefined);

  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

import type { InjectMediaInput, SimMedia, SimMediaType } from '../x-sim.types';

/** X's media key prefixes: 3_ photo, 7_ video, 16_ animated GIF. */
const KEY_PREFIX: Record<SimMediaType, string> = { photo: '3', video: '7', animated_gif: '16' };

/** X's upload limits (docs.x.com media best practices): bytes per media type. */
export const MEDIA_LIMITS = {
  image: 5 * 1024 * 1024,
  gif: 15 * 1024 * 1024,
  video: 512 * 1024 * 1024,
} as const;

/** The media types X's upload accepts (images, GIF, MP4/MOV video). */
const MEDIA_TYPES: Record<string, SimMediaType> = {
  'image/jpeg': 'photo',
  'image/png': 'photo',
  'image/webp': 'photo',
  'image/gif': 'animated_gif',
  'video/mp4': 'video',
  'video/quicktime': 'video',
};

/** An upload is usable for 24 hours after it was initialised (`expires_after_secs`). */
export const UPLOAD_EXPIRES_SECS = 86_400;

export interface SimUpload {
  id: string;
  mediaKey: string;
  ownerId: string;
  mediaType: string;
  type: SimMediaType;
  /** `media_category` as the app declared it (`tweet_image`, `dm_gif`, …). */
  category?: string;
  totalBytes: number;
  segments: Map<number, Buffer>;
  state: 'initialized' | 'finalized';
  /** Videos: X processes them after FINALIZE; the first STATUS after that reports success. */
  processing?: 'pending' | 'succeeded' | 'failed';
  /** Under a processing rule (`POST /sim/media/processing`): STATUS looks still answered pending. */
  checksLeft?: number;
  /** Under a processing rule: what processing ends in. */
  processingOutcome?: 'succeeded' | 'failed';
  createdAt: number;
}

/**
 * Test side: uploads of these types are processed after FINALIZE (GIFs too, as X does for
 * `tweet_gif`), answer `pending` (check again in 1 s) to `checks` STATUS looks, then `outcome`.
 */
export interface MediaProcessingRule {
  types: SimMediaType[];
  checks: number;
  outcome: 'succeeded' | 'failed';
}

export class MediaUploadError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

function limitOf(type: SimMediaType): number {
  return type === 'photo'
    ? MEDIA_LIMITS.image
    : type === 'animated_gif'
      ? MEDIA_LIMITS.gif
      : MEDIA_LIMITS.video;
}

/**
 * The emulated X's media: customers' photos, GIFs and videos (served in `includes.media`), and
 * what apps upload through `POST /2/media/upload/initialize|:id/append|:id/finalize` before they
 * attach it to a post by `media_ids`.
 */
export class MediaLibrary {
  private readonly media = new Map<string, SimMedia>();
  private readonly uploads = new Map<string, SimUpload>();

  constructor(
    private readonly nextId: () => string,
    private readonly clock: () => number,
  ) {}

  /** The processing rule for later uploads (none: only videos are processed, at the first look). */
  processingRule: MediaProcessingRule | undefined;

  reset(): void {
    this.processingRule = undefined;
    this.media.clear();
    this.uploads.clear();
  }

  get(key: string): SimMedia | undefined {
    return this.media.get(key);
  }

  /** A customer's media, as X hosts it on pbs.twimg.com / video.twimg.com. */
  create(input: InjectMediaInput): SimMedia {
    const id = this.nextId();
    const key = `${KEY_PREFIX[input.type]}_${id}`;
    const width = input.width ?? 1200;
    const height = input.height ?? 900;
    const m: SimMedia =
      input.type === 'photo'
        ? { media_key: key, type: 'photo', url: `https://pbs.twimg.com/media/${id}.jpg`, width, height }
        : {
            media_key: key,
            type: input.type,
            preview_image_url: `https://pbs.twimg.com/${input.type === 'video' ? 'ext_tw_video_thumb' : 'tweet_video_thumb'}/${id}/pu/img/${id}.jpg`,
            width,
            height,
            variants:
              input.type === 'video'
                ? [
                    {
                      bit_rate: 832000,
                      content_type: 'video/mp4',
                      url: `https://video.twimg.com/ext_tw_video/${id}/pu/vid/640x360/${id}.mp4`,
                    },
                    {
                      content_type: 'application/x-mpegURL',
                      url: `https://video.twimg.com/ext_tw_video/${id}/pu/pl/${id}.m3u8`,
                    },
                  ]
                : [
                    {
                      bit_rate: 0,
                      content_type: 'video/mp4',
                      url: `https://video.twimg.com/tweet_video/${id}.mp4`,
                    },
                  ],
            ...(input.type === 'video' ? { duration_ms: input.durationMs ?? 12_000 } : {}),
          };
    if (input.altText) m.alt_text = input.altText;
    this.media.set(key, m);

    return m;
  }

  initialize(p: { ownerId: string; mediaType: string; totalBytes: number; category?: string }): SimUpload {
    const type = MEDIA_TYPES[p.mediaType];
    if (!type) throw new MediaUploadError(`Unsupported media_type: ${p.mediaType}`, 'media_type');
    if (!Number.isInteger(p.totalBytes) || p.totalBytes <= 0) {
      throw new MediaUploadError('total_bytes must be a positive integer', 'total_bytes');
    }
    if (p.totalBytes > limitOf(type)) {
      throw new MediaUploadError(`File size exceeds ${limitOf(type)} bytes.`, 'total_bytes');
    }
    const id = this.nextId();
    const upload: SimUpload = {
      id,
      mediaKey: `${KEY_PREFIX[type]}_${id}`,
      ownerId: p.ownerId,
      mediaType: p.mediaType,
      type,
      ...(p.category ? { category: p.category } : {}),
      totalBytes: p.totalBytes,
      segments: new Map(),
      state: 'initialized',
      createdAt: this.clock(),
    };
    this.uploads.set(id, upload);

    return upload;
  }

  /** The caller's live upload (not expired), else undefined. */
  upload(id: string, ownerId: string): SimUpload | undefined {
    const u = this.uploads.get(id);
    if (!u || u.ownerId !== ownerId) return undefined;
    if (this.clock() - u.createdAt > UPLOAD_EXPIRES_SECS * 1000) return undefined;

    return u;
  }

  append(u: SimUpload, index: number, bytes: Buffer): void {
    if (u.state !== 'initialized') throw new MediaUploadError('Media already finalized', 'media_id');
    if (!Number.isInteger(index) || index < 0 || index > 999) {
      throw new MediaUploadError('segment_index must be an integer from 0 to 999', 'segment_index');
    }
    u.segments.set(index, bytes);
  }

  finalize(u: SimUpload): void {
    if (u.state === 'finalized') return;
    const size = [...u.segments.values()].reduce((n, b) => n + b.length, 0);
    if (size !== u.totalBytes) {
      throw new MediaUploadError(`File size mismatch: received ${size} of ${u.totalBytes} bytes`, 'media_id');
    }
    u.state = 'finalized';
    const rule = this.processingRule;
    if (rule?.types.includes(u.type)) {
      u.processing = 'pending';
      u.checksLeft = rule.checks;
      u.processingOutcome = rule.outcome;
    } else if (u.type === 'video') u.processing = 'pending';
    const m = this.create({ type: u.type });
    this.media.delete(m.media_key);
    this.media.set(u.mediaKey, {
      ...m,
      media_key: u.mediaKey,
      size,
      ...(u.category ? { category: u.category } : {}),
    });
  }

  /** `GET /2/media/upload?command=STATUS`: a video's processing finishes on the first look. */
  status(u: SimUpload): SimUpload['processing'] {
    if (u.processingOutcome && u.processing === 'pending') {
      if ((u.checksLeft ?? 0) > 0) {
        u.checksLeft = (u.checksLeft ?? 0) - 1;

        return 'pending';
      }
      u.processing = u.processingOutcome;

      return u.processing;
    }
    const now = u.processing;
    if (u.processing === 'pending') u.processing = 'succeeded';

    return now;
  }

  /**
   * The media of a post: every id a finalized, processed, unexpired upload of the poster; at most 4
   * photos, or one GIF or video (X: "Your media IDs are invalid" otherwise). Returns the media keys.
   */
  attach(ownerId: string, mediaIds: readonly string[], opts: { max: number }): string[] {
    if (mediaIds.length === 0 || mediaIds.length > opts.max) {
      throw new MediaUploadError(`media_ids must hold 1 to ${opts.max} ids`, 'media.media_ids');
    }
    const uploads = mediaIds.map((id) => {
      const u = this.upload(id, ownerId);
      if (!u || u.state !== 'finalized' || u.processing === 'pending' || u.processing === 'failed') {
        throw new MediaUploadError('Your media IDs are invalid.', 'media.media_ids');
      }

      return u;
    });
    if (uploads.length > 1 && uploads.some((u) => u.type !== 'photo')) {
      throw new MediaUploadError('Your media IDs are invalid.', 'media.media_ids');
    }

    return uploads.map((u) => u.mediaKey);
  }

  /** What an app uploaded and attached (tests): size and type by media key. */
  uploaded(key: string): SimMedia | undefined {
    const m = this.media.get(key);

    return m?.size !== undefined ? m : undefined;
  }
}

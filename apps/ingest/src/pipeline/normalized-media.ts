import type { MediaItem } from '@roost/contracts';
import type { MediaObjectV2 } from 'twitter-api-v2';

export type MediaById = ReadonlyMap<string, MediaObjectV2>;

const TYPES = new Set<MediaItem['type']>(['photo', 'animated_gif', 'video']);
const MAX_URL = 2048;
/** X allows 4 photos, or 1 GIF or video, per post. */
const MAX_MEDIA = 4;

/** `includes.media` of a page by media key (absent or malformed entries are skipped). */
export function mediaByKey(media: readonly MediaObjectV2[] | undefined): Map<string, MediaObjectV2> {
  return new Map(
    (Array.isArray(media) ? media : [])
      .filter((m) => m && typeof m.media_key === 'string')
      .map((m) => [m.media_key, m]),
  );
}

function httpsUrl(v: unknown): string | undefined {
  return typeof v === 'string' && v.length <= MAX_URL && /^https?:\/\//i.test(v) ? v : undefined;
}

function whole(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/**
 * The media a tweet or DM names (`attachments.media_keys`) from the page's `includes.media`, as
 * the mention contract carries it: a photo's `url` is the image; a GIF's or video's `url` is its
 * best MP4 variant (highest bit rate) and `previewUrl` its still. Keys X did not expand and
 * media of an unknown type are left out; the tweet is not refused for them.
 */
export function normalizeMedia(keys: unknown, media: MediaById | undefined): MediaItem[] {
  if (!Array.isArray(keys) || !media) return [];
  const out: MediaItem[] = [];
  for (const key of keys.slice(0, MAX_MEDIA)) {
    if (typeof key !== 'string' || key.length === 0 || key.length > 64) continue;
    const m = media.get(key);
    if (!m || !TYPES.has(m.type as MediaItem['type'])) continue;
    const type = m.type as MediaItem['type'];
    const mp4 = (Array.isArray(m.variants) ? m.variants : [])
      .filter((v) => v && v.content_type === 'video/mp4' && httpsUrl(v.url))
      .sort((a, b) => (b.bit_rate ?? 0) - (a.bit_rate ?? 0))[0];
    const url = type === 'photo' ? httpsUrl(m.url) : (httpsUrl(mp4?.url) ?? httpsUrl(m.url));
    const previewUrl = type === 'photo' ? httpsUrl(m.url) : httpsUrl(m.preview_image_url);
    const width = whole(m.width);
    const height = whole(m.height);
    const durationMs = whole(m.duration_ms);
    const altText =
      typeof m.alt_text === 'string' && m.alt_text.length > 0 ? m.alt_text.slice(0, 1000) : undefined;
    out.push({
      key,
      type,
      ...(url ? { url } : {}),
      ...(previewUrl ? { previewUrl } : {}),
      ...(width !== undefined ? { width } : {}),
      ...(height !== undefined ? { height } : {}),
      ...(altText ? { altText } : {}),
      ...(durationMs !== undefined && type === 'video' ? { durationMs } : {}),
    });
  }

  return out;
}

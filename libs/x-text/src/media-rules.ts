/**
 * X's media rules for what an agent attaches (docs.x.com, media upload best practices): images
 * (JPEG, PNG, GIF, WEBP) up to 5 MB, an animated GIF up to 15 MB, an MP4 video up to 512 MB; a
 * post carries up to 4 images, or one GIF or one video; a DM carries one. The type is read from the
 * file's first bytes (its magic number), never from what the client claims.
 */
export type AttachmentKind = 'photo' | 'animated_gif' | 'video';

export const MEDIA_LIMITS: Readonly<Record<AttachmentKind, number>> = {
  photo: 5 * 1024 * 1024,
  animated_gif: 15 * 1024 * 1024,
  video: 512 * 1024 * 1024,
};

/** The most a post may carry of each kind; a DM carries one attachment. */
export const MAX_PHOTOS_PER_POST = 4;

export interface SniffedMedia {
  mediaType: 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'video/mp4';
  kind: AttachmentKind;
}

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  return bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** The media type of a file from its magic number, or null when it is none X takes. */
export function sniffMedia(bytes: Uint8Array): SniffedMedia | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', kind: 'photo' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { mediaType: 'image/png', kind: 'photo' };
  }
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) {
    return { mediaType: 'image/gif', kind: 'animated_gif' };
  }
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) {
    return { mediaType: 'image/webp', kind: 'photo' };
  }
  // ISO base media (MP4): a `ftyp` box at offset 4.
  if (startsWith(bytes, ascii('ftyp'), 4)) return { mediaType: 'video/mp4', kind: 'video' };

  return null;
}

/** Why a set of attachments cannot go on one post (or DM), or null when X takes it. */
export type AttachmentSetError =
  | { reason: 'MEDIA_TOO_LARGE'; kind: AttachmentKind; sizeBytes: number; limitBytes: number }
  | { reason: 'TOO_MANY_ATTACHMENTS'; max: number }
  | { reason: 'MEDIA_MIX_NOT_ALLOWED' };

export function checkAttachmentSet(
  items: ReadonlyArray<{ kind: AttachmentKind; sizeBytes: number }>,
  channel: 'public' | 'dm',
): AttachmentSetError | null {
  for (const a of items) {
    if (a.sizeBytes > MEDIA_LIMITS[a.kind]) {
      return {
        reason: 'MEDIA_TOO_LARGE',
        kind: a.kind,
        sizeBytes: a.sizeBytes,
        limitBytes: MEDIA_LIMITS[a.kind],
      };
    }
  }
  if (channel === 'dm' && items.length > 1) return { reason: 'TOO_MANY_ATTACHMENTS', max: 1 };
  if (items.length > MAX_PHOTOS_PER_POST) return { reason: 'TOO_MANY_ATTACHMENTS', max: MAX_PHOTOS_PER_POST };
  if (items.length > 1 && items.some((a) => a.kind !== 'photo')) return { reason: 'MEDIA_MIX_NOT_ALLOWED' };

  return null;
}

import { checkAttachmentSet, MEDIA_LIMITS, sniffMedia } from './media-rules';

const bytes = (hex: string, tail = ''): Uint8Array =>
  Buffer.concat([Buffer.from(hex, 'hex'), Buffer.from(tail)]);

describe('X media rules', () => {
  it.each([
    ['JPEG', bytes('ffd8ffe000104a464946'), { mediaType: 'image/jpeg', kind: 'photo' }],
    ['PNG', bytes('89504e470d0a1a0a0000'), { mediaType: 'image/png', kind: 'photo' }],
    ['GIF87a', Buffer.from('GIF87a....'), { mediaType: 'image/gif', kind: 'animated_gif' }],
    ['GIF89a', Buffer.from('GIF89a....'), { mediaType: 'image/gif', kind: 'animated_gif' }],
    ['WEBP', Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '), { mediaType: 'image/webp', kind: 'photo' }],
    ['MP4', bytes('00000018', 'ftypmp42'), { mediaType: 'video/mp4', kind: 'video' }],
  ])('reads %s from its magic number', (_name, file, expected) => {
    expect(sniffMedia(file)).toEqual(expected);
  });

  it.each([
    ['a PDF', Buffer.from('%PDF-1.7')],
    ['a RIFF that is not WEBP (WAV)', Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEfmt ')],
    ['HTML', Buffer.from('<html><img src=x onerror=alert(1)>')],
    ['nothing', Buffer.alloc(0)],
    ['a truncated PNG signature', bytes('89504e47')],
  ])('refuses %s', (_name, file) => {
    expect(sniffMedia(file)).toBeNull();
  });

  it('takes up to 4 images, or one GIF or video, on a post; one attachment on a DM', () => {
    const photo = { kind: 'photo' as const, sizeBytes: 1000 };
    const gif = { kind: 'animated_gif' as const, sizeBytes: 1000 };
    expect(checkAttachmentSet([photo, photo, photo, photo], 'public')).toBeNull();
    expect(checkAttachmentSet([photo, photo, photo, photo, photo], 'public')).toEqual({
      reason: 'TOO_MANY_ATTACHMENTS',
      max: 4,
    });
    expect(checkAttachmentSet([gif], 'public')).toBeNull();
    expect(checkAttachmentSet([gif, photo], 'public')).toEqual({ reason: 'MEDIA_MIX_NOT_ALLOWED' });
    expect(checkAttachmentSet([photo], 'dm')).toBeNull();
    expect(checkAttachmentSet([photo, photo], 'dm')).toEqual({ reason: 'TOO_MANY_ATTACHMENTS', max: 1 });
  });

  it('holds each kind to its own size limit: 5 MB images, 15 MB GIFs, 512 MB videos', () => {
    expect(checkAttachmentSet([{ kind: 'photo', sizeBytes: MEDIA_LIMITS.photo }], 'public')).toBeNull();
    expect(checkAttachmentSet([{ kind: 'photo', sizeBytes: MEDIA_LIMITS.photo + 1 }], 'public')).toEqual({
      reason: 'MEDIA_TOO_LARGE',
      kind: 'photo',
      sizeBytes: 5 * 1024 * 1024 + 1,
      limitBytes: 5 * 1024 * 1024,
    });
    expect(checkAttachmentSet([{ kind: 'animated_gif', sizeBytes: 15 * 1024 * 1024 }], 'public')).toBeNull();
    expect(checkAttachmentSet([{ kind: 'video', sizeBytes: 512 * 1024 * 1024 + 1 }], 'public')?.reason).toBe(
      'MEDIA_TOO_LARGE',
    );
  });
});

import { checkAttachmentSet, MEDIA_LIMITS, type AttachmentKind } from '@roost/x-text';
import type { ApiProblem } from '../api/api-error';

/** An image staged on the gateway (`POST /media`), waiting to go with the reply or DM. */
export interface StagedAttachment {
  attachmentId: string;
  name: string;
  kind: AttachmentKind;
  sizeBytes: number;
}

/** What the file picker offers: the types X takes for images (the server reads the bytes anyway). */
export const ACCEPTED_IMAGES = 'image/jpeg,image/png,image/gif,image/webp';

const MB = 1024 * 1024;

/** Refuses early what X would refuse (the gateway and conversations check again). */
export function precheck(
  file: { name: string; type: string; size: number },
  staged: readonly StagedAttachment[],
  channel: 'public' | 'dm',
): string | null {
  const kind: AttachmentKind | null =
    file.type === 'image/gif' ? 'animated_gif' : /^image\/(jpeg|png|webp)$/.test(file.type) ? 'photo' : null;
  if (!kind) return `${file.name}: only JPEG, PNG, GIF and WEBP images can be attached.`;
  const problem = checkAttachmentSet(
    [...staged.map((s) => ({ kind: s.kind, sizeBytes: s.sizeBytes })), { kind, sizeBytes: file.size }],
    channel,
  );
  if (!problem) return null;
  switch (problem.reason) {
    case 'MEDIA_TOO_LARGE':
      return `${file.name} is larger than X's ${MEDIA_LIMITS[problem.kind] / MB} MB for ${kind === 'photo' ? 'images' : 'GIFs'}.`;
    case 'TOO_MANY_ATTACHMENTS':
      return channel === 'dm' ? 'A DM carries one image.' : 'A post carries at most 4 images.';
    case 'MEDIA_MIX_NOT_ALLOWED':
      return 'A GIF goes alone: it cannot be posted with other images.';
  }
}

/** Sends the file's bytes to the gateway; answers the staged attachment or the server's problem. */
export async function uploadMedia(
  file: File,
  init: RequestInit,
): Promise<{ ok: true; staged: StagedAttachment } | { ok: false; problem: ApiProblem }> {
  let res: Response;
  try {
    res = await fetch('/media', {
      ...init,
      method: 'POST',
      headers: {
        ...(init.headers as Record<string, string>),
        'content-type': file.type || 'application/octet-stream',
      },
      body: file,
    });
  } catch {
    return {
      ok: false,
      problem: { code: 'UPSTREAM_UNAVAILABLE', message: 'The upload did not reach Roost. Try again.' },
    };
  }
  const body = (await res.json().catch(() => ({}))) as {
    attachmentId?: string;
    kind?: AttachmentKind;
    sizeBytes?: number;
    error?: { code: string; message: string; details?: { reason?: string } };
  };
  if (res.status === 201 && body.attachmentId && body.kind && body.sizeBytes) {
    return {
      ok: true,
      staged: {
        attachmentId: body.attachmentId,
        name: file.name,
        kind: body.kind,
        sizeBytes: body.sizeBytes,
      },
    };
  }
  const e = body.error;
  const reason = e?.details?.reason;

  return {
    ok: false,
    problem: {
      code: e?.code ?? 'INTERNAL',
      ...(reason ? { reason } : {}),
      message: `${file.name}: ${e?.message ?? 'the upload failed'}`,
    },
  };
}

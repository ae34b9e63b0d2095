import type { IncomingMessage } from 'node:http';
import { HttpProblem } from '../http/http-problem';
import { readJsonBody, scalarText } from '../http/http-io';
import type { Router } from '../http/router';
import type { SimContext } from '../http/sim-context';
import { requireId } from '../http/timeline-page';
import { MediaUploadError, UPLOAD_EXPIRES_SECS, type SimUpload } from '../store/media-library';

/** One APPEND segment: X takes up to 5 MB per chunk (twitter-api-v2 sends 1 MB), plus form overhead. */
const MAX_SEGMENT_BODY = 6 * 1024 * 1024;

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      throw HttpProblem.invalidRequest('Request body too large');
    }
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks);
}

/**
 * multipart/form-data parts as bytes. The WHATWG parser (`Response.formData()`) decodes a part
 * without a filename as UTF-8 text, which is how twitter-api-v2 sends `media`: binary would be lost.
 */
function multipartParts(body: Buffer, contentType: string): Map<string, Buffer> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const parts = new Map<string, Buffer>();
  if (!boundary) return parts;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start + 2, next - 2); // after CRLF, before the CRLF preceding the delimiter
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const name = /name="([^"]*)"/i.exec(part.subarray(0, headerEnd).toString('utf8'))?.[1];
      if (name !== undefined) parts.set(name, part.subarray(headerEnd + 4));
    }
    at = next;
  }

  return parts;
}

function problem(err: unknown): never {
  if (err instanceof MediaUploadError) {
    throw HttpProblem.invalidRequest(err.message, { name: err.field, value: '' });
  }
  throw err;
}

function uploadWire(u: SimUpload): Record<string, unknown> {
  return {
    id: u.id,
    media_key: u.mediaKey,
    expires_after_secs: UPLOAD_EXPIRES_SECS,
    ...(u.state === 'finalized' ? { size: u.totalBytes } : {}),
    ...(u.processing
      ? {
          processing_info:
            u.processing === 'pending'
              ? { state: 'pending', check_after_secs: 1 }
              : u.processing === 'failed'
                ? {
                    state: 'failed',
                    progress_percent: 100,
                    error: { code: 1, name: 'InvalidMedia', message: 'Unsupported media' },
                  }
                : { state: 'succeeded', progress_percent: 100 },
        }
      : {}),
  };
}

/**
 * X API v2 media upload (docs.x.com/x-api/media): `POST /2/media/upload/initialize` (JSON
 * `media_type`, `total_bytes`, `media_category`), `POST /2/media/upload/:id/append` (multipart
 * `segment_index`, `media`), `POST /2/media/upload/:id/finalize`, and `GET /2/media/upload?command=STATUS`
 * for a video's processing. Ids are strings; an upload is the uploader's and lives 24 hours.
 */
export function registerMediaRoutes(router: Router, ctx: SimContext): void {
  const own = (id: string, ownerId: string): SimUpload => {
    const u = ctx.store.media.upload(requireId('id', id) ?? '', ownerId);
    if (!u) {
      throw HttpProblem.invalidRequest('Invalid media id', { name: 'id', value: id });
    }

    return u;
  };

  router.add({
    method: 'POST',
    pattern: '/2/media/upload/initialize',
    auth: 'user',
    handler: async ({ req, auth }) => {
      const body = await readJsonBody(req);
      try {
        const u = ctx.store.media.initialize({
          ownerId: auth.user!.id,
          mediaType: scalarText(body.media_type) ?? '',
          totalBytes: Number(body.total_bytes),
          category: scalarText(body.media_category),
        });

        return { status: 200, body: { data: uploadWire(u) } };
      } catch (err) {
        return problem(err);
      }
    },
  });

  router.add({
    method: 'POST',
    pattern: '/2/media/upload/:id/append',
    auth: 'user',
    handler: async ({ req, auth, params }) => {
      const u = own(params.id, auth.user!.id);
      const raw = await readBody(req, MAX_SEGMENT_BODY);
      const form = multipartParts(raw, req.headers['content-type'] ?? '');
      const bytes = form.get('media');
      const index = Number(form.get('segment_index')?.toString('utf8'));
      if (!bytes) {
        throw HttpProblem.invalidRequest('`media` is required (multipart/form-data)', {
          name: 'media',
          value: '',
        });
      }
      try {
        ctx.store.media.append(u, index, bytes);
      } catch (err) {
        return problem(err);
      }

      return {
        status: 200,
        body: { data: { expires_at: Math.floor(u.createdAt / 1000) + UPLOAD_EXPIRES_SECS } },
      };
    },
  });

  router.add({
    method: 'POST',
    pattern: '/2/media/upload/:id/finalize',
    auth: 'user',
    handler: ({ auth, params }) => {
      const u = own(params.id, auth.user!.id);
      try {
        ctx.store.media.finalize(u);
      } catch (err) {
        return problem(err);
      }

      return { status: 200, body: { data: uploadWire(u) } };
    },
  });

  router.add({
    method: 'GET',
    pattern: '/2/media/upload',
    auth: 'user',
    handler: ({ auth, query }) => {
      if (query.get('command') !== 'STATUS') {
        throw HttpProblem.invalidRequest('`command` must be STATUS', {
          name: 'command',
          value: query.get('command') ?? '',
        });
      }
      const u = own(query.get('media_id') ?? '', auth.user!.id);
      const before = ctx.store.media.status(u);

      return { status: 200, body: { data: uploadWire({ ...u, ...(before ? { processing: before } : {}) }) } };
    },
  });

  /**
   * Test side: later uploads of `types` (default GIFs and videos) stay `pending` for `checks` STATUS
   * looks (1 s apart, as X asks), then end `outcome` (`failed`: X's "processing failed"). An empty
   * body removes the rule.
   */
  router.add({
    method: 'POST',
    pattern: '/sim/media/processing',
    auth: 'none',
    handler: async ({ req }) => {
      const body = await readJsonBody(req);
      if (body.checks === undefined && body.outcome === undefined) {
        ctx.store.media.processingRule = undefined;

        return { status: 201, body: { rule: null } };
      }
      const checks = Number(body.checks ?? 0);
      const outcome = body.outcome ?? 'succeeded';
      if (!Number.isInteger(checks) || checks < 0 || (outcome !== 'succeeded' && outcome !== 'failed')) {
        throw HttpProblem.invalidRequest('`checks` must be an integer ≥ 0, `outcome` succeeded or failed', {
          name: 'checks',
          value: String(body.checks),
        });
      }
      const types = Array.isArray(body.types)
        ? (body.types as unknown[]).filter(
            (t): t is 'photo' | 'animated_gif' | 'video' =>
              t === 'photo' || t === 'animated_gif' || t === 'video',
          )
        : (['animated_gif', 'video'] as const).slice();
      const rule = { types, checks, outcome: outcome as 'succeeded' | 'failed' };
      ctx.store.media.processingRule = rule;

      return { status: 201, body: { rule } };
    },
  });

  /** Test side: what an app uploaded, by media key (size and type), or 404. */
  router.add({
    method: 'GET',
    pattern: '/sim/media/:key',
    auth: 'none',
    handler: ({ params }) => {
      const m = ctx.store.media.uploaded(params.key);
      if (!m) {
        throw HttpProblem.notFound(`media ${params.key} not uploaded`);
      }

      return { status: 200, body: { data: m } };
    },
  });
}

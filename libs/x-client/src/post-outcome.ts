import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2';

/**
 * What a failed write to X (a post, a reply, a DM) tells about the write itself. X has no
 * idempotency key (RELIABILITY.md): only a clear refusal proves nothing was posted.
 *
 * - `refused`: X answered and refused (400 invalid, 401, 403 not allowed, 404): nothing is on X.
 * - `duplicate`: 403 "duplicate content": X already holds this text from this account. After an
 *   unclear attempt of the same post it means that attempt went through.
 * - `unknown`: anything else (5xx, 429, 408, a timeout, a reset connection, a cut-off answer): the
 *   write may be on X. Look before writing again.
 */
export type PostFailure =
  | { kind: 'refused'; status: number; detail: string }
  | { kind: 'duplicate'; status: 403; detail: string }
  | { kind: 'unknown'; status: number | null; detail: string };

/** X answered a write with success but without the id of what it wrote: an unknown outcome. */
export class PostWithoutIdError extends Error {}

/** 4xx statuses that do not say the request was refused: it may have been carried out. */
const UNCLEAR_4XX = new Set([408, 429]);

/** X's problem detail (v2 `detail`, else `title`), else the library's message. */
export function xErrorDetail(err: ApiResponseError): string {
  const data = err.data as
    { detail?: unknown; title?: unknown; errors?: Array<{ message?: unknown }> } | undefined;
  const detail =
    typeof data?.detail === 'string' ? data.detail : typeof data?.title === 'string' ? data.title : undefined;
  const v1 = typeof data?.errors?.[0]?.message === 'string' ? data.errors[0].message : undefined;

  return detail ?? v1 ?? err.message;
}

/**
 * Classifies a failed write. Returns null for an error that did not come from talking to X (a bug
 * of ours before the request was made): the caller rethrows it.
 */
export function classifyPostError(err: unknown): PostFailure | null {
  if (err instanceof ApiResponseError) {
    const detail = xErrorDetail(err);
    if (err.code === 403 && /duplicate/i.test(detail)) return { kind: 'duplicate', status: 403, detail };
    if (err.code >= 400 && err.code < 500 && !UNCLEAR_4XX.has(err.code)) {
      return { kind: 'refused', status: err.code, detail };
    }

    return { kind: 'unknown', status: err.code, detail };
  }
  if (err instanceof ApiPartialResponseError) {
    return { kind: 'unknown', status: err.response.statusCode ?? null, detail: err.message };
  }
  if (err instanceof ApiRequestError || err instanceof PostWithoutIdError) {
    return { kind: 'unknown', status: null, detail: err.message };
  }

  return null;
}

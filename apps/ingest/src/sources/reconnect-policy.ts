import { ApiResponseError } from 'twitter-api-v2';

/**
 * X's documented reconnect rules for the filtered stream (RELIABILITY.md): network errors back off
 * linearly by 250 ms up to 16 s; HTTP errors exponentially from 5 s up to 320 s; 429 exponentially
 * from 60 s (capped at 15 min).
 */
export function streamRetryDelayMs(tryOccurrence: number, error?: unknown): number {
  const n = Math.max(1, tryOccurrence);
  const status = error instanceof ApiResponseError ? error.code : (error as { code?: unknown })?.code;
  if (status === 429) return Math.min(15 * 60_000, 60_000 * 2 ** (n - 1));
  if (typeof status === 'number' && status >= 400) return Math.min(320_000, 5000 * 2 ** (n - 1));

  return Math.min(16_000, 250 * n);
}

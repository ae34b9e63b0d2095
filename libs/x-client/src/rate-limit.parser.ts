/** X's per-endpoint rate-limit window as sent in `x-rate-limit-*` headers. */
export interface XRateLimit {
  limit: number;
  remaining: number;
  /** Epoch seconds at which the window resets. */
  reset: number;
}

type HeaderBag = Record<string, string | string[] | number | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  if (value === undefined) {
    return undefined;
  }

  return Array.isArray(value) ? value[0] : String(value);
}

/** Parses `x-rate-limit-limit/remaining/reset`; undefined when any is missing or not a number. */
export function parseRateLimitHeaders(headers: HeaderBag): XRateLimit | undefined {
  const limit = Number(header(headers, 'x-rate-limit-limit'));
  const remaining = Number(header(headers, 'x-rate-limit-remaining'));
  const reset = Number(header(headers, 'x-rate-limit-reset'));
  if (
    ![limit, remaining, reset].every((n) => Number.isFinite(n)) ||
    header(headers, 'x-rate-limit-limit') === undefined
  ) {
    return undefined;
  }

  return { limit, remaining, reset };
}

/** Milliseconds to wait until the window resets (0 when already past), from a parsed limit. */
export function msUntilReset(rateLimit: XRateLimit, nowMs: number = Date.now()): number {
  return Math.max(0, rateLimit.reset * 1000 - nowMs);
}

import { SnowflakeIdGenerator, compareIds } from '../store/snowflake-id.generator';
import type { SimTweet } from '../x-sim.types';
import { HttpProblem } from './http-problem';

export interface TimelinePage<T> {
  items: T[];
  meta: Record<string, unknown>;
}

const ID_RE = /^[0-9]{1,19}$/;

export function requireId(name: string, value: string | null): string | undefined {
  if (value === null || value === '') {
    return undefined;
  }
  if (!ID_RE.test(value)) {
    throw HttpProblem.invalidRequest(
      `The \`${name}\` query parameter value [${value}] does not match ^[0-9]{1,19}$`,
      { name, value },
    );
  }

  return value;
}

export function maxResults(
  query: URLSearchParams,
  bounds: { min: number; max: number; fallback: number },
): number {
  const raw = query.get('max_results');
  if (raw === null) {
    return bounds.fallback;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < bounds.min || n > bounds.max) {
    throw HttpProblem.invalidRequest(
      `The \`max_results\` query parameter value [${raw}] is not between ${bounds.min} and ${bounds.max}`,
      { name: 'max_results', value: raw },
    );
  }

  return n;
}

/** Opaque to clients; here it encodes the id below which the next page starts. */
export function encodeToken(lastId: string): string {
  return `p${BigInt(lastId).toString(36)}`;
}

export function decodeToken(name: string, token: string): string {
  if (!/^p[0-9a-z]+$/.test(token)) {
    throw HttpProblem.invalidRequest(`The \`${name}\` query parameter value [${token}] is not valid`, {
      name,
      value: token,
    });
  }
  let n = 0n;
  for (const ch of token.slice(1)) {
    n = n * 36n + BigInt(parseInt(ch, 36));
  }

  return n.toString();
}

function timeBound(query: URLSearchParams, name: string): string | undefined {
  const raw = query.get(name);
  if (!raw) {
    return undefined;
  }
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) {
    throw HttpProblem.invalidRequest(`Invalid ${name} [${raw}]: expected ISO 8601`, { name, value: raw });
  }

  return SnowflakeIdGenerator.floorForTime(ms);
}

/**
 * One page of a newest-first tweet timeline with X's since_id / until_id / start_time /
 * end_time / token semantics; `meta` carries result_count, newest_id, oldest_id, next_token.
 */
export function pageTimeline(params: {
  tweets: SimTweet[];
  query: URLSearchParams;
  tokenParam: 'pagination_token' | 'next_token';
  limit: number;
}): TimelinePage<SimTweet> {
  const q = params.query;
  const since = requireId('since_id', q.get('since_id'));
  const until = requireId('until_id', q.get('until_id'));
  const start = timeBound(q, 'start_time');
  const end = timeBound(q, 'end_time');
  const token = q.get(params.tokenParam);
  const below = token ? decodeToken(params.tokenParam, token) : undefined;
  const eligible = params.tweets
    .filter(
      (t) =>
        (!since || compareIds(t.id, since) > 0) &&
        (!until || compareIds(t.id, until) < 0) &&
        (!start || compareIds(t.id, start) >= 0) &&
        (!end || compareIds(t.id, end) < 0) &&
        (!below || compareIds(t.id, below) < 0),
    )
    .sort((a, b) => compareIds(b.id, a.id));
  const items = eligible.slice(0, params.limit);
  const meta: Record<string, unknown> = { result_count: items.length };
  if (items.length) {
    meta.newest_id = items[0].id;
    meta.oldest_id = items[items.length - 1].id;
  }
  if (eligible.length > items.length) {
    meta.next_token = encodeToken(items[items.length - 1].id);
  }

  return { items, meta };
}

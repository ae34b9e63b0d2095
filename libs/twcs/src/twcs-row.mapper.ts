import type { TwcsRow } from './twcs.types';
import { TwcsParseError } from './twcs.types';

const COLUMNS = [
  'tweet_id',
  'author_id',
  'inbound',
  'created_at',
  'text',
  'response_tweet_id',
  'in_response_to_tweet_id',
] as const;
type Column = (typeof COLUMNS)[number];

const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};
const CREATED_AT_RE = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

/** `3.0` (pandas wrote ids as floats) and `3` both mean tweet 3. */
export function normalizeId(raw: string, record: number): string | undefined {
  const s = raw.trim();
  if (s === '') {
    return undefined;
  }
  const plain = /^(\d+)(?:\.0*)?$/.exec(s);
  if (plain) {
    return plain[1].replace(/^0+(?=\d)/, '');
  }
  const n = Number(s);
  if (Number.isSafeInteger(n) && n >= 0) {
    return String(n);
  }
  throw new TwcsParseError(`not a tweet id: "${raw}"`, record);
}

/** `Tue Oct 31 22:10:47 +0000 2017` → Date. */
export function parseCreatedAt(raw: string, record: number): Date {
  const m = CREATED_AT_RE.exec(raw.trim());
  if (!m || MONTHS[m[1]] === undefined) {
    throw new TwcsParseError(`bad created_at "${raw}"`, record);
  }
  const offsetMin = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
  const utc = Date.UTC(Number(m[9]), MONTHS[m[1]], Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
  const date = new Date(utc - offsetMin * 60_000);
  if (Number.isNaN(date.getTime())) {
    throw new TwcsParseError(`bad created_at "${raw}"`, record);
  }

  return date;
}

/** Maps raw CSV records to rows; learns column positions (and the pandas index column) from the header. */
export class TwcsRowMapper {
  private index?: Record<Column, number>;
  private record = 0;

  map(fields: string[]): TwcsRow | undefined {
    this.record++;
    if (!this.index) {
      this.index = this.readHeader(fields);

      return undefined;
    }
    const get = (c: Column): string => fields[this.index![c]] ?? '';
    const tweetId = normalizeId(get('tweet_id'), this.record);
    if (!tweetId) {
      throw new TwcsParseError('missing tweet_id', this.record);
    }
    const inbound = get('inbound').trim();
    if (inbound !== 'True' && inbound !== 'False') {
      throw new TwcsParseError(`inbound must be True or False, got "${inbound}"`, this.record);
    }
    const inResponseTo = normalizeId(get('in_response_to_tweet_id'), this.record);

    return {
      tweetId,
      authorId: get('author_id').trim(),
      inbound: inbound === 'True',
      createdAt: parseCreatedAt(get('created_at'), this.record),
      text: get('text'),
      responseTweetIds: get('response_tweet_id')
        .split(',')
        .map((s) => normalizeId(s, this.record))
        .filter((s): s is string => s !== undefined),
      ...(inResponseTo ? { inResponseToTweetId: inResponseTo } : {}),
    };
  }

  private readHeader(fields: string[]): Record<Column, number> {
    const names = fields.map((f) => f.trim().replace(/^\uFEFF/, ''));
    const index = {} as Record<Column, number>;
    for (const c of COLUMNS) {
      const at = names.indexOf(c);
      if (at < 0) {
        throw new TwcsParseError(`header lacks column ${c}`, this.record);
      }
      index[c] = at;
    }

    return index;
  }
}

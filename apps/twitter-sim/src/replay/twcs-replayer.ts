import type { TwcsRow } from '@roost/twcs';
import type { Logger } from 'pino';
import type { TweetSink } from './tweet-sink';

export interface ReplayResult {
  posted: number;
  threaded: number;
  /** Replies whose parent was not (yet) in the replay; posted as new tweets. */
  orphans: number;
  failed: number;
  /** TWCS tweet id → id assigned by the sim. */
  idMap: Map<string, string>;
}

const HANDLE_RE = /^[A-Za-z0-9_]{1,15}$/;

/** Customers are anonymised numbers in TWCS; in the sim they become `c<author_id>`. */
export function customerHandle(authorId: string): string {
  return `c${authorId}`.slice(0, 15);
}

const X_ESCAPES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * TWCS text is what X's API served: `&`, `<`, `>` HTML-escaped. The sim stores text as typed
 * and escapes on every read, as X does, so the replay unescapes first (one pass: `&amp;lt;` is `&lt;`).
 */
export function unescapeXText(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (m) => X_ESCAPES[m]);
}

/** `@115713` in TWCS text names customer 115713, who is `@c115713` in the sim. */
export function rewriteMentions(text: string): string {
  return text.replace(/@(\d{1,14})\b/g, '@c$1');
}

/**
 * Replays TWCS rows as sim tweets in created_at order, spaced by the original gaps divided by
 * `speed` (0: as fast as possible). The sim assigns new ids; `idMap` keeps threads intact.
 */
export class TwcsReplayer {
  constructor(
    private readonly sink: TweetSink,
    private readonly opts: {
      speed: number;
      logger?: Pick<Logger, 'info' | 'warn'>;
      sleep?: (ms: number) => Promise<void>;
    },
  ) {}

  async replay(rows: TwcsRow[]): Promise<ReplayResult> {
    const ordered = [...rows].sort(
      (a, b) =>
        a.createdAt.getTime() - b.createdAt.getTime() || (BigInt(a.tweetId) < BigInt(b.tweetId) ? -1 : 1),
    );
    const result: ReplayResult = { posted: 0, threaded: 0, orphans: 0, failed: 0, idMap: new Map() };
    const sleep = this.opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    let previous: number | undefined;
    for (const row of ordered) {
      if (this.opts.speed > 0 && previous !== undefined) {
        const gap = (row.createdAt.getTime() - previous) / this.opts.speed;
        if (gap > 0) {
          await sleep(gap);
        }
      }
      previous = row.createdAt.getTime();
      const parent = row.inResponseToTweetId ? result.idMap.get(row.inResponseToTweetId) : undefined;
      const authorHandle = row.inbound ? customerHandle(row.authorId) : row.authorId;
      if (!HANDLE_RE.test(authorHandle)) {
        result.failed++;
        this.opts.logger?.warn(
          { tweetId: row.tweetId, authorHandle },
          'skipping row with an impossible X handle',
        );
        continue;
      }
      try {
        const id = await this.sink.postTweet({
          text: rewriteMentions(unescapeXText(row.text)),
          authorHandle,
          ...(parent ? { inReplyToTweetId: parent } : {}),
        });
        result.idMap.set(row.tweetId, id);
        result.posted++;
        if (parent) {
          result.threaded++;
        } else if (row.inResponseToTweetId) {
          result.orphans++;
        }
      } catch (err) {
        result.failed++;
        this.opts.logger?.warn({ err, tweetId: row.tweetId }, 'replay row refused');
      }
    }
    this.opts.logger?.info(
      { posted: result.posted, threaded: result.threaded, orphans: result.orphans, failed: result.failed },
      'replay finished',
    );

    return result;
  }
}

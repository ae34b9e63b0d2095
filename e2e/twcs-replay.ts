import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildThreads, readTwcsFile, type TwcsRow, type TwcsThread } from '@roost/twcs';

export const TWCS_DIR = process.env.TWCS_DIR ?? '/work/shared/data/twcs';

/** The file the threading acceptance replays: its first 5,000 rows hold whole threads. */
export const TWCS_HEAD_FILE = join(TWCS_DIR, 'twcs_head_5000.csv');

export function twcsPresent(): boolean {
  return existsSync(TWCS_HEAD_FILE);
}

/**
 * A deterministic sample: every thread of the given brands in the file, oldest thread first.
 * A thread belongs to a brand when that brand wrote a tweet in it.
 */
export async function sampleThreads(file: string, brands: readonly string[]): Promise<TwcsThread[]> {
  const rows: TwcsRow[] = [];
  for await (const row of readTwcsFile(file)) rows.push(row);
  const wanted = new Set(brands.map((b) => b.toLowerCase()));

  return buildThreads(rows)
    .filter((t) => t.rows.some((r) => !r.inbound && wanted.has(r.authorId.toLowerCase())))
    .sort(
      (a, b) =>
        (a.rows[0]?.createdAt.getTime() ?? 0) - (b.rows[0]?.createdAt.getTime() ?? 0) ||
        a.id.localeCompare(b.id),
    );
}

/** Customers are anonymised numbers in TWCS; on the sim they are `c<id>` (as `npm run sim -- --replay` does). */
export function simCustomerHandle(authorId: string): string {
  return `c${authorId}`.slice(0, 15);
}

export interface ReplayedTweet {
  row: TwcsRow;
  threadId: string;
  simId: string;
  /** The sim's author handle: the customer's, or the brand's care handle for the brand's rows. */
  authorHandle: string;
  /** Mentions on the sim (X's entities): what ingest can find the tweet by. */
  mentions: string[];
  simText: string;
  /** X's conversation id on the sim (the root of the reply chain) and the author replied to. */
  xConversationId: string;
  inReplyToUserId: string | null;
}

/**
 * Posts the threads' rows on twitter-sim in created_at order, one at a time so a reply can name
 * its parent's sim id. The sampled brands become `brandHandle` (text and author), customers'
 * numeric @mentions become their sim handles. Returns every posted tweet with its thread.
 */
export async function replayOnSim(opts: {
  simUrl: string;
  threads: readonly TwcsThread[];
  brands: readonly string[];
  brandHandle: string;
}): Promise<ReplayedTweet[]> {
  const threadOf = new Map<string, string>();
  const rows: TwcsRow[] = [];
  for (const t of opts.threads) {
    for (const r of t.rows) {
      threadOf.set(r.tweetId, t.id);
      rows.push(r);
    }
  }
  rows.sort(
    (a, b) =>
      a.createdAt.getTime() - b.createdAt.getTime() || (BigInt(a.tweetId) < BigInt(b.tweetId) ? -1 : 1),
  );
  const brandRe = new RegExp(`@(${opts.brands.join('|')})\\b`, 'gi');
  const simIds = new Map<string, string>();
  const out: ReplayedTweet[] = [];
  for (const row of rows) {
    const authorHandle = row.inbound ? simCustomerHandle(row.authorId) : opts.brandHandle;
    const text = row.text
      .replace(brandRe, `@${opts.brandHandle}`)
      .replace(/@(\d{1,14})\b/g, (_m, id: string) => `@${simCustomerHandle(id)}`);
    const parent = row.inResponseToTweetId ? simIds.get(row.inResponseToTweetId) : undefined;
    const res = await fetch(`${opts.simUrl}/sim/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, authorHandle, ...(parent ? { inReplyToTweetId: parent } : {}) }),
    });
    if (res.status !== 201) {
      throw new Error(`replay of ${row.tweetId} refused: ${res.status} ${await res.text()}`);
    }
    const { id } = (await res.json()) as { id: string };
    simIds.set(row.tweetId, id);
    const got = (await (await fetch(`${opts.simUrl}/sim/tweets/${id}`)).json()) as {
      data: {
        text: string;
        conversation_id: string;
        in_reply_to_user_id?: string;
        entities?: { mentions?: Array<{ username: string }> };
      };
    };
    out.push({
      row,
      threadId: threadOf.get(row.tweetId) ?? row.tweetId,
      simId: id,
      authorHandle,
      mentions: (got.data.entities?.mentions ?? []).map((m) => m.username.toLowerCase()),
      simText: got.data.text,
      xConversationId: got.data.conversation_id,
      inReplyToUserId: got.data.in_reply_to_user_id ?? null,
    });
  }

  return out;
}

import { Injectable } from '@nestjs/common';
import type { TwitterApi } from 'twitter-api-v2';
import { DataSource } from 'typeorm';
import type { LedgerEntry } from './outbound.repository';
import { XAccounts } from './x-accounts';

/** How far back (before the ledger row was written) a post can be; clocks on X and here drift. */
const CLOCK_SKEW_MS = 5 * 60_000;
const MAX_PAGES = 5;

/** X prefixes replies with the @handles it answers; compare what the agent wrote. */
export function postBody(text: string): string {
  return text.normalize('NFC').replace(/^(@\w{1,15}\s+)+/, '').trim();
}

/**
 * Looks on X for a post the ledger is unsure about (X has no idempotency key, RELIABILITY.md):
 * the brand's own timeline for replies (same parent, same text), the DM conversation for DMs.
 * Reads cost API credits, so this runs only for unsettled rows, newest pages first, bounded.
 */
@Injectable()
export class XPostLookup {
  private readonly userIds = new Map<string, string>();

  constructor(
    private readonly x: XAccounts,
    private readonly ds: DataSource,
  ) {}

  async find(entry: LedgerEntry, recordedAt: Date): Promise<string | null> {
    const client = this.x.clientFor(entry.accountHandle);
    const since = new Date(recordedAt.getTime() - CLOCK_SKEW_MS);

    return entry.kind === 'dm' ? this.findDm(client, entry, since) : this.findReply(client, entry, since);
  }

  /**
   * The handle's X user id, learnt once and kept in PostgreSQL: every restart asking X again would
   * spend read credits and, after a crash loop, hit users/me's 75 calls per 15 minutes. Keyed by
   * the public @handle, not by brand: outside row-level security (see the brand-isolation migration).
   */
  private async brandUserId(client: TwitterApi, handle: string): Promise<string> {
    const cached = this.userIds.get(handle);
    if (cached) return cached;
    const rows: Array<{ x_user_id: string }> = await this.ds.query(`SELECT x_user_id FROM x_account_ids WHERE handle = $1`, [handle]);
    let id = rows[0]?.x_user_id;
    if (!id) {
      const user = await client.v2.userByUsername(handle);
      if (!user.data) throw new Error(`X does not know the brand handle @${handle}`);
      id = user.data.id;
      await this.ds.query(`INSERT INTO x_account_ids (handle, x_user_id) VALUES ($1, $2) ON CONFLICT (handle) DO NOTHING`, [handle, id]);
    }
    this.userIds.set(handle, id);

    return id;
  }

  private async findReply(client: TwitterApi, entry: LedgerEntry, since: Date): Promise<string | null> {
    const userId = await this.brandUserId(client, entry.accountHandle);
    const want = postBody(entry.text);
    const page = await client.v2.userTimeline(userId, {
      max_results: 100,
      start_time: since.toISOString(),
      'tweet.fields': ['referenced_tweets', 'created_at'],
    });
    for (let i = 0; ; i++) {
      const hit = page.tweets.find(
        (t) =>
          postBody(t.text) === want &&
          (entry.inReplyToXId === null || (t.referenced_tweets ?? []).some((r) => r.type === 'replied_to' && r.id === entry.inReplyToXId)),
      );
      if (hit) return hit.id;
      if (page.done || i + 1 >= MAX_PAGES) return null;
      await page.fetchNext(100);
    }
  }

  private async findDm(client: TwitterApi, entry: LedgerEntry, since: Date): Promise<string | null> {
    if (!entry.recipientXId) return null;
    const userId = await this.brandUserId(client, entry.accountHandle);
    const want = entry.text.normalize('NFC').trim();
    const page = await client.v2.listDmEventsWithParticipant(entry.recipientXId, {
      max_results: 100,
      'dm_event.fields': ['sender_id', 'text', 'created_at'],
    });
    for (let i = 0; ; i++) {
      const hit = page.events.find(
        (e) =>
          e.event_type === 'MessageCreate' &&
          e.sender_id === userId &&
          (e.text ?? '').normalize('NFC').trim() === want &&
          (!e.created_at || Date.parse(e.created_at) >= since.getTime()),
      );
      if (hit) return hit.id;
      if (page.done || i + 1 >= MAX_PAGES) return null;
      await page.fetchNext(100);
    }
  }
}

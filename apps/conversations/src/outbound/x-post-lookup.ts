import { Injectable } from '@nestjs/common';
import type { TwitterApi } from 'twitter-api-v2';
import { OutboundRepository, type LedgerEntry } from '../data/outbound.repository';
import { XAccountIdsRepository } from '../data/x-account-ids.repository';
import { XAccounts } from './x-accounts';
import { sameText, type XUrlEntity } from './x-text-match';

export { postBody } from './x-text-match';

/** How far back (before the ledger row was written) a post can be; clocks on X and here drift. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** A safety stop: X serves at most the latest 3,200 posts of a timeline (32 pages of 100). */
const MAX_PAGES = 40;

/**
 * Looks on X for a post the ledger is unsure about (X has no idempotency key, RELIABILITY.md):
 * the brand's own timeline for replies (same parent, same text as X returns it), the DM
 * conversation for DMs, newest first and page after page until older than the row's first attempt
 * (the window, not a page count, bounds the reads). A post already recorded by another ledger row
 * is never taken for this one (two identical replies to one tweet are two posts). Reads cost API
 * credits, so this runs only for posts whose outcome is unclear.
 */
@Injectable()
export class XPostLookup {
  private readonly userIds = new Map<string, string>();

  constructor(
    private readonly x: XAccounts,
    private readonly accountIds: XAccountIdsRepository,
    private readonly ledger: OutboundRepository,
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
    let id = await this.accountIds.get(handle);
    if (!id) {
      const user = await client.v2.userByUsername(handle);
      if (!user.data) throw new Error(`X does not know the brand handle @${handle}`);
      id = user.data.id;
      await this.accountIds.remember(handle, id);
    }
    this.userIds.set(handle, id);

    return id;
  }

  private async findReply(client: TwitterApi, entry: LedgerEntry, since: Date): Promise<string | null> {
    const userId = await this.brandUserId(client, entry.accountHandle);
    const page = await client.v2.userTimeline(userId, {
      max_results: 100,
      start_time: since.toISOString(),
      'tweet.fields': ['referenced_tweets', 'created_at', 'entities'],
    });
    for (let i = 0; ; i++) {
      const hits = page.tweets
        .filter(
          (t) =>
            (entry.inReplyToXId === null ||
              (t.referenced_tweets ?? []).some(
                (r) => r.type === 'replied_to' && r.id === entry.inReplyToXId,
              )) &&
            (!t.created_at || Date.parse(t.created_at) >= since.getTime()) &&
            sameText(entry.text, { text: t.text, urls: (t.entities?.urls ?? []) as XUrlEntity[] }),
        )
        .map((t) => t.id);
      const hit = await this.firstUnclaimed(entry, hits);
      if (hit) return hit;
      const oldest = page.tweets.at(-1)?.created_at;
      if (page.done || (oldest && Date.parse(oldest) < since.getTime()) || i + 1 >= MAX_PAGES) return null;
      await page.fetchNext(100);
    }
  }

  private async findDm(client: TwitterApi, entry: LedgerEntry, since: Date): Promise<string | null> {
    if (!entry.recipientXId) return null;
    const userId = await this.brandUserId(client, entry.accountHandle);
    const page = await client.v2.listDmEventsWithParticipant(entry.recipientXId, {
      max_results: 100,
      'dm_event.fields': ['sender_id', 'text', 'created_at'],
    });
    for (let i = 0; ; i++) {
      const hits = page.events
        .filter(
          (e) =>
            e.event_type === 'MessageCreate' &&
            e.sender_id === userId &&
            (!e.created_at || Date.parse(e.created_at) >= since.getTime()) &&
            sameText(entry.text, { text: e.text ?? '' }),
        )
        .map((e) => e.id);
      const hit = await this.firstUnclaimed(entry, hits);
      if (hit) return hit;
      const oldest = page.events.at(-1)?.created_at;
      if (page.done || (oldest && Date.parse(oldest) < since.getTime()) || i + 1 >= MAX_PAGES) return null;
      await page.fetchNext(100);
    }
  }

  /** The first of X's ids that no other ledger row of the brand has recorded as its post. */
  private async firstUnclaimed(entry: LedgerEntry, ids: string[]): Promise<string | null> {
    if (ids.length === 0) return null;
    const claimed = await this.ledger.xIdsRecordedElsewhere(entry.brandId, ids, entry.idempotencyKey);

    return ids.find((id) => !claimed.has(id)) ?? null;
  }
}

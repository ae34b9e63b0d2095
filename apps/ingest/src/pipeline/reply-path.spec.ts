import type { TweetV2, UserV2 } from 'twitter-api-v2';
import type { BrandListening } from '../accounts/brand-directory';
import type { BrandAccount } from '../data/listening-rows';
import { addressedAccount, replyPathFor } from './mention-builder';
import { normalizeTweet, tweetsById, usersById } from './normalized-tweet';

const BRAND = '00000000-0000-4000-8000-000000000001';
const CARES_ID = '9001';
const ACME_ID = '9002';
const CUSTOMER_ID = '42';
const OTHER_ID = '77';

const account = (over: Partial<BrandAccount>): BrandAccount => ({
  brandId: BRAND,
  id: `acc-${over.handle ?? 'x'}`,
  handle: 'acmecares',
  xUserId: CARES_ID,
  role: 'care',
  apiTier: 'basic',
  pollMentions: true,
  pollDms: false,
  ...over,
});
const CARES = account({ handle: 'acmecares', xUserId: CARES_ID, role: 'care' });
const ACME = account({ handle: 'acme', xUserId: ACME_ID, role: 'engagement' });
const brandOf = (accounts: BrandAccount[]) => ({ brandId: BRAND, accounts }) as unknown as BrandListening;

const users = usersById([
  { id: CUSTOMER_ID, username: 'jane', name: 'Jane' },
  { id: CARES_ID, username: 'acmecares', name: 'Acme Cares' },
  { id: ACME_ID, username: 'acme', name: 'Acme' },
  { id: OTHER_ID, username: 'someone', name: 'Someone' },
] as UserV2[]);

/** Posts the customer may quote, as X returns them in `includes.tweets`. */
const includes = tweetsById([
  { id: '500', text: 'our new app is live', author_id: CARES_ID, edit_history_tweet_ids: ['500'] },
  { id: '501', text: 'big launch today', author_id: ACME_ID, edit_history_tweet_ids: ['501'] },
  { id: '502', text: 'hot take', author_id: OTHER_ID, edit_history_tweet_ids: ['502'] },
]);

const userIdOf: Record<string, string> = { acmecares: CARES_ID, acme: ACME_ID, someone: OTHER_ID };

/** A customer's tweet as X's API v2 returns it (entities.mentions, referenced_tweets, in_reply_to_user_id). */
function xTweet(t: {
  text: string;
  mentions?: string[];
  quotes?: string;
  repliesTo?: { tweet: string; user: string };
}): TweetV2 {
  const refs = [
    ...(t.quotes ? [{ type: 'quoted' as const, id: t.quotes }] : []),
    ...(t.repliesTo ? [{ type: 'replied_to' as const, id: t.repliesTo.tweet }] : []),
  ];

  return {
    id: '1000',
    text: t.text,
    author_id: CUSTOMER_ID,
    edit_history_tweet_ids: ['1000'],
    created_at: '2026-03-01T10:00:00.000Z',
    ...(t.repliesTo ? { in_reply_to_user_id: t.repliesTo.user } : {}),
    ...(refs.length ? { referenced_tweets: refs } : {}),
    entities: {
      mentions: (t.mentions ?? []).map((username) => ({
        username,
        id: userIdOf[username] ?? '1',
        start: 0,
        end: username.length + 1,
      })),
    },
  } as unknown as TweetV2;
}

interface Case {
  name: string;
  tweet: Parameters<typeof xTweet>[0];
  channel?: 'public' | 'dm';
  accounts?: BrandAccount[];
  /** The account the mention is addressed to (the one that would reply). */
  account: string;
  path: 'public' | 'manual' | 'dm';
}

const CASES: Case[] = [
  {
    name: 'mentions the brand handle',
    tweet: { text: '@acmecares help', mentions: ['acmecares'] },
    account: 'acmecares',
    path: 'public',
  },
  {
    name: 'mentions the handle in another case (X compares handles case-insensitively)',
    tweet: { text: '@AcmeCares help', mentions: ['AcmeCares'] },
    account: 'acmecares',
    path: 'public',
  },
  {
    name: 'mentions another handle only',
    tweet: { text: '@someone acme is down', mentions: ['someone'] },
    account: 'acme',
    path: 'manual',
  },
  {
    name: 'names the brand without any mention',
    tweet: { text: 'acme lost my parcel' },
    account: 'acme',
    path: 'manual',
  },
  {
    name: "quotes the brand's post, no mention",
    tweet: { text: 'this broke my phone', quotes: '500' },
    account: 'acmecares',
    path: 'public',
  },
  {
    name: "quotes the brand's other handle's post: that handle is addressed and may answer",
    tweet: { text: 'finally', quotes: '501' },
    account: 'acme',
    path: 'public',
  },
  {
    name: "quotes someone else's post",
    tweet: { text: 'acme did this to me too', quotes: '502' },
    account: 'acme',
    path: 'manual',
  },
  {
    name: "quotes someone else's post while replying to the brand (the replied-to user is not the quoted author)",
    tweet: { text: 'see this', quotes: '502', repliesTo: { tweet: '500', user: CARES_ID } },
    accounts: [CARES],
    account: 'acmecares',
    path: 'manual',
  },
  {
    name: 'quotes a post that X did not return (deleted): the author is unknown, so no',
    tweet: { text: 'see this', quotes: '999' },
    accounts: [CARES],
    account: 'acmecares',
    path: 'manual',
  },
  {
    name: 'replies to the brand with its @handle',
    tweet: {
      text: '@acmecares still broken',
      mentions: ['acmecares'],
      repliesTo: { tweet: '500', user: CARES_ID },
    },
    account: 'acmecares',
    path: 'public',
  },
  {
    name: 'replies to the brand without its @handle',
    tweet: { text: 'still broken', repliesTo: { tweet: '500', user: CARES_ID } },
    accounts: [CARES],
    account: 'acmecares',
    path: 'manual',
  },
  {
    name: "mentions the brand's other handle: that handle is addressed",
    tweet: { text: '@acme my order', mentions: ['acme'] },
    account: 'acme',
    path: 'public',
  },
  {
    name: 'mentions both handles: the care handle answers',
    tweet: { text: '@acme @acmecares my order', mentions: ['acme', 'acmecares'] },
    account: 'acmecares',
    path: 'public',
  },
  {
    name: 'a DM is answered by DM',
    tweet: { text: 'my order number is 1234' },
    channel: 'dm',
    accounts: [CARES],
    account: 'acmecares',
    path: 'dm',
  },
  {
    name: 'Enterprise tier may reply to anything',
    tweet: { text: 'acme lost my parcel' },
    accounts: [account({ handle: 'acme', xUserId: ACME_ID, role: 'engagement', apiTier: 'enterprise' })],
    account: 'acme',
    path: 'public',
  },
  ...(['free', 'pro', 'pay_per_use'] as const).map((apiTier): Case => ({
    name: `${apiTier} tier is self-serve: no mention, no reply`,
    tweet: { text: 'acme lost my parcel' },
    accounts: [account({ handle: 'acme', xUserId: ACME_ID, role: 'engagement', apiTier })],
    account: 'acme',
    path: 'manual',
  })),
];

describe("reply eligibility under X's reply policy (every case)", () => {
  it.each(CASES)('$name → $path from @$account', (c) => {
    const brand = brandOf(c.accounts ?? [CARES, ACME]);
    const tweet = normalizeTweet(xTweet(c.tweet), users, { referenced: includes });
    const addressed = addressedAccount(brand, tweet);
    expect(addressed?.handle).toBe(c.account);
    expect(replyPathFor(addressed!, tweet, c.channel ?? 'public')).toBe(c.path);
  });

  it("decides by the quoted post's author, not by the replied-to user, for a given account", () => {
    const quotesOther = normalizeTweet(
      xTweet({ text: 'see this', quotes: '502', repliesTo: { tweet: '500', user: CARES_ID } }),
      users,
      { referenced: includes },
    );
    expect(quotesOther.quotedAuthorId).toBe(OTHER_ID);
    expect(replyPathFor(CARES, quotesOther, 'public')).toBe('manual');
    const quotesCares = normalizeTweet(xTweet({ text: 'see this', quotes: '500' }), users, {
      referenced: includes,
    });
    expect(quotesCares.quotedAuthorId).toBe(CARES_ID);
    expect(replyPathFor(CARES, quotesCares, 'public')).toBe('public');
    // The other handle's post is not this account's: X would refuse @acmecares's reply.
    expect(replyPathFor(ACME, quotesCares, 'public')).toBe('manual');
  });
});

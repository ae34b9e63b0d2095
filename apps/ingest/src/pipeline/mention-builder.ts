import type { Classifier } from '@roost/classify';
import type { MentionReceivedV1 } from '@roost/contracts';
import type { BrandListening } from '../accounts/brand-directory';
import type { BrandAccount } from '../data/listening-rows';
import type { NormalizedTweet } from './normalized-tweet';

export type MentionSource = MentionReceivedV1['source'];

/**
 * The brand account a mention addresses: the care handle when the customer tagged it, else the
 * engagement handle when tagged, else the account whose post the customer quoted, else (name,
 * hashtag, misspelling) the engagement account.
 */
export function addressedAccount(brand: BrandListening, tweet: NormalizedTweet): BrandAccount | undefined {
  const tagged = brand.accounts.filter((a) => tweet.mentions.includes(a.handle.toLowerCase()));
  const byRole = (list: BrandAccount[], role: BrandAccount['role']) => list.find((a) => a.role === role);
  const quoted = tweet.quotedAuthorId
    ? brand.accounts.find((a) => a.xUserId !== null && a.xUserId === tweet.quotedAuthorId)
    : undefined;

  return (
    byRole(tagged, 'care') ?? tagged[0] ?? quoted ?? byRole(brand.accounts, 'engagement') ?? brand.accounts[0]
  );
}

/**
 * X's reply policy since 2026-02-24 (ARCHITECTURE.md "X's rules"): on the self-serve tiers (free,
 * basic, pro, pay-per-use) the API may reply only to a post whose author @mentioned the replying
 * account or quoted one of its posts; Enterprise is exempt. Being replied to is not enough (a reply
 * to the brand that drops the @handle is not answerable), and a quote counts only when the QUOTED
 * post is the replying account's (its author from `referenced_tweets.id.author_id`), whoever the
 * tweet replies to. Otherwise the agent is offered another path (DM, open in X, quote) before
 * typing. Decided per tweet; conversations keeps the path of the customer's latest public tweet.
 */
export function replyPathFor(
  account: BrandAccount,
  tweet: Pick<NormalizedTweet, 'mentions' | 'quotedAuthorId'>,
  channel: 'public' | 'dm',
): MentionReceivedV1['replyPath'] {
  if (channel === 'dm') return 'dm';
  if (account.apiTier === 'enterprise') return 'public';
  if (tweet.mentions.includes(account.handle.toLowerCase())) return 'public';
  if (account.xUserId !== null && tweet.quotedAuthorId === account.xUserId) return 'public';

  return 'manual';
}

export function buildMention(opts: {
  brand: BrandListening;
  tweet: NormalizedTweet;
  source: MentionSource;
  channel: 'public' | 'dm';
  matchedRules: Array<{ id: string; tag: string }>;
  classifier: Classifier;
  account?: BrandAccount;
  /** The actor who asked for this tweet by hand (source `manual`). */
  requestedBy?: string;
}): MentionReceivedV1 | null {
  const { brand, tweet, channel } = opts;
  const account = opts.account ?? addressedAccount(brand, tweet);
  if (!account?.xUserId) return null;
  const c = opts.classifier.classify({
    text: tweet.text,
    ...(tweet.lang ? { lang: tweet.lang } : {}),
    author: { followersCount: tweet.author.followersCount, verified: tweet.author.verified },
    context: { brandHandles: brand.accounts.map((a) => a.handle) },
  });

  return {
    schema: 1,
    brandId: brand.brandId,
    source: opts.source,
    channel,
    tweet: {
      id: tweet.id,
      text: tweet.text,
      createdAt: tweet.createdAt,
      ...(tweet.conversationId ? { conversationId: tweet.conversationId } : {}),
      ...(tweet.inReplyToTweetId ? { inReplyToTweetId: tweet.inReplyToTweetId } : {}),
      ...(tweet.inReplyToUserId ? { inReplyToUserId: tweet.inReplyToUserId } : {}),
      ...(tweet.quotedTweetId ? { quotedTweetId: tweet.quotedTweetId } : {}),
      ...(tweet.lang ? { lang: tweet.lang } : {}),
      ...(tweet.dmConversationId ? { dmConversationId: tweet.dmConversationId } : {}),
      ...(tweet.media?.length ? { media: tweet.media.slice(0, 4) } : {}),
    },
    author: tweet.author,
    account: { id: account.id, handle: account.handle, role: account.role, xUserId: account.xUserId },
    replyPath: replyPathFor(account, tweet, channel),
    ...(opts.requestedBy ? { requestedBy: opts.requestedBy } : {}),
    matchedRules: opts.matchedRules,
    classification: {
      language: c.language,
      sentiment: c.sentiment,
      intent: c.intent,
      pii: c.pii.map((p) => ({ type: p.type, start: p.start, end: p.end })),
      priority: Math.round(c.priority),
    },
    receivedAt: new Date().toISOString(),
  };
}

import type { Classifier } from '@roost/classify';
import type { MentionReceivedV1 } from '@roost/contracts';
import type { BrandListening } from '../accounts/brand-directory';
import type { BrandAccount } from '../data/listening-rows';
import type { NormalizedTweet } from './normalized-tweet';

export type MentionSource = MentionReceivedV1['source'];

/**
 * The brand account a mention addresses: the care handle when the customer tagged it, else the
 * engagement handle when tagged, else (name, hashtag, misspelling) the engagement account.
 */
export function addressedAccount(brand: BrandListening, tweet: NormalizedTweet): BrandAccount | undefined {
  const tagged = brand.accounts.filter((a) => tweet.mentions.includes(a.handle.toLowerCase()));
  const byRole = (list: BrandAccount[], role: BrandAccount['role']) => list.find((a) => a.role === role);

  return byRole(tagged, 'care') ?? tagged[0] ?? byRole(brand.accounts, 'engagement') ?? brand.accounts[0];
}

/**
 * X's 2026 reply policy (ARCHITECTURE.md): below Enterprise, the API may reply only when the
 * author @mentioned the replying account or quoted its post. Otherwise the agent is offered
 * another path before typing.
 */
export function replyPathFor(
  account: BrandAccount,
  tweet: NormalizedTweet,
  channel: 'public' | 'dm',
): MentionReceivedV1['replyPath'] {
  if (channel === 'dm') return 'dm';
  if (account.apiTier === 'enterprise') return 'public';
  if (tweet.mentions.includes(account.handle.toLowerCase())) return 'public';
  if (tweet.quotedTweetId && tweet.inReplyToUserId === account.xUserId) return 'public';

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

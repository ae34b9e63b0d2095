import type { SimTweet } from '../x-sim.types';
import type { QueryNode } from './query.types';
import { fold, isUnspacedScript, tokenizeText } from './query-tokenizer';

/** What a rule can look at besides the tweet itself (usernames live in the user store). */
export interface MatchContext {
  tweet: SimTweet;
  authorUsername: string;
  authorVerified: boolean;
  inReplyToUsername?: string;
}

/** Tweet text never changes, so its tokens are computed once per tweet, for every later search. */
const TEXT_CACHE = new WeakMap<SimTweet, { tokenRuns: string[][]; folded: string }>();

/**
 * Per-tweet derived data shared by every rule checked against it. Keywords match the text and,
 * as on X, the links behind its t.co aliases (`expanded_url`): each is its own run of tokens, so
 * a phrase never spans the text and a link.
 */
class PreparedTweet {
  readonly tokenRuns: string[][];
  readonly folded: string;

  constructor(readonly ctx: MatchContext) {
    let cached = TEXT_CACHE.get(ctx.tweet);
    if (!cached) {
      const links = (ctx.tweet.entities?.urls ?? []).map((u) => u.expanded_url);
      cached = {
        tokenRuns: [ctx.tweet.text, ...links].map(tokenizeText),
        folded: [ctx.tweet.text, ...links].map(fold).join('\n'),
      };
      TEXT_CACHE.set(ctx.tweet, cached);
    }
    this.tokenRuns = cached.tokenRuns;
    this.folded = cached.folded;
  }

  containsSequence(seq: string[]): boolean {
    return seq.length > 0 && this.tokenRuns.some((tokens) => runContains(tokens, seq));
  }
}

function runContains(tokens: string[], seq: string[]): boolean {
  outer: for (let i = 0; i + seq.length <= tokens.length; i++) {
    for (let j = 0; j < seq.length; j++) {
      if (tokens[i + j] !== seq[j]) {
        continue outer;
      }
    }

    return true;
  }

  return false;
}

function evaluate(node: QueryNode, p: PreparedTweet): boolean {
  const t = p.ctx.tweet;
  switch (node.kind) {
    case 'and':
      return node.children.every((c) => evaluate(c, p));
    case 'or':
      return node.children.some((c) => evaluate(c, p));
    case 'not':
      return !evaluate(node.child, p);
    case 'keyword':
    case 'phrase':
      return isUnspacedScript(node.raw) ? p.folded.includes(node.raw) : p.containsSequence(node.tokens);
    case 'mention':
      return (t.entities?.mentions ?? []).some((m) => m.username.toLowerCase() === node.username);
    case 'hashtag':
      return (t.entities?.hashtags ?? []).some((h) => fold(h.tag) === node.tag);
    case 'from':
      return p.ctx.authorUsername.toLowerCase() === node.user || t.author_id === node.user;
    case 'to':
      return (
        (p.ctx.inReplyToUsername ?? '').toLowerCase() === node.user || t.in_reply_to_user_id === node.user
      );
    case 'is':
      if (node.what === 'verified') {
        return p.ctx.authorVerified;
      }

      return (t.referenced_tweets ?? []).some(
        (r) =>
          r.type === (node.what === 'reply' ? 'replied_to' : node.what === 'quote' ? 'quoted' : 'retweeted'),
      );
    case 'has':
      return Boolean(t.entities?.[node.what === 'links' ? 'urls' : node.what]?.length);
    case 'lang':
      return t.lang === node.code;
    case 'conversation':
      return t.conversation_id === node.id;
  }
}

export function matchesQuery(node: QueryNode, ctx: MatchContext): boolean {
  return evaluate(node, new PreparedTweet(ctx));
}

/** Matches many rules against one tweet, tokenizing the tweet once. */
export function matchingRules<R extends { node: QueryNode }>(rules: R[], ctx: MatchContext): R[] {
  const prepared = new PreparedTweet(ctx);

  return rules.filter((r) => evaluate(r.node, prepared));
}

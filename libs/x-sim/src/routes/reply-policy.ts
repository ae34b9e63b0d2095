import type { SimStore } from '../store/sim-store';
import type { SimTweet, SimUser } from '../x-sim.types';

/**
 * X's reply rule since 2026-02-24: below Enterprise, the API may reply only when the author of
 * the tweet replied to @mentioned the replying account or quoted one of its posts. Replying in
 * one's own thread stays allowed.
 */
export function mayReply(params: { store: SimStore; replier: SimUser; target: SimTweet }): boolean {
  const { store, replier, target } = params;
  if (replier.apiTier === 'enterprise' || target.author_id === replier.id) {
    return true;
  }
  if (target.entities?.mentions?.some((m) => m.id === replier.id)) {
    return true;
  }

  return (target.referenced_tweets ?? []).some(
    (r) => r.type === 'quoted' && store.tweet(r.id)?.author_id === replier.id,
  );
}

export const REPLY_NOT_ALLOWED =
  'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.';
export const DUPLICATE_CONTENT = 'You are not allowed to create a Tweet with duplicate content.';

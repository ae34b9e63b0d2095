import { PRIORITY } from '../classify.constants';
import { ClassifyAuthor, ClassifyContext, Intent, SentimentResult } from '../classify.types';

export interface PriorityInput {
  sentiment: SentimentResult;
  intent: Intent;
  author?: ClassifyAuthor;
  context?: ClassifyContext;
  /** How many personal-data matches the tweet exposes publicly (worth a fast DM). */
  piiCount?: number;
}

export interface PriorityResult {
  /** 0..100, higher first. */
  priority: number;
  /** Machine-readable reasons, most important first, e.g. 'negative_sentiment', 'vip', 'waiting_45m'. */
  reasons: string[];
}

/**
 * Priority for the waiting list: routing orders by it, then by age. Additive points so an agent
 * can read why ("vip, negative_sentiment, waiting_30m"); spam is capped near zero whatever else.
 */
export function computePriority(input: PriorityInput): PriorityResult {
  const reasons: string[] = [];
  let points: number = PRIORITY.base;
  const add = (value: number, reason: string): void => {
    if (value <= 0) return;
    points += value;
    reasons.push(reason);
  };

  if (input.sentiment.label === 'negative') {
    add(
      Math.round(PRIORITY.negativeMax * Math.min(1, Math.abs(input.sentiment.score))),
      'negative_sentiment',
    );
  }
  if (input.intent === 'complaint') add(PRIORITY.complaint, 'complaint');
  if (input.intent === 'purchase_intent') add(PRIORITY.purchaseIntent, 'purchase_intent');
  if (input.intent === 'question') add(PRIORITY.question, 'question');

  const author = input.author ?? {};
  if (author.vip) add(PRIORITY.vip, 'vip');
  if (author.verified) add(PRIORITY.verified, 'verified');
  const followers = author.followersCount ?? 0;
  const tier = PRIORITY.followers.find((t) => followers >= t.min);
  if (tier) add(tier.points, tier.reason);

  const context = input.context ?? {};
  const waited = Math.max(0, context.waitingMinutes ?? 0);
  if (waited > 0) {
    add(
      Math.min(PRIORITY.waitMax, Math.floor(waited / PRIORITY.minutesPerWaitPoint)),
      `waiting_${Math.floor(waited)}m`,
    );
  }
  const previous = Math.max(0, context.previousContacts ?? 0);
  if (previous > 0) {
    add(Math.min(PRIORITY.repeatMax, previous * PRIORITY.perPreviousContact), `repeat_contact_${previous}`);
  }
  if ((input.piiCount ?? 0) > 0) add(PRIORITY.piiExposed, 'pii_exposed');

  if (input.intent === 'spam') return { priority: Math.min(PRIORITY.spamCeiling, points), reasons: ['spam'] };
  return { priority: Math.max(0, Math.min(100, Math.round(points))), reasons };
}

import type { MentionReceivedV1 } from '@roost/contracts';
import type { BrandState, RuleConditions } from '../state/brand-state';
import { isVip } from '../state/brand-state';

/**
 * Every condition present must hold (AND); a list condition holds when any of its values matches.
 * `vip` is the author's VIP flag in routing's VIP set (conversations announces changes).
 */
export function matchesRule(c: RuleConditions, m: MentionReceivedV1, vip = false): boolean {
  if (c.vip !== undefined && c.vip !== vip) return false;
  if (c.intents?.length && !c.intents.includes(m.classification.intent)) return false;
  if (c.accountRoles?.length && !c.accountRoles.includes(m.account.role)) return false;
  if (
    c.accountHandles?.length &&
    !c.accountHandles.some((h) => h.toLowerCase() === m.account.handle.toLowerCase())
  ) {
    return false;
  }
  if (c.sources?.length && !c.sources.includes(m.source)) return false;
  if (c.languages?.length && !c.languages.includes(m.classification.language)) return false;
  if (c.sentiments?.length && !c.sentiments.includes(m.classification.sentiment.label)) return false;
  if (c.matchedRuleIds?.length && !m.matchedRules.some((r) => c.matchedRuleIds?.includes(r.id))) return false;
  if (c.minFollowers !== undefined && m.author.followersCount < c.minFollowers) return false;
  if (c.keywords?.length) {
    const text = m.tweet.text.toLowerCase();
    if (!c.keywords.some((k) => text.includes(k.toLowerCase()))) return false;
  }

  return true;
}

export interface QueueChoice {
  queueId: string;
  boost: number;
  /** The rule that chose the queue (absent: the brand's default queue), with its tags. */
  rule?: { id: string; tags: string[] };
}

/** First matching rule (by position) whose queue exists; else the brand's default queue. */
export function chooseQueue(state: BrandState, m: MentionReceivedV1): QueueChoice | null {
  const vip = isVip(state, m.author.id);
  for (const rule of state.rules) {
    if (state.queues.has(rule.queueId) && matchesRule(rule.conditions, m, vip)) {
      return { queueId: rule.queueId, boost: rule.priorityBoost, rule: { id: rule.id, tags: rule.tags } };
    }
  }

  return state.defaultQueueId ? { queueId: state.defaultQueueId, boost: 0 } : null;
}

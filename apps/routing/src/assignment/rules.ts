import type { MentionReceivedV1 } from '@roost/contracts';
import type { BrandState, RuleConditions } from '../state/brand-state';

/** Every condition present must hold (AND); a list condition holds when any of its values matches. */
export function matchesRule(c: RuleConditions, m: MentionReceivedV1): boolean {
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

/** First matching rule (by position) whose queue exists; else the brand's default queue. */
export function chooseQueue(
  state: BrandState,
  m: MentionReceivedV1,
): { queueId: string; boost: number } | null {
  for (const rule of state.rules) {
    if (state.queues.has(rule.queueId) && matchesRule(rule.conditions, m)) {
      return { queueId: rule.queueId, boost: rule.priorityBoost };
    }
  }

  return state.defaultQueueId ? { queueId: state.defaultQueueId, boost: 0 } : null;
}

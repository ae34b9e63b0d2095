import type { AccountRole, RoutingRuleFieldsFragment, RoutingRuleInput } from '../graphql/generated';
import { splitList } from '../shared/split-list';

/** One rule as the form holds it: lists as comma-separated text, `key` stable across moves. */
export interface RuleDraft {
  key: string;
  name: string;
  enabled: boolean;
  queueId: string;
  priorityBoost: string;
  tags: string;
  intents: string;
  languages: string;
  accountRoles: AccountRole[];
  accountHandles: string;
  keywords: string;
  sentiments: string[];
  sources: string;
  matchedRuleIds: string;
  minFollowers: string;
  /** '' any customer, 'yes' VIP customers only, 'no' everyone but VIPs. */
  vip: '' | 'yes' | 'no';
}

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export const ACCOUNT_ROLES: AccountRole[] = ['CARE', 'ENGAGEMENT'];

const joined = (xs: readonly string[] | null): string => (xs ?? []).join(', ');
let nextKey = 0;
const newKey = (): string => `new-${++nextKey}`;

export function ruleDraft(r: RoutingRuleFieldsFragment): RuleDraft {
  const c = r.conditions;
  return {
    key: r.id,
    name: r.name,
    enabled: r.enabled,
    queueId: r.queueId,
    priorityBoost: String(r.priorityBoost),
    tags: joined(r.tags),
    intents: joined(c.intents),
    languages: joined(c.languages),
    accountRoles: [...(c.accountRoles ?? [])],
    accountHandles: joined(c.accountHandles),
    keywords: joined(c.keywords),
    sentiments: [...(c.sentiments ?? [])],
    sources: joined(c.sources),
    matchedRuleIds: joined(c.matchedRuleIds),
    minFollowers: c.minFollowers === null ? '' : String(c.minFollowers),
    vip: c.vip === true ? 'yes' : c.vip === false ? 'no' : '',
  };
}

export function emptyRule(queueId: string): RuleDraft {
  return {
    key: newKey(),
    name: '',
    enabled: true,
    queueId,
    priorityBoost: '0',
    tags: '',
    intents: '',
    languages: '',
    accountRoles: [],
    accountHandles: '',
    keywords: '',
    sentiments: [],
    sources: '',
    matchedRuleIds: '',
    minFollowers: '',
    vip: '',
  };
}

/** Only the conditions given: an empty list is "not a condition", never "matches nothing". */
export function ruleInput(d: RuleDraft): RoutingRuleInput {
  const lists = {
    intents: splitList(d.intents),
    languages: splitList(d.languages, (x) => x.toLowerCase()),
    accountRoles: d.accountRoles,
    accountHandles: splitList(d.accountHandles, (x) => x.replace(/^@/, '')),
    keywords: splitList(d.keywords),
    sentiments: d.sentiments,
    sources: splitList(d.sources),
    matchedRuleIds: splitList(d.matchedRuleIds),
  };
  const conditions: RoutingRuleInput['conditions'] = Object.fromEntries(
    Object.entries(lists).filter(([, v]) => v.length > 0),
  );
  if (d.minFollowers.trim() !== '') conditions.minFollowers = Math.trunc(Number(d.minFollowers));
  if (d.vip !== '') conditions.vip = d.vip === 'yes';
  return {
    name: d.name.trim(),
    enabled: d.enabled,
    queueId: d.queueId,
    priorityBoost: Math.trunc(Number(d.priorityBoost) || 0),
    tags: splitList(d.tags),
    conditions,
  };
}

/** "keywords: refund · languages: es · ≥ 10000 followers" for the list. */
export function conditionSummary(d: RuleDraft): string {
  const parts: string[] = [];
  const add = (label: string, v: string) => v.trim() && parts.push(`${label}: ${v.trim()}`);
  add('intents', d.intents);
  add('languages', d.languages);
  if (d.accountRoles.length) parts.push(`accounts: ${d.accountRoles.join(', ').toLowerCase()}`);
  add('handles', d.accountHandles);
  add('keywords', d.keywords);
  if (d.sentiments.length) parts.push(`sentiment: ${d.sentiments.join(', ')}`);
  add('sources', d.sources);
  add('listening rules', d.matchedRuleIds);
  if (d.minFollowers.trim()) parts.push(`≥ ${d.minFollowers.trim()} followers`);
  if (d.vip) parts.push(d.vip === 'yes' ? 'VIP customers' : 'not VIP');
  return parts.length ? parts.join(' · ') : 'every conversation';
}

/** Moves item `i` by `by` places (clamped), for the up/down buttons. */
export function move<T>(items: readonly T[], i: number, by: number): T[] {
  const j = Math.max(0, Math.min(items.length - 1, i + by));
  if (i === j) return [...items];
  const out = [...items];
  const [x] = out.splice(i, 1);
  out.splice(j, 0, x!);
  return out;
}

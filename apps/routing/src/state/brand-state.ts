import type { ScheduleException, WeeklySlot } from '../common/schedule';
import type { BreachAction, Channel, RuleConditions, SlaTarget, Strategy } from '../data/brand-config.record';
import type { Conversation } from '../data/conversation.record';
import type { WaitingList } from './waiting-list';

export type { BreachAction, Channel, RuleConditions, SlaTarget, Strategy } from '../data/brand-config.record';
export type { Conversation } from '../data/conversation.record';

/** In-memory routing state of one brand, rebuilt from PostgreSQL (PERFORMANCE.md: decisions in memory). */
export interface AgentState {
  id: string;
  name: string;
  role: 'agent' | 'supervisor' | 'admin';
  languages: ReadonlySet<string>;
  queueIds: ReadonlySet<string>;
  status: 'online' | 'away' | 'offline';
  timezone: string;
  shifts: WeeklySlot[];
  exceptions: ScheduleException[];
  capacity: number;
  active: number;
  /** Optional limits per channel within `capacity` (e.g. at most 2 DMs of 5); absent = only the total counts. */
  channelCapacity: Partial<Record<Channel, number>>;
  /** Assigned conversations per channel (derived from the open conversations, kept with `active`). */
  activeByChannel: Record<Channel, number>;
  /** Order of the last assignment (round robin and ties); a counter, not a time, so a batch orders too. */
  lastAssignedSeq: number;
  /** Shift check cached per minute (a luxon zone conversion per agent per decision is too slow). */
  shiftCache: { minute: number; onShift: boolean };
}

export interface QueueState {
  id: string;
  name: string;
  team: 'care' | 'sales';
  timezone: string;
  businessHours: WeeklySlot[];
  slaTargets: SlaTarget[];
  slaWarnRatio: number;
  slaWarnPriorityBoost: number;
  breachAction: BreachAction;
  escalationQueueId: string | null;
  strategy: Strategy;
  stickyWindowMinutes: number | null;
  relaxLanguageAfterMinutes: number | null;
  /** A customer writing again within this long after a resolution reopens that conversation; 0 = never. */
  reopenWindowMinutes: number;
  /** Added to a VIP customer's priority in this queue (capped at 100). */
  vipPriorityBoost: number;
  /** Hard lock: only the assignee answers; agents may not take a conversation assigned to someone else. */
  hardLock: boolean;
  /** Agents who work this queue (any status), for eligibility scans. */
  members: AgentState[];
  waiting: WaitingList;
  assigned: number;
  openCache: { minute: number; open: boolean };
}

export interface RuleState {
  id: string;
  name: string;
  conditions: RuleConditions;
  queueId: string;
  priorityBoost: number;
  tags: string[];
}

export interface DmLeg {
  conversationId: string;
  /** The conversation's own thread key (where it sits in `open` or `recentlyResolved`). */
  key: string;
  at: number;
}

export interface BrandState {
  brandId: string;
  /** routing_versions.version this memory reflects. */
  version: number;
  /** routing_versions.config_version: queues, rules, shifts; a change forces a full reload. */
  configVersion: number;
  agents: Map<string, AgentState>;
  queues: Map<string, QueueState>;
  /** Ordered by position. */
  rules: RuleState[];
  /** Open conversations by thread key (see `threadKey`). */
  open: Map<string, Conversation>;
  byId: Map<string, Conversation>;
  /**
   * Each customer's latest resolved conversation (by `customerXId:channel`) while it can still be
   * reopened: within its queue's reopen window, and only while the customer has no open one.
   */
  recentlyResolved: Map<string, Conversation>;
  /**
   * Each customer's DM leg: the conversation of another channel the brand last DMed them from
   * (`dmLinkedAt`), which their DMs join while it is open or reopenable. Checked at use against
   * `byId` and `recentlyResolved` (the entry can outlive the conversation's stay there).
   */
  dmLegs: Map<string, DmLeg>;
  /**
   * Issue 13: the thread key of each conversation merged into another -> the target's id. A later
   * message in that thread joins (or reopens) the target instead; checked at use against `byId` and
   * `recentlyResolved`.
   */
  mergeAliases: Map<string, string>;
  /** The agent who last handled a customer (resolved or snoozed), for stickiness. */
  lastAgent: Map<string, { agentId: string; at: number }>;
  defaultQueueId: string | null;
  seq: number;
  /**
   * Customers' VIP flags by X user id, as conversations announced them (`customer.updated`), with
   * when the flag changed: a late, older event changes nothing.
   */
  vips: Map<string, { vip: boolean; at: number }>;
}

export function isVip(state: BrandState, customerXId: string): boolean {
  return state.vips.get(customerXId)?.vip ?? false;
}

/**
 * What a conversation is: the customer and channel, and for public tweets the X conversation id
 * (the reply chain), so two X threads of one customer are two conversations. A DM, or a public
 * tweet X gave no conversation id, is keyed by customer and channel alone.
 */
export function threadKey(
  customerXId: string,
  channel: string,
  xConversationId: string | null | undefined,
): string {
  return channel === 'dm' || !xConversationId
    ? `${customerXId}:${channel}`
    : `${customerXId}:${channel}:${xConversationId}`;
}

export function threadKeyOf(conv: Conversation): string {
  return threadKey(conv.customerXId, conv.channel, conv.xConversationId);
}

/** Records a conversation's DM leg for its customer, unless a later link is already known. */
export function noteDmLeg(state: BrandState, conv: Conversation): void {
  if (conv.dmLinkedAt === null || conv.channel === 'dm') return;
  const known = state.dmLegs.get(conv.customerXId);
  if (known && known.at > conv.dmLinkedAt) return;
  state.dmLegs.set(conv.customerXId, {
    conversationId: conv.id,
    key: threadKeyOf(conv),
    at: conv.dmLinkedAt,
  });
}

/** Records that a merged conversation's thread now leads to `targetId`; earlier aliases to the merged one follow. */
export function noteMergeAlias(state: BrandState, key: string, mergedId: string, targetId: string): void {
  for (const [k, to] of state.mergeAliases) if (to === mergedId) state.mergeAliases.set(k, targetId);
  state.mergeAliases.set(key, targetId);
}

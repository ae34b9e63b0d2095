import type { ScheduleException, WeeklySlot } from './schedule';
import type { WaitingList } from './waiting-list';

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
  /** Order of the last assignment (round robin and ties); a counter, not a time, so a batch orders too. */
  lastAssignedSeq: number;
  /** Shift check cached per minute (a luxon zone conversion per agent per decision is too slow). */
  shiftCache: { minute: number; onShift: boolean };
}

export interface SlaTarget {
  /** Applies to conversations with at least this priority; the highest matching wins. */
  minPriority: number;
  minutes: number;
}

export type BreachAction = 'reassign' | 'escalate' | 'none';
export type Strategy = 'least_loaded' | 'round_robin';

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
  /** Agents who work this queue (any status), for eligibility scans. */
  members: AgentState[];
  waiting: WaitingList;
  assigned: number;
  openCache: { minute: number; open: boolean };
  /** Exponentially weighted handle time (assignment to resolution), ms; null until one is seen. */
  handleMsEwma: number | null;
  /** Last computed expected wait for a new arrival, ms; null when nobody staffs the queue. */
  expectedWaitMs: number | null;
}

export interface RuleConditions {
  intents?: string[];
  accountRoles?: string[];
  accountHandles?: string[];
  sources?: string[];
  languages?: string[];
  sentiments?: string[];
  /** Ids of the listening rules the mention matched (ingest's matchedRules). */
  matchedRuleIds?: string[];
  /** Any of these words or phrases, case-insensitive. */
  keywords?: string[];
  minFollowers?: number;
}

export interface RuleState {
  id: string;
  name: string;
  conditions: RuleConditions;
  queueId: string;
  priorityBoost: number;
  tags: string[];
}

export interface Conversation {
  id: string;
  customerXId: string;
  channel: string;
  queueId: string;
  status: 'waiting' | 'assigned' | 'snoozed';
  assigneeId: string | null;
  priority: number;
  language: string;
  openedAt: number;
  assignedAt: number | null;
  translationHint: boolean;
  firstResponseAt: number | null;
  slaWarnedAt: number | null;
  slaBreachedAt: number | null;
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
  /** Open conversations by `customerXId:channel`. */
  open: Map<string, Conversation>;
  byId: Map<string, Conversation>;
  /** The agent who last handled a customer (resolved or snoozed), for stickiness. */
  lastAgent: Map<string, { agentId: string; at: number }>;
  defaultQueueId: string | null;
  seq: number;
}

export function customerKey(customerXId: string, channel: string): string {
  return `${customerXId}:${channel}`;
}

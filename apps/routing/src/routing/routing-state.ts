/** In-memory routing state of one brand, rebuilt from PostgreSQL (PERFORMANCE.md: decisions in memory). */
export interface AgentState {
  id: string;
  name: string;
  languages: ReadonlySet<string>;
  queueIds: ReadonlySet<string>;
  status: 'online' | 'away' | 'offline';
  capacity: number;
  active: number;
  lastAssignedAt: number;
}

export interface QueueState {
  id: string;
  name: string;
  team: 'care' | 'sales';
  waiting: number;
  assigned: number;
  /** Epoch ms of the oldest waiting conversation, if any. */
  oldestWaitingSince: number | null;
}

export interface RuleConditions {
  intents?: string[];
  accountRoles?: string[];
  languages?: string[];
  sentiments?: string[];
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
}

export interface OpenConversation {
  id: string;
  queueId: string;
  status: 'waiting' | 'assigned' | 'snoozed';
  assigneeId: string | null;
  priority: number;
  openedAt: number;
}

export interface BrandState {
  brandId: string;
  agents: Map<string, AgentState>;
  queues: Map<string, QueueState>;
  /** Ordered by position. */
  rules: RuleState[];
  /** Open conversations by `customerXId:channel`. */
  open: Map<string, OpenConversation>;
  defaultQueueId: string | null;
}

export function customerKey(customerXId: string, channel: string): string {
  return `${customerXId}:${channel}`;
}

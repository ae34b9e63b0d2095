/** Routing settings as stored on agents, queues and rules (enum and jsonb columns). */
export type Channel = 'public' | 'dm';

export type AgentRole = 'agent' | 'supervisor' | 'admin';
export type AgentStatus = 'online' | 'away' | 'offline';

export interface SlaTarget {
  /** Applies to conversations with at least this priority; the highest matching wins. */
  minPriority: number;
  minutes: number;
}

export type BreachAction = 'reassign' | 'escalate' | 'none';
export type Strategy = 'least_loaded' | 'round_robin';

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

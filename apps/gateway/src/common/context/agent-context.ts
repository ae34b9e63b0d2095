import type { AgentRole } from '@roost/contracts';

/** Who is calling, from a verified token. Brand and role decide everything the caller may see. */
export interface AgentContext {
  readonly id: string;
  readonly brandId: string;
  readonly role: AgentRole;
  readonly initials: string;
  /** The queues an agent works; supervisors and admins see the whole brand regardless. */
  readonly queueIds: readonly string[];
  /** Token expiry, epoch milliseconds: sockets close then, operations after it are refused. */
  readonly expiresAtMs: number;
}

/** Why there is no agent: no token, a token we refuse (bad signature, malformed), or an expired one. */
export type AuthFailure = 'missing' | 'invalid' | 'expired';

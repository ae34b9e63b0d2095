import type { AgentRole } from './common';
import { DomainError, ErrorCode } from './errors';

/**
 * Who may do what, in one place for every service and the gateway. Roles are ordered: an admin may
 * do what a supervisor may, a supervisor what an agent may. The role judged is always the actor's
 * current one (routing's stored role, or `routing.agents.access` for the other services), never a
 * role a request or a token claims.
 */
const RANK: Readonly<Record<AgentRole, number>> = { agent: 0, supervisor: 1, admin: 2 };

/**
 * The `details.reason` of every FORBIDDEN error about who the actor is (docs/api.md "Errors").
 * - ROLE: the API's role guard refused the operation (`details.required`: the roles that may).
 * - SUPERVISOR_REQUIRED / ADMIN_REQUIRED: the owning service refused an actor below that role.
 * - OWN_ROLE / OWN_ACCOUNT: nobody changes their own role, nor deactivates or resets themselves.
 * - OWN_FIGURES_ONLY: an agent may read their own figures only.
 * - NOT_ASSIGNEE / NOT_OWN_QUEUE / NOT_SELF: an agent acting on what is not theirs.
 * - UNKNOWN_ACTOR / AGENT_INACTIVE: the actor is not (or no longer) an active agent of the brand.
 */
export type ForbiddenReason =
  | 'ROLE'
  | 'SUPERVISOR_REQUIRED'
  | 'ADMIN_REQUIRED'
  | 'OWN_ROLE'
  | 'OWN_ACCOUNT'
  | 'OWN_FIGURES_ONLY'
  | 'NOT_ASSIGNEE'
  | 'NOT_OWN_QUEUE'
  | 'NOT_SELF'
  | 'UNKNOWN_ACTOR'
  | 'AGENT_INACTIVE'
  | 'CONVERSATION_LOCKED';

/** True when `role` may do what `least` may. */
export function atLeast(role: AgentRole, least: AgentRole): boolean {
  return RANK[role] >= RANK[least];
}

/** Supervisors and admins see and manage the whole brand; agents their queues and themselves. */
export const managesBrand = (role: AgentRole): boolean => atLeast(role, 'supervisor');

/** A FORBIDDEN error with its typed reason. */
export function forbidden(
  reason: ForbiddenReason,
  message: string,
  details: Record<string, unknown> = {},
): DomainError {
  return new DomainError(ErrorCode.Forbidden, message, { reason, ...details });
}

/** Throws FORBIDDEN (SUPERVISOR_REQUIRED or ADMIN_REQUIRED) unless `role` is at least `least`. */
export function requireRole(role: AgentRole, least: 'supervisor' | 'admin'): void {
  if (atLeast(role, least)) return;
  throw least === 'admin'
    ? forbidden('ADMIN_REQUIRED', 'admins only')
    : forbidden('SUPERVISOR_REQUIRED', 'supervisors and admins only');
}

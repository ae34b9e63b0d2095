import { forbidden, requireRole, type AgentRole } from '@roost/contracts';
import type { AdminRepository } from '../data/admin.repository';

/** A request's acting part, as the gateway sends it (`actorRole` is the role in the caller's token). */
export interface ClaimedActor {
  brandId: string;
  actorId: string;
  actorRole: AgentRole;
}

/**
 * The actor with the role routing holds for them now, for requests that act on a role. The role the
 * gateway passes was signed into a token up to hours ago (or forged by anything that can publish on
 * the bus): routing owns agents and API keys, so it reads the actor's current role and access itself
 * and trusts nothing else. An inactive agent, a dead API key or an unknown id is FORBIDDEN.
 */
export async function checkedActor<T extends ClaimedActor>(
  repo: Pick<AdminRepository, 'actor'>,
  r: T,
): Promise<T> {
  const actor = await repo.actor(r.brandId, r.actorId);
  if (!actor) {
    throw forbidden('UNKNOWN_ACTOR', 'not an agent or API key of this brand');
  }
  if (!actor.active) {
    throw forbidden('AGENT_INACTIVE', 'this account is not active');
  }

  return actor.role === r.actorRole ? r : { ...r, actorRole: actor.role };
}

/** FORBIDDEN (SUPERVISOR_REQUIRED) unless the (checked) actor is a supervisor or an admin. */
export function requireSupervisor(r: { actorRole: AgentRole }): void {
  requireRole(r.actorRole, 'supervisor');
}

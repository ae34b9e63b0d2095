import type { AgentRole } from '../graphql/generated';

export interface AccessActions {
  deactivate: boolean;
  reactivate: boolean;
  resetPassword: boolean;
}

/**
 * Which access buttons an agent's row offers the viewer: admins only, never on their own row (the
 * server refuses both with FORBIDDEN). A deactivated agent can only be reactivated.
 */
export function accessActions(
  viewer: { id: string; role: AgentRole },
  agent: { id: string; active: boolean },
): AccessActions {
  const allowed = viewer.role === 'ADMIN' && viewer.id !== agent.id;
  return {
    deactivate: allowed && agent.active,
    reactivate: allowed && !agent.active,
    resetPassword: allowed && agent.active,
  };
}

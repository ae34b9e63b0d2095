import { managesBrand } from '@roost/contracts';
import type { AgentContext } from '../context/agent-context';

/** Supervisors and admins see the whole brand; agents see their queues and their assignments. */
export function seesWholeBrand(agent: AgentContext): boolean {
  return managesBrand(agent.role);
}

/** For queue ids already known to belong to the agent's brand (agents: their token's queues). */
export function canSeeQueue(agent: AgentContext, queueId: string): boolean {
  return seesWholeBrand(agent) || agent.queueIds.includes(queueId);
}

export function canSeeConversation(
  agent: AgentContext,
  c: { brandId: string; queueId: string; assigneeId: string | null },
): boolean {
  if (c.brandId !== agent.brandId) return false;

  return canSeeQueue(agent, c.queueId) || c.assigneeId === agent.id;
}

import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, RoutingRpc, type AgentRole } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { LRUCache } from 'lru-cache';

/**
 * Routing's answers are kept this long: the bound on how late a demotion reaches this service (the
 * gateway applies it at once; this is the second line, against a stale or forged `agentRole`).
 */
const CACHE_MS = 5_000;
const MAX_CACHED = 10_000;

type Answer = { actor: { role: AgentRole; active: boolean } | null };

/**
 * The acting agent's (or API key's) current role, asked of routing, which owns agents
 * (RoutingRpc.ActorAccess), for the requests that act on a role. The `agentRole` a request carries
 * comes from a token signed hours ago, or from anything that can publish on the bus: never trusted.
 * Routing down: the request fails with UPSTREAM_UNAVAILABLE rather than trusting the claim.
 */
@Injectable()
export class ActorRoles {
  private readonly cache: LRUCache<string, Answer, { brandId: string; actorId: string }>;

  constructor(private readonly rpc: RpcClient) {
    this.cache = new LRUCache<string, Answer, { brandId: string; actorId: string }>({
      max: MAX_CACHED,
      ttl: CACHE_MS,
      fetchMethod: (_key, _stale, { context }) => this.rpc.request(RoutingRpc.ActorAccess, context),
    });
  }

  /** FORBIDDEN unless the actor is an active agent (or a working API key) of the brand with a supervisor's or admin's role now. */
  async requireSupervisor(r: { brandId: string; agentId: string }): Promise<void> {
    const answer = await this.cache.fetch(`${r.brandId}:${r.agentId}`, { context: { brandId: r.brandId, actorId: r.agentId } });
    const actor = answer?.actor;
    if (!actor) throw new DomainError(ErrorCode.Forbidden, 'not an agent or API key of this brand', { reason: 'UNKNOWN_ACTOR' });
    if (!actor.active) throw new DomainError(ErrorCode.Forbidden, 'this account is not active', { reason: 'AGENT_INACTIVE' });
    if (actor.role === 'agent') throw new DomainError(ErrorCode.Forbidden, 'supervisors and admins only', { reason: 'ROLE_REQUIRED', role: actor.role });
  }
}

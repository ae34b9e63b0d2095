import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, RoutingRpc, forbidden, type AgentRole } from '@roost/contracts';
import { LRUCache } from 'lru-cache';
import { RpcClient } from './rpc';

/**
 * Routing's answers are kept this long: the bound on how late a demotion reaches a service that
 * does not own agents (the gateway applies it at once; this is the second line, against a stale or
 * forged role claim).
 */
const CACHE_MS = 5_000;
const MAX_CACHED = 10_000;

type Answer = { actor: { role: AgentRole; active: boolean } | null };

/**
 * The acting agent's (or API key's) current role, asked of routing, which owns agents
 * (RoutingRpc.ActorAccess), for services that act on a role (conversations, metrics). The role a
 * request carries comes from a token signed hours ago, or from anything that can publish on the
 * bus: never trusted. Routing down: the request fails with UPSTREAM_UNAVAILABLE rather than
 * trusting the claim. Provide it in the module whose requests use it.
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

  /** The actor's role now; FORBIDDEN for an unknown or inactive actor. */
  async current(brandId: string, actorId: string): Promise<AgentRole> {
    const answer = await this.cache.fetch(`${brandId}:${actorId}`, { context: { brandId, actorId } });
    const actor = answer?.actor;
    if (!actor) {
      throw new DomainError(ErrorCode.Forbidden, 'not an agent or API key of this brand', {
        reason: 'UNKNOWN_ACTOR',
      });
    }
    if (!actor.active) {
      throw new DomainError(ErrorCode.Forbidden, 'this account is not active', { reason: 'AGENT_INACTIVE' });
    }

    return actor.role;
  }

  /** FORBIDDEN unless the actor is an active agent (or a working API key) of the brand with a supervisor's or admin's role now. */
  async requireSupervisor(r: { brandId: string; agentId: string }): Promise<void> {
    const role = await this.current(r.brandId, r.agentId);
    if (role === 'agent') {
      throw forbidden('SUPERVISOR_REQUIRED', 'supervisors and admins only', { role });
    }
  }

  /** The request with the actor's current role in place of the claimed `actorRole`. */
  async checked<T extends { brandId: string; actorId: string; actorRole: AgentRole }>(r: T): Promise<T> {
    const role = await this.current(r.brandId, r.actorId);

    return role === r.actorRole ? r : { ...r, actorRole: role };
  }
}

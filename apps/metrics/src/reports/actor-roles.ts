import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, RoutingRpc, type AgentRole } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { LRUCache } from 'lru-cache';

/**
 * Routing's answers are kept this long: the bound on how late a demotion reaches this service (the
 * gateway applies it at once; this is the second line, against a stale or forged `actorRole`).
 */
const CACHE_MS = 5_000;
const MAX_CACHED = 10_000;

type Answer = { actor: { role: AgentRole; active: boolean } | null };

/**
 * The acting agent's (or API key's) current role, asked of routing, which owns agents
 * (RoutingRpc.ActorAccess). The `actorRole` a request carries comes from a token signed hours ago, or
 * from anything that can publish on the bus: every request is judged on the answer instead. Routing
 * down: the request fails with UPSTREAM_UNAVAILABLE rather than trusting the claim.
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

  /** The request with the actor's current role in place of the claimed one; FORBIDDEN for an unknown or inactive actor. */
  async checked<T extends { brandId: string; actorId: string; actorRole: AgentRole }>(r: T): Promise<T> {
    const answer = await this.cache.fetch(`${r.brandId}:${r.actorId}`, { context: { brandId: r.brandId, actorId: r.actorId } });
    const actor = answer?.actor;
    if (!actor) throw new DomainError(ErrorCode.Forbidden, 'not an agent or API key of this brand', { reason: 'UNKNOWN_ACTOR' });
    if (!actor.active) throw new DomainError(ErrorCode.Forbidden, 'this account is not active', { reason: 'AGENT_INACTIVE' });

    return actor.role === r.actorRole ? r : { ...r, actorRole: actor.role };
  }
}

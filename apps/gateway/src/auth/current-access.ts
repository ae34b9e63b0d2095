import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { DomainError, ErrorCode, LiveEvents, Rpc, type AgentProfile, type AgentRole } from '@roost/contracts';
import { LiveChannel, NatsClient, RpcClient } from '@roost/messaging';
import type { Subscription } from '@nats-io/nats-core';
import type { AgentContext } from '../common/context/agent-context';
import type { VerifiedToken } from './token.service';

/** Safety net for a missed live event (core NATS is at most once): every known agent is re-read this often. */
const REFRESH_MS = 60_000;
/** Rpc.GetAgents takes at most this many ids. */
const BATCH = 500;

const RANK: Record<AgentRole, number> = { agent: 0, supervisor: 1, admin: 2 };

/** An agent's access as routing holds it now; null: routing has no such agent in that brand. */
interface Access {
  readonly brandId: string;
  readonly role: AgentRole;
  readonly queueIds: readonly string[];
  readonly active: boolean;
}

interface Entry {
  access: Access;
  /** Last time a credential of the agent was used here (entries unused for a token lifetime are dropped). */
  seenAt: number;
}

function toAccess(p: AgentProfile): Access {
  return {
    brandId: p.brandId,
    role: p.role,
    queueIds: Object.freeze([...p.queueIds]),
    active: p.active !== false,
  };
}

function sameAccess(a: Access | undefined, b: Access | null): boolean {
  if (!a || !b) return !a && !b;

  return (
    a.role === b.role &&
    a.active === b.active &&
    a.queueIds.length === b.queueIds.length &&
    a.queueIds.every((q) => b.queueIds.includes(q))
  );
}

/**
 * An agent's role and queues as routing holds them now, not as signed into their token hours ago
 * (RELIABILITY.md "Privileges"). Every agent credential, on HTTP and at connection_init, passes
 * through `resolve`, which replaces the token's role and queues with the current ones: a demoted
 * admin is refused admin operations at once, a removed member stops seeing the queue. The hot path
 * is one Map lookup; the first use of an agent on this gateway asks routing (Rpc.GetAgents).
 *
 * Kept current like TokenRevocations: routing announces every change of an agent's role, queues or
 * access (LiveEvents.AgentAccessChanged) and this gateway re-reads that agent; every known agent is
 * re-read on every NATS reconnect and every minute, so a missed event costs at most that long. A
 * re-read started later always wins over an earlier one still in flight. Identity-provider tokens'
 * role claim is a ceiling: the lower of it and routing's role applies.
 */
@Injectable()
export class CurrentAccess implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(CurrentAccess.name);
  private readonly known = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Access | null>>();
  /** The latest read started per agent: an older answer arriving later is dropped. */
  private readonly reads = new Map<string, number>();
  private readonly listeners: Array<(agentId: string) => void> = [];
  /** Agents still in use without new credentials (open sockets): never dropped. */
  private inUse: (agentId: string) => boolean = () => false;
  private readCount = 0;
  private sub?: Subscription;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly live: LiveChannel,
    private readonly rpc: RpcClient,
    private readonly nats: NatsClient,
    @Inject(ROOST_ENV) private readonly env: RoostEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.sub = this.live.subscribe(LiveEvents.AgentAccessChanged, {}, (e) => {
      if (this.known.has(e.agentId)) void this.reread(e.brandId, [e.agentId]);
    });
    this.timer = setInterval(() => void this.refreshAll(), REFRESH_MS);
    this.timer.unref();
    this.watchReconnects();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.sub?.unsubscribe();
  }

  /** The caller with their current role and queues; API keys pass unchanged (ApiKeyVerifier asks routing). */
  async resolve(agent: AgentContext): Promise<VerifiedToken> {
    if (agent.kind !== 'agent') return { ok: true, agent };
    let access: Access | null;
    try {
      access = await this.access(agent.brandId, agent.id);
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.UpstreamUnavailable) {
        return { ok: false, failure: 'unavailable' };
      }
      throw err;
    }
    if (!access || access.brandId !== agent.brandId) return { ok: false, failure: 'invalid' };
    if (!access.active) return { ok: false, failure: 'revoked' };

    return { ok: true, agent: this.apply(agent, access) };
  }

  /** The caller with the access known now, without waiting (sockets re-judge their agent with it on a change). */
  current(agent: AgentContext): AgentContext | null {
    if (agent.kind !== 'agent') return agent;
    const entry = this.known.get(agent.id);
    if (entry) entry.seenAt = Date.now();
    const access = entry?.access;
    if (!access?.active || access.brandId !== agent.brandId) return null;

    return this.apply(agent, access);
  }

  /** Called with the agent's id whenever their role, queues or access change here. */
  onChange(listener: (agentId: string) => void): void {
    this.listeners.push(listener);
  }

  /** Agents the predicate names are kept (and re-read) however long since their credential was last presented. */
  retain(inUse: (agentId: string) => boolean): void {
    this.inUse = inUse;
  }

  /** A profile this gateway was just answered by routing (its own update): applied before the event arrives. */
  learn(profile: AgentProfile): void {
    if (!this.known.has(profile.id)) return;
    this.reads.set(profile.id, ++this.readCount);
    this.store(profile.id, toAccess(profile));
  }

  async refreshAll(): Promise<void> {
    if (this.stopped) return;
    const horizon = Date.now() - this.env.jwtTtlSeconds * 1000;
    const byBrand = new Map<string, string[]>();
    for (const [id, entry] of this.known) {
      if (entry.seenAt < horizon && !this.inUse(id)) {
        this.known.delete(id);
        this.reads.delete(id);
        continue;
      }
      const brandId = entry.access.brandId;
      byBrand.set(brandId, [...(byBrand.get(brandId) ?? []), id]);
    }
    for (const [brandId, ids] of byBrand) {
      for (let i = 0; i < ids.length; i += BATCH) await this.reread(brandId, ids.slice(i, i + BATCH));
    }
  }

  private apply(agent: AgentContext, access: Access): AgentContext {
    const role =
      agent.roleCeiling && RANK[agent.roleCeiling] < RANK[access.role] ? agent.roleCeiling : access.role;
    const sameQueues =
      access.queueIds.length === agent.queueIds.length &&
      access.queueIds.every((q) => agent.queueIds.includes(q));
    if (role === agent.role && sameQueues) return agent;

    return Object.freeze({ ...agent, role, queueIds: access.queueIds });
  }

  private async access(brandId: string, agentId: string): Promise<Access | null> {
    const entry = this.known.get(agentId);
    if (entry) {
      entry.seenAt = Date.now();

      return entry.access;
    }
    let pending = this.inflight.get(agentId);
    if (!pending) {
      pending = this.read(brandId, agentId).finally(() => this.inflight.delete(agentId));
      this.inflight.set(agentId, pending);
    }

    return pending;
  }

  private async read(brandId: string, agentId: string): Promise<Access | null> {
    const n = ++this.readCount;
    this.reads.set(agentId, n);
    const { agents } = await this.rpc.request(Rpc.GetAgents, { brandId, ids: [agentId] });
    const found = agents.find((a) => a.id === agentId && a.brandId === brandId);
    const access = found ? toAccess(found) : null;
    if (this.reads.get(agentId) === n) this.store(agentId, access);

    return this.known.get(agentId)?.access ?? access;
  }

  private async reread(brandId: string, ids: string[]): Promise<void> {
    const started = new Map(ids.map((id) => [id, ++this.readCount]));
    for (const [id, n] of started) this.reads.set(id, n);
    try {
      const { agents } = await this.rpc.request(Rpc.GetAgents, { brandId, ids });
      for (const id of ids) {
        if (this.reads.get(id) !== started.get(id) || !this.known.has(id)) continue;
        const found = agents.find((a) => a.id === id && a.brandId === brandId);
        this.store(id, found ? toAccess(found) : null);
      }
    } catch (err) {
      this.log.warn(
        { err: err instanceof Error ? err.message : String(err), brandId },
        'agent access could not be re-read; retrying',
      );
    }
  }

  /** An agent routing does not know is not remembered: asked again at the next use (only we sign such tokens). */
  private store(agentId: string, access: Access | null): void {
    const prev = this.known.get(agentId);
    if (access) this.known.set(agentId, { access, seenAt: prev?.seenAt ?? Date.now() });
    else this.known.delete(agentId);
    if (prev && !sameAccess(prev.access, access)) for (const l of this.listeners) l(agentId);
  }

  private watchReconnects(): void {
    void (async () => {
      for await (const s of this.nats.nc.status()) {
        if (this.stopped) return;
        if (s.type === 'reconnect') void this.refreshAll();
      }
    })().catch(() => undefined);
  }
}

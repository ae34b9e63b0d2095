import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { LiveEvents, RoutingRpc, type AgentAccessChangedV1 } from '@roost/contracts';
import { LiveChannel, NatsClient, RpcClient } from '@roost/messaging';
import type { Subscription } from '@nats-io/nats-core';
import type { AgentContext } from '../common/context/agent-context';
import { RevocationMap } from './revocation-map';

/** Safety net for a missed live event (core NATS is at most once): the list is re-read this often. */
const REFRESH_MS = 60_000;
/** Clock skew between routing's database and the gateways, allowed for when asking for recent revocations. */
const SKEW_MS = 60_000;

/**
 * Which agent tokens are revoked, in memory: agentId → (active, tokens valid after). The hot path is
 * one Map lookup per request or socket operation. Routing announces every change
 * (LiveEvents.AgentAccessChanged, to every gateway); the list of revocations younger than the token
 * lifetime (older ones concern only expired tokens: login is refused to inactive agents) is read at
 * start, on every NATS reconnect and every minute, so a gateway that started later or missed an
 * event still knows. Until the first read succeeds (routing down at start) only announced changes
 * are known. Identity-provider tokens may live longer: IdpTokenVerifier also refuses an inactive
 * agent's through their profile.
 *
 * `iat` has second precision: tokens are signed with an `iat` no earlier than the agent's revocation
 * (rounded up to the second), so a token issued after a password change is never caught by it.
 */
@Injectable()
export class TokenRevocations implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(TokenRevocations.name);
  private readonly map = new RevocationMap();
  private readonly listeners: Array<(agentId: string) => void> = [];
  /** Events received while a refresh is in flight, re-applied over its snapshot. */
  private pending: AgentAccessChangedV1[] | null = null;
  private sub?: Subscription;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly live: LiveChannel,
    private readonly rpc: RpcClient,
    private readonly nats: NatsClient,
    @Inject(ROOST_ENV) private readonly env: RoostEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.sub = this.live.subscribe(
      LiveEvents.AgentAccessChanged,
      {},
      (e) => this.apply(e),
      (err) =>
        this.log.warn(
          { err: err instanceof Error ? err.message : String(err) },
          'invalid agent access event dropped',
        ),
    );
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    this.timer.unref();
    this.watchReconnects();
    await this.refresh();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.sub?.unsubscribe();
  }

  /** Whether this caller's token must be refused (agents only; API keys have their own revocation). */
  refused(agent: AgentContext): boolean {
    return this.map.refused(agent);
  }

  /** The `iat` (seconds) to sign a new token of the agent with: now, or later if a revocation is in this second. */
  issuedAtSeconds(agentId: string, nowMs: number = Date.now()): number {
    return this.map.issuedAtSeconds(agentId, nowMs);
  }

  /** Called with the agent's id whenever their access changes here (sockets then re-check and close). */
  onChange(listener: (agentId: string) => void): void {
    this.listeners.push(listener);
  }

  /** A change announced by routing, or answered to this gateway's own request (applied before the event arrives). */
  apply(e: AgentAccessChangedV1): void {
    this.pending?.push(e);
    if (this.map.apply(e)) this.notify(e.agentId);
  }

  async refresh(): Promise<void> {
    if (this.pending || this.stopped) return;
    this.pending = [];
    try {
      const since = new Date(Date.now() - this.env.jwtTtlSeconds * 1000 - SKEW_MS).toISOString();
      const { revocations } = await this.rpc.request(RoutingRpc.ListTokenRevocations, { since });
      const pending = this.pending;
      const changed = this.map.replace(revocations);
      this.pending = null;
      for (const e of pending) this.map.apply(e);
      // Notified after the re-applied events, so a socket is judged on the latest access.
      for (const id of new Set([...changed, ...pending.map((e) => e.agentId)])) this.notify(id);
    } catch (err) {
      this.log.warn(
        { err: err instanceof Error ? err.message : String(err) },
        'token revocations could not be read; retrying',
      );
    } finally {
      this.pending = null;
    }
  }

  private notify(agentId: string): void {
    for (const l of this.listeners) l(agentId);
  }

  private watchReconnects(): void {
    void (async () => {
      for await (const s of this.nats.nc.status()) {
        if (this.stopped) return;
        if (s.type === 'reconnect') void this.refresh();
      }
    })().catch(() => undefined);
  }
}

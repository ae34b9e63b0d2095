import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { ApiKeyRpc, DomainError, ErrorCode, type ApiKeyPrincipal } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { LRUCache } from 'lru-cache';
import type { AgentContext } from '../common/context/agent-context';
import type { VerifiedToken } from './token.service';

/** Verdicts kept per gateway instance (one per distinct key presented, refused ones included). */
const MAX_CACHED_KEYS = 10_000;

/** Anything else is refused without asking routing (keys are `rk_` + 43 base64url characters today). */
const KEY_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

/** The signature an API key puts on public replies (agents sign with their initials). */
export const API_KEY_INITIALS = 'API';

type Verdict = { ok: true; principal: ApiKeyPrincipal } | { ok: false };

/**
 * Verifies `ApiKey <key>` credentials with routing (Rpc ApiKeyRpc.Verify) and remembers the verdict
 * for API_KEY_CACHE_SECONDS, so an integration is not one NATS round trip per request. That TTL is
 * the bound on revocation: another gateway instance may accept a revoked key for at most that long
 * (this instance forgets it at once, see `forget`). Concurrent first uses of a key share one request
 * (lru-cache's fetch); upstream failures are not cached. Keys are cached under their SHA-256, never
 * in clear.
 */
@Injectable()
export class ApiKeyVerifier {
  private readonly cache?: LRUCache<string, Verdict, string>;

  constructor(
    @Inject(ROOST_ENV) env: RoostEnv,
    private readonly rpc: RpcClient,
  ) {
    const ttl = env.auth.apiKeyCacheSeconds * 1000;
    // lru-cache reads ttl 0 as "forever"; 0 here means "ask every time".
    if (ttl > 0) {
      this.cache = new LRUCache<string, Verdict, string>({
        max: MAX_CACHED_KEYS,
        ttl,
        fetchMethod: (_hash, _stale, { context }) => this.ask(context),
      });
    }
  }

  async verify(key: string): Promise<VerifiedToken> {
    if (!KEY_SHAPE.test(key)) return { ok: false, failure: 'invalid_api_key' };
    let verdict: Verdict | undefined;
    try {
      verdict = this.cache
        ? await this.cache.fetch(createHash('sha256').update(key).digest('base64url'), { context: key })
        : await this.ask(key);
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.UpstreamUnavailable) return { ok: false, failure: 'unavailable' };
      throw err;
    }
    if (!verdict?.ok) return { ok: false, failure: 'invalid_api_key' };

    return { ok: true, agent: toCaller(verdict.principal) };
  }

  /** Called when this instance revokes a key: it stops working here immediately. */
  forget(keyId: string): void {
    if (!this.cache) return;
    for (const [hash, verdict] of this.cache.entries()) {
      if (verdict.ok && verdict.principal.id === keyId) this.cache.delete(hash);
    }
  }

  private async ask(key: string): Promise<Verdict> {
    try {
      return { ok: true, principal: await this.rpc.request(ApiKeyRpc.Verify, { key }) };
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.Unauthenticated) return { ok: false };
      throw err;
    }
  }
}

function toCaller(p: ApiKeyPrincipal): AgentContext {
  return Object.freeze({
    kind: 'apiKey',
    id: p.id,
    brandId: p.brandId,
    role: p.role,
    initials: API_KEY_INITIALS,
    queueIds: Object.freeze([]),
    // A cached verdict outlives the expiry by up to the cache TTL: the guard and the socket timer
    // refuse past expiresAtMs. Revocation and the creator's access are bounded by the TTL instead.
    expiresAtMs: p.expiresAt ? Date.parse(p.expiresAt) : Number.MAX_SAFE_INTEGER,
  });
}

import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { isIPv6 } from 'node:net';
import { ApiKeyRpc, DomainError, ErrorCode, apiKeyShape, type ApiKeyPrincipal } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { LRUCache } from 'lru-cache';
import type { AgentContext } from '../common/context/agent-context';
import { API_KEY_LOOKUPS_BURST, API_KEY_LOOKUPS_PER_SECOND } from '../common/limits/limits.constants';
import { TokenBuckets } from '../common/limits/token-buckets';
import type { VerifiedToken } from './token.service';

/** Verdicts kept per gateway instance (one per distinct key presented, refused ones included). */
const MAX_CACHED_KEYS = 10_000;

/** The signature an API key puts on public replies (agents sign with their initials). */
export const API_KEY_INITIALS = 'API';

type Verdict = { ok: true; principal: ApiKeyPrincipal } | { ok: false };

/**
 * Before any lookup, two gates make a sprayed key cheap: a key whose shape or checksum is wrong
 * (apiKeyShape) is refused here, and a client address gets API_KEY_LOOKUPS_BURST lookups, refilled
 * at API_KEY_LOOKUPS_PER_SECOND, for keys this instance has no verdict on: the token taken for a
 * lookup is given back when the key turns out valid, so only refused keys spend the budget, and an
 * address that spent it gets `rate_limited` without routing being asked. IPv6 addresses count per
 * /64 (one host usually holds the whole /64). Cached verdicts, valid or refused (the negative cache),
 * cost no token.
 *
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
  private readonly lookups = new TokenBuckets({
    perSecond: API_KEY_LOOKUPS_PER_SECOND,
    burst: API_KEY_LOOKUPS_BURST,
  });

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

  /** `clientIp`: the address the failed-lookup budget is kept for (req.ip, or the socket's upgrade address). */
  async verify(key: string, clientIp: string): Promise<VerifiedToken> {
    if (apiKeyShape(key) === 'malformed') return { ok: false, failure: 'invalid_api_key' };
    const hash = createHash('sha256').update(key).digest('base64url');
    let verdict = this.cache?.get(hash);
    if (!verdict) {
      const address = addressKey(clientIp);
      if (!this.lookups.take(address).allowed) return { ok: false, failure: 'rate_limited' };
      try {
        verdict = this.cache ? await this.cache.fetch(hash, { context: key }) : await this.ask(key);
      } catch (err) {
        this.lookups.giveBack(address);
        if (err instanceof DomainError && err.code === ErrorCode.UpstreamUnavailable) {
          return { ok: false, failure: 'unavailable' };
        }
        throw err;
      }
      if (verdict?.ok) this.lookups.giveBack(address);
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

/** The budget's key: the address itself, or its /64 for IPv6 (the first four groups, `::` expanded). */
function addressKey(ip: string): string {
  const addr = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (!isIPv6(addr)) return addr;
  const [head = '', tail = ''] = addr.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = addr.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;

  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
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

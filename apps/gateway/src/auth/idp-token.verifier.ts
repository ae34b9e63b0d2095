import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, type IdpConfig, type RoostEnv } from '@roost/config';
import { AgentRole, codec, DomainError, ErrorCode, Rpc, Uuid, type AgentProfile } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { Type } from '@sinclair/typebox';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import type { VerifiedToken } from './token.service';

/** The JWKS answer is awaited this long before the token is refused as `unavailable`. */
const JWKS_TIMEOUT_MS = 5_000;
/** A token naming an unknown `kid` refetches the JWKS at most this often (key rotation, not a DoS lever). */
const JWKS_COOLDOWN_MS = 30_000;
const MAX_CACHED_PROFILES = 10_000;

/** The configured claims, once read: a valid signature on odd values is still refused. */
const IdpClaims = codec('gateway.idp-claims', Type.Object({ brandId: Uuid, role: AgentRole, agentId: Uuid }));

type Profile = { found: true; profile: AgentProfile } | { found: false };

/**
 * RS256 tokens from an identity provider (AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE): signature
 * against the provider's published keys (jose fetches and caches the JWKS, refetching on an unknown
 * `kid`), issuer, audience and expiry (required) are checked; the brand, role and agent come from the
 * configured claims. The agent must exist in that brand in routing, which also gives their queues
 * and initials (cached like API keys, for API_KEY_CACHE_SECONDS). The claimed role is a ceiling:
 * CurrentAccess applies the lower of it and routing's current role, and routing's current queues.
 */
@Injectable()
export class IdpTokenVerifier {
  private readonly idp?: IdpConfig;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;
  private readonly profiles: LRUCache<string, Profile, { brandId: string; agentId: string }>;

  constructor(
    @Inject(ROOST_ENV) env: RoostEnv,
    private readonly rpc: RpcClient,
  ) {
    this.idp = env.auth.idp;
    if (this.idp) {
      this.jwks = createRemoteJWKSet(new URL(this.idp.jwksUrl), {
        timeoutDuration: JWKS_TIMEOUT_MS,
        cooldownDuration: JWKS_COOLDOWN_MS,
      });
    }
    this.profiles = new LRUCache<string, Profile, { brandId: string; agentId: string }>({
      max: MAX_CACHED_PROFILES,
      ttl: Math.max(env.auth.apiKeyCacheSeconds, 1) * 1000,
      fetchMethod: (_key, _stale, { context }) => this.lookUp(context.brandId, context.agentId),
    });
  }

  get enabled(): boolean {
    return this.jwks !== undefined;
  }

  async verify(token: string): Promise<VerifiedToken> {
    if (!this.idp || !this.jwks) return { ok: false, failure: 'invalid' };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.jwks, {
        algorithms: ['RS256'],
        issuer: this.idp.issuer,
        audience: this.idp.audience,
        requiredClaims: ['exp'],
      }));
    } catch (err) {
      if (err instanceof errors.JWTExpired) return { ok: false, failure: 'expired' };
      if (err instanceof errors.JWKSTimeout || !(err instanceof errors.JOSEError)) {
        return { ok: false, failure: 'unavailable' };
      }

      return { ok: false, failure: 'invalid' };
    }
    const { claims } = this.idp;
    let brandId: string, agentRole: AgentRole, agentId: string;
    try {
      ({
        brandId,
        role: agentRole,
        agentId,
      } = IdpClaims.check({
        brandId: payload[claims.brand],
        role: payload[claims.role],
        agentId: payload[claims.agent],
      }));
    } catch {
      return { ok: false, failure: 'invalid' };
    }
    let profile: Profile | undefined;
    try {
      profile = await this.profiles.fetch(`${brandId}:${agentId}`, { context: { brandId, agentId } });
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.UpstreamUnavailable) {
        return { ok: false, failure: 'unavailable' };
      }
      throw err;
    }
    if (!profile?.found) return { ok: false, failure: 'invalid' };
    // Deactivated long ago (no longer in the recent revocations TokenRevocations keeps): still refused.
    if (profile.profile.active === false) return { ok: false, failure: 'revoked' };

    return {
      ok: true,
      agent: Object.freeze({
        kind: 'agent',
        id: agentId,
        brandId,
        role: agentRole,
        roleCeiling: agentRole,
        initials: profile.profile.initials,
        queueIds: Object.freeze([...profile.profile.queueIds]),
        expiresAtMs: (payload.exp ?? 0) * 1000,
        ...(typeof payload.iat === 'number' ? { issuedAtMs: payload.iat * 1000 } : {}),
      }),
    };
  }

  private async lookUp(brandId: string, agentId: string): Promise<Profile> {
    const { agents } = await this.rpc.request(Rpc.GetAgents, { brandId, ids: [agentId] });
    const profile = agents.find((a) => a.id === agentId && a.brandId === brandId);

    return profile ? { found: true, profile } : { found: false };
  }
}

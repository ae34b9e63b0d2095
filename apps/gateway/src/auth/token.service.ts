import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { AgentRole, codec, Uuid, type AgentProfile } from '@roost/contracts';
import { Type } from '@sinclair/typebox';
import jwt from 'jsonwebtoken';
import type { AgentContext, AuthFailure } from '../common/context/agent-context';

/** The claims we sign, checked again after verification (a valid signature on odd claims is refused). */
const TokenClaims = codec(
  'gateway.token-claims',
  Type.Object({
    sub: Uuid,
    brandId: Uuid,
    role: AgentRole,
    initials: Type.String({ maxLength: 4 }),
    queueIds: Type.Array(Uuid, { maxItems: 500 }),
    exp: Type.Integer(),
  }),
);

export type VerifiedToken = { ok: true; agent: AgentContext } | { ok: false; failure: AuthFailure };

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/** HS256 JWTs: signed at login, verified on every HTTP request and every socket `connection_init`. */
@Injectable()
export class TokenService {
  constructor(@Inject(ROOST_ENV) private readonly env: RoostEnv) {}

  sign(agent: AgentProfile): { token: string; expiresAt: Date } {
    const token = jwt.sign(
      { brandId: agent.brandId, role: agent.role, initials: agent.initials, queueIds: agent.queueIds },
      this.env.jwtSecret,
      { algorithm: 'HS256', subject: agent.id, expiresIn: this.env.jwtTtlSeconds },
    );
    const { exp } = jwt.decode(token) as { exp: number };

    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** `Authorization: Bearer <jwt>` (header or connection_init payload) → the caller, or why not. */
  fromAuthorization(value: unknown): VerifiedToken {
    if (value === undefined || value === null || value === '') return { ok: false, failure: 'missing' };
    const match = typeof value === 'string' ? BEARER.exec(value.trim()) : null;
    if (!match?.[1]) return { ok: false, failure: 'invalid' };

    return this.verify(match[1]);
  }

  verify(token: string): VerifiedToken {
    let payload: unknown;
    try {
      // The algorithm is pinned: a token that names another one (or "none") is refused.
      payload = jwt.verify(token, this.env.jwtSecret, { algorithms: ['HS256'] });
    } catch (err) {
      return { ok: false, failure: err instanceof jwt.TokenExpiredError ? 'expired' : 'invalid' };
    }
    let claims;
    try {
      claims = TokenClaims.check(payload);
    } catch {
      return { ok: false, failure: 'invalid' };
    }

    return {
      ok: true,
      agent: Object.freeze({
        id: claims.sub,
        brandId: claims.brandId,
        role: claims.role,
        initials: claims.initials,
        queueIds: Object.freeze([...claims.queueIds]),
        expiresAtMs: claims.exp * 1000,
      }),
    };
  }
}

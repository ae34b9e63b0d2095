import { Inject, Injectable } from '@nestjs/common';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { AgentRole, codec, Uuid, type AgentProfile } from '@roost/contracts';
import { Type } from '@sinclair/typebox';
import jwt from 'jsonwebtoken';
import type { AgentContext, AuthFailure } from '../common/context/agent-context';
import { TokenRevocations } from './token-revocations';

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
    iat: Type.Optional(Type.Integer()),
  }),
);

export type VerifiedToken = { ok: true; agent: AgentContext } | { ok: false; failure: AuthFailure };

/** The demo HS256 JWTs: signed at login, verified (through CredentialsService) on both transports. */
@Injectable()
export class TokenService {
  constructor(
    @Inject(ROOST_ENV) private readonly env: RoostEnv,
    private readonly revocations: TokenRevocations,
  ) {}

  sign(agent: AgentProfile): { token: string; expiresAt: Date } {
    // Never before the agent's latest revocation (iat has whole seconds): see TokenRevocations.
    const iat = this.revocations.issuedAtSeconds(agent.id);
    const token = jwt.sign(
      { brandId: agent.brandId, role: agent.role, initials: agent.initials, queueIds: agent.queueIds, iat },
      this.env.jwtSecret,
      { algorithm: 'HS256', subject: agent.id, expiresIn: this.env.jwtTtlSeconds },
    );
    const { exp } = jwt.decode(token) as { exp: number };

    return { token, expiresAt: new Date(exp * 1000) };
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
        kind: 'agent',
        id: claims.sub,
        brandId: claims.brandId,
        role: claims.role,
        initials: claims.initials,
        queueIds: Object.freeze([...claims.queueIds]),
        expiresAtMs: claims.exp * 1000,
        ...(claims.iat === undefined ? {} : { issuedAtMs: claims.iat * 1000 }),
      }),
    };
  }
}

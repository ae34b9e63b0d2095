import { Injectable } from '@nestjs/common';
import { decodeProtectedHeader } from 'jose';
import { ApiKeyVerifier } from './api-key.verifier';
import { CurrentAccess } from './current-access';
import { IdpTokenVerifier } from './idp-token.verifier';
import { TokenRevocations } from './token-revocations';
import { TokenService, type VerifiedToken } from './token.service';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;
const API_KEY = /^ApiKey (\S+)$/;

/** What a request or a socket's connection_init presented. */
export interface PresentedCredentials {
  /** `Bearer <jwt>` or `ApiKey <key>`. */
  readonly authorization?: unknown;
  /** The `X-Api-Key` header, or `apiKey` in connection_init. */
  readonly apiKey?: unknown;
  /** The client's address (after GATEWAY_TRUST_PROXY): refused API keys are limited per address. */
  readonly clientIp: string;
}

/**
 * The one place a credential becomes a caller, for both transports: the demo HS256 tokens (signed
 * at login), an identity provider's RS256 tokens (when AUTH_JWKS_URL is set) and API keys. The
 * token's header picks the verifier, and each verifier pins its algorithm, so an HS256 token can
 * never be checked against the IdP's public key or the other way round.
 */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly tokens: TokenService,
    private readonly idp: IdpTokenVerifier,
    private readonly keys: ApiKeyVerifier,
    private readonly revocations: TokenRevocations,
    private readonly access: CurrentAccess,
  ) {}

  /**
   * An agent's token is also checked against the revocations (deactivated agent, password changed
   * since it was issued), and its role and queues are replaced by the agent's current ones.
   */
  async authenticate(creds: PresentedCredentials): Promise<VerifiedToken> {
    const verified = await this.verify(creds);
    if (!verified.ok) return verified;
    if (this.revocations.refused(verified.agent)) return { ok: false, failure: 'revoked' };

    return this.access.resolve(verified.agent);
  }

  private async verify(creds: PresentedCredentials): Promise<VerifiedToken> {
    if (typeof creds.apiKey === 'string' && creds.apiKey !== '') {
      return this.keys.verify(creds.apiKey.trim(), creds.clientIp);
    }
    const value = creds.authorization;
    if (value === undefined || value === null || value === '') {
      return creds.apiKey === undefined
        ? { ok: false, failure: 'missing' }
        : { ok: false, failure: 'invalid_api_key' };
    }
    if (typeof value !== 'string') return { ok: false, failure: 'invalid' };
    const trimmed = value.trim();
    const key = API_KEY.exec(trimmed)?.[1];
    if (key) return this.keys.verify(key, creds.clientIp);
    const token = BEARER.exec(trimmed)?.[1];
    if (!token) return { ok: false, failure: 'invalid' };

    return this.verifyJwt(token);
  }

  private async verifyJwt(token: string): Promise<VerifiedToken> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      return { ok: false, failure: 'invalid' };
    }
    if (alg === 'RS256' && this.idp.enabled) return this.idp.verify(token);

    // Anything else goes to the HS256 verifier, which refuses every other algorithm ("none" included).
    return this.tokens.verify(token);
  }
}

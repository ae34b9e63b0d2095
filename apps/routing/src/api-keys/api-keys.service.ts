import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  apiKeyShape,
  forbidden,
  requireRole,
  type AgentRole,
  type ApiKeyPrincipal,
  type ApiKeyView,
} from '@roost/contracts';
import { hashApiKey, newApiKey } from '../common/api-key-secret';
import { ApiKeyRepository } from '../data/api-key.repository';

interface Acting {
  brandId: string;
  actorId: string;
}

/** API keys: admins of a brand create, list and revoke them; the gateway verifies them. */
@Injectable()
export class ApiKeys {
  constructor(private readonly repo: ApiKeyRepository) {}

  async create(
    r: Acting & { name: string; role: AgentRole; expiresAt?: string; boundToCreator?: boolean },
  ): Promise<{ key: ApiKeyView; secret: string }> {
    await this.requireAdmin(r);
    const expiresAt = r.expiresAt === undefined ? null : new Date(r.expiresAt);
    // The contract only bounds the string's length; an unparsable one is refused like a past one.
    if (expiresAt && !(expiresAt.getTime() > Date.now())) {
      throw new DomainError(ErrorCode.BadUserInput, 'expiresAt must be in the future', {
        field: 'expiresAt',
        reason: 'EXPIRY_IN_PAST',
      });
    }
    const { secret, prefix, hash } = newApiKey();
    const key = await this.repo.create(r.brandId, {
      name: r.name,
      role: r.role,
      prefix,
      hash,
      createdBy: r.actorId,
      expiresAt,
      boundToCreator: r.boundToCreator ?? true,
    });

    return { key, secret };
  }

  async list(r: Acting): Promise<ApiKeyView[]> {
    await this.requireAdmin(r);

    return this.repo.list(r.brandId);
  }

  async revoke(r: Acting & { keyId: string }): Promise<ApiKeyView> {
    await this.requireAdmin(r);
    const key = await this.repo.revoke(r.brandId, r.keyId);
    if (!key) throw DomainError.notFound('api key', r.keyId);

    return key;
  }

  async verify(key: string): Promise<ApiKeyPrincipal> {
    // The gateway refuses these already; a key that cannot exist costs no query here either.
    const principal = apiKeyShape(key) === 'malformed' ? null : await this.repo.useByHash(hashApiKey(key));
    if (!principal) {
      throw new DomainError(ErrorCode.Unauthenticated, 'invalid API key', { reason: 'INVALID_API_KEY' });
    }

    return principal;
  }

  /**
   * The role the gateway passed (`actorRole`) comes from a token signed hours ago: an admin demoted or
   * deactivated since must not mint, list or revoke keys. Routing owns the agents, so it reads the
   * actor's current role and active flag itself and trusts nothing else.
   */
  private async requireAdmin(r: Acting): Promise<void> {
    // Agents only: an API key (even an admin one) is not a person and may not manage keys.
    const actor = await this.repo.actor(r.brandId, r.actorId);
    if (!actor) throw forbidden('UNKNOWN_ACTOR', 'not an agent of this brand');
    if (!actor.active) throw forbidden('AGENT_INACTIVE', 'this account is not active');
    requireRole(actor.role, 'admin');
  }
}

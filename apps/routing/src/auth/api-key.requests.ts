import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiKeyRpc, DomainError, ErrorCode, apiKeyShape } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { newApiKey, hashApiKey } from './api-key-secret';
import { ApiKeyRepository } from './api-key.repository';

/** API keys: admins of a brand create, list and revoke them; the gateway verifies them. */
@Injectable()
export class ApiKeyRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly repo: ApiKeyRepository,
  ) {}

  /**
   * The role the gateway passed (`actorRole`) comes from a token signed hours ago: an admin demoted or
   * deactivated since must not mint, list or revoke keys. Routing owns the agents, so it reads the
   * actor's current role and active flag itself and trusts nothing else.
   */
  private async requireAdmin(r: { brandId: string; actorId: string }): Promise<void> {
    const actor = await this.repo.actor(r.brandId, r.actorId);
    if (!actor || !actor.active) throw new DomainError(ErrorCode.Forbidden, 'this account is not active', { reason: 'AGENT_INACTIVE' });
    if (actor.role !== 'admin') throw new DomainError(ErrorCode.Forbidden, 'admins only', { reason: 'ADMIN_REQUIRED' });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(ApiKeyRpc.Create, async (r) => {
      await this.requireAdmin(r);
      const expiresAt = r.expiresAt === undefined ? null : new Date(r.expiresAt);
      // The contract only bounds the string's length; an unparsable one is refused like a past one.
      if (expiresAt && !(expiresAt.getTime() > Date.now())) {
        throw new DomainError(ErrorCode.BadUserInput, 'expiresAt must be in the future', { field: 'expiresAt', reason: 'EXPIRY_IN_PAST' });
      }
      const { secret, prefix, hash } = newApiKey();
      const key = await this.repo.create(r.brandId, {
        name: r.name, role: r.role, prefix, hash, createdBy: r.actorId, expiresAt, boundToCreator: r.boundToCreator ?? true,
      });

      return { key, secret };
    });
    this.rpc.serve(ApiKeyRpc.List, async (r) => {
      await this.requireAdmin(r);

      return { keys: await this.repo.list(r.brandId) };
    });
    this.rpc.serve(ApiKeyRpc.Revoke, async (r) => {
      await this.requireAdmin(r);
      const key = await this.repo.revoke(r.brandId, r.keyId);
      if (!key) throw DomainError.notFound('api key', r.keyId);

      return key;
    });
    this.rpc.serve(ApiKeyRpc.Verify, async ({ key }) => {
      // The gateway refuses these already; a key that cannot exist costs no query here either.
      const principal = apiKeyShape(key) === 'malformed' ? null : await this.repo.useByHash(hashApiKey(key));
      if (!principal) throw new DomainError(ErrorCode.Unauthenticated, 'invalid API key', { reason: 'INVALID_API_KEY' });

      return principal;
    });
    await this.rpc.ready();
  }
}

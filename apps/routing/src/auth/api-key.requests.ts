import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiKeyRpc, DomainError, ErrorCode, type AgentRole } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { newApiKey, hashApiKey } from './api-key-secret';
import { ApiKeyRepository } from './api-key.repository';

function requireAdmin(r: { actorRole: AgentRole }): void {
  if (r.actorRole !== 'admin') throw new DomainError(ErrorCode.Forbidden, 'admins only', { reason: 'ADMIN_REQUIRED' });
}

/** API keys: admins of a brand create, list and revoke them; the gateway verifies them. */
@Injectable()
export class ApiKeyRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly repo: ApiKeyRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(ApiKeyRpc.Create, async (r) => {
      requireAdmin(r);
      const { secret, prefix, hash } = newApiKey();
      const key = await this.repo.create(r.brandId, { name: r.name, role: r.role, prefix, hash, createdBy: r.actorId });

      return { key, secret };
    });
    this.rpc.serve(ApiKeyRpc.List, async (r) => {
      requireAdmin(r);

      return { keys: await this.repo.list(r.brandId) };
    });
    this.rpc.serve(ApiKeyRpc.Revoke, async (r) => {
      requireAdmin(r);
      const key = await this.repo.revoke(r.brandId, r.keyId);
      if (!key) throw DomainError.notFound('api key', r.keyId);

      return key;
    });
    this.rpc.serve(ApiKeyRpc.Verify, async ({ key }) => {
      const principal = await this.repo.useByHash(hashApiKey(key));
      if (!principal) throw new DomainError(ErrorCode.Unauthenticated, 'invalid API key', { reason: 'INVALID_API_KEY' });

      return principal;
    });
    await this.rpc.ready();
  }
}

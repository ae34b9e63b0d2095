import { Injectable } from '@nestjs/common';
import { ApiKeyRpc, DomainError, ErrorCode } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { ApiKeyVerifier } from '../auth/api-key.verifier';
import { acting, type AgentContext } from '../common/context/agent-context';
import type { CreateApiKeyArgs } from './dto/api-key.args';
import { ApiKeyGql, type CreatedApiKeyGql } from './models/api-key.model';

/** An API key may not mint or revoke keys, whatever its role: only a person (an admin) may. */
function personActing(agent: AgentContext): ReturnType<typeof acting> {
  if (agent.kind !== 'agent') {
    throw new DomainError(ErrorCode.Forbidden, 'API keys cannot manage API keys', {
      reason: 'AGENT_REQUIRED',
    });
  }

  return acting(agent);
}

/** API keys live in routing (beside the agents' credentials); the brand always comes from the caller. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly verifier: ApiKeyVerifier,
  ) {}

  async create(agent: AgentContext, args: CreateApiKeyArgs): Promise<CreatedApiKeyGql> {
    const { key, secret } = await this.rpc.request(ApiKeyRpc.Create, {
      ...personActing(agent),
      name: args.name,
      role: args.role,
      ...(args.expiresAt === undefined ? {} : { expiresAt: args.expiresAt }),
      ...(args.boundToCreator === undefined ? {} : { boundToCreator: args.boundToCreator }),
    });

    return { key: ApiKeyGql.from(key), secret };
  }

  async list(agent: AgentContext): Promise<ApiKeyGql[]> {
    const { keys } = await this.rpc.request(ApiKeyRpc.List, personActing(agent));

    return keys.map((k) => ApiKeyGql.from(k));
  }

  async revoke(agent: AgentContext, keyId: string): Promise<ApiKeyGql> {
    const key = await this.rpc.request(ApiKeyRpc.Revoke, { ...personActing(agent), keyId });
    this.verifier.forget(key.id);

    return ApiKeyGql.from(key);
  }
}

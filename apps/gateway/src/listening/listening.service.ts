import { Injectable } from '@nestjs/common';
import { DomainError, IngestRpc, type ListeningRuleView } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { defined } from '../common/access/defined';
import type { AgentContext } from '../common/context/agent-context';
import type { AddBrandAccountArgs, AddListeningRuleArgs } from './dto/listening.args';
import type { BrandAccountGql, ListeningGql } from './models/listening.models';

/**
 * Listening rules and brand X accounts over ingest (supervisors and admins). Removals check first
 * that the id is one of the caller's brand, so another brand's id is NOT_FOUND here, whatever ingest does.
 */
@Injectable()
export class ListeningService {
  constructor(private readonly rpc: RpcClient) {}

  async get(agent: AgentContext): Promise<ListeningGql> {
    const view = await this.rpc.request(IngestRpc.GetListening, acting(agent));

    return {
      rules: view.rules.filter((r) => r.brandId === agent.brandId),
      accounts: view.accounts.filter((a) => a.brandId === agent.brandId),
    };
  }

  addRule(agent: AgentContext, args: AddListeningRuleArgs): Promise<ListeningRuleView> {
    return this.rpc.request(IngestRpc.AddRule, { ...acting(agent), ...defined({ ...args }) });
  }

  async removeRule(agent: AgentContext, id: string): Promise<boolean> {
    const { rules } = await this.get(agent);
    if (!rules.some((r) => r.id === id)) throw DomainError.notFound('listening rule', id);

    return (await this.rpc.request(IngestRpc.RemoveRule, { ...acting(agent), id })).removed;
  }

  addAccount(agent: AgentContext, args: AddBrandAccountArgs): Promise<BrandAccountGql> {
    return this.rpc.request(IngestRpc.AddAccount, { ...acting(agent), ...defined({ ...args }) });
  }

  async removeAccount(agent: AgentContext, id: string): Promise<boolean> {
    const { accounts } = await this.get(agent);
    if (!accounts.some((a) => a.id === id)) throw DomainError.notFound('brand account', id);

    return (await this.rpc.request(IngestRpc.RemoveAccount, { ...acting(agent), id })).removed;
  }
}

function acting(agent: AgentContext) {
  return { brandId: agent.brandId, actorRole: agent.role };
}

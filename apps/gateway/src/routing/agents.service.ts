import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  RoutingRpc,
  managesBrand,
  type AgentUpdateInput,
  type ChannelCapacity,
} from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { BrandScope } from '../common/access/brand-scope.service';
import { acting, type AgentContext } from '../common/context/agent-context';
import { PASSWORD_RPC_TIMEOUT_MS } from '../common/gateway.constants';
import { CurrentAccess } from '../auth/current-access';
import { AgentGql } from '../auth/models/agent.model';
import type { ChannelCapacityInput, CreateAgentInput, UpdateAgentInput } from './dto/agents.args';
import type { CreateAgentPayloadGql, ResetAgentPasswordPayloadGql } from './models/agents.models';

/** GraphQL leaves an absent limit undefined and a cleared one null; the contract has neither. */
function limits(input: ChannelCapacityInput | null | undefined): ChannelCapacity {
  const out: ChannelCapacity = {};
  if (typeof input?.public === 'number') out.public = input.public;
  if (typeof input?.dm === 'number') out.dm = input.dm;

  return out;
}

/**
 * Agent management. Routing authorises (admins create and change roles; supervisors adjust languages,
 * queues, capacities) and validates against stored state (limits within capacity, capacity above the
 * current load, e-mail free); the gateway checks the queue ids against the caller's brand first.
 */
@Injectable()
export class AgentsService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly scope: BrandScope,
    private readonly access: CurrentAccess,
  ) {}

  async list(agent: AgentContext): Promise<AgentGql[]> {
    const { agents } = await this.rpc.request(RoutingRpc.ListAgents, acting(agent));

    return agents
      .filter((a) => a.brandId === agent.brandId && (managesBrand(agent.role) || a.id === agent.id))
      .map((a) => AgentGql.from(a));
  }

  async create(agent: AgentContext, input: CreateAgentInput): Promise<CreateAgentPayloadGql> {
    await this.assertQueues(agent, input.queueIds);
    const created = await this.rpc.request(
      RoutingRpc.CreateAgent,
      {
        ...acting(agent),
        agent: {
          ...input,
          languages: [...input.languages],
          queueIds: [...input.queueIds],
          channelCapacity: limits(input.channelCapacity),
        },
      },
      PASSWORD_RPC_TIMEOUT_MS,
    );

    return { agent: AgentGql.from(created.agent), initialPassword: created.initialPassword };
  }

  async update(agent: AgentContext, agentId: string, input: UpdateAgentInput): Promise<AgentGql> {
    await this.assertQueues(agent, input.queueIds);
    const changes: AgentUpdateInput = {};
    for (const [key, value] of Object.entries(input)) {
      if (value === undefined || key === 'channelCapacity') continue;
      if (value === null) {
        throw new DomainError(ErrorCode.BadUserInput, `${key} cannot be null`, {
          field: key,
          reason: 'NULL_NOT_ALLOWED',
        });
      }
      Object.assign(changes, { [key]: value });
    }
    if (input.channelCapacity !== undefined) changes.channelCapacity = limits(input.channelCapacity);

    const updated = await this.rpc.request(RoutingRpc.UpdateAgent, { ...acting(agent), agentId, changes });
    // Known here before routing's announcement arrives: the agent's next operation on this gateway sees the change.
    this.access.learn(updated);

    return AgentGql.from(updated);
  }

  /** Admins, not themselves (routing decides both); another brand's agent is NOT_FOUND. */
  async deactivate(agent: AgentContext, agentId: string): Promise<AgentGql> {
    return AgentGql.from(await this.rpc.request(RoutingRpc.DeactivateAgent, { ...acting(agent), agentId }));
  }

  async reactivate(agent: AgentContext, agentId: string): Promise<AgentGql> {
    return AgentGql.from(await this.rpc.request(RoutingRpc.ReactivateAgent, { ...acting(agent), agentId }));
  }

  async resetPassword(agent: AgentContext, agentId: string): Promise<ResetAgentPasswordPayloadGql> {
    const reset = await this.rpc.request(
      RoutingRpc.ResetAgentPassword,
      { ...acting(agent), agentId },
      PASSWORD_RPC_TIMEOUT_MS,
    );

    return { agent: AgentGql.from(reset.agent), oneTimePassword: reset.password };
  }

  /** Another brand's queue is a BAD_USER_INPUT here (the caller named it as a value, not as a target). */
  private async assertQueues(agent: AgentContext, ids: readonly string[] | undefined): Promise<void> {
    try {
      await this.scope.assertQueues(agent, ids);
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.Forbidden) {
        throw new DomainError(ErrorCode.BadUserInput, 'not queues of your brand', {
          field: 'queueIds',
          reason: 'UNKNOWN_QUEUE',
        });
      }
      throw err;
    }
  }
}

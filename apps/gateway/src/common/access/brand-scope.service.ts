import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  Rpc,
  forbidden,
  managesBrand,
  type AgentProfile,
  type ConversationView,
} from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import type { AgentContext } from '../context/agent-context';
import { canSeeConversation, canSeeQueue } from './access-policy';

/**
 * Checks, before anything is sent upstream, that every id a caller names belongs to the caller's
 * brand (and, for agents, to what they may see). Services scope by brand too; this is the
 * gateway's own line, so a missing check in one service never opens another brand's data.
 * Refusals never say whether the id exists elsewhere.
 */
@Injectable()
export class BrandScope {
  constructor(private readonly rpc: RpcClient) {}

  /** Queue ids of the caller's brand that the caller may see, else FORBIDDEN `QUEUE_NOT_VISIBLE`. */
  async assertQueues(agent: AgentContext, ids: readonly string[] | undefined | null): Promise<void> {
    const wanted = [...new Set(ids ?? [])];
    if (wanted.length === 0) return;
    const refuse = new DomainError(ErrorCode.Forbidden, 'not a queue you may see', {
      reason: 'QUEUE_NOT_VISIBLE',
    });
    if (!wanted.every((id) => canSeeQueue(agent, id))) throw refuse;
    const { queues } = await this.rpc.request(Rpc.GetQueues, { brandId: agent.brandId, ids: wanted });
    const found = new Set(queues.filter((q) => q.brandId === agent.brandId).map((q) => q.id));
    if (!wanted.every((id) => found.has(id))) throw refuse;
  }

  /** Agents of the caller's brand, else FORBIDDEN `AGENT_NOT_VISIBLE`. */
  async assertAgents(
    agent: AgentContext,
    ids: readonly string[] | undefined | null,
  ): Promise<AgentProfile[]> {
    const wanted = [...new Set(ids ?? [])];
    if (wanted.length === 0) return [];
    const { agents } = await this.rpc.request(Rpc.GetAgents, { brandId: agent.brandId, ids: wanted });
    const mine = agents.filter((a) => a.brandId === agent.brandId && wanted.includes(a.id));
    if (mine.length !== wanted.length) {
      throw new DomainError(ErrorCode.Forbidden, 'not an agent of your brand', {
        reason: 'AGENT_NOT_VISIBLE',
      });
    }

    return mine;
  }

  /** A conversation the caller may see; NOT_FOUND otherwise (no existence oracle across brands). */
  async conversation(agent: AgentContext, id: string): Promise<ConversationView> {
    let view: ConversationView;
    try {
      view = await this.rpc.request(Rpc.GetConversation, { brandId: agent.brandId, id });
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.NotFound) {
        throw DomainError.notFound('conversation', id);
      }
      throw err;
    }
    if (!canSeeConversation(agent, view)) throw DomainError.notFound('conversation', id);

    return view;
  }

  /** Agents act on themselves only; supervisors and admins on any agent of the brand. */
  async assertSelfOrManager(agent: AgentContext, agentId: string): Promise<void> {
    if (agentId === agent.id) return;
    if (!managesBrand(agent.role)) throw forbidden('ROLE', 'agents may only act on themselves');
    await this.assertAgents(agent, [agentId]);
  }
}

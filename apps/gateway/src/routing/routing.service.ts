import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  RoutingRpc,
  type AgentSchedule,
  type AssignmentView,
} from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { seesWholeBrand } from '../common/access/access-policy';
import { BrandScope } from '../common/access/brand-scope.service';
import { acting, type AgentContext } from '../common/context/agent-context';
import type { AssignArgs, SetAgentShiftsArgs, TransferArgs } from './dto/routing.args';
import type { AgentStatus } from '../auth/models/agent-status.enum';

/**
 * Routing actions. Every conversation, agent and queue id is checked against the caller's brand
 * (and, for agents, what they may see) before routing is asked; routing authorises again.
 */
@Injectable()
export class RoutingService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly scope: BrandScope,
  ) {}

  async assign(agent: AgentContext, args: AssignArgs): Promise<AssignmentView> {
    await this.scope.conversation(agent, args.conversationId);
    await this.scope.assertSelfOrManager(agent, args.agentId);

    return this.rpc.request(RoutingRpc.Assign, {
      ...acting(agent),
      conversationId: args.conversationId,
      agentId: args.agentId,
    });
  }

  async transfer(agent: AgentContext, args: TransferArgs): Promise<AssignmentView> {
    if (!args.toAgentId && !args.toQueueId) {
      throw new DomainError(ErrorCode.BadUserInput, 'name an agent or a queue', {
        reason: 'TRANSFER_TARGET_REQUIRED',
      });
    }
    await this.scope.conversation(agent, args.conversationId);
    // An agent may hand over to any colleague or queue of the brand, not only their own queues.
    if (args.toAgentId) await this.scope.assertAgents(agent, [args.toAgentId]);
    if (args.toQueueId) await this.scope.assertQueues({ ...agent, role: 'supervisor' }, [args.toQueueId]);

    return this.rpc.request(RoutingRpc.Transfer, {
      ...acting(agent),
      conversationId: args.conversationId,
      ...(args.toAgentId ? { toAgentId: args.toAgentId } : {}),
      ...(args.toQueueId ? { toQueueId: args.toQueueId } : {}),
      ...(args.note ? { note: args.note } : {}),
    });
  }

  async takeOver(agent: AgentContext, conversationId: string): Promise<AssignmentView> {
    await this.scope.conversation(agent, conversationId);

    return this.rpc.request(RoutingRpc.TakeOver, { ...acting(agent), conversationId });
  }

  async unassign(agent: AgentContext, conversationId: string): Promise<AssignmentView> {
    const c = await this.scope.conversation(agent, conversationId);
    if (!seesWholeBrand(agent) && c.assigneeId !== agent.id) {
      throw new DomainError(ErrorCode.Forbidden, 'agents may unassign their own conversations only', {
        reason: 'NOT_ASSIGNEE',
      });
    }

    return this.rpc.request(RoutingRpc.Unassign, { ...acting(agent), conversationId });
  }

  /** Someone's status; `agentId` defaults to the caller. */
  async setStatus(
    agent: AgentContext,
    target: string | undefined,
    status: AgentStatus,
  ): Promise<{ agentId: string; status: AgentStatus }> {
    const agentId = target ?? agent.id;
    await this.scope.assertSelfOrManager(agent, agentId);

    return this.rpc.request(RoutingRpc.SetAgentStatus, { ...acting(agent), agentId, status });
  }

  /** Someone's shifts; `agentId` defaults to the caller. */
  async shifts(agent: AgentContext, target: string | undefined): Promise<AgentSchedule> {
    const agentId = target ?? agent.id;
    await this.scope.assertSelfOrManager(agent, agentId);

    return this.rpc.request(RoutingRpc.GetShifts, { ...acting(agent), agentId });
  }

  async setShifts(agent: AgentContext, args: SetAgentShiftsArgs): Promise<AgentSchedule> {
    await this.scope.assertAgents(agent, [args.agentId]);

    return this.rpc.request(RoutingRpc.SetShifts, {
      ...acting(agent),
      agentId: args.agentId,
      timezone: args.timezone,
      shifts: args.shifts.map((s) => ({ day: s.day, start: s.start, end: s.end })),
      exceptions: args.exceptions.map((e) => ({ from: e.from, to: e.to, kind: e.kind })),
    });
  }
}

import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { RoutingRpc, type AssignmentView } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { AssignmentService } from '../assignment/assignment.service';
import type { Conversation } from '../state/brand-state';

function view(c: Conversation): AssignmentView {
  return {
    conversationId: c.id,
    queueId: c.queueId,
    status: c.status,
    assigneeId: c.assigneeId,
    priority: c.priority,
    translationHint: c.translationHint,
  };
}

/** Manual actions from the gateway (AssignmentService). */
@Injectable()
export class AssignmentRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly assignment: AssignmentService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(RoutingRpc.Assign, async (r) => view(await this.assignment.assign(r)));
    this.rpc.serve(RoutingRpc.Transfer, async (r) => view(await this.assignment.transfer(r)));
    this.rpc.serve(RoutingRpc.TakeOver, async (r) => view(await this.assignment.takeOver(r)));
    this.rpc.serve(RoutingRpc.Unassign, async (r) => view(await this.assignment.unassign(r)));
    this.rpc.serve(RoutingRpc.OpenSplit, async (r) => view(await this.assignment.openSplit(r)));
    this.rpc.serve(RoutingRpc.SetAgentStatus, async (r) => {
      const agent = await this.assignment.setAgentStatus(r);

      return { agentId: agent.id, status: agent.status };
    });
    await this.rpc.ready();
  }
}

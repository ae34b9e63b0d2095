import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainError, ErrorCode, RoutingRpc, type AssignmentView } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { checkedActor } from '../auth/acting-role';
import { AdminRepository } from './admin.repository';
import { BrandWriter } from './brand-writer';
import { manualAssign, setAgentStatus, transfer, unassign, type Actor } from './manual-actions';
import type { RoutingContext } from './router';
import type { Conversation } from './routing-state';

function view(c: Conversation): AssignmentView {
  return { conversationId: c.id, queueId: c.queueId, status: c.status, assigneeId: c.assigneeId, priority: c.priority, translationHint: c.translationHint };
}

/** Manual actions from the gateway: one locked write each, rules in manual-actions.ts. */
@Injectable()
export class AssignmentRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly writer: BrandWriter,
    private readonly repo: AdminRepository,
  ) {}

  private async act<T>(brandId: string, fn: (ctx: RoutingContext) => T): Promise<T> {
    const written = await this.writer.write(brandId, fn);
    if (!written) throw new DomainError(ErrorCode.NotFound, 'brand has no routing configuration', { brandId });

    return written.result;
  }

  async onApplicationBootstrap(): Promise<void> {
    // The actor's role as routing holds it now (checkedActor), not the one signed into their token.
    const actor = async (r: { brandId: string; actorId: string; actorRole: Actor['role'] }): Promise<Actor> => {
      const checked = await checkedActor(this.repo, r);

      return { id: checked.actorId, role: checked.actorRole };
    };
    this.rpc.serve(RoutingRpc.Assign, async (r) => {
      const by = await actor(r);

      return view(await this.act(r.brandId, (ctx) => manualAssign(ctx, { conversationId: r.conversationId, agentId: r.agentId, actor: by })));
    });
    this.rpc.serve(RoutingRpc.Transfer, async (r) => {
      if (!r.toAgentId === !r.toQueueId) throw new DomainError(ErrorCode.BadUserInput, 'give exactly one of toAgentId and toQueueId');
      const by = await actor(r);

      return view(await this.act(r.brandId, (ctx) => transfer(ctx, { conversationId: r.conversationId, toAgentId: r.toAgentId, toQueueId: r.toQueueId, actor: by })));
    });
    this.rpc.serve(RoutingRpc.Unassign, async (r) => {
      const by = await actor(r);

      return view(await this.act(r.brandId, (ctx) => unassign(ctx, { conversationId: r.conversationId, actor: by })));
    });
    this.rpc.serve(RoutingRpc.SetAgentStatus, async (r) => {
      const by = await actor(r);
      const agent = await this.act(r.brandId, (ctx) => setAgentStatus(ctx, { agentId: r.agentId, status: r.status, actor: by }));

      return { agentId: agent.id, status: agent.status };
    });
    await this.rpc.ready();
  }
}

import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ConversationsRpc, DomainError } from '@roost/contracts';
import { ActorRoles, RpcServer } from '@roost/messaging';
import { renderCanned } from '../guidelines/canned-template';
import { GuidelinesRepository } from '../guidelines/guidelines.repository';
import { ConversationRepository } from '../conversations/conversation.repository';
import { ConversationActionsService } from './conversation-actions.service';
import { CustomerRepository } from './customer.repository';

/** The agent-action methods (ConversationsRpc): map, authorise, delegate. */
@Injectable()
export class ConversationActionsRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly actions: ConversationActionsService,
    private readonly customers: CustomerRepository,
    private readonly guidelines: GuidelinesRepository,
    private readonly conversations: ConversationRepository,
    private readonly roles: ActorRoles,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const R = ConversationsRpc;
    this.rpc.serve(R.GetDetail, (r) => this.actions.detail(r.brandId, r.conversationId));
    this.rpc.serve(R.SendDm, (r) => this.actions.sendDm(r, r));
    this.rpc.serve(R.MoveToDm, (r) => this.actions.moveToDm(r, r));
    this.rpc.serve(R.Resolve, (r) => this.actions.resolve(r, r));
    this.rpc.serve(R.AddNote, (r) => this.actions.addNote(r, r));
    this.rpc.serve(R.Tag, (r) => this.actions.tag(r, r));
    this.rpc.serve(R.Snooze, (r) => this.actions.snooze(r, r));
    this.rpc.serve(R.Reopen, (r) => this.actions.reopen(r, r));
    this.rpc.serve(R.SetPresence, (r) => Promise.resolve(this.actions.presence(r, r)));
    this.rpc.serve(R.GetCustomer, async (r) => {
      const profile = await this.customers.profile(r.brandId, r.customerId);
      if (!profile) throw DomainError.notFound('customer', r.customerId);

      return profile;
    });
    this.rpc.serve(R.UpdateCustomer, async (r) => {
      if (!(await this.customers.update({ actor: r, ...r }))) throw DomainError.notFound('customer', r.customerId);
      if (r.note) await this.actionsNote(r, r.customerId, r.note);
      const profile = await this.customers.profile(r.brandId, r.customerId);
      if (!profile) throw DomainError.notFound('customer', r.customerId);

      return profile;
    });
    this.rpc.serve(R.ListCanned, async (r) => ({ replies: await this.guidelines.listCanned(r.brandId, r.language) }));
    // Supervisor-only writes: the actor's current role is asked of routing (ActorRoles), never read from `agentRole`.
    this.rpc.serve(R.SaveCanned, async (r) => {
      await this.roles.requireSupervisor(r);

      return this.guidelines.saveCanned({ brandId: r.brandId, actorId: r.agentId, language: r.language, title: r.title, body: r.body });
    });
    this.rpc.serve(R.RenderCanned, async (r) => {
      const [canned, rec, g] = await Promise.all([
        this.guidelines.getCanned(r.brandId, r.cannedReplyId),
        this.conversations.get(r.brandId, r.conversationId),
        this.guidelines.get(r.brandId),
      ]);
      if (!canned) throw DomainError.notFound('canned reply', r.cannedReplyId);
      if (!rec) throw DomainError.notFound('conversation', r.conversationId);
      const queueHours = g.queueHours[rec.view.queueId] ?? g.queueHours.default ?? '';

      return { text: renderCanned(canned.body, { customer_name: rec.view.customer.name, agent_initials: r.agentInitials, queue_hours: queueHours }) };
    });
    this.rpc.serve(R.GetGuidelines, (r) => this.guidelines.get(r.brandId));
    this.rpc.serve(R.SetGuidelines, async (r) => {
      await this.roles.requireSupervisor(r);

      return this.guidelines.set({ brandId: r.brandId, actorId: r.agentId, guidelines: r.guidelines });
    });
    await this.rpc.ready();
  }

  private async actionsNote(a: { brandId: string; agentId: string; agentInitials: string }, customerId: string, text: string): Promise<void> {
    await this.customers.addNote({ actor: a, initials: a.agentInitials, customerId, text });
  }
}

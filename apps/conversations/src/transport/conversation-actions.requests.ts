import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ConversationsRpc } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { ConversationActionsService } from '../actions/conversation-actions.service';
import { CustomersService } from '../actions/customers.service';
import { CasesService } from '../cases/cases.service';
import { GuidelinesService } from '../guidelines/guidelines.service';

/** The agent-action methods (ConversationsRpc): delegate to the actions, customers and guidelines services. */
@Injectable()
export class ConversationActionsRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly actions: ConversationActionsService,
    private readonly customers: CustomersService,
    private readonly guidelines: GuidelinesService,
    private readonly cases: CasesService,
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
    this.rpc.serve(R.CaseSuggestions, async (r) => ({
      suggestions: await this.cases.suggestions(r.brandId, r.conversationId),
    }));
    this.rpc.serve(R.Merge, (r) => this.cases.merge(r, r));
    this.rpc.serve(R.Split, (r) => this.cases.split(r, r));
    this.rpc.serve(R.SetPresence, (r) => Promise.resolve(this.actions.presence(r, r)));
    this.rpc.serve(R.GetCustomer, (r) => this.customers.profile(r.brandId, r.customerId));
    this.rpc.serve(R.UpdateCustomer, (r) => this.customers.update(r));
    this.rpc.serve(R.ListCanned, async (r) => ({
      replies: await this.guidelines.listCanned(r.brandId, r.language),
    }));
    this.rpc.serve(R.SaveCanned, (r) => this.guidelines.saveCanned(r));
    this.rpc.serve(R.RenderCanned, (r) => this.guidelines.renderCanned(r));
    this.rpc.serve(R.GetGuidelines, (r) => this.guidelines.get(r.brandId));
    this.rpc.serve(R.SetGuidelines, (r) => this.guidelines.set(r));
    await this.rpc.ready();
  }
}

import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { IngestRpc } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { ListeningAdminService } from '../listening-admin/listening-admin.service';

/** NATS request/reply for the gateway's listening management: one-line adapters. */
@Injectable()
export class ListeningRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly listening: ListeningAdminService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(IngestRpc.GetListening, (r) => this.listening.get(r));
    this.rpc.serve(IngestRpc.AddRule, (r) => this.listening.addRule(r));
    this.rpc.serve(IngestRpc.RemoveRule, (r) => this.listening.removeRule(r));
    this.rpc.serve(IngestRpc.AddAccount, (r) => this.listening.addAccount(r));
    this.rpc.serve(IngestRpc.RemoveAccount, (r) => this.listening.removeAccount(r));
    await this.rpc.ready();
  }
}

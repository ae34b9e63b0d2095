import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ComplianceRpc } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { ComplianceService } from '../compliance/compliance.service';

/** The ids ingest's batch compliance jobs check: conversations is the one that holds them. */
@Injectable()
export class ComplianceRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly compliance: ComplianceService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(ComplianceRpc.HeldIds, (req) => this.compliance.heldIds(req));
    await this.rpc.ready();
  }
}

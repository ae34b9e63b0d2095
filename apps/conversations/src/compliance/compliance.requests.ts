import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ComplianceRpc } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { ComplianceRepository } from './compliance.repository';

/** The ids ingest's batch compliance jobs check: conversations is the one that holds them. */
@Injectable()
export class ComplianceRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly repo: ComplianceRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(ComplianceRpc.HeldIds, (req) => this.repo.heldIds(req));
    await this.rpc.ready();
  }
}

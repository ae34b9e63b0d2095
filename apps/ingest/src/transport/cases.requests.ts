import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { IngestRpc } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { CaseFromTweetService } from '../cases/case-from-tweet.service';

/** NATS request/reply for cases opened by hand (the gateway's `createCaseFromTweet`). */
@Injectable()
export class CasesRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly cases: CaseFromTweetService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(IngestRpc.CaseFromTweet, (r) => this.cases.create(r));
    await this.rpc.ready();
  }
}

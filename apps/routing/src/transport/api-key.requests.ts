import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiKeyRpc } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { ApiKeys } from '../api-keys/api-keys.service';

/** API key requests: admins of a brand create, list and revoke keys; the gateway verifies them. */
@Injectable()
export class ApiKeyRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly keys: ApiKeys,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(ApiKeyRpc.Create, (r) => this.keys.create(r));
    this.rpc.serve(ApiKeyRpc.List, async (r) => ({ keys: await this.keys.list(r) }));
    this.rpc.serve(ApiKeyRpc.Revoke, (r) => this.keys.revoke(r));
    this.rpc.serve(ApiKeyRpc.Verify, ({ key }) => this.keys.verify(key));
    await this.rpc.ready();
  }
}

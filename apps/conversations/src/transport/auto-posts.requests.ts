import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ConversationsRpc } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { AutoPostsService } from '../auto-posts/auto-posts.service';

/** `conversations.auto_posts.*` (ConversationsRpc): delegate to AutoPostsService (which authorises and checks). */
@Injectable()
export class AutoPostsRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly autoPosts: AutoPostsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(ConversationsRpc.GetAutoPosts, (r) => this.autoPosts.get(r.brandId));
    this.rpc.serve(ConversationsRpc.SetAutoPosts, (r) => this.autoPosts.set(r));
    await this.rpc.ready();
  }
}

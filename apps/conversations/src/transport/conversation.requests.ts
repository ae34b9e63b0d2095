import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ConversationsRpc, Rpc } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { ConversationsService } from '../conversations/conversations.service';
import { AttachmentsService } from '../outbound/attachments.service';
import { OutboundService } from '../outbound/outbound.service';

/** Request/reply methods conversations answers for the gateway. */
@Injectable()
export class ConversationRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly conversations: ConversationsService,
    private readonly outbound: OutboundService,
    private readonly attachments: AttachmentsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(Rpc.ListConversations, (req) => this.conversations.list(req));
    this.rpc.serve(Rpc.GetConversation, ({ brandId, id }) => this.conversations.get(brandId, id));
    this.rpc.serve(Rpc.FindConversationByTweet, ({ brandId, tweetId }) =>
      this.conversations.findByTweet(brandId, tweetId),
    );
    this.rpc.serve(Rpc.Reply, (req) => this.outbound.reply(req));
    this.rpc.serve(ConversationsRpc.StageAttachment, (req) => this.attachments.stage(req));
    this.rpc.serve(ConversationsRpc.AppendAttachment, (req) => this.attachments.append(req));
    await this.rpc.ready();
  }
}

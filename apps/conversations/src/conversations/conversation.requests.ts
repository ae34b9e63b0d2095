import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainError, Rpc } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { OutboundService } from '../outbound/outbound.service';
import { ConversationRepository, encodeCursor, encodeUrgentCursor } from './conversation.repository';

/** Request/reply methods conversations answers for the gateway. */
@Injectable()
export class ConversationRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly repo: ConversationRepository,
    private readonly outbound: OutboundService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(Rpc.ListConversations, async (req) => {
      const page = await this.repo.list(req);
      const cursorOf =
        req.order === 'urgent'
          ? (n: (typeof page.rows)[number]) => encodeUrgentCursor(n.priority, n.openedAt, n.id)
          : (n: (typeof page.rows)[number]) => encodeCursor(n.lastMessageAt, n.id);
      const edges = page.rows.map((node) => ({ cursor: cursorOf(node), node }));

      return {
        edges,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount: page.totalCount,
      };
    });
    this.rpc.serve(Rpc.GetConversation, async ({ brandId, id }) => {
      const rec = await this.repo.get(brandId, id);
      if (!rec) throw DomainError.notFound('conversation', id);

      return rec.view;
    });
    this.rpc.serve(Rpc.Reply, (req) => this.outbound.reply(req));
    await this.rpc.ready();
  }
}

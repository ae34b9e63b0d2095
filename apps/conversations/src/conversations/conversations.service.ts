import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type ConversationView,
  type Rpc,
  type RpcRequest,
  type RpcResponse,
} from '@roost/contracts';
import { ConversationRepository, encodeCursor, encodeUrgentCursor } from '../data/conversation.repository';

type ListRequest = RpcRequest<typeof Rpc.ListConversations>;
type ListPage = RpcResponse<typeof Rpc.ListConversations>;

/** The conversations the gateway lists and opens. */
@Injectable()
export class ConversationsService {
  constructor(private readonly repo: ConversationRepository) {}

  /** A page of conversations in the asked order, each with the cursor that continues after it. */
  async list(req: ListRequest): Promise<ListPage> {
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
  }

  /** The conversation a customer's tweet is a message of, null while it is not stored (yet). */
  async findByTweet(brandId: string, tweetId: string): Promise<{ conversationId: string | null }> {
    return { conversationId: await this.repo.findByTweet(brandId, tweetId) };
  }

  async get(brandId: string, id: string): Promise<ConversationView> {
    const rec = await this.repo.get(brandId, id);
    if (!rec) throw DomainError.notFound('conversation', id);

    return rec.view;
  }
}

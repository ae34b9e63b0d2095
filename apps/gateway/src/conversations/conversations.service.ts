import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, Rpc, type ConversationFilter } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { canSeeConversation, canSeeQueue, seesWholeBrand } from '../common/access/access-policy';
import type { AgentContext } from '../common/context/agent-context';
import { FIRST_DEFAULT, FIRST_MAX } from '../common/limits/limits.constants';
import type { ConversationsArgs } from './dto/conversations.args';
import type { ConversationConnectionGql } from './models/conversation-connection.model';
import { ConversationGql } from './models/conversation.model';
import { MessageGql } from './models/message.model';

/** Printable ASCII, as the contract's idempotencyKey bounds (8..100). */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,100}$/;

/**
 * Maps GraphQL calls to the conversations service's request/reply methods. The brand always comes
 * from the token; what comes back is checked again against the caller (defence in depth), and a
 * conversation the caller may not see is NOT_FOUND, never FORBIDDEN (no existence oracle).
 */
@Injectable()
export class ConversationsService {
  constructor(private readonly rpc: RpcClient) {}

  async list(agent: AgentContext, args: ConversationsArgs): Promise<ConversationConnectionGql> {
    const filter = toContractFilter(args.filter);
    if (filter?.queueId && !canSeeQueue(agent, filter.queueId)) {
      throw new DomainError(ErrorCode.Forbidden, 'not one of your queues', { reason: 'QUEUE_NOT_VISIBLE' });
    }
    const page = await this.rpc.request(Rpc.ListConversations, {
      brandId: agent.brandId,
      first: Math.min(args.first ?? FIRST_DEFAULT, FIRST_MAX),
      ...(args.after !== undefined && args.after !== null ? { after: args.after } : {}),
      ...(filter ? { filter } : {}),
      ...(args.order === 'URGENT' ? { order: 'urgent' as const } : {}),
      ...(seesWholeBrand(agent) ? {} : { visibleQueueIds: [...agent.queueIds] }),
    });

    return {
      edges: page.edges
        .filter((e) => canSeeConversation(agent, e.node))
        .map((e) => ({ cursor: e.cursor, node: ConversationGql.from(e.node) })),
      pageInfo: { hasNextPage: page.pageInfo.hasNextPage, endCursor: page.pageInfo.endCursor },
      totalCount: page.totalCount,
    };
  }

  async get(agent: AgentContext, id: string): Promise<ConversationGql | null> {
    try {
      const view = await this.rpc.request(Rpc.GetConversation, { brandId: agent.brandId, id });

      return canSeeConversation(agent, view) ? ConversationGql.from(view) : null;
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.NotFound) return null;
      throw err;
    }
  }

  async reply(
    agent: AgentContext,
    input: {
      conversationId: string;
      text: string;
      channel?: 'public' | 'dm';
      idempotencyKey: string | undefined;
      attachmentIds?: string[] | undefined;
    },
  ): Promise<MessageGql> {
    if (input.idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(input.idempotencyKey)) {
      throw new DomainError(ErrorCode.BadUserInput, 'Idempotency-Key must be 8 to 100 printable characters', {
        reason: 'INVALID_IDEMPOTENCY_KEY',
      });
    }
    // Agents may answer only what they may see; supervisors and admins answer across the brand.
    if (!seesWholeBrand(agent) && !(await this.get(agent, input.conversationId))) {
      throw DomainError.notFound('conversation', input.conversationId);
    }
    const message = await this.rpc.request(Rpc.Reply, {
      brandId: agent.brandId,
      conversationId: input.conversationId,
      agentId: agent.id,
      agentInitials: agent.initials,
      text: input.text,
      ...(input.channel ? { channel: input.channel } : {}),
      ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
      ...(input.attachmentIds?.length ? { attachmentIds: input.attachmentIds } : {}),
    });

    return MessageGql.from(message);
  }
}

/** Only the keys the caller set: class instances carry `undefined` for the others. */
function toContractFilter(input: ConversationsArgs['filter']): ConversationFilter | undefined {
  if (!input) return undefined;
  const filter: ConversationFilter = {};
  if (input.status) filter.status = [...input.status];
  if (input.queueId) filter.queueId = input.queueId;
  if (input.assigneeId) filter.assigneeId = input.assigneeId;
  if (input.channel) filter.channel = input.channel;

  return filter;
}

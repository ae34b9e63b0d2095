import { Injectable } from '@nestjs/common';
import { IngestRpc, Rpc } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import type { AgentContext } from '../common/context/agent-context';
import { ConversationsService } from './conversations.service';
import type { CaseFromTweetGql } from './models/case-from-tweet.model';

/** Ingest reads the tweet and its thread from X (up to 11 lookups) before it answers. */
const INGEST_TIMEOUT_MS = 20_000;
/** How long the mutation waits for routing and conversations to store the case. */
export const ROUTED_WAIT_MS = 10_000;
const POLL_MS = 150;

/**
 * `createCaseFromTweet`: ingest (which checks the actor's current role with routing) reads and
 * publishes the tweet; then the answer waits, with a deadline, until conversations holds the
 * tweet's message and returns that conversation, so the agent lands on the case, new or existing.
 */
@Injectable()
export class CaseFromTweetService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly conversations: ConversationsService,
  ) {}

  async create(agent: AgentContext, urlOrId: string): Promise<CaseFromTweetGql> {
    const published = await this.rpc.request(
      IngestRpc.CaseFromTweet,
      { brandId: agent.brandId, actorId: agent.id, urlOrId },
      INGEST_TIMEOUT_MS,
    );
    const deadline = Date.now() + ROUTED_WAIT_MS;
    let conversationId: string | null = null;
    for (;;) {
      ({ conversationId } = await this.rpc.request(Rpc.FindConversationByTweet, {
        brandId: agent.brandId,
        tweetId: published.tweetId,
      }));
      if (conversationId || Date.now() >= deadline) break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }

    return {
      tweetId: published.tweetId,
      threadTweetIds: published.threadTweetIds,
      conversation: conversationId ? await this.conversations.get(agent, conversationId) : null,
    };
  }
}

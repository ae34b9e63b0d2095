import { Injectable, Logger } from '@nestjs/common';
import { Events, type BrandReplyObservedV1 } from '@roost/contracts';
import { EventBus } from '@roost/messaging';
import { ConversationsMetrics } from '../common/conversations.metrics';
import { BrandReplyRepository, type BrandReplyResult } from '../data/brand-reply.repository';
import { QueueSnapshots } from '../queue-snapshots/queue-snapshots';

/**
 * How long a brand reply waits for the tweet it answers to be stored: ingest publishes the reply
 * directly, while the customer's tweet goes through routing first, so the reply can arrive first.
 * After this it is taken as a reply to someone Roost does not handle.
 */
const THREADING_GRACE_MS = 5 * 60_000;

/** Done with the reply, or try it again later (and why). */
export type BrandReplyOutcome = 'done' | { retry: string };

/**
 * Threads the brand's own replies seen on X (brand_reply.observed): a reply posted outside Roost
 * becomes an outbound message of its conversation and is announced as message.sent (first
 * response for metrics and routing's SLA when it is one), like a reply posted through Roost.
 */
@Injectable()
export class BrandRepliesService {
  private readonly log = new Logger(BrandRepliesService.name);

  constructor(
    private readonly repo: BrandReplyRepository,
    private readonly bus: EventBus,
    private readonly queues: QueueSnapshots,
    private readonly metrics: ConversationsMetrics,
  ) {}

  /** One transaction per reply: they are few next to mentions, and each decides on its own. */
  async observe(e: BrandReplyObservedV1): Promise<BrandReplyOutcome> {
    const r = await this.repo.store(e);
    switch (r.kind) {
      case 'stored':
        await this.announce(e, r);
        this.metrics.brandReplies.inc({ result: 'stored' });

        return 'done';
      case 'known':
        this.metrics.brandReplies.inc({ result: 'known' });

        return 'done';
      case 'own_post_in_flight':
        // Growing delays (1 s, 2 s, 4 s …): the grace below is reached well within the delivery limit.
        return { retry: 'a reply of ours to the same tweet is not settled yet' };
      case 'unthreaded':
        if (Date.now() - Date.parse(e.tweet.createdAt) < THREADING_GRACE_MS) {
          return { retry: 'the tweet it answers is not stored yet' };
        }
        this.metrics.brandReplies.inc({ result: 'unthreaded' });

        return 'done';
      default: {
        const never: never = r;
        throw new Error(`unknown result ${JSON.stringify(never)}`);
      }
    }
  }

  /** message.sent as for Roost's own replies (no agent); its msg id is the tweet's. */
  private async announce(
    e: BrandReplyObservedV1,
    r: Extract<BrandReplyResult, { kind: 'stored' }>,
  ): Promise<void> {
    await this.bus.publish(
      Events.MessageSent,
      {
        schema: 1,
        brandId: e.brandId,
        conversationId: r.conversationId,
        messageId: r.messageId,
        agentId: null,
        queueId: r.queueId || null,
        channel: 'public',
        xId: e.tweet.id,
        inReplyToXId: e.tweet.inReplyToTweetId,
        firstResponse: r.firstResponse,
        conversationOpenedAt: r.openedAt.toISOString(),
        sentAt: e.tweet.createdAt,
      },
      { brandId: e.brandId, msgId: `sent:${e.brandId}:x:${e.tweet.id}` },
    );
    if (r.queueId) {
      this.queues.publish(e.brandId, r.queueId, {
        reason: 'message_sent',
        conversationId: r.conversationId,
        conversationStatus: null,
        assigneeId: null,
        sourceCreatedAt: e.tweet.createdAt,
      });
    }
    this.log.log(
      { conversationId: r.conversationId, xId: e.tweet.id, firstResponse: r.firstResponse },
      'brand reply threaded',
    );
  }
}

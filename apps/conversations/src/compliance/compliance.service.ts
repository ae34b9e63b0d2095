import { Injectable, Logger } from '@nestjs/common';
import type { ComplianceContentWithdrawnV1, HeldIdsPage } from '@roost/contracts';
import { ConversationsMetrics } from '../common/conversations.metrics';
import { ComplianceRepository } from '../data/compliance.repository';
import { QueueSnapshots } from '../queue-snapshots/queue-snapshots';

/**
 * X compliance: redacts a deleted tweet, or a withdrawn user's profile and messages (idempotent:
 * already redacted rows are skipped, an id Roost never stored is a no-op), and lists the ids
 * conversations holds for ingest's batch compliance jobs.
 */
@Injectable()
export class ComplianceService {
  private readonly log = new Logger(ComplianceService.name);

  constructor(
    private readonly repo: ComplianceRepository,
    private readonly queues: QueueSnapshots,
    private readonly metrics: ConversationsMetrics,
  ) {}

  heldIds(req: {
    brandId: string;
    kind: 'tweets' | 'users';
    after: string | null;
    limit: number;
  }): Promise<HeldIdsPage> {
    return this.repo.heldIds(req);
  }

  /** One transaction per event: each is small, and a user's redaction must not half-apply. */
  async withdraw(e: ComplianceContentWithdrawnV1): Promise<void> {
    const { conversations, ...r } = await this.repo.apply(e);
    // Open consoles refetch the conversation (the text is gone) instead of showing it until reload.
    for (const c of conversations) {
      this.queues.publish(e.brandId, c.queueId, {
        reason: 'conversation_updated',
        conversationId: c.conversationId,
        conversationStatus: null,
        assigneeId: null,
        sourceCreatedAt: null,
      });
    }
    this.metrics.complianceRedactions.inc({ kind: e.kind, what: 'messages' }, r.messages);
    this.metrics.complianceRedactions.inc({ kind: e.kind, what: 'customers' }, r.customers);
    this.metrics.complianceRedactions.inc({ kind: e.kind, what: 'failed_replies' }, r.failedReplies);
    if (r.messages + r.customers + r.failedReplies > 0) {
      this.log.log(
        { brandId: e.brandId, kind: e.kind, xId: e.xId, reason: e.reason, ...r },
        'content redacted',
      );
    }
  }
}

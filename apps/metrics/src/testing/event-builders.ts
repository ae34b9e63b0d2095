import type {
  ConversationAssignedV1,
  ConversationRoutedV1,
  ConversationStatusChangedV1,
  MessageSentV1,
} from '@roost/contracts';
import { randomUUID } from 'node:crypto';

type Label = 'negative' | 'neutral' | 'positive';
const at = (base: string, minutes: number): string =>
  new Date(Date.parse(base) + minutes * 60_000).toISOString();
let tweets = 0;
let xids = 0;

/** Test events for one conversation, times in minutes after `opened` (ISO). */
export class ConversationScript {
  readonly conversationId = randomUUID();

  constructor(
    private readonly c: {
      brandId: string;
      queueId: string;
      opened: string;
      language: string;
      channel: 'public' | 'dm';
      priority: number;
    },
  ) {}

  routed(o: {
    minute: number;
    opened: boolean;
    label: Label;
    score: number;
    assigneeId: string | null;
    routedAfterSeconds?: number;
    snapshot?: { waiting: number; assigned: number };
  }): ConversationRoutedV1 {
    const createdAt = at(this.c.opened, o.minute);
    const id = String(7_000_000 + ++tweets);

    return {
      schema: 1,
      brandId: this.c.brandId,
      conversationId: this.conversationId,
      opened: o.opened,
      queueId: this.c.queueId,
      priority: this.c.priority,
      status: o.assigneeId ? 'assigned' : 'waiting',
      assigneeId: o.assigneeId,
      mention: {
        schema: 1,
        brandId: this.c.brandId,
        source: 'stream',
        channel: this.c.channel,
        tweet: { id, text: 'hello', createdAt },
        author: { id: '42', handle: 'customer', name: 'C', followersCount: 1, verified: false },
        account: { id: this.c.brandId, handle: 'acme', role: 'care', xUserId: '1' },
        replyPath: 'public',
        matchedRules: [],
        classification: {
          language: this.c.language,
          sentiment: { label: o.label, score: o.score },
          intent: 'question',
          pii: [],
          priority: this.c.priority,
        },
        receivedAt: createdAt,
      },
      queueSnapshot: {
        waiting: o.snapshot?.waiting ?? 0,
        assigned: o.snapshot?.assigned ?? 1,
        oldestWaitingSince: null,
      },
      routedAt: new Date(Date.parse(createdAt) + (o.routedAfterSeconds ?? 0) * 1000).toISOString(),
    };
  }

  sent(o: { minute: number; agentId: string; first: boolean }): MessageSentV1 {
    return {
      schema: 1,
      brandId: this.c.brandId,
      conversationId: this.conversationId,
      messageId: randomUUID(),
      agentId: o.agentId,
      queueId: this.c.queueId,
      channel: this.c.channel,
      xId: String(9_000_000 + ++xids),
      firstResponse: o.first,
      conversationOpenedAt: this.c.opened,
      sentAt: at(this.c.opened, o.minute),
    };
  }

  assigned(o: {
    minute: number;
    agentId: string;
    snapshot: { waiting: number; assigned: number };
  }): ConversationAssignedV1 {
    return {
      schema: 1,
      brandId: this.c.brandId,
      conversationId: this.conversationId,
      queueId: this.c.queueId,
      previousQueueId: null,
      assigneeId: o.agentId,
      previousAssigneeId: null,
      status: 'assigned',
      reason: 'from_waiting_list',
      translationHint: false,
      priority: this.c.priority,
      actorId: null,
      queueSnapshot: { ...o.snapshot, oldestWaitingSince: null },
      at: at(this.c.opened, o.minute),
    };
  }

  status(o: {
    minute: number;
    reason: ConversationStatusChangedV1['reason'];
    assigneeId: string | null;
  }): ConversationStatusChangedV1 {
    const resolved = o.reason === 'resolved';

    return {
      schema: 1,
      brandId: this.c.brandId,
      conversationId: this.conversationId,
      queueId: this.c.queueId,
      assigneeId: o.assigneeId,
      status: resolved ? 'resolved' : 'assigned',
      previousStatus: resolved ? 'assigned' : 'resolved',
      reason: o.reason,
      actorId: null,
      openedAt: this.c.opened,
      at: at(this.c.opened, o.minute),
    };
  }
}

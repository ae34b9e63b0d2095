import type {
  ConversationAssignedV1,
  ConversationRoutedV1,
  ConversationStatusChangedV1,
  MessageSentV1,
} from '@roost/contracts';

/** A value stamped with the event time that produced it; the latest (or earliest) stamp wins. */
export interface Stamped<T> {
  value: T;
  at: string;
}

/**
 * What one or more events know about a conversation. Every field merges commutatively and
 * idempotently (see `mergePatch`), which is what makes folding order-independent.
 */
export interface Dims {
  language: string | null;
  channel: string;
  priority: number | null;
}

export interface FactPatch {
  brandId: string;
  conversationId: string;
  /** Latest wins. */
  queue?: Stamped<string>;
  agent?: Stamped<string>;
  /** Earliest wins: the language, channel and priority of the conversation's opening message. */
  dims?: Stamped<Dims>;
  /** Earliest wins. */
  openedAt?: string;
  firstAssignedAt?: string;
  firstResponse?: Stamped<string | null>;
  /** Latest wins. */
  lastReplyAt?: string;
  resolvedAt?: string;
  reopenedAt?: string;
}

export interface InboundFact {
  brandId: string;
  tweetId: string;
  conversationId: string;
  at: string;
  queueId: string;
  language: string;
  channel: string;
  sentiment: string;
  score: number;
}

/**
 * A response cycle starts when a customer's message opens or reopens a conversation: each cycle
 * has its own first response (the earliest brand reply before the next cycle) and its own SLA.
 * The row is what the opening event knew; the first response is recomputed from `OutboundFact`s.
 */
export interface CycleStart {
  brandId: string;
  conversationId: string;
  startedAt: string;
  queueId: string;
  agentId: string | null;
  language: string;
  channel: string;
  priority: number;
}

/** A brand reply as metrics knows it: when and by whom (automatic posts are no reply). */
export interface OutboundFact {
  brandId: string;
  messageId: string;
  conversationId: string;
  at: string;
  agentId: string | null;
}

export interface QueueSnapshotFact {
  brandId: string;
  queueId: string;
  waiting: number;
  assigned: number;
  oldestWaitingSince: string | null;
  asOf: string;
}

const t = (iso: string): number => Date.parse(iso);

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;

  return t(b) < t(a) ? b : a;
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;

  return t(b) > t(a) ? b : a;
}

/**
 * Tie-break keys: equal times are decided by the greater key, so any order of the same events gives
 * one result. `fact.repository.ts` builds the same keys in SQL (byte order, COLLATE "C").
 */
export const tieKey = {
  id: (v: string | null): string => v ?? '',
  dims: (v: Dims): string => `${v.language ?? ''}|${v.channel}|${v.priority ?? ''}`,
};

function pick<T>(
  a: Stamped<T> | undefined,
  b: Stamped<T> | undefined,
  opts: { prefer: 'latest' | 'earliest'; key: (v: T) => string },
): Stamped<T> | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const d = t(b.at) - t(a.at);
  if (d !== 0) return (opts.prefer === 'latest' ? d > 0 : d < 0) ? b : a;

  return opts.key(b.value) > opts.key(a.value) ? b : a;
}

export function mergePatch(a: FactPatch, b: FactPatch): FactPatch {
  return {
    brandId: a.brandId,
    conversationId: a.conversationId,
    queue: pick(a.queue, b.queue, { prefer: 'latest', key: tieKey.id }),
    agent: pick(a.agent, b.agent, { prefer: 'latest', key: tieKey.id }),
    dims: pick(a.dims, b.dims, { prefer: 'earliest', key: tieKey.dims }),
    openedAt: earliest(a.openedAt, b.openedAt),
    firstAssignedAt: earliest(a.firstAssignedAt, b.firstAssignedAt),
    firstResponse: pick(a.firstResponse, b.firstResponse, { prefer: 'earliest', key: tieKey.id }),
    lastReplyAt: latest(a.lastReplyAt, b.lastReplyAt),
    resolvedAt: latest(a.resolvedAt, b.resolvedAt),
    reopenedAt: latest(a.reopenedAt, b.reopenedAt),
  };
}

/** Several events of one conversation in a batch become one row (one upsert may not touch a row twice). */
export function mergeByConversation(patches: readonly FactPatch[]): FactPatch[] {
  const out = new Map<string, FactPatch>();
  for (const p of patches) {
    const key = `${p.brandId}:${p.conversationId}`;
    const prev = out.get(key);
    out.set(key, prev ? mergePatch(prev, p) : p);
  }

  return [...out.values()];
}

export function routedFacts(e: ConversationRoutedV1): {
  patch: FactPatch;
  inbound: InboundFact;
  snapshot: QueueSnapshotFact;
  cycle: CycleStart | null;
} {
  const createdAt = e.mention.tweet.createdAt;
  const c = e.mention.classification;

  return {
    // `opened` is also true when the mention reopened a resolved conversation: a new cycle.
    cycle: e.opened
      ? {
          brandId: e.brandId,
          conversationId: e.conversationId,
          startedAt: createdAt,
          queueId: e.queueId,
          agentId: e.assigneeId,
          language: c.language,
          channel: e.mention.channel,
          priority: e.priority,
        }
      : null,
    patch: {
      brandId: e.brandId,
      conversationId: e.conversationId,
      queue: { value: e.queueId, at: e.routedAt },
      agent: e.assigneeId ? { value: e.assigneeId, at: e.routedAt } : undefined,
      dims: {
        value: { language: c.language, channel: e.mention.channel, priority: e.priority },
        at: createdAt,
      },
      openedAt: e.opened ? createdAt : undefined,
      firstAssignedAt: e.assigneeId ? e.routedAt : undefined,
    },
    inbound: {
      brandId: e.brandId,
      tweetId: e.mention.tweet.id,
      conversationId: e.conversationId,
      at: createdAt,
      queueId: e.queueId,
      language: c.language,
      channel: e.mention.channel,
      sentiment: c.sentiment.label,
      score: c.sentiment.score,
    },
    snapshot: { brandId: e.brandId, queueId: e.queueId, ...e.queueSnapshot, asOf: e.routedAt },
  };
}

/**
 * The earliest reply of a conversation is its first response, whatever the `firstResponse` flag of
 * a redelivered or late event says: the minimum is order-independent.
 */
export function sentFacts(e: MessageSentV1): { patch: FactPatch; outbound: OutboundFact } {
  return {
    patch: sentPatch(e),
    outbound: {
      brandId: e.brandId,
      messageId: e.messageId,
      conversationId: e.conversationId,
      at: e.sentAt,
      agentId: e.agentId,
    },
  };
}

function sentPatch(e: MessageSentV1): FactPatch {
  return {
    brandId: e.brandId,
    conversationId: e.conversationId,
    queue: undefined,
    agent: e.agentId ? { value: e.agentId, at: e.sentAt } : undefined,
    // A reply's channel is the conversation's; stamped late so the opening mention's dims win.
    dims: { value: { language: null, channel: e.channel, priority: null }, at: '9999-12-31T00:00:00.000Z' },
    openedAt: e.conversationOpenedAt,
    firstResponse: { value: e.agentId, at: e.sentAt },
    lastReplyAt: e.sentAt,
  };
}

export function assignedFacts(e: ConversationAssignedV1): { patch: FactPatch; snapshot: QueueSnapshotFact } {
  return {
    patch: {
      brandId: e.brandId,
      conversationId: e.conversationId,
      queue: { value: e.queueId, at: e.at },
      agent: e.assigneeId ? { value: e.assigneeId, at: e.at } : undefined,
      firstAssignedAt: e.assigneeId ? e.at : undefined,
    },
    snapshot: { brandId: e.brandId, queueId: e.queueId, ...e.queueSnapshot, asOf: e.at },
  };
}

export function statusFacts(e: ConversationStatusChangedV1): FactPatch {
  const reopened = e.reason === 'reopened_by_agent' || e.reason === 'reopened_by_customer';

  return {
    brandId: e.brandId,
    conversationId: e.conversationId,
    queue: { value: e.queueId, at: e.at },
    agent: e.assigneeId ? { value: e.assigneeId, at: e.at } : undefined,
    openedAt: e.openedAt,
    resolvedAt: e.reason === 'resolved' ? e.at : undefined,
    reopenedAt: reopened ? e.at : undefined,
  };
}

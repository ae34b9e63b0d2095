import type { Static, TSchema } from '@sinclair/typebox';
import type { Codec } from './codec';
import { agentAccessChangedV1 } from './events/agent-access-changed.v1';
import { brandReplyObservedV1 } from './events/brand-reply-observed.v1';
import { complianceContentWithdrawnV1 } from './events/compliance-content-withdrawn.v1';
import { conversationAssignedV1 } from './events/conversation-assigned.v1';
import { conversationRoutedV1 } from './events/conversation-routed.v1';
import { conversationSlaAlertV1 } from './events/conversation-sla-alert.v1';
import { conversationSplitV1 } from './events/conversation-split.v1';
import { conversationPriorityChangedV1 } from './events/conversation-priority-changed.v1';
import { conversationStatusChangedV1 } from './events/conversation-status-changed.v1';
import { customerUpdatedV1 } from './events/customer-updated.v1';
import { mentionReceivedV1 } from './events/mention-received.v1';
import { messageSentV1 } from './events/message-sent.v1';
import { queueWaitEstimatedV1 } from './events/queue-wait-estimated.v1';
import { queueUpdatedV1 } from './events/queue-updated.v1';

/**
 * Subject grammar (fixed, never renamed; STYLE.md "things to avoid" 16):
 *   <ns>.<aggregate>.<past-tense-verb>.<brandId>   durable events, JetStream
 *   <ns>.live.<what>.<brandId>.<id>                live notifications, core NATS
 *   <ns>.rpc.<service>.<method>                    request/reply, core NATS, queue group per service
 *   <ns>.dlq.<original subject>                    dead letters, JetStream
 * `ns` is `roost` in production; tests use a unique one so their streams never collide.
 * The brand is the last durable token so consumers can partition by brand.
 */
export const StreamKey = {
  Mentions: 'mentions',
  Conversations: 'conversations',
  Queues: 'queues',
  DeadLetters: 'dlq',
} as const;
export type StreamKey = (typeof StreamKey)[keyof typeof StreamKey];

export interface EventDef<S extends TSchema = TSchema> {
  readonly name: string;
  readonly stream: StreamKey;
  readonly codec: Codec<S>;
}
export type PayloadOf<D> = D extends EventDef<infer S> ? Static<S> : never;

export const Events = {
  MentionReceived: { name: 'mention.received', stream: StreamKey.Mentions, codec: mentionReceivedV1 },
  /** The brand's own public reply seen on X (ingest → conversations), beside the mentions it answers. */
  BrandReplyObserved: {
    name: 'brand_reply.observed',
    stream: StreamKey.Mentions,
    codec: brandReplyObservedV1,
  },
  /** X says a tweet or user's content must go (ingest's batch compliance → conversations redacts). */
  ComplianceContentWithdrawn: {
    name: 'compliance.content_withdrawn',
    stream: StreamKey.Mentions,
    codec: complianceContentWithdrawnV1,
  },
  ConversationRouted: {
    name: 'conversation.routed',
    stream: StreamKey.Conversations,
    codec: conversationRoutedV1,
  },
  MessageSent: { name: 'message.sent', stream: StreamKey.Conversations, codec: messageSentV1 },
  ConversationAssigned: {
    name: 'conversation.assigned',
    stream: StreamKey.Conversations,
    codec: conversationAssignedV1,
  },
  QueueWaitEstimated: { name: 'queue.wait_estimated', stream: StreamKey.Queues, codec: queueWaitEstimatedV1 },
  ConversationSlaAlert: {
    name: 'conversation.sla_alert',
    stream: StreamKey.Conversations,
    codec: conversationSlaAlertV1,
  },
  ConversationStatusChanged: {
    name: 'conversation.status_changed',
    stream: StreamKey.Conversations,
    codec: conversationStatusChangedV1,
  },
  /** A customer message split out into a new conversation (conversations → metrics). */
  ConversationSplit: {
    name: 'conversation.split',
    stream: StreamKey.Conversations,
    codec: conversationSplitV1,
  },
  /** Routing raised an open conversation's priority (a customer made VIP); conversations keeps the higher. */
  ConversationPriorityChanged: {
    name: 'conversation.priority_changed',
    stream: StreamKey.Conversations,
    codec: conversationPriorityChangedV1,
  },
  /** A customer's VIP flag changed (conversations' outbox → routing's VIP set). */
  CustomerUpdated: { name: 'customer.updated', stream: StreamKey.Conversations, codec: customerUpdatedV1 },
} as const satisfies Record<string, EventDef>;

export const LiveEvents = {
  QueueUpdated: { name: 'live.queue', codec: queueUpdatedV1 },
  /** The same payload as the durable event, for consoles (`waitTimeUpdated`). */
  WaitTimeUpdated: { name: 'live.wait', codec: queueWaitEstimatedV1 },
  /** routing → gateways: an agent deactivated, reactivated or their tokens revoked (`<ns>.live.agent_access.<brand>.<agent>`). */
  AgentAccessChanged: { name: 'live.agent_access', codec: agentAccessChangedV1 },
} as const;

export interface StreamSpec {
  readonly name: string;
  readonly subjects: string[];
}

/** Physical names for one namespace. */
export class Topology {
  constructor(readonly ns: string) {}

  eventSubject(def: { name: string }, brandId: string): string {
    return `${this.ns}.${def.name}.${brandId}`;
  }

  /** Filter for all brands (or one) of an event. */
  eventFilter(def: { name: string }, brandId = '*'): string {
    return `${this.ns}.${def.name}.${brandId}`;
  }

  liveSubject(def: { name: string }, brandId: string, id: string): string {
    return `${this.ns}.${def.name}.${brandId}.${id}`;
  }

  liveFilter(def: { name: string }, brandId = '*', id = '*'): string {
    return `${this.ns}.${def.name}.${brandId}.${id}`;
  }

  rpcSubject(method: string): string {
    return `${this.ns}.rpc.${method}`;
  }

  deadLetterSubject(original: string): string {
    return `${this.ns}.dlq.${original}`;
  }

  streamName(key: StreamKey): string {
    return `${this.ns}_${key}`.toUpperCase();
  }

  streams(): StreamSpec[] {
    return [
      {
        name: this.streamName(StreamKey.Mentions),
        subjects: [`${this.ns}.mention.>`, `${this.ns}.brand_reply.>`, `${this.ns}.compliance.>`],
      },
      {
        name: this.streamName(StreamKey.Conversations),
        subjects: [`${this.ns}.conversation.>`, `${this.ns}.message.>`, `${this.ns}.customer.>`],
      },
      { name: this.streamName(StreamKey.Queues), subjects: [`${this.ns}.queue.>`] },
      { name: this.streamName(StreamKey.DeadLetters), subjects: [`${this.ns}.dlq.>`] },
    ];
  }

  /** Durable consumer names are per service and purpose; several instances share one. */
  durable(service: string, purpose: string): string {
    return `${service}-${purpose}`;
  }
}

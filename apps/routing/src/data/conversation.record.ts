import { Nullable } from '@roost/database';
import { Type, type Static, type TObject } from '@sinclair/typebox';

/** An open (or recently resolved) conversation as routing holds it: the `conversations` row in routing's terms. */
export interface Conversation {
  id: string;
  customerXId: string;
  channel: string;
  /** The X thread of a public conversation (its first tweet's conversation id); null for DMs. */
  xConversationId: string | null;
  queueId: string;
  status: 'waiting' | 'assigned' | 'snoozed';
  assigneeId: string | null;
  priority: number;
  language: string;
  openedAt: number;
  assignedAt: number | null;
  translationHint: boolean;
  firstResponseAt: number | null;
  slaWarnedAt: number | null;
  slaBreachedAt: number | null;
  /**
   * When the brand last DMed the customer from this (public) conversation: the customer's DMs join
   * it (the DM leg of the case). Null when it has none, and always for a DM conversation.
   */
  dmLinkedAt: number | null;
  /** Set while the conversation sits in `recentlyResolved`. */
  resolvedAt?: number | null;
}

/** The columns of CONVERSATION_COLUMNS as node-postgres returns them (an open conversation's status). */
export const CONVERSATION_ROW_COLUMNS = {
  id: Type.String(),
  customer_x_id: Type.String(),
  channel: Type.String(),
  queue_id: Type.String(),
  status: Type.Union([Type.Literal('waiting'), Type.Literal('assigned'), Type.Literal('snoozed')]),
  assignee_id: Nullable(Type.String()),
  priority: Type.Integer(),
  language: Type.String(),
  opened_at: Type.Date(),
  assigned_at: Nullable(Type.Date()),
  translation_hint: Type.Boolean(),
  first_response_at: Nullable(Type.Date()),
  sla_warned_at: Nullable(Type.Date()),
  sla_breached_at: Nullable(Type.Date()),
  x_conversation_id: Nullable(Type.String()),
  dm_linked_at: Nullable(Type.Date()),
};

export type ConversationRow = Static<TObject<typeof CONVERSATION_ROW_COLUMNS>>;

const ms = (d: Date | null): number | null => (d ? d.getTime() : null);

export const CONVERSATION_COLUMNS = `id, customer_x_id, channel, queue_id, status, assignee_id, priority, language, opened_at, assigned_at,
       translation_hint, first_response_at, sla_warned_at, sla_breached_at, x_conversation_id, dm_linked_at`;

export function toConversation(r: ConversationRow): Conversation {
  return {
    id: r.id,
    customerXId: r.customer_x_id,
    channel: r.channel,
    xConversationId: r.x_conversation_id,
    queueId: r.queue_id,
    status: r.status,
    assigneeId: r.assignee_id,
    priority: r.priority,
    language: r.language,
    openedAt: r.opened_at.getTime(),
    assignedAt: ms(r.assigned_at),
    translationHint: r.translation_hint,
    firstResponseAt: ms(r.first_response_at),
    slaWarnedAt: ms(r.sla_warned_at),
    slaBreachedAt: ms(r.sla_breached_at),
    dmLinkedAt: ms(r.dm_linked_at),
  };
}

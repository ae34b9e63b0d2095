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
  /** Set while the conversation sits in `recentlyResolved`. */
  resolvedAt?: number | null;
}

export interface ConversationRow {
  id: string;
  customer_x_id: string;
  channel: string;
  queue_id: string;
  status: Conversation['status'];
  assignee_id: string | null;
  priority: number;
  language: string;
  opened_at: Date;
  assigned_at: Date | null;
  translation_hint: boolean;
  first_response_at: Date | null;
  sla_warned_at: Date | null;
  sla_breached_at: Date | null;
  x_conversation_id: string | null;
}

const ms = (d: Date | null): number | null => (d ? d.getTime() : null);

export const CONVERSATION_COLUMNS = `id, customer_x_id, channel, queue_id, status, assignee_id, priority, language, opened_at, assigned_at,
       translation_hint, first_response_at, sla_warned_at, sla_breached_at, x_conversation_id`;

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
  };
}

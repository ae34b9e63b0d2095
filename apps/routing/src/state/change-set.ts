import type { ConversationAssignedV1 } from '@roost/contracts';
import type { Conversation } from '../data/conversation.record';
import type { RoutedRow, StateChanges } from '../data/routing.repository';

export interface SlaAlert {
  kind: 'warning' | 'breach';
  conversationId: string;
  queueId: string;
  priority: number;
  deadline: number;
  /** What the alert did: a warning raises priority, a breach reassigns or escalates per queue policy. */
  action: 'priority_raised' | 'reassigned' | 'escalated' | 'none';
}

/**
 * What one locked write changed in a brand's state. Memory is mutated directly while deciding;
 * if the transaction that persists this set fails, the brand's memory is dropped and reloaded, so
 * memory is only ever the committed state (or absent).
 */
export class ChangeSet implements StateChanges {
  readonly opened = new Map<string, Conversation>();
  readonly updated = new Map<string, Conversation>();
  readonly resolved = new Map<string, { conv: Conversation; at: number }>();
  readonly merged = new Map<string, string>();
  readonly lastInbound = new Map<string, number>();
  readonly agentDelta = new Map<string, number>();
  readonly agentStatus = new Map<string, 'online' | 'away' | 'offline'>();
  readonly assigned: ConversationAssignedV1[] = [];
  readonly alerts: SlaAlert[] = [];
  /** Mentions decided by this write (routed_mentions rows). */
  readonly routed: RoutedRow[] = [];
  /** VIP flags learnt by this write, by customer X id. */
  readonly vips = new Map<string, { vip: boolean; at: number }>();

  get empty(): boolean {
    return (
      this.opened.size +
        this.updated.size +
        this.resolved.size +
        this.merged.size +
        this.agentDelta.size +
        this.agentStatus.size +
        this.vips.size ===
        0 && this.assigned.length + this.routed.length === 0
    );
  }

  open(conv: Conversation): void {
    this.opened.set(conv.id, conv);
  }

  /** The row is written from the conversation's values at persist time. */
  touch(conv: Conversation): void {
    if (!this.opened.has(conv.id)) this.updated.set(conv.id, conv);
  }

  inbound(conv: Conversation, at: number): void {
    this.touch(conv);
    this.lastInbound.set(conv.id, at);
  }

  resolve(conv: Conversation, at: number): void {
    this.updated.delete(conv.id);
    this.resolved.set(conv.id, { conv, at });
  }

  vip(customerXId: string, vip: boolean, at: number): void {
    this.vips.set(customerXId, { vip, at });
  }

  load(agentId: string, delta: number): void {
    this.agentDelta.set(agentId, (this.agentDelta.get(agentId) ?? 0) + delta);
  }
}

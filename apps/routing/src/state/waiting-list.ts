import type { Conversation } from '../data/conversation.record';

type SortKey = Pick<Conversation, 'priority' | 'openedAt' | 'id'>;

/** Priority first (higher first), then age (older first), then id so the order is total. */
export function waitsBefore(a: SortKey, b: SortKey): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.openedAt !== b.openedAt) return a.openedAt < b.openedAt;

  return a.id < b.id;
}

/**
 * A queue's waiting conversations, kept sorted. A spike leaves tens of thousands waiting, and every
 * routed mention reads the queue's oldest wait, so nothing here walks the whole list: members are
 * found by binary search, and the oldest is the head of one of the few priority runs.
 *
 * Each member is placed by its key as it was when added (`priority` may change before `reorder`
 * is called, and the list must still find it where it is).
 */
export class WaitingList {
  private readonly items: Conversation[] = [];
  private readonly keys = new Map<Conversation, SortKey>();
  /** Members per priority: the runs of equal priority, each in age order. */
  private readonly perPriority = new Map<number, number>();

  get size(): number {
    return this.items.length;
  }

  /** The earliest `openedAt` waiting: the oldest of each priority run's head. */
  get oldestOpenedAt(): number | null {
    const priorities = [...this.perPriority.keys()].sort((a, b) => b - a);
    let oldest: number | null = null;
    let start = 0;
    for (const p of priorities) {
      const head = this.items[start];
      if (head && (oldest === null || head.openedAt < oldest)) oldest = head.openedAt;
      start += this.perPriority.get(p) ?? 0;
    }

    return oldest;
  }

  add(c: Conversation): void {
    if (this.keys.has(c)) this.remove(c);
    const key = { priority: c.priority, openedAt: c.openedAt, id: c.id };
    this.items.splice(this.lowerBound(key), 0, c);
    this.keys.set(c, key);
    this.perPriority.set(key.priority, (this.perPriority.get(key.priority) ?? 0) + 1);
  }

  remove(c: Conversation): boolean {
    const i = this.positionOf(c);
    if (i < 0) return false;
    const key = this.keys.get(c)!;
    this.items.splice(i, 1);
    this.keys.delete(c);
    const left = (this.perPriority.get(key.priority) ?? 1) - 1;
    if (left === 0) this.perPriority.delete(key.priority);
    else this.perPriority.set(key.priority, left);

    return true;
  }

  /** Call after changing a member's priority. */
  reorder(c: Conversation): void {
    if (this.remove(c)) this.add(c);
  }

  positionOf(c: Conversation): number {
    const key = this.keys.get(c);
    if (!key) return -1;
    const i = this.lowerBound(key);

    return this.items[i] === c ? i : this.items.indexOf(c);
  }

  /** In waiting order; do not mutate the list while iterating (copy first). */
  inOrder(): readonly Conversation[] {
    return this.items;
  }

  /** The first position whose member does not wait before `key`. */
  private lowerBound(key: SortKey): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const it = this.items[mid]!;
      if (waitsBefore(this.keys.get(it) ?? it, key)) lo = mid + 1;
      else hi = mid;
    }

    return lo;
  }
}

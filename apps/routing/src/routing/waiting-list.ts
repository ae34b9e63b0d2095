import type { Conversation } from './routing-state';

/** Priority first (higher first), then age (older first), then id so the order is total. */
export function waitsBefore(a: Conversation, b: Conversation): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.openedAt !== b.openedAt) return a.openedAt < b.openedAt;

  return a.id < b.id;
}

/** A queue's waiting conversations, kept sorted (binary insertion: thousands waiting, not millions). */
export class WaitingList {
  private readonly items: Conversation[] = [];

  get size(): number {
    return this.items.length;
  }

  get oldestOpenedAt(): number | null {
    let oldest: number | null = null;
    for (const c of this.items) if (oldest === null || c.openedAt < oldest) oldest = c.openedAt;

    return oldest;
  }

  add(c: Conversation): void {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const it = this.items[mid];
      if (it && waitsBefore(it, c)) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, c);
  }

  remove(c: Conversation): boolean {
    const i = this.items.indexOf(c);
    if (i < 0) return false;
    this.items.splice(i, 1);

    return true;
  }

  /** Call after changing a member's priority. */
  reorder(c: Conversation): void {
    if (this.remove(c)) this.add(c);
  }

  positionOf(c: Conversation): number {
    return this.items.indexOf(c);
  }

  /** In waiting order; do not mutate the list while iterating (copy first). */
  inOrder(): readonly Conversation[] {
    return this.items;
  }
}

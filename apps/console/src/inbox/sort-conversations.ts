/** Inbox order: most urgent first; among equals, whoever has waited longest. */
export function byPriorityThenAge<T extends { priority: number; openedAt: string }>(a: T, b: T): number {
  return b.priority - a.priority || Date.parse(a.openedAt) - Date.parse(b.openedAt);
}

import type { Conversation } from './brand-state';
import { WaitingList, waitsBefore } from './waiting-list';

function conv(id: number, priority: number, openedAt: number): Conversation {
  return {
    id: `c${String(id).padStart(5, '0')}`,
    customerXId: `u${id}`,
    channel: 'public',
    xConversationId: null,
    queueId: 'q',
    status: 'waiting',
    assigneeId: null,
    priority,
    language: 'en',
    openedAt,
    assignedAt: null,
    translationHint: false,
    firstResponseAt: null,
    slaWarnedAt: null,
    slaBreachedAt: null,
    dmLinkedAt: null,
  };
}

/** A deterministic pseudo-random sequence, so a failure replays. */
function lcg(seed: number): () => number {
  let s = seed;

  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;

    return s / 2 ** 31;
  };
}

describe('waiting list', () => {
  it('keeps waiting order, size and the oldest wait through random adds, removes and priority raises', () => {
    for (const seed of [1, 2, 3]) {
      const random = lcg(seed);
      const list = new WaitingList();
      const model: Conversation[] = [];
      for (let step = 0; step < 3000; step++) {
        const r = random();
        if (r < 0.5 || model.length === 0) {
          const c = conv(step, Math.floor(random() * 4) * 10, Math.floor(random() * 500));
          list.add(c);
          model.push(c);
        } else if (r < 0.8) {
          const c = model.splice(Math.floor(random() * model.length), 1)[0]!;
          expect(list.remove(c)).toBe(true);
          expect(list.remove(c)).toBe(false);
        } else {
          // SLA warnings raise the priority first, then ask the list to reorder.
          const c = model[Math.floor(random() * model.length)]!;
          c.priority += 5;
          list.reorder(c);
        }
        if (step % 100 === 0) {
          const expected = [...model].sort((a, b) => (waitsBefore(a, b) ? -1 : 1));
          expect(list.inOrder().map((c) => c.id)).toEqual(expected.map((c) => c.id));
          expect(list.oldestOpenedAt).toBe(model.length ? Math.min(...model.map((c) => c.openedAt)) : null);
          for (const c of model.slice(0, 20)) expect(list.positionOf(c)).toBe(expected.indexOf(c));
        }
        expect(list.size).toBe(model.length);
      }
    }
  });

  it('answers the oldest wait across priorities: an older conversation can wait behind a more urgent one', () => {
    const list = new WaitingList();
    expect(list.oldestOpenedAt).toBeNull();
    list.add(conv(1, 50, 300));
    list.add(conv(2, 10, 100));
    list.add(conv(3, 10, 200));
    expect(list.inOrder().map((c) => c.id)).toEqual(['c00001', 'c00002', 'c00003']);
    expect(list.oldestOpenedAt).toBe(100);
    list.remove(list.inOrder()[1]!);
    expect(list.oldestOpenedAt).toBe(200);
  });

  it('does not hold a conversation twice when it is added again', () => {
    const list = new WaitingList();
    const c = conv(1, 10, 100);
    list.add(c);
    list.add(c);
    expect(list.size).toBe(1);
    expect(list.remove(c)).toBe(true);
    expect(list.size).toBe(0);
  });

  it('finds a member whose priority changed since it was added', () => {
    const list = new WaitingList();
    const a = conv(1, 10, 100);
    const b = conv(2, 20, 100);
    list.add(a);
    list.add(b);
    a.priority = 90; // not yet reordered
    expect(list.positionOf(a)).toBe(1);
    list.reorder(a);
    expect(list.inOrder()).toEqual([a, b]);
  });
});

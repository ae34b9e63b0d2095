import type {
  ConversationAssignedV1,
  ConversationRoutedV1,
  ConversationStatusChangedV1,
  MessageSentV1,
} from '@roost/contracts';
import { randomUUID } from 'node:crypto';
import { ConversationScript } from './event-builders';

export interface Scenario {
  brandId: string;
  q1: string;
  q2: string;
  a1: string;
  a2: string;
  routed: ConversationRoutedV1[];
  sent: MessageSentV1[];
  assigned: ConversationAssignedV1[];
  status: ConversationStatusChangedV1[];
}

/**
 * Four conversations on Monday 2025-03-03 (UTC), the hand-computed figures in metrics.int-spec.ts:
 * C1 q1 en public 09:00 (negative, then positive at 09:20), A1 from routing (+10 s), reply 09:15, resolved 10:00.
 * C2 q1 fr dm 10:00 (neutral) waits, A2 from the waiting list 10:05, replies 11:30 and 11:40, resolved 12:00.
 * C3 q2 en public 11:00 (negative), A1 at once, never answered nor resolved.
 * C4 q2 en public 12:00 (positive), A2 at once, reply 12:30, resolved 12:45, reopened by the customer at 14:00 (negative),
 * reply 14:15, resolved 15:00.
 */
export function scenario(brandId = randomUUID()): Scenario {
  const [q1, q2, a1, a2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const c1 = new ConversationScript({
    brandId,
    queueId: q1,
    opened: '2025-03-03T09:00:00.000Z',
    language: 'en',
    channel: 'public',
    priority: 10,
  });
  const c2 = new ConversationScript({
    brandId,
    queueId: q1,
    opened: '2025-03-03T10:00:00.000Z',
    language: 'fr',
    channel: 'dm',
    priority: 10,
  });
  const c3 = new ConversationScript({
    brandId,
    queueId: q2,
    opened: '2025-03-03T11:00:00.000Z',
    language: 'en',
    channel: 'public',
    priority: 10,
  });
  const c4 = new ConversationScript({
    brandId,
    queueId: q2,
    opened: '2025-03-03T12:00:00.000Z',
    language: 'en',
    channel: 'public',
    priority: 10,
  });

  return {
    brandId,
    q1,
    q2,
    a1,
    a2,
    routed: [
      c1.routed({
        minute: 0,
        opened: true,
        label: 'negative',
        score: -0.6,
        assigneeId: a1,
        routedAfterSeconds: 10,
        snapshot: { waiting: 0, assigned: 1 },
      }),
      c1.routed({ minute: 20, opened: false, label: 'positive', score: 0.5, assigneeId: a1 }),
      c2.routed({
        minute: 0,
        opened: true,
        label: 'neutral',
        score: 0,
        assigneeId: null,
        snapshot: { waiting: 1, assigned: 1 },
      }),
      c3.routed({
        minute: 0,
        opened: true,
        label: 'negative',
        score: -0.4,
        assigneeId: a1,
        snapshot: { waiting: 0, assigned: 1 },
      }),
      c4.routed({
        minute: 0,
        opened: true,
        label: 'positive',
        score: 0.8,
        assigneeId: a2,
        snapshot: { waiting: 0, assigned: 2 },
      }),
      // The reopening mention: routed with `opened`, like the opening one (q2's counters as they were at 12:00).
      c4.routed({
        minute: 120,
        opened: true,
        label: 'negative',
        score: -0.3,
        assigneeId: a2,
        snapshot: { waiting: 0, assigned: 2 },
      }),
    ],
    sent: [
      c1.sent({ minute: 15, agentId: a1, first: true }),
      c2.sent({ minute: 90, agentId: a2, first: true }),
      c2.sent({ minute: 100, agentId: a2, first: false }),
      c4.sent({ minute: 30, agentId: a2, first: true }),
      c4.sent({ minute: 135, agentId: a2, first: false }),
    ],
    assigned: [c2.assigned({ minute: 5, agentId: a2, snapshot: { waiting: 3, assigned: 2 } })],
    status: [
      c1.status({ minute: 60, reason: 'resolved', assigneeId: a1 }),
      c2.status({ minute: 120, reason: 'resolved', assigneeId: a2 }),
      c4.status({ minute: 45, reason: 'resolved', assigneeId: a2 }),
      c4.status({ minute: 120, reason: 'reopened_by_customer', assigneeId: a2 }),
      c4.status({ minute: 180, reason: 'resolved', assigneeId: a2 }),
    ],
  };
}

import type { MentionReceivedV1 } from '@roost/contracts';
import type { AgentState, BrandState, QueueState } from '../state/brand-state';
import { ChangeSet } from '../state/change-set';
import type { RoutingContext } from '../state/routing-context';
import { WaitingList } from '../state/waiting-list';

/** Builders for pure routing tests (STYLE.md practice 22): valid by default, override what matters. */
export const BRAND = '00000000-0000-4000-8000-000000000001';

export function makeQueue(over: Partial<QueueState> & { id: string }): QueueState {
  return {
    name: over.id,
    team: 'care',
    timezone: 'UTC',
    businessHours: [],
    slaTargets: [{ minPriority: 0, minutes: 60 }],
    slaWarnRatio: 0.75,
    slaWarnPriorityBoost: 20,
    breachAction: 'reassign',
    escalationQueueId: null,
    strategy: 'least_loaded',
    stickyWindowMinutes: null,
    relaxLanguageAfterMinutes: null,
    reopenWindowMinutes: 1440,
    vipPriorityBoost: 20,
    hardLock: false,
    members: [],
    waiting: new WaitingList(),
    assigned: 0,
    openCache: { minute: -1, open: false },
    ...over,
  };
}

export function makeAgent(
  over: Partial<AgentState> & { id: string; queues?: string[]; langs?: string[] },
): AgentState {
  const { queues, langs, ...rest } = over;

  return {
    name: over.id,
    role: 'agent',
    languages: new Set(langs ?? ['en']),
    queueIds: new Set(queues ?? ['q1']),
    status: 'online',
    timezone: 'UTC',
    shifts: [],
    exceptions: [],
    capacity: 2,
    active: 0,
    channelCapacity: {},
    activeByChannel: { public: 0, dm: 0 },
    lastAssignedSeq: 0,
    shiftCache: { minute: -1, onShift: false },
    ...rest,
  };
}

export function makeState(queues: QueueState[], agents: AgentState[]): BrandState {
  for (const q of queues) q.members = agents.filter((a) => a.queueIds.has(q.id));

  return {
    brandId: BRAND,
    version: 0,
    configVersion: 0,
    agents: new Map(agents.map((a) => [a.id, a])),
    queues: new Map(queues.map((q) => [q.id, q])),
    rules: [],
    open: new Map(),
    byId: new Map(),
    recentlyResolved: new Map(),
    dmLegs: new Map(),
    mergeAliases: new Map(),
    lastAgent: new Map(),
    defaultQueueId: queues[0]?.id ?? null,
    seq: 0,
    vips: new Map(),
  };
}

let ids = 0;
export function ctxAt(state: BrandState, now: number | string): RoutingContext {
  return {
    state,
    changes: new ChangeSet(),
    now: typeof now === 'string' ? Date.parse(now) : now,
    newId: () => `c${++ids}`,
  };
}

let tweets = 0;
export function mention(
  over: { customer?: string; language?: string; priority?: number } = {},
): MentionReceivedV1 {
  const n = ++tweets;

  return {
    schema: 1,
    brandId: BRAND,
    source: 'stream',
    channel: 'public',
    tweet: { id: String(1000 + n), text: 'hello', createdAt: '2024-01-01T00:00:00.000Z' },
    author: {
      id: over.customer ?? String(5000 + n),
      handle: `u${n}`,
      name: 'U',
      followersCount: 10,
      verified: false,
    },
    account: { id: BRAND, handle: 'acme', role: 'care', xUserId: '1' },
    replyPath: 'public',
    matchedRules: [],
    classification: {
      language: over.language ?? 'en',
      sentiment: { label: 'neutral', score: 0 },
      intent: 'question',
      pii: [],
      priority: over.priority ?? 50,
    },
    receivedAt: '2024-01-01T00:00:00.000Z',
  };
}

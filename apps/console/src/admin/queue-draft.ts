import type {
  QueueConfigFieldsFragment,
  QueueConfigInput,
  RoutingStrategy,
  SlaBreachAction,
  SlaTargetInput,
  Team,
  WeeklySlotInput,
} from '../graphql/generated';

/** The queue form's state: numbers stay text while typed, '' meaning "not set". */
export interface QueueDraft {
  id: string | null;
  name: string;
  team: Team;
  timezone: string;
  businessHours: WeeklySlotInput[];
  slaTargets: Array<{ minPriority: string; minutes: string }>;
  slaWarnRatio: string;
  slaWarnPriorityBoost: string;
  slaBreachAction: SlaBreachAction;
  escalationQueueId: string;
  strategy: RoutingStrategy;
  stickyWindowMinutes: string;
  relaxLanguageAfterMinutes: string;
  reopenWindowMinutes: string;
  vipPriorityBoost: string;
  /** Only the assignee answers; supervisors take over first. */
  hardLock: boolean;
}

const text = (n: number | null): string => (n === null ? '' : String(n));

/** A new queue as the gateway would create it: always open, no SLA, least loaded, reopen within a day. */
export function queueDraft(q: QueueConfigFieldsFragment | null, timezone: string): QueueDraft {
  if (!q) {
    return {
      id: null,
      name: '',
      team: 'CARE',
      timezone,
      businessHours: [],
      slaTargets: [],
      slaWarnRatio: '0.8',
      slaWarnPriorityBoost: '10',
      slaBreachAction: 'NONE',
      escalationQueueId: '',
      strategy: 'LEAST_LOADED',
      stickyWindowMinutes: '',
      relaxLanguageAfterMinutes: '',
      reopenWindowMinutes: '1440',
      vipPriorityBoost: '20',
      hardLock: false,
    };
  }
  return {
    id: q.id,
    name: q.name,
    team: q.team,
    timezone: q.timezone,
    businessHours: q.businessHours.map(({ day, start, end }) => ({ day, start, end })),
    slaTargets: q.slaTargets.map((t) => ({ minPriority: String(t.minPriority), minutes: String(t.minutes) })),
    slaWarnRatio: String(q.slaWarnRatio),
    slaWarnPriorityBoost: String(q.slaWarnPriorityBoost),
    slaBreachAction: q.slaBreachAction,
    escalationQueueId: q.escalationQueueId ?? '',
    strategy: q.strategy,
    stickyWindowMinutes: text(q.stickyWindowMinutes),
    relaxLanguageAfterMinutes: text(q.relaxLanguageAfterMinutes),
    reopenWindowMinutes: String(q.reopenWindowMinutes),
    vipPriorityBoost: String(q.vipPriorityBoost),
    hardLock: q.hardLock,
  };
}

/** '' → null; anything else is sent as typed (`Number('x')` is NaN, which the API refuses by field). */
const optionalInt = (s: string): number | null => (s.trim() === '' ? null : Math.trunc(Number(s)));

/** The whole configuration, every field given, so what the form shows is what is saved. */
export function queueInput(d: QueueDraft): QueueConfigInput {
  const slaTargets: SlaTargetInput[] = d.slaTargets.map((t) => ({
    minPriority: Math.trunc(Number(t.minPriority)),
    minutes: Math.trunc(Number(t.minutes)),
  }));
  return {
    ...(d.id ? { id: d.id } : {}),
    name: d.name.trim(),
    team: d.team,
    timezone: d.timezone.trim(),
    businessHours: d.businessHours,
    slaTargets,
    slaWarnRatio: Number(d.slaWarnRatio),
    slaWarnPriorityBoost: Math.trunc(Number(d.slaWarnPriorityBoost)),
    slaBreachAction: d.slaBreachAction,
    escalationQueueId: d.slaBreachAction === 'ESCALATE' && d.escalationQueueId ? d.escalationQueueId : null,
    strategy: d.strategy,
    stickyWindowMinutes: optionalInt(d.stickyWindowMinutes),
    relaxLanguageAfterMinutes: optionalInt(d.relaxLanguageAfterMinutes),
    reopenWindowMinutes: optionalInt(d.reopenWindowMinutes) ?? 0,
    vipPriorityBoost: optionalInt(d.vipPriorityBoost) ?? 0,
    hardLock: d.hardLock,
  };
}

/** "Mon–Fri 09:00–17:00" style summary for the list: one entry per distinct time range. */
export function hoursSummary(slots: readonly WeeklySlotInput[], dayNames: readonly string[]): string {
  if (slots.length === 0) return 'Always open';
  const byRange = new Map<string, number[]>();
  for (const s of slots)
    byRange.set(`${s.start}–${s.end}`, [...(byRange.get(`${s.start}–${s.end}`) ?? []), s.day]);
  return [...byRange]
    .map(
      ([range, days]) =>
        `${days
          .sort((a, b) => a - b)
          .map((d) => dayNames[d - 1] ?? d)
          .join(', ')} ${range}`,
    )
    .join('; ');
}

/** "never", "90 min", "1 day", "2 h 30 min" */
export function minutesInWords(min: number): string {
  if (min === 0) return 'never';
  if (min % 1440 === 0) return min === 1440 ? '1 day' : `${min / 1440} days`;
  if (min < 60) return `${min} min`;
  return min % 60 ? `${Math.floor(min / 60)} h ${min % 60} min` : `${min / 60} h`;
}

import { hoursSummary, minutesInWords, queueDraft, queueInput } from './queue-draft';

describe('queue drafts', () => {
  it('a new queue starts in the given zone and sends every field, 0 turning reopening off', () => {
    const d = {
      ...queueDraft(null, 'Europe/Paris'),
      name: 'VIP',
      reopenWindowMinutes: '0',
      stickyWindowMinutes: '30',
      businessHours: [{ day: 1, start: '09:00', end: '17:00' }],
    };
    expect(queueInput(d)).toEqual({
      name: 'VIP',
      team: 'CARE',
      timezone: 'Europe/Paris',
      businessHours: [{ day: 1, start: '09:00', end: '17:00' }],
      slaTargets: [],
      slaWarnRatio: 0.8,
      slaWarnPriorityBoost: 10,
      slaBreachAction: 'NONE',
      escalationQueueId: null,
      strategy: 'LEAST_LOADED',
      stickyWindowMinutes: 30,
      relaxLanguageAfterMinutes: null,
      reopenWindowMinutes: 0,
      vipPriorityBoost: 20,
      hardLock: false,
    });
  });

  it('keeps the escalation queue only when the breach action escalates', () => {
    const d = { ...queueDraft(null, 'UTC'), name: 'X', escalationQueueId: 'q9' };
    expect(queueInput(d).escalationQueueId).toBeNull();
    expect(queueInput({ ...d, slaBreachAction: 'ESCALATE' }).escalationQueueId).toBe('q9');
  });

  it('summarises hours and windows in words', () => {
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    expect(hoursSummary([], days)).toBe('Always open');
    expect(
      hoursSummary(
        [
          { day: 2, start: '09:00', end: '17:00' },
          { day: 1, start: '09:00', end: '17:00' },
          { day: 6, start: '10:00', end: '14:00' },
        ],
        days,
      ),
    ).toBe('Mon, Tue 09:00–17:00; Sat 10:00–14:00');
    expect(minutesInWords(0)).toBe('never');
    expect(minutesInWords(1440)).toBe('1 day');
    expect(minutesInWords(90)).toBe('1 h 30 min');
  });
});

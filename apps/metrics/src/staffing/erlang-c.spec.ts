import { averageSpeedOfAnswer, erlangC, serversNeeded, serviceLevel } from './erlang-c';
import { adviseStaffing } from './staffing-advisor';
import { scheduledPerHourOfWeek } from './scheduled-agents';

describe('Erlang C', () => {
  /**
   * Published worked example (Call Centre Helper, "Erlang C formula – made simple"; the same
   * figures appear in most workforce-management primers): 100 calls per 30 minutes, average
   * handle time 180 s → A = 100 × 180 / 1800 = 10 erlangs; service level target 80 % in 20 s.
   * Probability of waiting: 11 agents 68.21 %, 12 agents 44.94 %, 13 agents 28.53 %, 14 agents
   * 17.41 %; service level 12 agents 64.0 %, 13 agents 79.6 %, 14 agents 88.8 %; 14 agents are the
   * fewest reaching 80 %, with an average speed of answer of about 8 s.
   */
  it.each([
    [11, 0.6821],
    [12, 0.4494],
    [13, 0.2853],
    [14, 0.1741],
  ])('A = 10 erlangs, %i agents: probability of waiting %f', (n, pw) => {
    expect(erlangC(n, 10)).toBeCloseTo(pw, 4);
  });

  it.each([
    [12, 0.64],
    [13, 0.796],
    [14, 0.888],
  ])('A = 10, %i agents: service level within 20 s of a 180 s handle time %f', (n, sl) => {
    expect(serviceLevel({ servers: n, traffic: 10, targetSeconds: 20, handleSeconds: 180 })).toBeCloseTo(
      sl,
      2,
    );
  });

  it('needs 14 agents for 80 % in 20 s at A = 10, and answers in about 8 s on average', () => {
    expect(serversNeeded({ traffic: 10, targetSeconds: 20, handleSeconds: 180, level: 0.8 })).toBe(14);
    expect(averageSpeedOfAnswer({ servers: 14, traffic: 10, handleSeconds: 180 })).toBeCloseTo(7.84, 1);
  });

  it('matches the M/M/1 and M/M/2 closed forms (by hand: M/M/1 waits with probability ρ; M/M/2 with 2ρ²/(1+ρ))', () => {
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12); // ρ = 0.5: 2·0.25/1.5
    expect(erlangC(2, 1.6)).toBeCloseTo((2 * 0.64) / 1.8, 12); // ρ = 0.8
  });

  it('is 1 when the agents cannot keep up and 0 without traffic; stays finite for 500 agents', () => {
    expect(erlangC(5, 5)).toBe(1);
    expect(erlangC(5, 0)).toBe(0);
    const c = erlangC(500, 480);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  });
});

describe('staffing advice', () => {
  it('turns arrivals and handle time into agents per hour, with concurrency as servers per agent', () => {
    const arrivals = new Array<number>(168).fill(0);
    arrivals[9] = 200; // Monday 09h: 200 conversations/h × 180 s = 10 erlangs
    arrivals[24 + 10] = 20; // Tuesday 10h: 1 erlang
    const scheduled = new Array<number>(168).fill(0);
    scheduled[9] = 5;
    scheduled[24 + 10] = 3;
    const hours = adviseStaffing({
      arrivalsPerHour: arrivals,
      handleSeconds: 180,
      concurrency: 3,
      targetSeconds: 20,
      level: 0.8,
      scheduled,
    });

    // 14 servers (the published example) at 3 conversations per agent: ⌈14 / 3⌉ = 5 agents.
    expect(hours[9]).toMatchObject({
      day: 1,
      hour: 9,
      trafficErlangs: 10,
      agentsNeeded: 5,
      scheduled: 5,
      gap: 0,
    });
    // 1 erlang, 80 % in 20 s of 180 s: 2 servers give 1 − (1/3)·e^(−1/9) = 0.70; 3 give 1 − C(3,1)·e^(−2/9) ≥ 0.8 → 1 agent.
    expect(serversNeeded({ traffic: 1, targetSeconds: 20, handleSeconds: 180, level: 0.8 })).toBe(3);
    expect(hours[34]).toMatchObject({ day: 2, hour: 10, agentsNeeded: 1, scheduled: 3, gap: 2 });
    expect(hours[0]).toMatchObject({ agentsNeeded: 0, gap: 0, scheduledServiceLevel: 1 });

    const short = adviseStaffing({
      arrivalsPerHour: arrivals,
      handleSeconds: 180,
      concurrency: 1,
      targetSeconds: 20,
      level: 0.8,
      scheduled,
    });
    expect(short[9]).toMatchObject({ agentsNeeded: 14, scheduled: 5, gap: -9, scheduledServiceLevel: 0 });
  });

  it('counts agents on shift per hour of week in the viewer zone, each shift in its agent zone', () => {
    const agents = [
      { timezone: 'Europe/Paris', shifts: [{ day: 1, start: '09:00', end: '17:00' }] },
      { timezone: 'America/New_York', shifts: [{ day: 1, start: '22:00', end: '02:00' }] },
    ];
    // Week of 2026-01-05 (Monday, winter: Paris UTC+1, New York UTC−5), counted in UTC.
    const s = scheduledPerHourOfWeek(agents, { zone: 'UTC', weekOf: new Date('2026-01-07T12:00:00Z') });
    expect(s[7]).toBe(0); // Mon 07:30 UTC = 08:30 Paris
    expect(s[8]).toBe(1); // Mon 08:30 UTC = 09:30 Paris
    expect(s[15]).toBe(1); // 16:30 Paris
    expect(s[16]).toBe(0); // 17:30 Paris
    // New York Mon 22:00–Tue 02:00 = Tue 03:00–07:00 UTC.
    expect(s.slice(24 + 2, 24 + 8)).toEqual([0, 1, 1, 1, 1, 0]);
  });
});

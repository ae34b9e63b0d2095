import type { INestApplication } from '@nestjs/common';
import {
  ErrorCode,
  Events,
  LiveEvents,
  MetricsRpc,
  Rpc,
  RoutingRpc,
  type AgentRole,
  type QueueWaitEstimatedV1,
} from '@roost/contracts';
import { EventBus, LiveChannel, NatsClient, RpcClient, RpcServer, silentLogger } from '@roost/messaging';
import { cleanupNamespace, eventually, testEnv } from '@roost/testing';
import { randomUUID } from 'node:crypto';
import { startMetricsApp } from '../testing/metrics-app';
import { scenario, type Scenario } from '../testing/scenario';
import { WaitPublisher } from '../wait/wait-publisher.service';

/** The figures of testing/scenario.ts, computed by hand (seconds). */
describe('metrics reports over folded events (PostgreSQL + NATS)', () => {
  const env = testEnv();
  let app: INestApplication;
  let client: NatsClient;
  let rpc: RpcClient;
  let s: Scenario;
  const supervisor: string = randomUUID();
  const acting = (role: AgentRole = 'supervisor', actorId = supervisor) => ({
    brandId: s.brandId,
    actorId,
    actorRole: role,
  });
  const week = { from: '2025-03-03', to: '2025-03-10', timezone: 'UTC' };

  beforeAll(async () => {
    app = await startMetricsApp(env, { waitIntervalMs: 3_600_000 });
    client = await NatsClient.connect({
      servers: env.natsServers,
      name: 'metrics-test',
      namespace: env.natsNamespace,
      log: silentLogger,
    });
    rpc = new RpcClient(client, 5000);
    s = scenario();
    // Routing's answer about actors (metrics judges roles on it, not on actorRole): the supervisor and agent A1.
    const actors = new RpcServer(client, 'routing', silentLogger);
    actors.serve(RoutingRpc.ActorAccess, async (r) => {
      const role: AgentRole | null =
        r.brandId !== s.brandId
          ? null
          : r.actorId === supervisor
            ? 'supervisor'
            : r.actorId === s.a1
              ? 'agent'
              : null;

      return { actor: role ? { role, active: true } : null };
    });
    await actors.ready();
    const bus = new EventBus(client);
    const opts = (brandId: string) => ({ brandId, msgId: randomUUID() });
    // Out of order: replies, resolutions and the assignment before the mentions that opened the conversations
    // (each stream's events reach metrics in this order); then everything again, as redeliveries.
    for (let round = 0; round < 2; round++) {
      for (const e of [...s.status].reverse()) {
        await bus.publish(Events.ConversationStatusChanged, e, opts(s.brandId));
      }
      for (const e of [...s.sent].reverse()) await bus.publish(Events.MessageSent, e, opts(s.brandId));
      for (const e of s.assigned) await bus.publish(Events.ConversationAssigned, e, opts(s.brandId));
      for (const e of [...s.routed].reverse()) {
        await bus.publish(Events.ConversationRouted, e, opts(s.brandId));
      }
    }
    await eventually(
      async () => {
        const r = await rpc.request(MetricsRpc.Summary, { ...acting(), ...week });

        const t = r.total;
        const seen = [
          t.conversations,
          t.inbound,
          t.resolutionSeconds.count,
          t.handleSeconds.count,
          t.firstResponseSeconds.count,
          r.backlog.waiting,
        ];
        if (seen.join() !== '4,6,3,3,4,3') throw new Error(`folded so far: ${seen.join()}`);

        return true;
      },
      { what: 'all events folded', timeoutMs: 20_000 },
    );
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await client?.drain();
    await cleanupNamespace(env);
  }, 60_000);

  it('summarises the brand: response rate, FRT / resolution / handle percentiles, SLA, sentiment, backlog', async () => {
    const r = await rpc.request(MetricsRpc.Summary, { ...acting(), ...week });
    expect(r.slaSource).toBe('brand_default');
    expect(r.slaDefaultMinutes).toBe(60);
    expect(r.total).toMatchObject({
      conversations: 4,
      inbound: 6,
      answered: 4, // C1's 09:20 message came after its last reply; C3 never answered; C4's two before 14:15
      // FRT per response cycle: 900 (C1), 5400 (C2), 1800 (C4), 900 (C4 reopened at 14:00, answered 14:15);
      // percentile_cont over [900, 900, 1800, 5400]: p50 = 1350, p90 = 1800 + 0.7 × 3600, p99 = 1800 + 0.97 × 3600
      firstResponseSeconds: { count: 4, avg: 2250, p50: 1350, p90: 4320, max: 5400 },
      // resolution 3600 (C1), 7200 (C2), 10800 (C4: the resolution after its reopening)
      resolutionSeconds: { count: 3, avg: 7200, p50: 7200, p90: 10080, max: 10800 },
      // handle = resolution − first assignment: 3590 (C1 assigned 10 s after opening), 6900 (C2 from 10:05), 10800 (C4)
      handleSeconds: { count: 3, p50: 6900, max: 10800 },
      // eligible: 4 answered cycles + C3 unanswered past 60 min; met: C1 and both of C4's cycles
      sla: { eligible: 5, met: 3, attainment: 0.6 },
      unresolved: 1,
      sentiment: { negative: 3, neutral: 1, positive: 2 },
      // C1 negative → positive, C4 positive → negative (its reopening)
      sentimentChange: { improved: 1, worsened: 1, unchanged: 0 },
    });
    expect(r.total.responseRate).toBeCloseTo(4 / 6, 6);
    expect(r.total.firstResponseSeconds.p99).toBeCloseTo(5292, 6);
    expect(r.total.handleSeconds.avg).toBeCloseTo(21290 / 3, 6);
    // (0.5 − (−0.6) + (−0.3 − 0.8)) / 2
    expect(r.total.sentimentChange.avgScoreDelta).toBeCloseTo(0, 5);
    // q1's latest snapshot is C2's assignment (3 waiting, 2 assigned), q2's C4's routing (0, 2).
    expect(r.backlog).toEqual({ waiting: 3, assigned: 4, oldestWaitingSince: null });
  });

  it('groups by queue, agent, language and channel', async () => {
    const byQueue = await rpc.request(MetricsRpc.Summary, { ...acting(), ...week, groupBy: 'queue' });
    const q1 = byQueue.rows.find((x) => x.key === s.q1);
    const q2 = byQueue.rows.find((x) => x.key === s.q2);
    expect(q1).toMatchObject({
      conversations: 2,
      firstResponseSeconds: { count: 2, p50: 3150 },
      sla: { eligible: 2, met: 1 },
    });
    // q2: C3 (unanswered) and C4's two cycles (1800 and 900 s).
    expect(q2).toMatchObject({
      conversations: 2,
      firstResponseSeconds: { count: 2, p50: 1350 },
      sla: { eligible: 3, met: 2 },
      unresolved: 1,
    });
    expect(byQueue.total.conversations).toBe(4);

    // The agent is the latest assignee: C2 moved to A2 from the waiting list.
    const byAgent = await rpc.request(MetricsRpc.Summary, { ...acting(), ...week, groupBy: 'agent' });
    expect(byAgent.rows.find((x) => x.key === s.a1)).toMatchObject({
      conversations: 2,
      answered: 1,
      inbound: 3,
    });
    expect(byAgent.rows.find((x) => x.key === s.a2)).toMatchObject({
      conversations: 2,
      resolutionSeconds: { count: 2, avg: 9000 },
    });

    const byLang = await rpc.request(MetricsRpc.Summary, { ...acting(), ...week, groupBy: 'language' });
    expect(byLang.rows.map((x) => [x.key, x.conversations])).toEqual([
      ['en', 3],
      ['fr', 1],
    ]);
    const dm = await rpc.request(MetricsRpc.Summary, { ...acting(), ...week, filter: { channels: ['dm'] } });
    expect(dm.total).toMatchObject({
      conversations: 1,
      firstResponseSeconds: { p50: 5400 },
      sla: { met: 0, eligible: 1 },
    });
  });

  it('reads ranges and days in the viewer timezone', async () => {
    // Kiritimati is UTC+14: C1 opens 23:00 on the 3rd, the others on the 4th.
    const r = await rpc.request(MetricsRpc.Summary, {
      ...acting(),
      from: '2025-03-03',
      to: '2025-03-10',
      timezone: 'Pacific/Kiritimati',
      groupBy: 'day',
    });
    expect(r.rows.map((x) => [x.key, x.conversations])).toEqual([
      ['2025-03-03', 1],
      ['2025-03-04', 3],
    ]);
    // Local midnight of the 4th in Kiritimati is 10:00 UTC on the 3rd: only C1 is before it.
    const before = await rpc.request(MetricsRpc.Summary, {
      ...acting(),
      from: '2025-03-01',
      to: '2025-03-04',
      timezone: 'Pacific/Kiritimati',
    });
    expect(before.total.conversations).toBe(1);
    await expect(
      rpc.request(MetricsRpc.Summary, { ...acting(), ...week, timezone: 'Mars/Olympus' }),
    ).rejects.toMatchObject({ code: ErrorCode.BadUserInput });
  });

  it('lets an agent see their own figures only', async () => {
    const own = await rpc.request(MetricsRpc.Summary, {
      ...acting('agent', s.a1),
      ...week,
      filter: { agentIds: [s.a1] },
    });
    expect(own.total.conversations).toBe(2);
    await expect(
      rpc.request(MetricsRpc.Summary, { ...acting('agent', s.a1), ...week }),
    ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    // A forged claim: agent A1's id with the supervisor role is judged on routing's answer.
    await expect(
      rpc.request(MetricsRpc.Summary, { ...acting('supervisor', s.a1), ...week }),
    ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(
      rpc.request(MetricsRpc.SetSettings, { ...acting('admin', s.a1), slaMinutes: 10 }),
    ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    await expect(
      rpc.request(MetricsRpc.Summary, { ...acting('supervisor', randomUUID()), ...week }),
    ).rejects.toMatchObject({ code: ErrorCode.Forbidden, details: { reason: 'UNKNOWN_ACTOR' } });
    await expect(
      rpc.request(MetricsRpc.Heatmap, { ...acting('agent', s.a1), ...week }),
    ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
  });

  it('builds the hour-of-week heatmap of inbound messages in a chosen timezone', async () => {
    const utc = await rpc.request(MetricsRpc.Heatmap, { ...acting(), ...week });
    const nonZero = (cells: typeof utc.cells) =>
      cells.filter((c) => c.inbound > 0).map((c) => [c.day, c.hour, c.inbound]);
    expect(utc.cells).toHaveLength(168);
    expect(utc.weeks).toBe(1);
    expect(nonZero(utc.cells)).toEqual([
      [1, 9, 2],
      [1, 10, 1],
      [1, 11, 1],
      [1, 12, 1],
      [1, 14, 1],
    ]);
    // Kolkata is UTC+5:30: 09:00 and 09:20 → 14:30 and 14:50, then 15:30, 16:30, 17:30, 19:30.
    const ist = await rpc.request(MetricsRpc.Heatmap, { ...acting(), ...week, timezone: 'Asia/Kolkata' });
    expect(nonZero(ist.cells)).toEqual([
      [1, 14, 2],
      [1, 15, 1],
      [1, 16, 1],
      [1, 17, 1],
      [1, 19, 1],
    ]);
  });

  it('takes SLA targets per queue and priority from routing when it answers', async () => {
    const routing = new RpcServer(client, 'routing', silentLogger);
    const target = (minPriority: number, minutes: number) => ({ minPriority, minutes });
    routing.serve(RoutingRpc.ListQueues, async () => ({
      queues: [s.q1, s.q2].map((id, i) => ({
        id,
        name: `q${i}`,
        team: 'care' as const,
        timezone: 'UTC',
        businessHours: [],
        slaTargets: i === 0 ? [target(0, 60)] : [target(0, 20), target(50, 10)],
        slaWarnRatio: 0.75,
        slaWarnPriorityBoost: 20,
        slaBreachAction: 'none' as const,
        escalationQueueId: null,
        strategy: 'least_loaded' as const,
        stickyWindowMinutes: null,
        relaxLanguageAfterMinutes: null,
        waiting: 0,
        assigned: 0,
      })),
    }));
    routing.serve(Rpc.GetAgents, async () => ({
      agents: [
        { id: s.a1, status: 'online' as const, capacity: 2, load: 2 },
        { id: s.a2, status: 'online' as const, capacity: 3, load: 2 },
        { id: randomUUID(), status: 'offline' as const, capacity: 5, load: 0 },
      ].map((a) => ({
        ...a,
        brandId: s.brandId,
        email: 'a@b.c',
        name: 'A',
        initials: 'A',
        role: 'agent' as const,
        languages: ['en'],
        timezone: 'UTC',
        queueIds: [s.q1, s.q2],
      })),
    }));
    // Staffing as routing counts it: A1 2 slots (full), A2 3 slots (1 free), both online and on shift; a third queue is closed.
    const closed = randomUUID();
    routing.serve(RoutingRpc.QueueStaffing, async () => ({
      queues: [
        { queueId: s.q1, open: true, waiting: 3, agentsOnline: 2, slots: 5, free: 1 },
        { queueId: s.q2, open: true, waiting: 0, agentsOnline: 2, slots: 5, free: 1 },
        { queueId: closed, open: false, waiting: 4, agentsOnline: 0, slots: 0, free: 0 },
      ],
    }));
    await routing.ready();
    // q2 now answers within 20 min (priority 10 < 50): C4's 30 min misses it, its reopening's 15 min meets it;
    // q1 keeps 60 (C1 meets, C2 misses).
    const r = await rpc.request(MetricsRpc.Summary, { ...acting(), ...week });
    expect(r.slaSource).toBe('routing');
    expect(r.total.sla).toEqual({ eligible: 5, met: 2, attainment: 0.4 });

    // Expected wait, q1: 3 waiting, 5 slots, 1 free; handle of q1 = mean(3590, 6900) s.
    // (3 − 1 + 1) × 5245 / 5 = 3147 s. q2: 0 waiting < 1 free → 0. The closed queue: no estimate.
    const live: QueueWaitEstimatedV1[] = [];
    const sub = new LiveChannel(client).subscribe(LiveEvents.WaitTimeUpdated, { brandId: s.brandId }, (p) =>
      live.push(p),
    );
    await client.nc.flush();
    const published = await app.get(WaitPublisher).tick(new Date('2025-03-04T00:00:00Z'));
    const q1 = published.find((p) => p.queueId === s.q1);
    expect(q1).toMatchObject({
      expectedWaitSeconds: 3147,
      waiting: 3,
      agentsOnline: 2,
      handleTimeSeconds: 5245,
    });
    expect(published.find((p) => p.queueId === s.q2)).toMatchObject({ expectedWaitSeconds: 0, waiting: 0 });
    await eventually(() => live.length === 2, { what: 'live wait updates' });
    const stream = await client.jsm.streams.info(
      client.topology.streamName(Events.QueueWaitEstimated.stream),
    );
    expect(stream.state.messages).toBe(2);
    sub.unsubscribe();
    // The gateway's queue list reads the same figures (one owner, one number): the last tick's while
    // it is recent, else computed afresh (the tick above was for 2025; today q1 has no recent handle
    // times, so 20 min: (3 − 1 + 1) × 1200 / 5 = 720 s).
    const latest = async () =>
      (await rpc.request(MetricsRpc.LatestWaits, { brandId: s.brandId })).waits
        .map((w) => [w.queueId, w.expectedWaitSeconds])
        .sort();
    expect(await latest()).toEqual(
      [
        [s.q1, 720],
        [s.q2, 0],
      ].sort(),
    );
    const ticked = await app.get(WaitPublisher).tick();
    expect(await latest()).toEqual(ticked.map((w) => [w.queueId, w.expectedWaitSeconds]).sort());
  });

  it('advises staffing with Erlang C against scheduled agents, and exports any report as CSV', async () => {
    const scheduled = new Array<number>(168).fill(0);
    scheduled[9] = 1;
    scheduled[10] = 2;
    const a = await rpc.request(MetricsRpc.Staffing, { ...acting(), ...week, concurrency: 2, scheduled });
    // One conversation per hour (Mon 09-12 UTC) over one week; handle = mean(3590, 6900, 10800) = 7096.7 s → A = 1.971 erlangs.
    // 80 % within 60 min: 3 servers give 74.4 %, 4 give 94.0 % (worked by hand with the Erlang B recursion) → 2 agents of 2.
    expect(a).toMatchObject({
      handleSource: 'measured',
      concurrency: 2,
      targetSeconds: 3600,
      serviceLevel: 0.8,
      scheduledSource: 'request',
    });
    expect(a.hours[9]).toMatchObject({
      day: 1,
      hour: 9,
      arrivals: 1,
      agentsNeeded: 2,
      scheduled: 1,
      gap: -1,
    });
    expect(a.hours[9]?.trafficErlangs).toBeCloseTo(21290 / 3 / 3600, 6);
    expect(a.hours[10]).toMatchObject({ agentsNeeded: 2, scheduled: 2, gap: 0 });
    expect(a.hours[10]?.scheduledServiceLevel).toBeCloseTo(0.94, 2);
    expect(a.shortfalls).toEqual([
      { day: 1, hour: 11, gap: -2 },
      { day: 1, hour: 12, gap: -2 },
      { day: 1, hour: 9, gap: -1 },
    ]);

    const csv = await rpc.request(MetricsRpc.ExportCsv, {
      report: 'summary',
      request: { ...acting(), ...week, groupBy: 'language' },
    });
    const lines = csv.csv.trim().split('\r\n');
    expect(csv).toMatchObject({ filename: 'summary-language.csv', contentType: 'text/csv' });
    expect(
      lines[0]?.startsWith('key,conversations,inbound,answered,response_rate,frt_count,frt_avg_s,frt_p50_s'),
    ).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 8).join(','))).toEqual([
      'en,3,5,3,0.6,3,1200,900', // C1 + C3 + C4: cycles answered in 900, 1800 and 900 s
      'fr,1,1,1,1,1,5400,5400',
      'total,4,6,4,0.667,4,2250,1350',
    ]);
    const heat = await rpc.request(MetricsRpc.ExportCsv, {
      report: 'heatmap',
      request: { ...acting(), ...week },
    });
    expect(heat.csv.split('\r\n')).toContain('1,9,2,2');
  });

  it('changes the brand default SLA target (supervisors only)', async () => {
    await expect(
      rpc.request(MetricsRpc.SetSettings, { ...acting('agent', s.a1), slaMinutes: 10 }),
    ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    expect(await rpc.request(MetricsRpc.SetSettings, { ...acting(), slaMinutes: 120 })).toEqual({
      brandId: s.brandId,
      slaMinutes: 120,
    });
    expect(await rpc.request(MetricsRpc.GetSettings, acting('agent', s.a1))).toEqual({
      brandId: s.brandId,
      slaMinutes: 120,
    });
  });
});

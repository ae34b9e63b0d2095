import { LiveEvents, MetricsRpc, type QueueWaitEstimatedV1 } from '@roost/contracts';
import { NatsClient } from '@roost/messaging';
import { eventually } from '@roost/testing';
import type { FormattedExecutionResult } from 'graphql';
import { WaitTimesPubSub } from '../subscriptions/wait-times.pubsub';
import { GatewayHarness, type SocketClient } from '../testing/gateway-harness';

const RANGE = { from: '2026-03-01', to: '2026-04-01', timezone: 'Europe/Paris' };
const SUMMARY = `query($range: ReportRange!, $filter: ReportFilter, $groupBy: ReportGroupBy) {
  metricsSummary(range: $range, filter: $filter, groupBy: $groupBy) {
    groupBy total { conversations firstResponseSeconds { p50 p90 p99 } sla { attainment } } rows { key }
  }
}`;
const CSV = `query($report: MetricsReport!, $range: ReportRange!) { metricsCsv(report: $report, range: $range) { filename contentType csv } }`;
const WAIT =
  'subscription($queueId: ID) { waitTimeUpdated(queueId: $queueId) { queueId expectedWaitSeconds waiting at } }';

type Wait = { waitTimeUpdated: { queueId: string; expectedWaitSeconds: number; at: string } };

function wait(q: { id: string; brandId: string }, expectedWaitSeconds: number): QueueWaitEstimatedV1 {
  return {
    schema: 1,
    brandId: q.brandId,
    queueId: q.id,
    expectedWaitSeconds,
    waiting: 3,
    agentsOnline: 2,
    handleTimeSeconds: 240,
    at: new Date().toISOString(),
  };
}

function watch(socket: SocketClient, variables: Record<string, unknown> = {}) {
  const received: Array<FormattedExecutionResult<Wait>> = [];
  const done = new Promise<void>((resolve) => {
    socket.client.subscribe<Wait>(
      { query: WAIT, variables },
      {
        next: (r) => received.push(r as FormattedExecutionResult<Wait>),
        error: (err) => {
          if (Array.isArray(err)) received.push({ errors: err });
          resolve();
        },
        complete: () => resolve(),
      },
    );
  });

  return { received, done };
}

describe('gateway metrics and staffing (MetricsRpc, waitTimeUpdated)', () => {
  let gw: GatewayHarness;

  beforeAll(async () => {
    gw = await GatewayHarness.start();
  });

  afterAll(async () => {
    await gw.close();
  });

  it('gives a supervisor the brand summary with percentiles, brand and actor from the token', async () => {
    const { supA, qA1 } = gw.fx;
    const res = await gw.http(SUMMARY, {
      token: gw.token(supA),
      variables: { range: RANGE, filter: { queueIds: [qA1.id] }, groupBy: 'QUEUE' },
    });

    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toMatchObject({
      metricsSummary: {
        groupBy: 'QUEUE',
        total: {
          conversations: 4,
          firstResponseSeconds: { p50: 50, p90: 90, p99: 99 },
          sla: { attainment: 0.75 },
        },
      },
    });
    expect(gw.upstream.last(MetricsRpc.Summary)).toEqual({
      brandId: supA.brandId,
      actorId: supA.id,
      actorRole: 'supervisor',
      ...RANGE,
      filter: { queueIds: [qA1.id] },
      groupBy: 'queue',
    });
  });

  it('restricts an agent to their own figures and refuses anyone else’s', async () => {
    const { agentA, supA } = gw.fx;
    const token = gw.token(agentA);

    const own = await gw.http(SUMMARY, { token, variables: { range: RANGE } });
    expect(own.body.errors).toBeUndefined();
    expect(gw.upstream.last(MetricsRpc.Summary)?.filter).toEqual({ agentIds: [agentA.id] });

    const before = gw.upstream.count(MetricsRpc.Summary);
    const other = await gw.http(SUMMARY, {
      token,
      variables: { range: RANGE, filter: { agentIds: [supA.id] } },
    });
    expect(other.body.errors?.[0]?.extensions).toEqual({
      code: 'FORBIDDEN',
      details: { reason: 'OWN_FIGURES_ONLY' },
    });
    expect(gw.upstream.count(MetricsRpc.Summary)).toBe(before);
  });

  it('refuses another brand’s queue and agent ids before asking metrics', async () => {
    const { supA, qB1, agentB } = gw.fx;
    const before = gw.upstream.count(MetricsRpc.Summary) + gw.upstream.count(MetricsRpc.Staffing);
    const token = gw.token(supA);

    const queue = await gw.http(SUMMARY, {
      token,
      variables: { range: RANGE, filter: { queueIds: [qB1.id] } },
    });
    const agent = await gw.http(SUMMARY, {
      token,
      variables: { range: RANGE, filter: { agentIds: [agentB.id] } },
    });
    const staffing = await gw.http(
      'query($r: ReportRange!, $o: StaffingOptions) { staffingAdvice(range: $r, options: $o) { concurrency } }',
      {
        token,
        variables: { r: RANGE, o: { queueIds: [qB1.id] } },
      },
    );

    expect(queue.body.errors?.[0]?.extensions).toEqual({
      code: 'FORBIDDEN',
      details: { reason: 'QUEUE_NOT_VISIBLE' },
    });
    expect(agent.body.errors?.[0]?.extensions).toEqual({
      code: 'FORBIDDEN',
      details: { reason: 'AGENT_NOT_VISIBLE' },
    });
    expect(staffing.body.errors?.[0]?.extensions).toEqual({
      code: 'FORBIDDEN',
      details: { reason: 'QUEUE_NOT_VISIBLE' },
    });
    expect(gw.upstream.count(MetricsRpc.Summary) + gw.upstream.count(MetricsRpc.Staffing)).toBe(before);
  });

  it('keeps heatmap, staffing, settings and brand-wide exports for supervisors and admins', async () => {
    const token = gw.token(gw.fx.agentA);
    const attempts = [
      ['query($r: ReportRange!) { metricsHeatmap(range: $r) { weeks } }', { r: RANGE }],
      ['query($r: ReportRange!) { staffingAdvice(range: $r) { concurrency } }', { r: RANGE }],
      ['{ metricsSettings { slaMinutes } }', {}],
      ['mutation { setMetricsSettings(slaMinutes: 30) { slaMinutes } }', {}],
      [CSV, { report: 'HEATMAP', range: RANGE }],
      [CSV, { report: 'STAFFING', range: RANGE }],
    ] as const;
    for (const [query, variables] of attempts) {
      const res = await gw.http(query, { token, variables: { ...variables } });
      expect([query, res.body.errors?.[0]?.extensions?.['code']]).toEqual([query, 'FORBIDDEN']);
    }

    const sup = await gw.http(
      'query($r: ReportRange!) { metricsHeatmap(range: $r) { weeks cells { day hour inbound } } }',
      {
        token: gw.token(gw.fx.supA),
        variables: { r: RANGE },
      },
    );
    expect(sup.body.errors).toBeUndefined();
    expect((sup.body.data as { metricsHeatmap: { cells: unknown[] } }).metricsHeatmap.cells).toHaveLength(
      168,
    );
  });

  it('returns the CSV export exactly as metrics produced it', async () => {
    const csv = 'queue,conversations,first_response_p50\r\n"Care, EN",12,"45.5"\r\n';
    const restore = gw.upstream.handle(MetricsRpc.ExportCsv, async () => ({
      filename: 'summary-2026-03.csv',
      contentType: 'text/csv' as const,
      csv,
    }));
    try {
      const res = await gw.http(CSV, {
        token: gw.token(gw.fx.supA),
        variables: { report: 'SUMMARY', range: RANGE },
      });

      expect(res.body).toEqual({
        data: { metricsCsv: { filename: 'summary-2026-03.csv', contentType: 'text/csv', csv } },
      });
      expect(gw.upstream.last(MetricsRpc.ExportCsv)).toMatchObject({
        report: 'summary',
        request: { brandId: gw.fx.supA.brandId },
      });
    } finally {
      restore();
    }
  });

  it('refuses invalid ranges with BAD_USER_INPUT', async () => {
    const res = await gw.http(SUMMARY, {
      token: gw.token(gw.fx.supA),
      variables: { range: { ...RANGE, timezone: 'Mars/Olympus' } },
    });

    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'INVALID_INPUT' },
    });
  });

  it('waitTimeUpdated delivers the caller’s brand and visible queues only', async () => {
    const { agentA, supA, agentB, qA1, qA2, qB1, brandA, brandB } = gw.fx;
    const pubsub = gw.app.get(WaitTimesPubSub);

    const refused = watch(gw.socket(gw.token(supA)), { queueId: qB1.id });
    await refused.done;
    expect(refused.received[0]?.errors?.[0]?.extensions).toEqual({
      code: 'FORBIDDEN',
      details: { reason: 'QUEUE_NOT_VISIBLE' },
    });

    const subs = {
      agentA: watch(gw.socket(gw.token(agentA))),
      supA: watch(gw.socket(gw.token(supA)), { queueId: qA2.id }),
      agentB: watch(gw.socket(gw.token(agentB))),
    };
    await eventually(() => pubsub.listeners(brandA) === 2 && pubsub.listeners(brandB) === 1);
    await gw.app.get(NatsClient).nc.flush();

    gw.live.publish(LiveEvents.WaitTimeUpdated, brandB, qB1.id, wait(qB1, 1));
    gw.live.publish(LiveEvents.WaitTimeUpdated, brandA, qA1.id, wait({ id: qA1.id, brandId: brandB }, 2)); // foreign payload
    gw.live.publish(LiveEvents.WaitTimeUpdated, brandA, qA2.id, wait(qA2, 3));
    gw.live.publish(LiveEvents.WaitTimeUpdated, brandA, qA1.id, wait(qA1, 4));
    gw.live.publish(LiveEvents.WaitTimeUpdated, brandB, qB1.id, wait(qB1, 5));

    const secs = (r: Array<FormattedExecutionResult<Wait>>) =>
      r.map((x) => x.data?.waitTimeUpdated.expectedWaitSeconds);
    await eventually(
      () =>
        secs(subs.agentA.received).includes(4) &&
        secs(subs.agentB.received).includes(5) &&
        subs.supA.received.length >= 1,
    );
    // Published on one connection in order: anything leaked would have arrived before the last event.
    expect(secs(subs.agentA.received)).toEqual([4]);
    expect(secs(subs.supA.received)).toEqual([3]);
    expect(secs(subs.agentB.received)).toEqual([1, 5]);
    expect(subs.agentA.received[0]?.data?.waitTimeUpdated.queueId).toBe(qA1.id);
  });
});

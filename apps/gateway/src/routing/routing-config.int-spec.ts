import { DEMO } from '@roost/config';
import { MetricsRpc, RoutingRpc } from '@roost/contracts';
import { RpcClient, RpcServer, silentLogger } from '@roost/messaging';
import { GatewayHarness } from '../testing/gateway-harness';
import { startRealRouting, type RealRouting } from '../testing/real-routing';

const QUEUE_FIELDS = `id name team timezone businessHours { day start end } slaTargets { minPriority minutes }
  slaWarnRatio slaBreachAction escalationQueueId strategy stickyWindowMinutes relaxLanguageAfterMinutes reopenWindowMinutes waiting assigned`;
const QUEUES = `{ queueConfigs { ${QUEUE_FIELDS} } }`;
const UPSERT = `mutation($queue: QueueConfigInput!) { upsertQueue(queue: $queue) { ${QUEUE_FIELDS} } }`;
const RULES =
  '{ routingRules { id position name enabled queueId priorityBoost tags conditions { intents languages accountRoles } } }';
const REPLACE = `mutation($rules: [RoutingRuleInput!]!) {
  replaceRoutingRules(rules: $rules) { position name enabled queueId priorityBoost tags conditions { intents languages accountRoles keywords } }
}`;

interface QueueConfig {
  id: string;
  name: string;
  strategy: string;
  timezone: string;
  businessHours: unknown[];
  slaTargets: unknown[];
  escalationQueueId: string | null;
}
interface Rule {
  id: string;
  name: string;
  queueId: string;
  position: number;
}

// Spawns the real routing service (its main.ts): slower to start than jest's 5 s default allows.
jest.setTimeout(60_000);

describe('routing configuration through the gateway, against the real routing service', () => {
  let routing: RealRouting;
  let gw: GatewayHarness;
  let supervisor: string;

  beforeAll(async () => {
    routing = await startRealRouting();
    gw = await GatewayHarness.start({ serve: false, env: routing.gatewayEnv });
    supervisor = gw.token(await routing.agent('supervisor'));
  });

  afterAll(async () => {
    await routing?.stop();
    await gw?.close();
  });

  it('lists the brand’s queues with their settings', async () => {
    const res = await gw.http<{ queueConfigs: QueueConfig[] }>(QUEUES, { token: supervisor });

    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.queueConfigs.map((q) => q.id).sort()).toEqual(
      Object.values(DEMO.queues)
        .map((q) => q.id)
        .sort(),
    );
  });

  it('shows each queue’s expected wait from metrics (its one owner), and still lists queues while metrics is down', async () => {
    const WAITS = '{ queueConfigs { id expectedWaitSeconds } }';
    const waits = async () => {
      const res = await gw.http<{ queueConfigs: Array<{ id: string; expectedWaitSeconds: number | null }> }>(
        WAITS,
        { token: supervisor },
      );
      expect(res.body.errors).toBeUndefined();

      return new Map(res.body.data!.queueConfigs.map((q) => [q.id, q.expectedWaitSeconds]));
    };
    // No metrics answering: the list still comes, without waits.
    expect([...(await waits()).values()].every((w) => w === null)).toBe(true);

    const metrics = new RpcServer(gw.nats, 'metrics', silentLogger);
    metrics.serve(MetricsRpc.LatestWaits, async ({ brandId }) => ({
      waits: [
        {
          schema: 1 as const,
          brandId,
          queueId: DEMO.queues.careEn.id,
          expectedWaitSeconds: 420,
          waiting: 3,
          agentsOnline: 2,
          handleTimeSeconds: 600,
          at: new Date().toISOString(),
        },
      ],
    }));
    await metrics.ready();
    try {
      const now = await waits();
      expect(now.get(DEMO.queues.careEn.id)).toBe(420);
      expect(now.get(DEMO.queues.sales.id)).toBeNull();
    } finally {
      await metrics.close();
    }
  });

  it('answers metrics the staffing of every queue, as it assigns by', async () => {
    const { queues } = await new RpcClient(gw.nats, 5000).request(RoutingRpc.QueueStaffing, {
      brandId: DEMO.brandId,
    });
    expect(queues.map((q) => q.queueId).sort()).toEqual(
      Object.values(DEMO.queues)
        .map((q) => q.id)
        .sort(),
    );
    for (const q of queues) {
      expect(q).toMatchObject({ waiting: 0, open: true });
      expect(q.free).toBeLessThanOrEqual(q.slots);
    }
  });

  it('creates a queue with hours, SLA targets and a strategy, then changes only what is given', async () => {
    const created = await gw.http<{ upsertQueue: QueueConfig }>(UPSERT, {
      token: supervisor,
      variables: {
        queue: {
          name: 'VIP care',
          team: 'CARE',
          timezone: 'Europe/Madrid',
          businessHours: [{ day: 1, start: '09:00', end: '17:00' }],
          slaTargets: [
            { minPriority: 0, minutes: 30 },
            { minPriority: 80, minutes: 5 },
          ],
          strategy: 'ROUND_ROBIN',
          escalationQueueId: DEMO.queues.careEn.id,
        },
      },
    });
    expect(created.body.errors).toBeUndefined();
    const queue = created.body.data!.upsertQueue;
    expect(queue).toMatchObject({
      name: 'VIP care',
      team: 'CARE',
      timezone: 'Europe/Madrid',
      businessHours: [{ day: 1, start: '09:00', end: '17:00' }],
      slaTargets: [
        { minPriority: 0, minutes: 30 },
        { minPriority: 80, minutes: 5 },
      ],
      strategy: 'ROUND_ROBIN',
      escalationQueueId: DEMO.queues.careEn.id,
      reopenWindowMinutes: 1440,
      waiting: 0,
    });

    const updated = await gw.http<{ upsertQueue: QueueConfig }>(UPSERT, {
      token: supervisor,
      variables: {
        queue: { id: queue.id, strategy: 'LEAST_LOADED', escalationQueueId: null, reopenWindowMinutes: 0 },
      },
    });
    expect(updated.body.data!.upsertQueue).toEqual({
      ...queue,
      strategy: 'LEAST_LOADED',
      escalationQueueId: null,
      reopenWindowMinutes: 0,
    });
    const list = await gw.http<{ queueConfigs: QueueConfig[] }>(QUEUES, { token: supervisor });
    expect(list.body.data!.queueConfigs.find((q) => q.id === queue.id)).toEqual(
      updated.body.data!.upsertQueue,
    );
  });

  it('replaces the ordered rule list', async () => {
    const before = await gw.http<{ routingRules: Rule[] }>(RULES, { token: supervisor });
    expect(before.body.data!.routingRules.map((r) => r.position)).toEqual([0, 1, 2, 3]);
    const rules = [
      {
        name: 'Spanish to global',
        queueId: DEMO.queues.careGlobal.id,
        conditions: { languages: ['es'] },
        tags: ['es'],
      },
      {
        name: 'Buyers',
        queueId: DEMO.queues.sales.id,
        priorityBoost: 20,
        conditions: { intents: ['purchase_intent'], accountRoles: ['CARE'] },
      },
      { name: 'The rest', queueId: DEMO.queues.careEn.id, enabled: false },
    ];
    const res = await gw.http<{ replaceRoutingRules: Rule[] }>(REPLACE, {
      token: supervisor,
      variables: { rules },
    });

    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.replaceRoutingRules).toEqual([
      {
        position: 0,
        name: 'Spanish to global',
        enabled: true,
        queueId: DEMO.queues.careGlobal.id,
        priorityBoost: 0,
        tags: ['es'],
        conditions: { intents: null, languages: ['es'], accountRoles: null, keywords: null },
      },
      {
        position: 1,
        name: 'Buyers',
        enabled: true,
        queueId: DEMO.queues.sales.id,
        priorityBoost: 20,
        tags: [],
        conditions: { intents: ['purchase_intent'], languages: null, accountRoles: ['CARE'], keywords: null },
      },
      {
        position: 2,
        name: 'The rest',
        enabled: false,
        queueId: DEMO.queues.careEn.id,
        priorityBoost: 0,
        tags: [],
        conditions: { intents: null, languages: null, accountRoles: null, keywords: null },
      },
    ]);
    const after = await gw.http<{ routingRules: Rule[] }>(RULES, { token: supervisor });
    expect(after.body.data!.routingRules.map((r) => r.name)).toEqual([
      'Spanish to global',
      'Buyers',
      'The rest',
    ]);
  });

  it('refuses a save based on a list someone else replaced meanwhile (CONFLICT), and takes one based on the current list', async () => {
    const SAVE = `mutation($rules: [RoutingRuleInput!]!, $expected: [ID!]) {
      replaceRoutingRules(rules: $rules, expectedRuleIds: $expected) { id name } }`;
    const loaded = (await gw.http<{ routingRules: Rule[] }>(RULES, { token: supervisor })).body.data!
      .routingRules;
    const ids = [...loaded].sort((a, b) => a.position - b.position).map((r) => r.id);
    // Two supervisors loaded the same list; the first saves.
    const first = await gw.http<{ replaceRoutingRules: Array<{ id: string; name: string }> }>(SAVE, {
      token: supervisor,
      variables: { rules: [{ name: 'First save', queueId: DEMO.queues.careEn.id }], expected: ids },
    });
    expect(first.body.errors).toBeUndefined();
    // The second, still editing the old list, would silently undo the first: refused.
    const second = await gw.http(SAVE, {
      token: supervisor,
      variables: { rules: [{ name: 'Second save', queueId: DEMO.queues.careEn.id }], expected: ids },
    });
    expect(second.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'RULES_CHANGED', field: 'expectedRuleIds' },
    });
    const now = (await gw.http<{ routingRules: Rule[] }>(RULES, { token: supervisor })).body.data!
      .routingRules;
    expect(now.map((r) => r.name)).toEqual(['First save']);
    // After reloading, the same save goes through.
    const retried = await gw.http<{ replaceRoutingRules: Array<{ name: string }> }>(SAVE, {
      token: supervisor,
      variables: {
        rules: [{ name: 'Second save', queueId: DEMO.queues.careEn.id }],
        expected: now.map((r) => r.id),
      },
    });
    expect(retried.body.data?.replaceRoutingRules.map((r) => r.name)).toEqual(['Second save']);
  });

  it('refuses agents on every configuration field', async () => {
    const agent = gw.token(await routing.agent('agent'));
    const attempts = [
      gw.http(QUEUES, { token: agent }),
      gw.http(RULES, { token: agent }),
      gw.http(UPSERT, { token: agent, variables: { queue: { name: 'x', team: 'CARE' } } }),
      gw.http(REPLACE, { token: agent, variables: { rules: [] } }),
    ];

    for (const res of await Promise.all(attempts)) {
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        details: { reason: 'ROLE' },
      });
    }
    const rules = await gw.http<{ routingRules: Rule[] }>(RULES, { token: supervisor });
    expect(rules.body.data!.routingRules).not.toHaveLength(0);
  });

  it('keeps brands apart: no other brand’s queues to read, change, escalate to or route to', async () => {
    const brandB = await routing.newBrand();
    const queueB = await routing.newQueue(brandB);
    const supervisorB = gw.token(await routing.agent('supervisor', brandB));

    const listB = await gw.http<{ queueConfigs: QueueConfig[] }>(QUEUES, { token: supervisorB });
    expect(listB.body.data!.queueConfigs.map((q) => q.id)).toEqual([queueB]);
    expect(
      (await gw.http<{ routingRules: Rule[] }>(RULES, { token: supervisorB })).body.data!.routingRules,
    ).toEqual([]);

    const changeA = await gw.http(UPSERT, {
      token: supervisorB,
      variables: { queue: { id: DEMO.queues.sales.id, name: 'mine now' } },
    });
    expect(changeA.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const escalateToA = await gw.http(UPSERT, {
      token: supervisorB,
      variables: { queue: { id: queueB, escalationQueueId: DEMO.queues.sales.id } },
    });
    expect(escalateToA.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'QUEUE_NOT_VISIBLE' },
    });
    const routeToA = await gw.http(REPLACE, {
      token: supervisorB,
      variables: { rules: [{ name: 'steal', queueId: DEMO.queues.sales.id }] },
    });
    expect(routeToA.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'QUEUE_NOT_VISIBLE' },
    });

    const acme = await gw.http<{ queueConfigs: QueueConfig[] }>(QUEUES, { token: supervisor });
    expect(acme.body.data!.queueConfigs.find((q) => q.id === DEMO.queues.sales.id)?.name).toBe(
      DEMO.queues.sales.name,
    );
    expect(
      (await gw.http<{ routingRules: Rule[] }>(RULES, { token: supervisorB })).body.data!.routingRules,
    ).toEqual([]);
  });

  it('needs a name and a team to create a queue', async () => {
    const res = await gw.http(UPSERT, { token: supervisor, variables: { queue: { name: 'No team' } } });

    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'NAME_AND_TEAM_REQUIRED' },
    });
  });
});

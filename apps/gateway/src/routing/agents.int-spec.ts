import { DEMO } from '@roost/config';
import type { AgentProfile } from '@roost/contracts';
import { GatewayHarness } from '../testing/gateway-harness';
import { startRealRouting, type RealRouting } from '../testing/real-routing';

const FIELDS =
  'id name initials email role languages queueIds timezone status capacity channelCapacity { public dm } load';
const AGENTS = `{ agents { ${FIELDS} } }`;
const CREATE = `mutation($agent: CreateAgentInput!) { createAgent(agent: $agent) { initialPassword agent { ${FIELDS} } } }`;
const UPDATE = `mutation($id: ID!, $changes: UpdateAgentInput!) { updateAgent(id: $id, changes: $changes) { ${FIELDS} } }`;
const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token agent { id } } }';
const ME = '{ me { id role status timezone languages queueIds capacity } }';

interface Agent {
  id: string;
  name: string;
  email: string;
  role: string;
  languages: string[];
  queueIds: string[];
  timezone: string;
  status: string;
  capacity: number;
  channelCapacity: { public: number | null; dm: number | null };
  load: number;
}

// Spawns the real routing service (its main.ts): slower to start than jest's 5 s default allows.
jest.setTimeout(60_000);

describe('agent management through the gateway, against the real routing service', () => {
  let routing: RealRouting;
  let gw: GatewayHarness;
  let admin: string;
  let supervisor: string;

  beforeAll(async () => {
    routing = await startRealRouting();
    gw = await GatewayHarness.start({ serve: false, env: routing.gatewayEnv });
    admin = gw.token(await routing.agent('admin'));
    supervisor = gw.token(await routing.agent('supervisor'));
  });

  afterAll(async () => {
    await routing?.stop();
    await gw?.close();
  });

  const configVersion = async (): Promise<number> => {
    const rows = await routing.pg.query<{ config_version: string }>(
      `SELECT config_version FROM "${routing.schema}".routing_versions WHERE brand_id = $1`,
      [DEMO.brandId],
    );

    return Number(rows.rows[0]?.config_version ?? 0);
  };

  const newAgent = (over: Record<string, unknown> = {}) => ({
    email: `new.${Math.random().toString(36).slice(2)}@acme.example`,
    name: 'Nina New',
    initials: 'NN',
    languages: ['en', 'es'],
    queueIds: [DEMO.queues.careEn.id],
    timezone: 'Europe/Madrid',
    capacity: 4,
    channelCapacity: { dm: 2 },
    ...over,
  });

  it('lists the whole brand to supervisors and only themselves to agents', async () => {
    const all = await gw.http<{ agents: Agent[] }>(AGENTS, { token: supervisor });
    expect(all.body.errors).toBeUndefined();
    const agents = all.body.data!.agents;
    expect(agents.map((a) => a.email)).toEqual(
      expect.arrayContaining(['supervisor@acme.example', 'agent1@acme.example', 'agent6@acme.example']),
    );
    const alice = agents.find((a) => a.email === 'agent1@acme.example')!;
    expect(alice).toMatchObject({
      role: 'AGENT',
      languages: ['en'],
      queueIds: [DEMO.queues.careEn.id],
      timezone: 'America/New_York',
      channelCapacity: { public: null, dm: null },
    });

    const asAlice = gw.token({
      ...(alice as unknown as AgentProfile),
      role: 'agent',
      brandId: DEMO.brandId,
      initials: 'AB',
    });
    const mine = await gw.http<{ agents: Agent[] }>(AGENTS, { token: asAlice });
    expect(mine.body.data!.agents.map((a) => a.id)).toEqual([alice.id]);
    const me = await gw.http<{ me: Agent }>(ME, { token: asAlice });
    expect(me.body.data!.me).toMatchObject({
      id: alice.id,
      timezone: 'America/New_York',
      status: expect.stringMatching(/^(ONLINE|AWAY|OFFLINE)$/),
    });
  });

  it('lets an admin create an agent who signs in with the initial password, through a configuration change', async () => {
    const before = await configVersion();
    const input = newAgent();
    const res = await gw.http<{ createAgent: { initialPassword: string; agent: Agent } }>(CREATE, {
      token: admin,
      variables: { agent: input },
    });
    expect(res.body.errors).toBeUndefined();
    const { agent, initialPassword } = res.body.data!.createAgent;
    expect(agent).toMatchObject({
      email: input.email,
      role: 'AGENT',
      languages: ['en', 'es'],
      queueIds: [DEMO.queues.careEn.id],
      timezone: 'Europe/Madrid',
      status: 'OFFLINE',
      capacity: 4,
      channelCapacity: { public: null, dm: 2 },
      load: 0,
    });
    expect(await configVersion()).toBeGreaterThan(before);

    const login = await gw.http<{ login: { token: string; agent: { id: string } } }>(LOGIN, {
      variables: { email: input.email, password: initialPassword },
    });
    expect(login.body.data?.login.agent.id).toBe(agent.id);
    const me = await gw.http<{ me: Agent }>(ME, { token: login.body.data!.login.token });
    expect(me.body.data!.me).toEqual({
      id: agent.id,
      role: 'AGENT',
      status: 'OFFLINE',
      timezone: 'Europe/Madrid',
      languages: ['en', 'es'],
      queueIds: [DEMO.queues.careEn.id],
      capacity: 4,
    });

    const again = await gw.http(CREATE, {
      token: admin,
      variables: { agent: newAgent({ email: input.email.toUpperCase() }) },
    });
    expect(again.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'EMAIL_TAKEN' },
    });
  });

  it('refuses invalid agents with typed BAD_USER_INPUT errors', async () => {
    const brandB = await routing.newBrand();
    const queueB = await routing.newQueue(brandB);
    const cases: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [{ timezone: 'Mars/Olympus' }, { code: 'BAD_USER_INPUT' }],
      [{ capacity: 0 }, { code: 'BAD_USER_INPUT' }],
      [
        { capacity: 3, channelCapacity: { public: 4 } },
        {
          code: 'BAD_USER_INPUT',
          details: { reason: 'CHANNEL_LIMIT_ABOVE_CAPACITY', field: 'channelCapacity.public' },
        },
      ],
      [{ queueIds: [queueB] }, { code: 'BAD_USER_INPUT', details: { reason: 'UNKNOWN_QUEUE' } }],
    ];
    for (const [over, expected] of cases) {
      const res = await gw.http(CREATE, { token: admin, variables: { agent: newAgent(over) } });
      expect(res.body.errors?.[0]?.extensions).toMatchObject(expected);
    }
    const all = await gw.http<{ agents: Agent[] }>(AGENTS, { token: supervisor });
    expect(all.body.data!.agents.some((a) => a.name === 'Nina New' && a.queueIds.includes(queueB))).toBe(
      false,
    );
  });

  it('lets supervisors change languages, queues and capacities but not roles; agents change nothing', async () => {
    const created = await gw.http<{ createAgent: { agent: Agent } }>(CREATE, {
      token: admin,
      variables: { agent: newAgent() },
    });
    const id = created.body.data!.createAgent.agent.id;
    const before = await configVersion();

    const changed = await gw.http<{ updateAgent: Agent }>(UPDATE, {
      token: supervisor,
      variables: {
        id,
        changes: {
          languages: ['fr'],
          queueIds: [DEMO.queues.sales.id, DEMO.queues.careGlobal.id],
          capacity: 6,
          channelCapacity: { public: 6 },
        },
      },
    });
    expect(changed.body.errors).toBeUndefined();
    expect(changed.body.data!.updateAgent).toMatchObject({
      languages: ['fr'],
      capacity: 6,
      channelCapacity: { public: 6, dm: null },
      timezone: 'Europe/Madrid',
      role: 'AGENT',
    });
    expect([...changed.body.data!.updateAgent.queueIds].sort()).toEqual(
      [DEMO.queues.sales.id, DEMO.queues.careGlobal.id].sort(),
    );
    expect(await configVersion()).toBeGreaterThan(before);

    const promote = await gw.http(UPDATE, {
      token: supervisor,
      variables: { id, changes: { role: 'SUPERVISOR' } },
    });
    expect(promote.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'ADMIN_REQUIRED' },
    });
    const tooLow = await gw.http(UPDATE, { token: supervisor, variables: { id, changes: { capacity: 2 } } });
    expect(tooLow.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'CHANNEL_LIMIT_ABOVE_CAPACITY' },
    });
    const asAgent = gw.token(await routing.agent('agent'));
    const byAgent = await gw.http(UPDATE, { token: asAgent, variables: { id, changes: { capacity: 9 } } });
    expect(byAgent.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'ROLE' },
    });
    const createBySupervisor = await gw.http(CREATE, { token: supervisor, variables: { agent: newAgent() } });
    expect(createBySupervisor.body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'ROLE' },
    });

    const promoted = await gw.http<{ updateAgent: Agent }>(UPDATE, {
      token: admin,
      variables: { id, changes: { role: 'SUPERVISOR', timezone: 'Asia/Tokyo' } },
    });
    expect(promoted.body.data!.updateAgent).toMatchObject({
      role: 'SUPERVISOR',
      timezone: 'Asia/Tokyo',
      languages: ['fr'],
      capacity: 6,
    });
  });

  it('keeps brands apart: another brand’s admin neither sees nor changes these agents', async () => {
    const brandB = await routing.newBrand();
    const adminBProfile = await routing.agent('admin', brandB);
    const adminB = gw.token(adminBProfile);
    const acme = await gw.http<{ agents: Agent[] }>(AGENTS, { token: supervisor });
    const alice = acme.body.data!.agents.find((a) => a.email === 'agent1@acme.example')!;

    // Brand B's only agent is its admin (routing knows every caller now).
    expect(
      (await gw.http<{ agents: Agent[] }>(AGENTS, { token: adminB })).body.data!.agents.map((a) => a.id),
    ).toEqual([adminBProfile.id]);
    const steal = await gw.http(UPDATE, {
      token: adminB,
      variables: { id: alice.id, changes: { capacity: 1 } },
    });
    expect(steal.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const after = await gw.http<{ agents: Agent[] }>(AGENTS, { token: supervisor });
    expect(after.body.data!.agents.find((a) => a.id === alice.id)?.capacity).toBe(alice.capacity);
  });
});

import { DEMO } from '@roost/config';
import { ApiKeyRpc } from '@roost/contracts';
import { eventually } from '@roost/testing';
import { GatewayHarness } from '../testing/gateway-harness';
import { startRealRouting, type RealRouting } from '../testing/real-routing';

const CREATE = `mutation($name: String!, $role: AgentRole!) {
  createApiKey(name: $name, role: $role) { secret key { id name role prefix createdBy createdAt lastUsedAt revokedAt } }
}`;
const CREATE_WITH = `mutation($name: String!, $role: AgentRole!, $expiresAt: String, $boundToCreator: Boolean) {
  createApiKey(name: $name, role: $role, expiresAt: $expiresAt, boundToCreator: $boundToCreator) {
    secret key { id expiresAt boundToCreator createdBy }
  }
}`;
const LIST = '{ apiKeys { id name role prefix lastUsedAt revokedAt } }';
const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }';
const QUEUES = '{ queues { id } }';
const DEMO_QUEUES = Object.values(DEMO.queues)
  .map((q) => q.id)
  .sort();

interface Created {
  createApiKey: {
    secret: string;
    key: { id: string; prefix: string; createdBy: string; revokedAt: string | null };
  };
}

// Spawns the real routing service (its main.ts): slower to start than jest's 5 s default allows.
jest.setTimeout(60_000);

describe('API keys through the gateway, stored and verified by the real routing service', () => {
  let routing: RealRouting;
  /** Caches verdicts for a minute: revocation elsewhere is not seen here within the test. */
  let gw: GatewayHarness;
  /** Caches verdicts for one second: the bound a revocation on another instance takes. */
  let gwShort: GatewayHarness;
  let adminToken: string;

  const create = async (role: string, token = adminToken) => {
    const res = await gw.http<Created>(CREATE, { token, variables: { name: `integration ${role}`, role } });
    expect(res.body.errors).toBeUndefined();

    return res.body.data!.createApiKey;
  };
  const queuesWith = (g: GatewayHarness, headers: Record<string, string>) =>
    g.http<{ queues: Array<{ id: string }> }>(QUEUES, { headers });

  beforeAll(async () => {
    routing = await startRealRouting();
    gw = await GatewayHarness.start({
      serve: false,
      env: { ...routing.gatewayEnv, API_KEY_CACHE_SECONDS: '60' },
    });
    gwShort = await GatewayHarness.start({
      serve: false,
      env: { ...routing.gatewayEnv, API_KEY_CACHE_SECONDS: '1' },
    });
    adminToken = gw.token(await routing.agent('admin'));
  });

  afterAll(async () => {
    await routing?.stop();
    await gw?.close();
    await gwShort?.close();
  });

  it('lets an admin create a key whose secret is shown once and stored only as a hash', async () => {
    const creator = await routing.agent('admin');
    const { secret, key } = await create('SUPERVISOR', gw.token(creator));

    expect(secret).toMatch(/^rk_[A-Za-z0-9_-]{49}$/);
    expect(secret.startsWith(key.prefix)).toBe(true);
    expect(key).toMatchObject({ createdBy: creator.id, revokedAt: null });
    const list = await gw.http<{ apiKeys: Array<{ id: string }> }>(LIST, { token: adminToken });
    expect(list.body.data!.apiKeys.map((k) => k.id)).toContain(key.id);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const { rows } = await routing.pg.query(
      `SELECT row_to_json(k)::text AS row FROM "${routing.schema}".api_keys k WHERE id = $1`,
      [key.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].row).not.toContain(secret.slice(3));
  });

  it('refuses key management to supervisors, agents and API keys (even admin ones)', async () => {
    const { secret } = await create('ADMIN');
    for (const role of ['supervisor', 'agent'] as const) {
      const res = await gw.http(LIST, { token: gw.token(await routing.agent(role)) });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    const byKey = await gw.http(CREATE, {
      headers: { authorization: `ApiKey ${secret}` },
      variables: { name: 'x', role: 'ADMIN' },
    });

    expect(byKey.body.errors?.[0]?.extensions).toEqual({
      code: 'FORBIDDEN',
      details: { reason: 'AGENT_REQUIRED' },
    });
  });

  it('authenticates `Authorization: ApiKey` and `X-Api-Key` on HTTP, scoped to the key’s brand, and records last use', async () => {
    const { secret, key } = await create('SUPERVISOR');
    for (const headers of [{ authorization: `ApiKey ${secret}` }, { 'x-api-key': secret }] as Array<
      Record<string, string>
    >) {
      const res = await queuesWith(gw, headers);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.queues.map((q) => q.id).sort()).toEqual(DEMO_QUEUES);
    }
    const list = await gw.http<{ apiKeys: Array<{ id: string; lastUsedAt: string | null }> }>(LIST, {
      token: adminToken,
    });

    expect(list.body.data!.apiKeys.find((k) => k.id === key.id)?.lastUsedAt).toEqual(expect.any(String));
  });

  it('refuses unknown and malformed keys with UNAUTHENTICATED on HTTP and 4401 on graphql-ws', async () => {
    const unknown = `rk_${'A'.repeat(43)}`;
    for (const headers of [
      { authorization: `ApiKey ${unknown}` },
      { 'x-api-key': unknown },
      { 'x-api-key': 'short' },
    ] as Array<Record<string, string>>) {
      const res = await queuesWith(gw, headers);
      expect(res.body.data).toBeNull();
      expect(res.body.errors?.[0]?.extensions).toEqual({
        code: 'UNAUTHENTICATED',
        details: { reason: 'INVALID_API_KEY' },
      });
    }
    for (const params of [{ authorization: `ApiKey ${unknown}` }, { apiKey: unknown }]) {
      await expect(gw.socket(undefined, params).closed).resolves.toEqual({
        code: 4401,
        reason: 'Unauthorized: invalid API key',
      });
    }
  });

  it('authenticates a key in graphql-ws connection_init', async () => {
    const { secret } = await create('SUPERVISOR');
    for (const params of [{ authorization: `ApiKey ${secret}` }, { apiKey: secret }]) {
      const socket = gw.socket(undefined, params);
      const res = await socket.execute<{ queues: Array<{ id: string }> }>({ query: QUEUES });
      expect(res.errors).toBeUndefined();
      expect(res.data!.queues.map((q) => q.id).sort()).toEqual(DEMO_QUEUES);
      await socket.dispose();
    }
  });

  it('asks routing once per key while the verdict is cached, not once per request', async () => {
    const { secret } = await create('SUPERVISOR');
    let verifications = 0;
    // A plain subscription sees every request on the subject beside routing's queue group.
    const spy = gw.nats.nc.subscribe(gw.nats.topology.rpcSubject(ApiKeyRpc.Verify.method), {
      callback: () => {
        verifications += 1;
      },
    });
    await gw.nats.nc.flush();
    try {
      const results = await Promise.all(
        Array.from({ length: 5 }, () => queuesWith(gw, { 'x-api-key': secret })),
      );
      for (let i = 0; i < 5; i++) results.push(await queuesWith(gw, { 'x-api-key': secret }));

      expect(results.map((r) => r.body.errors)).toEqual(Array(10).fill(undefined));
      await gw.nats.nc.flush();
      expect(verifications).toBe(1);
    } finally {
      spy.unsubscribe();
    }
  });

  it('stops a revoked key at once on the revoking instance and within the cache TTL on others, sockets included', async () => {
    const { secret, key } = await create('SUPERVISOR');
    const headers = { 'x-api-key': secret };
    expect((await queuesWith(gw, headers)).body.errors).toBeUndefined();
    expect((await queuesWith(gwShort, headers)).body.errors).toBeUndefined();
    const socket = gwShort.socket(undefined, { apiKey: secret });
    await socket.connected;

    const revoked = await gw.http<{ revokeApiKey: { id: string; revokedAt: string | null } }>(REVOKE, {
      token: adminToken,
      variables: { id: key.id },
    });
    expect(revoked.body.data!.revokeApiKey.revokedAt).toEqual(expect.any(String));
    expect((await queuesWith(gw, headers)).body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    await eventually(
      async () =>
        (await queuesWith(gwShort, headers)).body.errors?.[0]?.extensions?.['code'] === 'UNAUTHENTICATED',
      {
        timeoutMs: 10_000,
        intervalMs: 200,
        what: 'revoked key refused by the other instance',
      },
    );
    await expect(socket.closed).resolves.toEqual({ code: 4401, reason: 'Unauthorized: invalid API key' });
  });

  it('refuses a demoted admin’s old token: routing checks the current role, not the one signed into the token', async () => {
    const demoted = await routing.agent('admin');
    const oldToken = gw.token(demoted);
    await create('SUPERVISOR', oldToken);
    await routing.pg.query(`UPDATE "${routing.schema}".agents SET role = 'supervisor' WHERE id = $1`, [
      demoted.id,
    ]);

    for (const [query, variables] of [
      [CREATE, { name: 'after demotion', role: 'ADMIN' }],
      [LIST, {}],
    ] as const) {
      const res = await gw.http(query, { token: oldToken, variables });
      expect(res.body.errors?.[0]?.extensions).toEqual({
        code: 'FORBIDDEN',
        details: { reason: 'ADMIN_REQUIRED' },
      });
    }
    await routing.pg.query(
      `UPDATE "${routing.schema}".agents SET role = 'admin', active = false WHERE id = $1`,
      [demoted.id],
    );
    const inactive = await gw.http(CREATE, {
      token: oldToken,
      variables: { name: 'after deactivation', role: 'AGENT' },
    });
    expect(inactive.body.errors?.[0]?.extensions).toEqual({
      code: 'FORBIDDEN',
      details: { reason: 'AGENT_INACTIVE' },
    });
  });

  describe('expiry and the creator’s access', () => {
    const mint = async (token: string, variables: Record<string, unknown>) => {
      const res = await gw.http<{
        createApiKey: {
          secret: string;
          key: { id: string; expiresAt: string | null; boundToCreator: boolean };
        };
      }>(CREATE_WITH, { token, variables: { name: 'expiring', role: 'SUPERVISOR', ...variables } });
      expect(res.body.errors).toBeUndefined();

      return res.body.data!.createApiKey;
    };
    const refusedOn = (g: GatewayHarness, secret: string, what: string) =>
      eventually(
        async () =>
          (await queuesWith(g, { 'x-api-key': secret })).body.errors?.[0]?.extensions?.['code'] ===
          'UNAUTHENTICATED',
        {
          timeoutMs: 30_000,
          intervalMs: 250,
          what,
        },
      );

    it('refuses an expiry in the past or unparsable, with the field named', async () => {
      for (const expiresAt of [new Date(Date.now() - 60_000).toISOString(), 'not-a-date-but-long-enough']) {
        const res = await gw.http(CREATE_WITH, {
          token: adminToken,
          variables: { name: 'x', role: 'AGENT', expiresAt },
        });
        expect(res.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
        expect(JSON.stringify(res.body.errors?.[0]?.extensions)).toContain('expiresAt');
      }
    });

    it('refuses a key once it expired, even while this instance caches its verdict', async () => {
      const expiresAt = new Date(Date.now() + 3_000).toISOString();
      const { secret, key } = await mint(adminToken, { expiresAt });
      expect(key.expiresAt).toBe(expiresAt);
      const list = await gw.http<{ apiKeys: Array<{ id: string; expiresAt: string | null }> }>(
        '{ apiKeys { id expiresAt } }',
        { token: adminToken },
      );
      expect(list.body.data!.apiKeys.find((k) => k.id === key.id)?.expiresAt).toBe(expiresAt);

      await refusedOn(gw, secret, 'expired key refused by the caching instance');
      await refusedOn(gwShort, secret, 'expired key refused by routing');
    });

    it('stops a bound key when its creator is deactivated or demoted below it; an unbound key lives on', async () => {
      const creator = await routing.agent('admin');
      const token = gw.token(creator);
      const bound = await mint(token, { role: 'SUPERVISOR' });
      const boundAdmin = await mint(token, { role: 'ADMIN' });
      const unbound = await mint(token, { role: 'SUPERVISOR', boundToCreator: false });
      expect([bound.key.boundToCreator, unbound.key.boundToCreator]).toEqual([true, false]);
      for (const k of [bound, boundAdmin, unbound]) {
        expect((await queuesWith(gwShort, { 'x-api-key': k.secret })).body.errors).toBeUndefined();
      }

      await routing.pg.query(`UPDATE "${routing.schema}".agents SET role = 'supervisor' WHERE id = $1`, [
        creator.id,
      ]);
      await refusedOn(gwShort, boundAdmin.secret, 'admin key of a demoted creator refused');
      expect((await queuesWith(gwShort, { 'x-api-key': bound.secret })).body.errors).toBeUndefined();

      await routing.pg.query(`UPDATE "${routing.schema}".agents SET active = false WHERE id = $1`, [
        creator.id,
      ]);
      await refusedOn(gwShort, bound.secret, 'key of a deactivated creator refused');
      expect((await queuesWith(gwShort, { 'x-api-key': unbound.secret })).body.errors).toBeUndefined();
    });
  });

  it('keeps brands apart: another brand’s admin neither lists nor revokes the key', async () => {
    const { key, secret } = await create('SUPERVISOR');
    const otherAdmin = gw.token(await routing.agent('admin', await routing.newBrand()));
    const list = await gw.http<{ apiKeys: Array<{ id: string }> }>(LIST, { token: otherAdmin });

    expect(list.body.data!.apiKeys.map((k) => k.id)).not.toContain(key.id);
    const revoke = await gw.http(REVOKE, { token: otherAdmin, variables: { id: key.id } });
    expect(revoke.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect((await queuesWith(gw, { 'x-api-key': secret })).body.errors).toBeUndefined();
  });
});

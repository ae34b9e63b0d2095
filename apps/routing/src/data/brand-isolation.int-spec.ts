import { randomUUID } from 'node:crypto';
import { APP_ROLE, initialize, migrate, withBrand } from '@roost/database';
import { cleanupNamespace, testEnv } from '@roost/testing';
import type { DataSource } from 'typeorm';
import { hashApiKey, newApiKey } from '../common/api-key-secret';
import { routingSchemaSource } from '../testing/db';
import { AdminRepository } from './admin.repository';
import { ApiKeyRepository } from './api-key.repository';
import { RoutingRepository } from './routing.repository';

const TABLES = [
  'brands',
  'queues',
  'agents',
  'agent_queues',
  'routing_rules',
  'conversations',
  'routed_mentions',
  'routing_versions',
  'routing_outbox',
  'api_keys',
  'outbox',
  'vip_customers',
];

/**
 * Row-level security on every routing table (RELIABILITY.md "PostgreSQL and tenants"): as the app
 * role, a query that forgets its brand filter still sees only the declared brand's rows, and the
 * cross-brand entry points (login by e-mail, API key by hash, revocations, outbox relay) find the
 * brand through the owner-run functions and read its rows as that brand.
 */
describe('brand isolation in PostgreSQL (routing)', () => {
  const env = testEnv();
  const schema = `${env.schemaPrefix}routing_rls`;
  let owner: DataSource;
  let app: DataSource;
  const [brandA, brandB] = [randomUUID(), randomUUID()].sort() as [string, string];
  const agentOf = { [brandA]: randomUUID(), [brandB]: randomUUID() };
  const keyOf: Record<string, string> = {};
  const email = (brandId: string) => `Agent.${brandId}@t.example`;

  beforeAll(async () => {
    const opts = { url: env.databaseUrl, schema, applicationName: 'routing-rls-test' };
    owner = await initialize(routingSchemaSource(opts));
    await migrate(owner);
    app = await initialize(routingSchemaSource({ ...opts, role: APP_ROLE }));
    // Both brands arranged through the app role, each in a transaction of its own brand.
    const routing = new RoutingRepository();
    for (const brandId of [brandA, brandB]) {
      const queueId = randomUUID();
      const agentId = agentOf[brandId] as string;
      const conversationId = randomUUID();
      await withBrand(app, brandId, async (tx) => {
        await tx.query(`INSERT INTO brands (id, name) VALUES ($1, 'rls')`, [brandId]);
        await tx.query(`INSERT INTO queues (brand_id, id, name, team) VALUES ($1, $2, 'care', 'care')`, [
          brandId,
          queueId,
        ]);
        await tx.query(
          `INSERT INTO agents (brand_id, id, email, name, initials, role, password_hash, tokens_valid_after)
           VALUES ($1, $2, $3, 'Agent', 'AG', 'agent', 'x', now())`,
          [brandId, agentId, email(brandId)],
        );
        await tx.query(`INSERT INTO agent_queues (brand_id, agent_id, queue_id) VALUES ($1, $2, $3)`, [
          brandId,
          agentId,
          queueId,
        ]);
        await tx.query(
          `INSERT INTO routing_rules (brand_id, id, position, name, queue_id) VALUES ($1, $2, 0, 'all', $3)`,
          [brandId, randomUUID(), queueId],
        );
        await tx.query(
          `INSERT INTO conversations (brand_id, id, customer_x_id, channel, queue_id, status, priority, language, opened_at, last_inbound_at)
           VALUES ($1, $2, '42', 'public', $3, 'waiting', 10, 'en', now(), now())`,
          [brandId, conversationId, queueId],
        );
        await tx.query(
          `INSERT INTO routed_mentions (brand_id, tweet_id, conversation_id, opened, status, queue_id, priority) VALUES ($1, '1', $2, true, 'waiting', $3, 10)`,
          [brandId, conversationId, queueId],
        );
        await routing.lockVersion(tx, brandId);
        await tx.query(
          `INSERT INTO routing_outbox (brand_id, msg_id, payload, created_at) VALUES ($1, $2, '{}', now() - interval '1 minute')`,
          [brandId, `m:${brandId}`],
        );
        await tx.query(
          `INSERT INTO outbox (brand_id, event, msg_id, payload) VALUES ($1, 'sla.alert', $2, '{}')`,
          [brandId, `o:${brandId}`],
        );
        await routing.saveVips(tx, brandId, new Map([['42', { vip: true, at: Date.now() }]]), 1);
      });
      const { secret, prefix, hash } = newApiKey();
      await new ApiKeyRepository(app).create(brandId, {
        name: 'ci',
        role: 'admin',
        prefix,
        hash,
        createdBy: agentId,
        expiresAt: null,
        boundToCreator: false,
      });
      keyOf[brandId] = secret;
    }
  });

  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
    await cleanupNamespace(env);
  });

  it('shows a transaction only the rows of the brand it declared, even without a brand filter', async () => {
    for (const t of TABLES) {
      const col = t === 'brands' ? 'id' : 'brand_id';
      const all: Array<{ b: string }> = await owner.query(`SELECT DISTINCT ${col} AS b FROM ${t} ORDER BY 1`);
      expect(all.map((r) => r.b)).toEqual([brandA, brandB]);
      const asA = await withBrand(app, brandA, (tx) => tx.query(`SELECT DISTINCT ${col} AS b FROM ${t}`));
      expect(asA).toEqual([{ b: brandA }]);
      // No brand declared: nothing at all.
      expect(await app.query(`SELECT count(*)::int AS n FROM ${t}`)).toEqual([{ n: 0 }]);
    }
  });

  it('refuses to write a row of another brand than the declared one', async () => {
    await expect(
      withBrand(app, brandA, (tx) =>
        tx.query(`INSERT INTO brands (id, name) VALUES ($1, 'x')`, [randomUUID()]),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withBrand(app, brandA, (tx) =>
        tx.query(`INSERT INTO routing_versions (brand_id) VALUES ($1) ON CONFLICT DO NOTHING`, [brandB]),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withBrand(app, brandA, (tx) =>
        tx.query(`UPDATE agents SET capacity = 99 WHERE brand_id = $1`, [brandB]),
      ),
    ).resolves.toEqual([[], 0]);
    await expect(
      withBrand(app, brandA, (tx) => tx.query(`DELETE FROM api_keys WHERE brand_id = $1`, [brandB])),
    ).resolves.toEqual([[], 0]);
    expect(await owner.query(`SELECT count(*)::int AS n FROM agents WHERE capacity = 99`)).toEqual([
      { n: 0 },
    ]);
    expect(await owner.query(`SELECT count(*)::int AS n FROM api_keys`)).toEqual([{ n: 2 }]);
  });

  it('finds the brand for login by e-mail, e-mail uniqueness, API keys and revocations, then reads as that brand', async () => {
    const admin = new AdminRepository(app);
    await expect(admin.findAgentForLogin(email(brandB).toUpperCase())).resolves.toMatchObject({
      id: agentOf[brandB],
      brandId: brandB,
    });
    await expect(admin.findAgentForLogin('nobody@t.example')).resolves.toBeNull();
    // Taken in brand B, asked from a transaction of brand A.
    await expect(withBrand(app, brandA, (tx) => admin.emailTaken(tx, email(brandB)))).resolves.toBe(true);
    await expect(
      withBrand(app, brandA, (tx) => admin.emailTaken(tx, email(brandB), agentOf[brandB])),
    ).resolves.toBe(false);
    const revoked = await admin.tokenRevocations(new Date(Date.now() - 3_600_000));
    expect(revoked.map((r) => [r.brandId, r.agentId])).toEqual([
      [brandA, agentOf[brandA]],
      [brandB, agentOf[brandB]],
    ]);

    const keys = new ApiKeyRepository(app);
    await expect(keys.useByHash(hashApiKey(keyOf[brandB] as string))).resolves.toMatchObject({
      brandId: brandB,
      role: 'admin',
    });
    await expect(keys.useByHash(hashApiKey('roost_nope'))).resolves.toBeNull();
    expect(
      await owner.query(`SELECT count(*)::int AS n FROM api_keys WHERE last_used_at IS NOT NULL`),
    ).toEqual([{ n: 1 }]);
  });

  it('lets the outbox relay visit every brand with pending events, each through its own rows', async () => {
    const repo = new RoutingRepository();
    const brands = await repo.outboxBrands(app, 5_000);
    expect(brands).toEqual([brandA, brandB]);
    for (const brandId of brands) {
      const pending = await withBrand(app, brandId, (tx) => repo.pendingOutbox(tx, brandId, 5_000));
      expect(pending.map((p) => p.msgId)).toEqual([`m:${brandId}`]);
    }
    expect(await repo.outboxBrands(app, 3_600_000)).toEqual([]);
  });

  it('gives the app role only what it needs: no bypass, every table forced, the lookups for it alone', async () => {
    const [role] = await owner.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1`, [
      APP_ROLE,
    ]);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const forced: Array<{ relname: string }> = await owner.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relrowsecurity AND c.relforcerowsecurity ORDER BY 1`,
      [schema],
    );
    expect(forced.map((r) => r.relname)).toEqual([...TABLES].sort());
    // The cross-brand lookups run as the owner, for the app role only (not PUBLIC).
    const lookups: Array<{ proname: string; app: boolean; public: boolean }> = await owner.query(
      `SELECT p.proname, has_function_privilege($2, p.oid, 'EXECUTE') AS app,
         coalesce(EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0), true) AS public
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.prosecdef ORDER BY 1`,
      [schema, APP_ROLE],
    );
    expect(lookups).toEqual(
      [
        'outbox_brands',
        'routing_api_key_brand',
        'routing_email_taken',
        'routing_login_brand',
        'routing_outbox_brands',
        'routing_revoked_brands',
      ].map((proname) => ({
        proname,
        app: true,
        public: false,
      })),
    );
  });
});

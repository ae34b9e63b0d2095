import { APP_ROLE, createServiceDataSource, initialize, migrate, withBrand } from '@roost/database';
import { cleanupNamespace, testEnv } from '@roost/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { ConversationScript } from '../testing/event-builders';
import { METRICS_MIGRATIONS } from '../testing/migrations';
import { routedFacts } from './fact-patch';
import { FactRepository } from './fact.repository';
import { ReportRepository } from './report.repository';

/**
 * Row-level security on every metrics table (RELIABILITY.md "PostgreSQL and tenants"): as the app
 * role, a query that forgets its brand filter still sees only the declared brand's rows.
 */
describe('brand isolation in PostgreSQL (metrics)', () => {
  const env = testEnv();
  const schema = `${env.schemaPrefix}metrics_rls`;
  let owner: DataSource;
  let app: DataSource;
  const [brandA, brandB] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    const opts = {
      url: env.databaseUrl,
      schema,
      migrations: METRICS_MIGRATIONS,
      applicationName: 'metrics-rls-test',
    };
    owner = await initialize(createServiceDataSource(opts));
    await migrate(owner);
    app = await initialize(createServiceDataSource({ ...opts, role: APP_ROLE }));
    // Both brands' facts folded through the app role, in one batch (one transaction, brand by brand).
    const routed = [brandA, brandB, brandB].map((brandId) =>
      routedFacts(
        new ConversationScript({
          brandId,
          queueId: randomUUID(),
          opened: '2025-03-03T09:00:00.000Z',
          language: 'en',
          channel: 'public',
          priority: 1,
        }).routed({
          minute: 0,
          opened: true,
          label: 'neutral',
          score: 0,
          assigneeId: null,
        }),
      ),
    );
    await new FactRepository(app).fold({
      patches: routed.map((r) => r.patch),
      inbound: routed.map((r) => r.inbound),
      snapshots: routed.map((r) => r.snapshot),
      cycles: routed.flatMap((r) => (r.cycle ? [r.cycle] : [])),
    });
  });

  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
    await cleanupNamespace(env);
  });

  const TABLES = ['conversation_facts', 'inbound_messages', 'response_cycles', 'queue_state'];

  it('shows a transaction only the rows of the brand it declared, even without a brand filter', async () => {
    for (const t of TABLES) {
      const all = await owner.query(`SELECT brand_id FROM ${t}`);
      expect(all).toHaveLength(t === 'queue_state' ? 3 : 3);
      const asA = await withBrand(app, brandA, (tx) => tx.query(`SELECT DISTINCT brand_id FROM ${t}`));
      expect(asA).toEqual([{ brand_id: brandA }]);
      // No brand declared: nothing at all.
      expect(await app.query(`SELECT count(*)::int AS n FROM ${t}`)).toEqual([{ n: 0 }]);
    }
  });

  it('refuses to write a row of another brand than the declared one', async () => {
    await expect(
      withBrand(app, brandA, (tx) =>
        tx.query(`INSERT INTO brand_settings (brand_id, sla_minutes) VALUES ($1, 30)`, [brandB]),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withBrand(app, brandA, (tx) =>
        tx.query(`UPDATE conversation_facts SET priority = 99 WHERE brand_id = $1`, [brandB]),
      ),
    ).resolves.toEqual([[], 0]);
    expect(
      await owner.query(`SELECT count(*)::int AS n FROM conversation_facts WHERE priority = 99`),
    ).toEqual([{ n: 0 }]);
  });

  it('isolates merges and split messages (issue 13) like every table', async () => {
    const at = '2025-03-03T10:00:00.000Z';
    await new FactRepository(app).fold({
      patches: [],
      merges: [brandA, brandB].map((brandId) => ({
        brandId,
        sourceId: randomUUID(),
        targetId: randomUUID(),
        sourceOpenedAt: at,
        targetOpenedAt: at,
        at,
      })),
      splits: [brandA, brandB].map((brandId) => ({
        brandId,
        conversationId: randomUUID(),
        sourceId: randomUUID(),
        tweetId: randomUUID(),
        queueId: randomUUID(),
        assigneeId: null,
        language: 'en',
        channel: 'public',
        priority: 1,
        openedAt: at,
        at,
      })),
    });
    for (const t of ['conversation_merges', 'split_messages']) {
      expect(await owner.query(`SELECT brand_id FROM ${t}`)).toHaveLength(2);
      const asA = await withBrand(app, brandA, (tx) => tx.query(`SELECT DISTINCT brand_id FROM ${t}`));
      expect(asA).toEqual([{ brand_id: brandA }]);
      expect(await app.query(`SELECT count(*)::int AS n FROM ${t}`)).toEqual([{ n: 0 }]);
    }
  });

  it('lets the wait publisher learn every brand with queues, ids only', async () => {
    expect(await new ReportRepository(app).queueBrands()).toEqual([brandA, brandB].sort());
  });
});

/**
 * Production owners are rarely superusers (superusers bypass every policy, which hides mistakes):
 * migrate as a plain owner with CREATEROLE, connect as the app role, and the owner-run cross-brand
 * lookup still sees every brand.
 */
describe('brand isolation with an owner that is not a superuser', () => {
  const env = testEnv();
  const owner = `roost_owner_${randomBytes(4).toString('hex')}`;
  const schema = `${env.schemaPrefix}metrics_plain_owner`;
  let admin: Client;

  beforeAll(async () => {
    admin = new Client({ connectionString: env.databaseUrl });
    await admin.connect();
    await admin.query(`CREATE ROLE ${owner} LOGIN CREATEROLE`);
    await admin.query(`GRANT CREATE ON DATABASE "${admin.database}" TO ${owner}`);
  });

  afterAll(async () => {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.query(`REVOKE CREATE ON DATABASE "${admin.database}" FROM ${owner}`);
    await admin.query(`DROP OWNED BY ${owner}`);
    await admin.query(`DROP ROLE ${owner}`);
    await admin.end();
    await cleanupNamespace(env);
  });

  it('migrates, folds as the app role, and the wait publisher still lists every brand', async () => {
    const url = new URL(env.databaseUrl);
    url.username = owner;
    const opts = {
      url: url.toString(),
      schema,
      migrations: METRICS_MIGRATIONS,
      applicationName: 'metrics-plain-owner-test',
    };
    const asOwner = await initialize(createServiceDataSource(opts));
    try {
      await migrate(asOwner);
      expect(
        (await asOwner.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`))[0].rolsuper,
      ).toBe(false);
    } finally {
      await asOwner.destroy();
    }
    const app = await initialize(createServiceDataSource({ ...opts, role: APP_ROLE }));
    try {
      const brands = [randomUUID(), randomUUID()].sort();
      const routed = brands.map((brandId) =>
        routedFacts(
          new ConversationScript({
            brandId,
            queueId: randomUUID(),
            opened: '2025-03-03T09:00:00.000Z',
            language: 'en',
            channel: 'dm',
            priority: 1,
          }).routed({
            minute: 0,
            opened: true,
            label: 'neutral',
            score: 0,
            assigneeId: null,
          }),
        ),
      );
      await new FactRepository(app).fold({
        patches: routed.map((r) => r.patch),
        snapshots: routed.map((r) => r.snapshot),
      });
      expect(await app.query(`SELECT count(*)::int AS n FROM conversation_facts`)).toEqual([{ n: 0 }]);
      expect(await new ReportRepository(app).queueBrands()).toEqual(brands);
    } finally {
      await app.destroy();
    }
  });
});

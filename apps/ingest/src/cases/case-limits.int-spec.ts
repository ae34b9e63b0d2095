import { APP_ROLE, createServiceDataSource, initialize, migrate } from '@roost/database';
import { cleanupNamespace, testEnv } from '@roost/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { INGEST_MIGRATIONS } from '../migrations';
import { CaseLimitsRepository } from '../data/case-limits.repository';

/**
 * The per-minute limits of "turn any tweet into a case", counted in PostgreSQL: two ingest
 * instances (two pools, two repositories) share them, per actor and per brand; a refused request
 * counts nothing and says when to retry; another brand is not affected; a new minute starts again.
 */
describe('case-from-tweet limits across ingest instances', () => {
  const env = testEnv();
  const schema = `${env.schemaPrefix}ingest_case_limits`;
  let owner: DataSource;
  const pools: DataSource[] = [];
  const brand = randomUUID();
  const otherBrand = randomUUID();
  const [alice, bob] = [randomUUID(), randomUUID()];
  const limits = { perActor: 2, perBrand: 3 };

  beforeAll(async () => {
    const opts = {
      url: env.databaseUrl,
      schema,
      migrations: INGEST_MIGRATIONS,
      applicationName: 'case-limits-test',
    };
    owner = await initialize(createServiceDataSource(opts));
    await migrate(owner);
    for (let i = 0; i < 2; i++) {
      pools.push(await initialize(createServiceDataSource({ ...opts, role: APP_ROLE })));
    }
  });

  afterAll(async () => {
    for (const p of pools) await p.destroy();
    await owner?.destroy();
    await cleanupNamespace(env);
  });

  async function hits(brandId: string): Promise<Record<string, number>> {
    const rows: Array<{ actor: string; hits: number }> = await owner.query(
      `SELECT actor, hits FROM case_from_tweet_hits WHERE brand_id = $1`,
      [brandId],
    );

    return Object.fromEntries(rows.map((r) => [r.actor, r.hits]));
  }

  it('refuses the actor over its limit and the brand over its own, on any instance, counting only what passed', async () => {
    const [one, two] = pools.map((p) => new CaseLimitsRepository(p));
    expect(await one!.take({ brandId: brand, actorId: alice, ...limits })).toEqual({ allowed: true });
    expect(await two!.take({ brandId: brand, actorId: alice, ...limits })).toEqual({ allowed: true });
    const refused = await one!.take({ brandId: brand, actorId: alice, ...limits });
    expect(refused).toMatchObject({ allowed: false, scope: 'actor' });
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Bob has his own allowance, but the brand's (3) runs out after his first.
    expect(await two!.take({ brandId: brand, actorId: bob, ...limits })).toEqual({ allowed: true });
    expect(await one!.take({ brandId: brand, actorId: bob, ...limits })).toMatchObject({
      allowed: false,
      scope: 'brand',
    });
    expect(await hits(brand)).toEqual({ [alice]: 2, [bob]: 1, brand: 3 });
    // Another brand is not limited by this one.
    expect(await one!.take({ brandId: otherBrand, actorId: alice, ...limits })).toEqual({ allowed: true });
  });

  it('counts concurrent requests exactly (no lost updates between instances)', async () => {
    const brandId = randomUUID();
    const actorId = randomUUID();
    const verdicts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        new CaseLimitsRepository(pools[i % 2]!).take({ brandId, actorId, perActor: 5, perBrand: 100 }),
      ),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect(await hits(brandId)).toEqual({ [actorId]: 5, brand: 5 });
  });

  it('starts again in a new minute and forgets the past minutes', async () => {
    const brandId = randomUUID();
    const actorId = randomUUID();
    const repo = new CaseLimitsRepository(pools[0]!);
    await repo.take({ brandId, actorId, perActor: 1, perBrand: 10 });
    expect(await repo.take({ brandId, actorId, perActor: 1, perBrand: 10 })).toMatchObject({
      allowed: false,
    });
    // As if a minute went by.
    await owner.query(
      `UPDATE case_from_tweet_hits SET minute = minute - interval '1 minute' WHERE brand_id = $1`,
      [brandId],
    );
    expect(await repo.take({ brandId, actorId, perActor: 1, perBrand: 10 })).toEqual({ allowed: true });
    expect(await hits(brandId)).toEqual({ [actorId]: 1, brand: 1 });
  });
});

import { createServiceDataSource, initialize, migrate } from '@roost/database';
import { cleanupNamespace, testEnv } from '@roost/testing';
import type { DataSource } from 'typeorm';
import { assignedFacts, routedFacts, sentFacts, statusFacts } from '../data/fact-patch';
import { FactRepository, type FactBatch } from '../data/fact.repository';
import { METRICS_MIGRATIONS } from '../migrations';
import { scenario, type Scenario } from '../testing/scenario';

function batches(s: Scenario): FactBatch[] {
  return [
    ...s.routed.map((e) => {
      const f = routedFacts(e);

      return {
        patches: [f.patch],
        inbound: [f.inbound],
        snapshots: [f.snapshot],
        cycles: f.cycle ? [f.cycle] : [],
      };
    }),
    ...s.sent.map((e) => {
      const f = sentFacts(e);

      return { patches: [f.patch], outbound: [f.outbound] };
    }),
    ...s.assigned.map((e) => {
      const f = assignedFacts(e);

      return { patches: [f.patch], snapshots: [f.snapshot] };
    }),
    ...s.status.map((e) => ({ patches: [statusFacts(e)] })),
  ];
}

/** Seeded shuffle, so a failure can be replayed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }

  return out;
}

describe('conversation facts fold (PostgreSQL)', () => {
  const env = testEnv();
  let ds: DataSource;
  let repo: FactRepository;

  beforeAll(async () => {
    ds = await initialize(
      createServiceDataSource({
        url: env.databaseUrl,
        schema: `${env.schemaPrefix}metrics`,
        migrations: METRICS_MIGRATIONS,
        applicationName: 'metrics-test',
      }),
    );
    await migrate(ds);
    repo = new FactRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await cleanupNamespace(env);
  });

  const snapshot = async (brandId: string) => {
    const facts = await ds.query(`SELECT * FROM conversation_facts WHERE brand_id = $1 ORDER BY opened_at`, [
      brandId,
    ]);
    const queues = await ds.query(
      `SELECT queue_id, waiting, assigned, as_of FROM queue_state WHERE brand_id = $1 ORDER BY queue_id`,
      [brandId],
    );
    const cycles = await ds.query(
      `SELECT c.opened_at, r.started_at, r.first_response_ms, r.first_response_agent_id FROM response_cycles r
       JOIN conversation_facts c USING (brand_id, conversation_id) WHERE r.brand_id = $1 ORDER BY r.started_at`,
      [brandId],
    );

    return JSON.parse(JSON.stringify({ facts, queues, cycles }).replaceAll(brandId, 'BRAND'));
  };

  it('gives the same facts for one batch, any order of single events, and with every event redelivered', async () => {
    const s = scenario();
    const all = batches(s);
    await repo.fold({
      patches: all.flatMap((b) => b.patches),
      inbound: all.flatMap((b) => b.inbound ?? []),
      snapshots: all.flatMap((b) => b.snapshots ?? []),
      cycles: all.flatMap((b) => b.cycles ?? []),
      outbound: all.flatMap((b) => b.outbound ?? []),
    });
    const expected = await snapshot(s.brandId);
    expect(expected.facts).toHaveLength(4);
    // The conversation's first response stays the first cycle's.
    expect(expected.facts.map((f: { first_response_ms: string | null }) => f.first_response_ms)).toEqual([
      '900000',
      '5400000',
      null,
      '1800000',
    ]);
    // C4's reopening at 14:00 is a cycle of its own, answered at 14:15 (its 12:30 reply belongs to the first cycle).
    expect(expected.cycles.map((c: { first_response_ms: string | null }) => c.first_response_ms)).toEqual([
      '900000',
      '5400000',
      null,
      '1800000',
      '900000',
    ]);

    for (const seed of [1, 2, 3, 4, 5]) {
      // Same conversations under another brand id, so each order is checked on its own rows.
      const other = JSON.parse(
        JSON.stringify(all).replaceAll(
          s.brandId,
          `${s.brandId.slice(0, -2)}${String(seed).padStart(2, '0')}`,
        ),
      ) as FactBatch[];
      const brandId = other[0]?.patches[0]?.brandId ?? '';
      const order = shuffle([...other, ...other], seed); // every event twice: redeliveries
      for (const b of order) await repo.fold(b);
      expect(JSON.parse(JSON.stringify(await snapshot(brandId)).replaceAll(brandId, 'BRAND'))).toEqual(
        JSON.parse(JSON.stringify(expected).replaceAll(s.brandId, 'BRAND')),
      );
    }
  });
});

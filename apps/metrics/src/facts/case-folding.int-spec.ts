import { randomUUID } from 'node:crypto';
import type { ConversationSplitV1, ConversationStatusChangedV1 } from '@roost/contracts';
import { createServiceDataSource, initialize, migrate } from '@roost/database';
import { cleanupNamespace, testEnv } from '@roost/testing';
import type { DataSource } from 'typeorm';
import { mergeFact, splitFacts } from '../data/case-facts';
import { routedFacts, sentFacts, statusFacts } from '../data/fact-patch';
import { FactRepository, type FactBatch } from '../data/fact.repository';
import { METRICS_MIGRATIONS } from '../migrations';
import { ConversationScript } from '../testing/event-builders';

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

const OPENED = '2026-03-02T09:30:00.000Z';

/**
 * Issue 13: a merge and a split are counted once, whatever the order of the events and however
 * often they are redelivered. The customer opened S at 09:30 (a second message at 09:40) and T at
 * 10:00; T was answered at 10:20; S was merged into T; then the 09:40 message was split out into N.
 */
function caseEvents(brandId: string): { batches: FactBatch[]; ids: { s: string; t: string; n: string } } {
  const queueId = randomUUID();
  const agentId = randomUUID();
  const base = { brandId, queueId, language: 'en', channel: 'public' as const, priority: 50 };
  const s = new ConversationScript({ ...base, opened: OPENED });
  const t = new ConversationScript({ ...base, opened: '2026-03-02T10:00:00.000Z' });
  const n = randomUUID();
  const sOpen = s.routed({ minute: 0, opened: true, label: 'negative', score: -0.5, assigneeId: agentId });
  const sSecond = s.routed({ minute: 10, opened: false, label: 'neutral', score: 0, assigneeId: agentId });
  const tOpen = t.routed({ minute: 0, opened: true, label: 'negative', score: -0.4, assigneeId: agentId });
  const reply = t.sent({ minute: 20, agentId, first: true });
  const merged: ConversationStatusChangedV1 = {
    ...s.status({ minute: 60, reason: 'resolved', assigneeId: agentId }),
    mergedIntoId: t.conversationId,
    targetOpenedAt: '2026-03-02T10:00:00.000Z',
  };
  const split: ConversationSplitV1 = {
    schema: 1,
    brandId,
    conversationId: n,
    sourceConversationId: t.conversationId,
    messageId: randomUUID(),
    messageXId: sSecond.mention.tweet.id,
    queueId,
    assigneeId: null,
    status: 'waiting',
    priority: 50,
    channel: 'public',
    language: 'en',
    openedAt: sSecond.mention.tweet.createdAt,
    actorId: agentId,
    at: '2026-03-02T10:40:00.000Z',
  };
  const routed = (e: typeof sOpen): FactBatch => {
    const f = routedFacts(e);

    return {
      patches: [f.patch],
      inbound: [f.inbound],
      snapshots: [f.snapshot],
      cycles: f.cycle ? [f.cycle] : [],
    };
  };
  const sent = sentFacts(reply);
  const sf = splitFacts(split);

  return {
    batches: [
      routed(sOpen),
      routed(sSecond),
      routed(tOpen),
      { patches: [sent.patch], outbound: [sent.outbound] },
      { patches: [statusFacts(merged)], merges: [mergeFact(merged)!] },
      { patches: [sf.patch], cycles: [sf.cycle], splits: [sf.split] },
    ],
    ids: { s: s.conversationId, t: t.conversationId, n },
  };
}

describe('merged and split conversations fold once (PostgreSQL)', () => {
  const env = testEnv();
  let ds: DataSource;
  let repo: FactRepository;

  beforeAll(async () => {
    ds = await initialize(
      createServiceDataSource({
        url: env.databaseUrl,
        schema: `${env.schemaPrefix}metrics`,
        migrations: METRICS_MIGRATIONS,
        applicationName: 'metrics-case-test',
      }),
    );
    await migrate(ds);
    repo = new FactRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await cleanupNamespace(env);
  });

  async function snapshot(brandId: string, ids: Record<string, string>) {
    const name = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;
    const facts: Array<Record<string, unknown>> = await ds.query(
      `SELECT conversation_id, opened_at, inbound, answered, first_response_at, first_response_ms
       FROM conversation_facts WHERE brand_id = $1 ORDER BY opened_at`,
      [brandId],
    );
    const cycles: Array<Record<string, unknown>> = await ds.query(
      `SELECT conversation_id, started_at, first_response_ms FROM response_cycles WHERE brand_id = $1 ORDER BY started_at`,
      [brandId],
    );
    const inbound: Array<{ conversation_id: string; n: number }> = await ds.query(
      `SELECT conversation_id, count(*)::int AS n FROM inbound_messages WHERE brand_id = $1 GROUP BY 1 ORDER BY 1`,
      [brandId],
    );

    return JSON.parse(
      JSON.stringify({
        facts: facts.map((f) => ({ ...f, conversation_id: name(String(f.conversation_id)) })),
        cycles: cycles.map((c) => ({ ...c, conversation_id: name(String(c.conversation_id)) })),
        inbound: inbound
          .map((i) => ({ ...i, conversation_id: name(i.conversation_id) }))
          .sort((a, b) => (a.conversation_id < b.conversation_id ? -1 : 1)),
      }),
    ) as {
      facts: Array<Record<string, unknown>>;
      cycles: Array<Record<string, unknown>>;
      inbound: Array<{ conversation_id: string; n: number }>;
    };
  }

  it('counts the merged case once from its earliest opening, moves the split message, in any order and redelivered', async () => {
    const brandId = randomUUID();
    const { batches, ids } = caseEvents(brandId);
    const all = (key: keyof FactBatch) => batches.flatMap((b) => (b[key] ?? []) as never[]);
    await repo.fold({
      patches: all('patches'),
      inbound: all('inbound'),
      snapshots: all('snapshots'),
      cycles: all('cycles'),
      outbound: all('outbound'),
      merges: all('merges'),
      splits: all('splits'),
    });
    const expected = await snapshot(brandId, ids);
    // S counts no more: T holds its opening (09:30) and its first response follows it (10:20, 50 minutes).
    expect(expected.facts).toEqual([
      expect.objectContaining({ conversation_id: 't', inbound: 2, first_response_ms: String(50 * 60_000) }),
      expect.objectContaining({ conversation_id: 'n', inbound: 1, first_response_ms: null }),
    ]);
    expect(expected.facts[0]?.opened_at).toBe(OPENED);
    // One cycle for the merged case (T's own 10:00 opening was the same problem), one for the split.
    expect(expected.cycles).toEqual([
      { conversation_id: 't', started_at: OPENED, first_response_ms: String(50 * 60_000) },
      { conversation_id: 'n', started_at: '2026-03-02T09:40:00.000Z', first_response_ms: null },
    ]);
    expect(expected.inbound).toEqual([
      { conversation_id: 'n', n: 1 },
      { conversation_id: 't', n: 2 },
    ]);

    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const other = randomUUID();
      const copy = JSON.parse(JSON.stringify(batches).replaceAll(brandId, other)) as FactBatch[];
      // Every event twice, in a shuffled order: the late redelivered events of S come after the merge.
      for (const b of shuffle([...copy, ...copy], seed)) await repo.fold(b);
      expect(await snapshot(other, ids)).toEqual(expected);
    }
  });
});

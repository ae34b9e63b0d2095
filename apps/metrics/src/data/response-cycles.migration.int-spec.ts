import { createServiceDataSource, initialize, migrate } from '@roost/database';
import { cleanupNamespace, testEnv } from '@roost/testing';
import { randomUUID } from 'node:crypto';
import { ConversationScript } from '../testing/event-builders';
import { METRICS_MIGRATIONS, ResponseCycles1764100000300 } from '../testing/migrations';
import { sentFacts } from './fact-patch';
import { FactRepository } from './fact.repository';

/** History folded before response cycles existed keeps its first responses, and later events still fold onto it. */
describe('response cycles migration (PostgreSQL)', () => {
  const env = testEnv();
  const schema = `${env.schemaPrefix}metrics_mig`;
  const source = (migrations: typeof METRICS_MIGRATIONS) =>
    initialize(
      createServiceDataSource({
        url: env.databaseUrl,
        schema,
        migrations,
        applicationName: 'metrics-migration-test',
      }),
    );

  afterAll(async () => {
    await cleanupNamespace(env);
  });

  it('turns each conversation with an opening into a cycle, with its known replies', async () => {
    const brandId = randomUUID();
    const [queueId, agentId] = [randomUUID(), randomUUID()];
    const c = new ConversationScript({
      brandId,
      queueId,
      opened: '2025-05-01T08:00:00.000Z',
      language: 'de',
      channel: 'public',
      priority: 30,
    });
    const before = await source(
      METRICS_MIGRATIONS.slice(0, METRICS_MIGRATIONS.indexOf(ResponseCycles1764100000300)),
    );
    await migrate(before);
    await before.query(
      `INSERT INTO conversation_facts (brand_id, conversation_id, queue_id, agent_id, language, channel, priority, opened_at,
         first_response_at, first_response_agent_id, last_reply_at)
       VALUES ($1, $2, $3, $4, 'de', 'public', 30, '2025-05-01T08:00:00Z', '2025-05-01T08:20:00Z', $4, '2025-05-01T09:00:00Z'),
              ($1, $5, $3, NULL, NULL, NULL, NULL, NULL, '2025-05-01T08:30:00Z', $4, '2025-05-01T08:30:00Z')`,
      [brandId, c.conversationId, queueId, agentId, randomUUID()],
    );
    await before.destroy();

    const after = await source(METRICS_MIGRATIONS);
    try {
      await migrate(after);
      const cycles = await after.query(
        `SELECT conversation_id, started_at, queue_id, agent_id, language, channel, priority, first_response_agent_id, first_response_ms
         FROM response_cycles WHERE brand_id = $1`,
        [brandId],
      );
      // The second row never saw its opening (its routed event is still to come): no cycle yet.
      expect(cycles).toEqual([
        {
          conversation_id: c.conversationId,
          started_at: new Date('2025-05-01T08:00:00Z'),
          queue_id: queueId,
          agent_id: agentId,
          language: 'de',
          channel: 'public',
          priority: 30,
          first_response_agent_id: agentId,
          first_response_ms: '1200000',
        },
      ]);
      const outbound = await after.query(`SELECT at FROM outbound_messages WHERE brand_id = $1 ORDER BY at`, [
        brandId,
      ]);
      expect(outbound.map((o: { at: Date }) => o.at.toISOString())).toEqual([
        '2025-05-01T08:20:00.000Z',
        '2025-05-01T08:30:00.000Z',
        '2025-05-01T08:30:00.000Z',
        '2025-05-01T09:00:00.000Z',
      ]);

      // A later reply recounts the cycle from the carried-over replies: still the 08:20 one.
      const late = sentFacts(c.sent({ minute: 90, agentId: randomUUID(), first: false }));
      await new FactRepository(after).fold({ patches: [late.patch], outbound: [late.outbound] });
      const [again] = await after.query(`SELECT first_response_ms FROM response_cycles WHERE brand_id = $1`, [
        brandId,
      ]);
      expect(again.first_response_ms).toBe('1200000');
    } finally {
      await after.destroy();
    }
  });
});

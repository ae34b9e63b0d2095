import { eventually } from '@roost/testing';
import { startPlatform } from './e2e-env';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

/**
 * Issue 2 acceptance: restarting any one service while traffic flows loses no mention (and
 * doubles none). Each service is SIGKILLed mid-traffic and restarted;
 * every injected tweet must end up stored once as an inbound message.
 */
describe('restarting a service while traffic flows', () => {
  let p: Platform;

  beforeAll(async () => {
    p = await startPlatform();
    await p.stack.start(['twitter-sim']);
    await p.stack.start(['routing', 'conversations', 'metrics', 'gateway']);
    await p.stack.start(['ingest']);
  }, 120_000);

  afterAll(async () => {
    await p?.stop();
  });

  async function storedCount(ids: string[]): Promise<{ rows: number; distinct: number }> {
    const { rows } = await p.pg.query<{ n: string; d: string }>(
      `SELECT count(*) AS n, count(DISTINCT x_id) AS d FROM "${p.schema('conversations')}".messages
       WHERE direction = 'inbound' AND x_id = ANY($1::text[])`,
      [ids],
    );

    return { rows: Number(rows[0]?.n ?? 0), distinct: Number(rows[0]?.d ?? 0) };
  }

  it.each(['ingest', 'routing', 'conversations', 'metrics', 'gateway'] as const)(
    'loses no mention when %s is killed and restarted',
    async (service) => {
      const ids: string[] = [];
      const send = async (n: number) => {
        for (let i = 0; i < n; i++) {
          ids.push(await p.inject(`@acmecares order ${service}-${i} is late, please help`));
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      await send(40);
      const restarting = p.stack.restart(service, 'SIGKILL');
      await send(40);
      await restarting;
      await send(40);

      const counted = await eventually(
        async () => {
          const c = await storedCount(ids);

          return c.distinct === ids.length ? c : null;
        },
        {
          timeoutMs: 60_000,
          intervalMs: 250,
          what: `all ${ids.length} mentions stored after ${service} restart`,
        },
      );
      expect(counted.rows).toBe(ids.length);
    },
    150_000,
  );
});

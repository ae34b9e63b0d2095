import { randomUUID } from 'node:crypto';
import { DEMO } from '@roost/config';
import { eventually } from '@roost/testing';
import { startPlatform } from './e2e-env';
import { GraphqlTestClient, type GqlResult } from './graphql-client';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

const CREATE = `mutation ($urlOrId: String!) { createCaseFromTweet(urlOrId: $urlOrId) { tweetId } }`;

/**
 * "Turn any tweet into a case" is gated before any X read, through every service (gateway →
 * ingest → twitter-sim): per-minute limits per actor and per brand (2 and 3 here), counted in
 * ingest's database, refuse with RATE_LIMITED and `retryAfterSeconds` and read nothing on X; a
 * brand whose monthly X budget is spent is refused with X_BUDGET_EXHAUSTED.
 */
describe('case from tweet: rate limits and the X budget', () => {
  let p: Platform;
  let gql: GraphqlTestClient;
  const tokens: Record<'supervisor' | 'agent1' | 'agent2', string> = {
    supervisor: '',
    agent1: '',
    agent2: '',
  };
  const saved: Record<string, string | undefined> = {};
  const overrides = {
    INGEST_CASE_FROM_TWEET_PER_ACTOR_PER_MINUTE: '2',
    INGEST_CASE_FROM_TWEET_PER_BRAND_PER_MINUTE: '3',
    INGEST_X_MONTHLY_BUDGET_CREDITS: '100000',
  };

  const create = (urlOrId: string, who: keyof typeof tokens) =>
    gql.request<{ createCaseFromTweet: { tweetId: string } }>(CREATE, { urlOrId }, tokens[who]);
  const errorOf = (r: GqlResult<unknown>) => ({
    code: r.errors?.[0]?.extensions?.code,
    reason: r.errors?.[0]?.extensions?.details?.reason,
  });
  const tweet = () => p.inject('my toaster is on fire', `toast_${randomUUID().slice(0, 6)}`);
  /** X reads of manual cases ingest recorded for the brand this month. */
  const manualCalls = async (): Promise<number> => {
    const { rows } = await p.pg.query<{ calls: string }>(
      `SELECT calls FROM "${p.schema('ingest')}".api_spend WHERE brand_id = $1 AND source = 'manual'`,
      [DEMO.brandId],
    );

    return Number(rows[0]?.calls ?? 0);
  };

  beforeAll(async () => {
    // Read by the spawned services (TestStack copies this process's environment).
    for (const [k, v] of Object.entries(overrides)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    p = await startPlatform({ pollIntervalMs: 500 });
    await p.stack.start(['twitter-sim']);
    await p.stack.start(['routing', 'conversations', 'metrics', 'gateway']);
    await p.stack.start(['ingest']);
    gql = new GraphqlTestClient(`${p.stack.url('gateway')}/graphql`);
    // Logins hash passwords: on a loaded machine one may time out, so each is tried again.
    const login = (email: string) =>
      eventually(() => gql.login(email).catch(() => null), { timeoutMs: 60_000, what: `${email} signed in` });
    tokens.supervisor = await login('supervisor@acme.example');
    tokens.agent1 = await login('agent1@acme.example');
    tokens.agent2 = await login('agent2@acme.example');
  }, 240_000);

  afterAll(async () => {
    await p?.stop();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('refuses an actor over its limit, then the brand over its own, with a retry time and no X read', async () => {
    const tweets = [await tweet(), await tweet(), await tweet(), await tweet()];
    // The limits count per minute of the database's clock: start early in a minute.
    await eventually(
      async () => {
        const { rows } = await p.pg.query<{ s: number }>(`SELECT extract(second FROM now())::int AS s`);

        return rows[0]!.s < 30;
      },
      { timeoutMs: 40_000, intervalMs: 500, what: 'early in a minute' },
    );
    expect((await create(tweets[0]!, 'supervisor')).errors).toBeUndefined();
    expect((await create(tweets[1]!, 'supervisor')).errors).toBeUndefined();
    const limited = await create(tweets[2]!, 'supervisor');
    expect(errorOf(limited)).toEqual({ code: 'RATE_LIMITED', reason: 'CASE_FROM_TWEET_RATE_LIMITED' });
    const retry = limited.errors?.[0]?.extensions?.details?.retryAfterSeconds as number;
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    // Another agent has an allowance of their own: the brand's third of the minute.
    expect((await create(tweets[2]!, 'agent1')).errors).toBeUndefined();
    // Ingest read X once per accepted case (no thread above them), never for the refused one.
    await eventually(async () => (await manualCalls()) >= 3, { timeoutMs: 15_000, what: 'spend flushed' });
    expect(await manualCalls()).toBe(3);
    // The brand's limit (3) is reached: a third agent, under their own limit, is refused too.
    expect(errorOf(await create(tweets[3]!, 'agent2'))).toEqual({
      code: 'RATE_LIMITED',
      reason: 'CASE_FROM_TWEET_BRAND_RATE_LIMITED',
    });
  });

  it('refuses a brand whose monthly X budget is spent', async () => {
    const month = new Date().toISOString().slice(0, 7);
    await p.pg.query(
      `INSERT INTO "${p.schema('ingest')}".api_spend (brand_id, month, source, calls, items, credits)
       VALUES ($1, $2, 'budget-test', 1, 100000, 100000)`,
      [DEMO.brandId, month],
    );
    // Ingest loads the month's spend at start.
    await p.stack.restart('ingest');
    expect(errorOf(await create(await tweet(), 'agent2'))).toEqual({
      code: 'RATE_LIMITED',
      reason: 'X_BUDGET_EXHAUSTED',
    });
  });
});

import { randomUUID } from 'node:crypto';
import { DEMO } from '@roost/config';
import { ConversationsRpc, RoutingRpc } from '@roost/contracts';
import { NatsClient, RpcClient, silentLogger } from '@roost/messaging';
import { eventually } from '@roost/testing';
import { startPlatform } from './e2e-env';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

const ZONE = 'Europe/Madrid';

/** ISO weekday (1 = Monday) of an instant in a zone. */
function isoWeekday(at: Date, zone: string): number {
  const short = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short' }).format(at);

  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(short) + 1;
}

interface SimTweet {
  id: string;
  text: string;
  author_id: string;
}

/**
 * Issue 4 through every service: every demo queue opens only one hour, two days from now; a
 * customer's mention travels twitter-sim → ingest → routing (queue closed: `queueClosed`) →
 * conversations, which posts one public acknowledgement under it on twitter-sim saying when the team
 * is back. The customer's next mention joins the conversation and gets none, and the conversation
 * still awaits its first response.
 */
describe('out-of-hours acknowledgement through the platform', () => {
  let p: Platform;
  let nats: NatsClient;
  let rpc: RpcClient;
  // The seeded admin@acme.example: routing judges the actor's stored role, not the one a request claims.
  const admin = {
    brandId: DEMO.brandId,
    actorId: '0a9f2c1e-7b1d-4c55-9d3e-acbe0000a007',
    actorRole: 'admin' as const,
  };
  const openDay = isoWeekday(new Date(Date.now() + 2 * 86_400_000), ZONE);

  beforeAll(async () => {
    p = await startPlatform({ logLevel: 'warn' });
    await p.stack.start(['twitter-sim']);
    await p.stack.start(['routing', 'conversations']);
    await p.stack.start(['ingest']);
    nats = await NatsClient.connect({
      servers: p.env.natsServers,
      name: 'ooh-e2e',
      namespace: p.env.natsNamespace,
      log: silentLogger,
    });
    rpc = new RpcClient(nats, 10_000);
    const { queues } = await rpc.request(RoutingRpc.ListQueues, admin);
    for (const q of queues) {
      await rpc.request(RoutingRpc.UpsertQueue, {
        ...admin,
        queue: {
          id: q.id,
          name: q.name,
          team: q.team,
          timezone: ZONE,
          businessHours: [{ day: openDay, start: '09:00', end: '10:00' }],
          slaTargets: q.slaTargets,
          slaWarnRatio: q.slaWarnRatio,
          slaWarnPriorityBoost: q.slaWarnPriorityBoost,
          slaBreachAction: q.slaBreachAction,
          escalationQueueId: q.escalationQueueId,
          strategy: q.strategy,
          stickyWindowMinutes: q.stickyWindowMinutes,
          relaxLanguageAfterMinutes: q.relaxLanguageAfterMinutes,
        },
      });
    }
    const current = await rpc.request(ConversationsRpc.GetAutoPosts, { brandId: DEMO.brandId });
    await rpc.request(ConversationsRpc.SetAutoPosts, {
      brandId: DEMO.brandId,
      agentId: admin.actorId,
      agentRole: 'admin',
      agentInitials: 'AD',
      settings: { ...current, outOfHoursAck: { ...current.outOfHoursAck, enabled: true } },
    });
  }, 180_000);

  afterAll(async () => {
    await nats?.drain();
    await p?.stop();
  });

  async function repliesTo(tweetId: string): Promise<SimTweet[]> {
    const res = (await (
      await fetch(`${p.stack.url('twitter-sim')}/sim/tweets/${tweetId}/replies`)
    ).json()) as { data?: SimTweet[] };

    return res.data ?? [];
  }

  it('acknowledges the opening mention once with when the team is back, and leaves the first response to an agent', async () => {
    const handle = `night_${randomUUID().slice(0, 6)}`;
    const tweetId = await p.inject('@acmecares my order never arrived, can someone help?', handle);

    const [ack] = await eventually(
      async () => {
        const r = await repliesTo(tweetId);

        return r.length > 0 ? r : null;
      },
      { timeoutMs: 60_000, what: 'acknowledgement on twitter-sim' },
    );
    const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'short' }).format(
      new Date(Date.UTC(2026, 10, 22 + openDay)),
    ); // 2026-11-23 is a Monday
    expect(ack!.text.replace(/\u202f/g, ' ')).toMatch(
      new RegExp(`^@${handle} Hi [^,]+, thanks for reaching out! .* back on ${weekday}, .* 9:00 AM`),
    );

    const schema = `"${p.schema('conversations')}"`;
    const conversation = await eventually(
      async () => {
        const { rows } = await p.pg.query<{ id: string; first_response_at: Date | null; n: string }>(
          `SELECT c.id, c.first_response_at, (SELECT count(*) FROM ${schema}.messages m WHERE m.brand_id = c.brand_id AND m.conversation_id = c.id) AS n
         FROM ${schema}.conversations c JOIN ${schema}.customers cu ON cu.brand_id = c.brand_id AND cu.id = c.customer_id
         WHERE cu.handle = $1`,
          [handle],
        );

        return rows[0]?.n === '2' ? rows[0] : null;
      },
      { what: 'mention and acknowledgement stored' },
    );
    expect(conversation.first_response_at).toBeNull();

    // The customer follows up in the same X thread: it joins the conversation (a new thread would open another).
    const again = await p.inject('@acmecares hello? still waiting', handle, { inReplyToTweetId: tweetId });
    await eventually(
      async () => {
        const { rows } = await p.pg.query<{ n: string }>(
          `SELECT count(*) AS n FROM ${schema}.messages WHERE brand_id = $1 AND conversation_id = $2`,
          [DEMO.brandId, conversation.id],
        );

        return rows[0]?.n === '3';
      },
      { timeoutMs: 60_000, what: 'second mention joined the conversation' },
    );
    const { rows: acks } = await p.pg.query(
      `SELECT idempotency_key FROM ${schema}.outbound_ledger WHERE brand_id = $1 AND conversation_id = $2`,
      [DEMO.brandId, conversation.id],
    );
    expect(acks).toEqual([{ idempotency_key: `ooh-ack:${conversation.id}` }]);
    expect(await repliesTo(again)).toEqual([]);
    // The brand answered the opening tweet once (the customer's own follow-up is a reply to it too).
    expect((await repliesTo(tweetId)).filter((t) => t.author_id === ack!.author_id)).toHaveLength(1);
    const { rows: routing } = await p.pg.query<{ first_response_at: Date | null }>(
      `SELECT first_response_at FROM "${p.schema('routing')}".conversations WHERE brand_id = $1 AND id = $2`,
      [DEMO.brandId, conversation.id],
    );
    expect(routing).toEqual([{ first_response_at: null }]); // routing's SLA clock still runs
  });
});

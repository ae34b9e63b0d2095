import { eventually } from '@roost/testing';
import { startPlatform } from './e2e-env';
import { GraphqlTestClient } from './graphql-client';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

interface OutboundRow {
  id: string;
  conversation_id: string;
  x_id: string;
  agent_id: string | null;
  status: string;
  source: string | null;
  author_handle: string;
}

/** A Prometheus counter's value on a service's /metrics, for the series carrying `label` (0 when absent). */
async function counter(url: string, name: string, label: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(label));

  return line ? Number(line.split(' ').pop()) : 0;
}

/**
 * Issue 5: the brand's own replies posted outside Roost (here: straight on twitter-sim, as the X
 * app would) are seen by ingest, threaded by conversations into the conversation they answer,
 * count as the first response (routing and metrics hear message.sent), and Roost's own replies,
 * which ingest sees the same way, are not stored twice.
 */
describe('brand replies posted outside Roost', () => {
  let p: Platform;
  let gql: GraphqlTestClient;

  beforeAll(async () => {
    p = await startPlatform({ logLevel: 'warn' });
    await p.stack.start(['twitter-sim']);
    await p.stack.start(['routing', 'conversations', 'metrics', 'gateway']);
    await p.stack.start(['ingest']);
    gql = new GraphqlTestClient(`${p.stack.url('gateway')}/graphql`);
  }, 120_000);

  afterAll(async () => {
    await p?.stop();
  });

  async function conversationOf(tweetId: string): Promise<string> {
    return eventually(
      async () => {
        const { rows } = await p.pg.query<{ conversation_id: string }>(
          `SELECT conversation_id FROM "${p.schema('conversations')}".messages WHERE direction = 'inbound' AND x_id = $1`,
          [tweetId],
        );

        return rows[0]?.conversation_id;
      },
      { timeoutMs: 30_000, what: `conversation of ${tweetId}` },
    );
  }

  async function outbound(conversationId: string): Promise<OutboundRow[]> {
    const { rows } = await p.pg.query<OutboundRow>(
      `SELECT id, conversation_id, x_id, agent_id, status, source, author_handle FROM "${p.schema('conversations')}".messages
       WHERE conversation_id = $1 AND direction = 'outbound' ORDER BY created_at`,
      [conversationId],
    );

    return rows;
  }

  it('threads a reply posted on X as the first response, seen by routing and metrics', async () => {
    const customerTweet = await p.inject('@acmecares my order never arrived', 'brandreply_ann');
    const conversationId = await conversationOf(customerTweet);
    const replyId = await p.inject('So sorry Ann, we are looking into it right now', 'acmecares', {
      inReplyToTweetId: customerTweet,
    });

    const [stored] = await eventually(
      async () => {
        const rows = await outbound(conversationId);

        return rows.length > 0 ? rows : null;
      },
      { timeoutMs: 30_000, what: 'the brand reply stored' },
    );
    expect(stored).toMatchObject({
      x_id: replyId,
      agent_id: null,
      status: 'sent',
      source: 'x',
      author_handle: 'acmecares',
    });
    const tweet = (await (await fetch(`${p.stack.url('twitter-sim')}/sim/tweets/${replyId}`)).json()) as {
      data: { created_at: string };
    };
    const { rows: conv } = await p.pg.query<{ first_response_at: Date }>(
      `SELECT first_response_at FROM "${p.schema('conversations')}".conversations WHERE id = $1`,
      [conversationId],
    );
    expect(conv[0]?.first_response_at.toISOString()).toBe(new Date(tweet.data.created_at).toISOString());

    // message.sent reached routing (SLA clock stopped) and metrics (first response fact).
    await eventually(
      async () => {
        const { rows } = await p.pg.query<{ first_response_at: Date | null }>(
          `SELECT first_response_at FROM "${p.schema('routing')}".conversations WHERE id = $1`,
          [conversationId],
        );

        return rows[0]?.first_response_at ?? null;
      },
      { timeoutMs: 30_000, what: 'routing saw the first response' },
    );
    const fact = await eventually(
      async () => {
        const { rows } = await p.pg.query<{
          first_response_at: Date | null;
          first_response_agent_id: string | null;
        }>(
          `SELECT first_response_at, first_response_agent_id FROM "${p.schema('metrics')}".conversation_facts WHERE conversation_id = $1`,
          [conversationId],
        );

        return rows[0]?.first_response_at ? rows[0] : null;
      },
      { timeoutMs: 30_000, what: 'metrics saw the first response' },
    );
    expect(fact.first_response_agent_id).toBeNull();
  }, 90_000);

  it('does not store Roost’s own reply a second time when ingest sees it on X', async () => {
    const customerTweet = await p.inject('@acmecares the app crashes when I pay', 'brandreply_bob');
    const conversationId = await conversationOf(customerTweet);
    const agentToken = await gql.login('agent1@acme.example');
    const knownBefore = await counter(
      p.stack.url('conversations'),
      'roost_conversations_brand_replies_total',
      'result="known"',
    );

    const replied = await gql.request<{ reply: { id: string } }>(
      `mutation ($id: ID!, $text: String!) { reply(conversationId: $id, text: $text) { id } }`,
      { id: conversationId, text: 'Sorry Bob, which version of the app are you on?' },
      agentToken,
    );
    expect(replied.errors).toBeUndefined();
    // Ingest saw the posted reply and conversations recognised it as its own.
    await eventually(
      async () =>
        (await counter(
          p.stack.url('conversations'),
          'roost_conversations_brand_replies_total',
          'result="known"',
        )) > knownBefore,
      { timeoutMs: 30_000, what: 'the own reply observed and recognised' },
    );
    const rows = await outbound(conversationId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: replied.data?.reply.id, source: 'agent', status: 'sent' });
    expect(rows[0]?.agent_id).not.toBeNull();
  }, 90_000);
});

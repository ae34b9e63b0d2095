import { eventually } from '@roost/testing';
import { startPlatform } from './e2e-env';
import { GraphqlTestClient } from './graphql-client';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

jest.setTimeout(120_000);

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(40_000, 3)]);
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(20_000, 5)]);
/** Short, so a GIF X takes ~3 s to process outlives it while the reconciler looks every 200 ms. */
const LEASE_MS = 1500;

const CONVERSATIONS = `query {
  conversations(first: 50) { edges { node { id channel customer { handle } } } }
}`;
const REPLY = `mutation ($id: ID!, $text: String!, $att: [ID!]) {
  reply(conversationId: $id, text: $text, attachmentIds: $att) { id status }
}`;

interface GqlError {
  message: string;
  extensions?: { code?: string; details?: Record<string, unknown> };
}

/**
 * Security review of issue 13 (media out): a slow upload to X no longer lets the reconciler post a
 * second time (the attempt keeps its lease while it uploads and posts only if it still holds it);
 * a media upload that fails, clearly or for good, fails the post and releases the customer's
 * message; staged bytes have a quota; a settled post's attachment keeps no bytes.
 */
describe('media out under slow and failing uploads to X', () => {
  let p: Platform;
  let gql: GraphqlTestClient;
  let token: string;
  let sim: string;

  beforeAll(async () => {
    p = await startPlatform({
      logLevel: 'warn',
      env: {
        CONVERSATIONS_OUTBOUND_LEASE_MS: String(LEASE_MS),
        CONVERSATIONS_RECONCILE_INTERVAL_MS: '200',
        CONVERSATIONS_ATTACHMENT_QUOTA_AGENT_BYTES: '100000',
      },
    });
    await p.stack.start(['twitter-sim']);
    await p.stack.start(['routing', 'conversations', 'gateway']);
    await p.stack.start(['ingest']);
    gql = new GraphqlTestClient(`${p.stack.url('gateway')}/graphql`);
    token = await gql.login('supervisor@acme.example');
    sim = p.stack.url('twitter-sim');
  }, 120_000);

  afterAll(async () => {
    await p?.stop();
  });

  afterEach(async () => {
    await fetch(`${sim}/sim/faults`, { method: 'DELETE' });
    await simPost('/sim/media/processing', {});
  });

  const simPost = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
    const res = await fetch(`${sim}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);

    return (await res.json()) as Record<string, unknown>;
  };

  const conversationOf = (handle: string) =>
    eventually(
      async () => {
        const r = await gql.request<{
          conversations: { edges: Array<{ node: { id: string; customer: { handle: string } } }> };
        }>(CONVERSATIONS, {}, token);
        if (r.errors) throw new Error(JSON.stringify(r.errors));

        return r.data?.conversations.edges.map((e) => e.node).find((c) => c.customer.handle === handle);
      },
      { timeoutMs: 30_000, what: `conversation of ${handle}` },
    );

  const upload = async (bytes: Buffer) => {
    const res = await fetch(`${p.stack.url('gateway')}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: bytes,
    });

    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const attachment = async (bytes: Buffer) => {
    const r = await upload(bytes);
    expect(r.status).toBe(201);

    return r.body['attachmentId'] as string;
  };

  const postsWith = async (words: string) => {
    const res = await fetch(`${sim}/sim/posts?authorHandle=acmecares`);
    const body = (await res.json()) as { data: { tweets: Array<{ id: string; text: string }> } };

    return body.data.tweets.filter((t) => t.text.includes(words));
  };

  const simRequests = async (endpoint: string): Promise<number> => {
    const text = await (await fetch(`${sim}/metrics`)).text();

    return text
      .split('\n')
      .filter((l) => l.startsWith('xsim_requests_total{') && l.includes(`endpoint="${endpoint}"`))
      .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
  };

  const customerTweet = async (handle: string, text: string) => {
    await simPost('/sim/tweets', { text: `@acmecares ${text}`, authorHandle: handle });

    return conversationOf(handle);
  };

  const ledgerOf = async (conversationId: string) => {
    const s = `"${p.schema('conversations')}"`;
    const r = await p.pg.query<{
      state: string;
      attempts: number;
      status: string;
      answered_by: string | null;
      bytes: number;
      x_media_id: string | null;
    }>(
      `SELECT l.state, l.attempts, m.status, i.answered_by, octet_length(a.bytes)::int AS bytes, a.x_media_id
       FROM ${s}.outbound_ledger l
       JOIN ${s}.messages m ON m.brand_id = l.brand_id AND m.id = l.message_id
       JOIN ${s}.messages i ON i.brand_id = l.brand_id AND i.conversation_id = l.conversation_id AND i.direction = 'inbound'
       LEFT JOIN ${s}.attachments a ON a.brand_id = l.brand_id AND a.message_id = l.message_id
       WHERE l.conversation_id = $1`,
      [conversationId],
    );

    return r.rows;
  };

  it('posts once when the GIF’s upload and processing outlive the lease while the reconciler runs', async () => {
    const conv = await customerTweet('slow_gif_sam', 'my kettle whistles all day');
    const gifId = await attachment(GIF);
    const uploadsBefore = await simRequests('POST /2/media/upload/initialize');
    // X answers "pending, check again in 1 s" three times: the upload takes ~3 s, twice the lease.
    await simPost('/sim/media/processing', { types: ['animated_gif'], checks: 3, outcome: 'succeeded' });
    const started = Date.now();
    const r = await gql.request<{ reply: { status: string } }>(
      REPLY,
      { id: conv.id, text: 'Here is how to quiet it.', att: [gifId] },
      token,
    );
    expect(Date.now() - started).toBeGreaterThan(2 * LEASE_MS);
    expect(r.errors).toBeUndefined();
    expect(r.data?.reply.status).toBe('SENT');
    // Several reconciler passes later, still one post and one upload.
    await new Promise((done) => setTimeout(done, 2 * LEASE_MS));
    expect(await postsWith('Here is how to quiet it')).toHaveLength(1);
    expect(await simRequests('POST /2/media/upload/initialize')).toBe(uploadsBefore + 1);
    const [row] = await ledgerOf(conv.id);
    // Posted: the attachment keeps its metadata and X's media id, not its bytes.
    expect(row).toMatchObject({ state: 'sent', status: 'sent', bytes: 0 });
    expect(row?.x_media_id).toEqual(expect.any(String));
  });

  it('fails the post and releases the customer’s message when X’s processing of the media fails', async () => {
    const conv = await customerTweet('failed_gif_fay', 'the lid cracked');
    const gifId = await attachment(GIF);
    await simPost('/sim/media/processing', { types: ['animated_gif'], checks: 0, outcome: 'failed' });
    const r = await gql.request<{ reply: { status: string } }>(
      REPLY,
      { id: conv.id, text: 'A new lid is on its way.', att: [gifId] },
      token,
    );
    const error = r.errors?.[0] as GqlError | undefined;
    expect(error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'X_MEDIA_REFUSED' },
    });
    expect(await postsWith('A new lid is on its way')).toHaveLength(0);
    expect(await ledgerOf(conv.id)).toEqual([
      { state: 'failed', attempts: 1, status: 'failed', answered_by: null, bytes: 0, x_media_id: null },
    ]);
    // The reconciler leaves a failed post alone.
    await new Promise((done) => setTimeout(done, 2 * LEASE_MS));
    expect((await ledgerOf(conv.id))[0]?.attempts).toBe(1);
  });

  it('gives up after a bounded number of unclear uploads: the post fails and the message is released', async () => {
    const conv = await customerTweet('down_dan', 'the handle fell off');
    const pngId = await attachment(PNG);
    await simPost('/sim/faults', { endpoint: 'POST /2/media/upload/initialize', status: 503, rate: 1 });
    const r = await gql.request<{ reply: { status: string } }>(
      REPLY,
      { id: conv.id, text: 'We will send a new handle.', att: [pngId] },
      token,
    );
    const error = r.errors?.[0] as GqlError | undefined;
    expect(error?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      details: { reason: 'OUTCOME_UNKNOWN' },
    });
    // The reconciler retries with back-off, then gives up: failed, the customer's message free again.
    const settled = await eventually(
      async () => {
        const rows = await ledgerOf(conv.id);

        return rows[0]?.state === 'failed' ? rows : undefined;
      },
      { timeoutMs: 60_000, what: 'the post failed after its upload attempts' },
    );
    expect(settled).toEqual([
      { state: 'failed', attempts: 5, status: 'failed', answered_by: null, bytes: 0, x_media_id: null },
    ]);
    expect(await postsWith('We will send a new handle')).toHaveLength(0);
  });

  it('refuses a stage past the agent’s quota of media not yet on a post', async () => {
    await attachment(PNG);
    await attachment(PNG);
    const third = await upload(PNG);
    expect(third.status).toBe(429);
    expect(third.body['error']).toMatchObject({
      code: 'RATE_LIMITED',
      details: { reason: 'ATTACHMENT_QUOTA', scope: 'agent', limitBytes: 100000 },
    });
  });
});

import { eventually } from '@roost/testing';
import { startPlatform } from './e2e-env';
import { GraphqlTestClient } from './graphql-client';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

jest.setTimeout(120_000);

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(40_000, 3)]);
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(20_000, 5)]);
const OVERSIZE_PNG = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024, 1)]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n');

const MESSAGES = `query {
  conversations(first: 20) {
    edges { node {
      id channel customer { handle }
      messages { id direction text status media { key type url thumbnailUrl width height altText } }
    } }
  }
}`;

interface Media {
  key: string;
  type: string;
  url: string | null;
  thumbnailUrl: string | null;
  width: number | null;
  height: number | null;
  altText: string | null;
}
interface Msg {
  id: string;
  direction: string;
  text: string;
  status: string;
  media: Media[];
}
interface Conv {
  id: string;
  channel: string;
  customer: { handle: string };
  messages: Msg[];
}

const REPLY = `mutation ($id: ID!, $text: String!, $att: [ID!]) {
  reply(conversationId: $id, text: $text, attachmentIds: $att) { id status media { key type } }
}`;
const SEND_DM = `mutation ($id: ID!, $text: String!, $att: [ID!]) {
  sendDm(conversationId: $id, text: $text, attachmentIds: $att) { id status media { key type } }
}`;

interface SimTweet {
  id: string;
  text: string;
  attachments?: { media_keys: string[] };
}

/**
 * Issue 13, media in and out through every service: customers' photos reach the agent (X's media
 * expansion → ingest → routing → conversations → GraphQL), and an agent's image goes out with a
 * reply and a DM (POST /media → conversations → X media upload → media_ids on the post), with X's
 * limits refused before anything is posted and an unclear post settled without a second post.
 */
describe('media in and out through twitter-sim', () => {
  let p: Platform;
  let gql: GraphqlTestClient;
  let token: string;
  let sim: string;

  beforeAll(async () => {
    p = await startPlatform({ logLevel: 'warn' });
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

  const simPost = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
    const res = await fetch(`${sim}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);

    return (await res.json()) as Record<string, unknown>;
  };

  const conversationOf = (handle: string, channel: string) =>
    eventually(
      async () => {
        const r = await gql.request<{ conversations: { edges: Array<{ node: Conv }> } }>(MESSAGES, {}, token);
        if (r.errors) throw new Error(JSON.stringify(r.errors));

        return r.data?.conversations.edges
          .map((e) => e.node)
          .find((c) => c.customer.handle === handle && c.channel === channel);
      },
      { timeoutMs: 30_000, what: `${channel} conversation of ${handle}` },
    );

  const upload = async (bytes: Buffer, contentType = 'application/octet-stream', auth = token) => {
    const res = await fetch(`${p.stack.url('gateway')}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${auth}`, 'content-type': contentType },
      body: bytes,
    });

    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const attachment = async (bytes: Buffer) => {
    const r = await upload(bytes);
    expect(r.status).toBe(201);

    return r.body['attachmentId'] as string;
  };

  const brandPosts = async () => {
    const res = await fetch(`${sim}/sim/posts?authorHandle=acmecares`);
    const body = (await res.json()) as {
      data: { tweets: SimTweet[]; dms: Array<SimTweet & { dm_conversation_id: string }> };
    };

    return body.data;
  };

  const simRequests = async (endpoint: string): Promise<number> => {
    const text = await (await fetch(`${sim}/metrics`)).text();

    return text
      .split('\n')
      .filter((l) => l.startsWith('xsim_requests_total{') && l.includes(`endpoint="${endpoint}"`))
      .reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
  };

  let publicConv: Conv;
  let dmConv: Conv;

  it('brings a customer’s tweet photo and DM photo to the conversation and the API, with their URLs', async () => {
    await simPost('/sim/tweets', {
      text: '@acmecares the lid of my kettle is cracked',
      authorHandle: 'media_pia',
      media: [{ type: 'photo', altText: 'A cracked lid', width: 1024, height: 768 }],
    });
    await simPost('/sim/dms', {
      fromHandle: 'media_dan',
      toHandle: 'acmecares',
      text: 'photo of my receipt',
      media: [{ type: 'photo' }],
    });
    publicConv = await conversationOf('media_pia', 'PUBLIC');
    const [inbound] = publicConv.messages;
    expect(inbound?.media).toEqual([
      {
        key: expect.stringMatching(/^3_[0-9]+$/),
        type: 'PHOTO',
        url: expect.stringMatching(/^https:\/\/pbs\.twimg\.com\/media\/[0-9]+\.jpg$/),
        thumbnailUrl: expect.stringMatching(/^https:\/\/pbs\.twimg\.com\/media\//),
        width: 1024,
        height: 768,
        altText: 'A cracked lid',
      },
    ]);
    dmConv = await conversationOf('media_dan', 'DM');
    expect(dmConv.messages[0]?.media).toEqual([
      expect.objectContaining({ type: 'PHOTO', url: expect.stringMatching(/^https:\/\/pbs\.twimg\.com\//) }),
    ]);
  });

  it('posts a reply with an uploaded image and a DM with a GIF: X got the upload, the post names the media', async () => {
    const uploadsBefore = await simRequests('POST /2/media/upload/initialize');
    const image = await upload(PNG, 'image/jpeg'); // the claim is ignored: the bytes are a PNG
    expect(image).toMatchObject({
      status: 201,
      body: { mediaType: 'image/png', kind: 'photo', sizeBytes: PNG.length },
    });
    const imageId = image.body['attachmentId'] as string;
    const replied = await gql.request<{
      reply: { status: string; media: Array<{ key: string; type: string }> };
    }>(
      REPLY,
      { id: publicConv.id, text: 'So sorry! Here is how to claim a new lid.', att: [imageId] },
      token,
    );
    expect(replied.errors).toBeUndefined();
    expect(replied.data?.reply).toMatchObject({ status: 'SENT', media: [{ key: imageId, type: 'PHOTO' }] });
    const tweet = (await brandPosts()).tweets.find((t) => t.text.includes('how to claim a new lid'))!;
    const [key] = tweet.attachments!.media_keys;
    const onX = (await (await fetch(`${sim}/sim/media/${key}`)).json()) as {
      data: { size: number; type: string };
    };
    expect(onX.data).toMatchObject({ size: PNG.length, type: 'photo', category: 'tweet_image' });

    const gifId = await attachment(GIF);
    const dm = await gql.request<{ sendDm: { status: string; media: Array<{ type: string }> } }>(
      SEND_DM,
      { id: dmConv.id, text: 'Thanks, here is the return label', att: [gifId] },
      token,
    );
    expect(dm.errors).toBeUndefined();
    expect(dm.data?.sendDm).toMatchObject({ status: 'SENT', media: [{ key: gifId, type: 'ANIMATED_GIF' }] });
    const sentDm = (await brandPosts()).dms.find((d) => d.text === 'Thanks, here is the return label')!;
    expect(sentDm.attachments?.media_keys).toEqual([expect.stringMatching(/^16_/)]);
    const dmMedia = (await (await fetch(`${sim}/sim/media/${sentDm.attachments!.media_keys[0]}`)).json()) as {
      data: { category: string };
    };
    expect(dmMedia.data.category).toBe('dm_gif');
    expect(await simRequests('POST /2/media/upload/initialize')).toBe(uploadsBefore + 2);
    // The conversation shows the agent's attachment on the outbound message.
    const again = await conversationOf('media_pia', 'PUBLIC');
    expect(again.messages.find((m) => m.direction === 'OUTBOUND')?.media).toEqual([
      expect.objectContaining({ key: imageId, type: 'PHOTO', url: null }),
    ]);
    // An attachment goes on one post only.
    const reused = await gql.request<unknown>(
      REPLY,
      { id: publicConv.id, text: 'Again', att: [imageId] },
      token,
    );
    expect(reused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('refuses the wrong type, oversize media and too many attachments before anything is posted', async () => {
    const before = await brandPosts();
    const uploadsBefore = await simRequests('POST /2/media/upload/initialize');
    const pdf = await upload(PDF, 'image/png');
    expect(pdf).toMatchObject({
      status: 400,
      body: { error: { code: 'BAD_USER_INPUT', details: { reason: 'UNSUPPORTED_MEDIA_TYPE' } } },
    });
    const big = await upload(OVERSIZE_PNG, 'image/png');
    expect(big).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'BAD_USER_INPUT',
          details: { reason: 'MEDIA_TOO_LARGE', limitBytes: 5 * 1024 * 1024 },
        },
      },
    });
    expect((await upload(PNG, 'image/png', 'not-a-token')).status).toBe(401);

    // One after another, as the console sends them: an agent has a few uploads in flight at most.
    const five: string[] = [];
    for (const b of [PNG, PNG, PNG, PNG, PNG]) five.push(await attachment(b));
    const tooMany = await gql.request<unknown>(
      REPLY,
      { id: publicConv.id, text: 'Five pictures', att: five },
      token,
    );
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'TOO_MANY_ATTACHMENTS', max: 4 },
    });
    const mixed = await gql.request<unknown>(
      REPLY,
      { id: publicConv.id, text: 'A GIF and a photo', att: [five[0], await attachment(GIF)] },
      token,
    );
    expect(mixed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'MEDIA_MIX_NOT_ALLOWED' },
    });
    const twoInDm = await gql.request<unknown>(
      SEND_DM,
      { id: dmConv.id, text: 'Two pictures', att: [five[1], five[2]] },
      token,
    );
    expect(twoInDm.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'TOO_MANY_ATTACHMENTS', max: 1 },
    });
    const after = await brandPosts();
    expect(after.tweets).toHaveLength(before.tweets.length);
    expect(after.dms).toHaveLength(before.dms.length);
    expect(await simRequests('POST /2/media/upload/initialize')).toBe(uploadsBefore);
    // The refused attachments are still free for a post X takes: four images.
    const four = await gql.request<{ reply: { status: string; media: unknown[] } }>(
      REPLY,
      { id: publicConv.id, text: 'Four angles of the new lid', att: five.slice(0, 4) },
      token,
    );
    expect(four.errors).toBeUndefined();
    expect(four.data?.reply.media).toHaveLength(4);
    const posted = (await brandPosts()).tweets.find((t) => t.text.includes('Four angles'))!;
    expect(posted.attachments?.media_keys).toHaveLength(4);
  });

  it('posts once when X commits the reply and answers 503: the upload is not repeated and the lookup finds the post', async () => {
    await simPost('/sim/tweets', {
      text: '@acmecares my blender jar leaks',
      authorHandle: 'media_lee',
      media: [{ type: 'photo' }],
    });
    const conv = await conversationOf('media_lee', 'PUBLIC');
    const imageId = await attachment(PNG);
    const uploadsBefore = await simRequests('POST /2/media/upload/initialize');
    await simPost('/sim/faults', { endpoint: 'POST /2/tweets', status: 503, count: 1, afterCommit: true });
    const r = await gql.request<{ reply: { status: string } }>(
      REPLY,
      { id: conv.id, text: 'A new jar is on its way to you.', att: [imageId] },
      token,
    );
    // The request path looks on X after the unclear answer and finds the post it made.
    expect(r.errors).toBeUndefined();
    expect(r.data?.reply.status).toBe('SENT');
    const posts = (await brandPosts()).tweets.filter((t) => t.text.includes('A new jar is on its way'));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.attachments?.media_keys).toHaveLength(1);
    expect(await simRequests('POST /2/media/upload/initialize')).toBe(uploadsBefore + 1);
    const stored = await p.pg.query<{ status: string; x_id: string }>(
      `SELECT status, x_id FROM "${p.schema('conversations')}".messages WHERE conversation_id = $1 AND direction = 'outbound'`,
      [conv.id],
    );
    expect(stored.rows).toEqual([{ status: 'sent', x_id: posts[0]!.id }]);

    // A 503 before X committed: the retry posts again with the media id already uploaded (no second upload).
    const secondId = await attachment(PNG);
    const uploads2 = await simRequests('POST /2/media/upload/initialize');
    await simPost('/sim/faults', { endpoint: 'POST /2/tweets', status: 503, count: 1 });
    const r2 = await gql.request<{ reply: { status: string } }>(
      REPLY,
      { id: conv.id, text: 'And a spare seal, too.', att: [secondId] },
      token,
    );
    expect(r2.errors).toBeUndefined();
    expect(r2.data?.reply.status).toBe('SENT');
    const seal = (await brandPosts()).tweets.filter((t) => t.text.includes('And a spare seal'));
    expect(seal).toHaveLength(1);
    expect(await simRequests('POST /2/media/upload/initialize')).toBe(uploads2 + 1);
  });
});

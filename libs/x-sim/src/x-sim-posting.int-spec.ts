import { createXClient, readDmSendResult } from '@roost/x-client';
import { DUPLICATE_CONTENT, REPLY_NOT_ALLOWED } from './routes/reply-policy';
import { ACME_BRAND } from './x-sim.constants';
import { startXSim } from './x-sim.server';
import type { XSim } from './x-sim.server';

describe('x-sim posting through twitter-api-v2', () => {
  let sim: XSim;

  beforeEach(async () => {
    sim = await startXSim({ seedBrands: true });
  });

  afterEach(() => sim.close());

  it('posts a threaded reply that shows up in /sim/tweets/:id/replies', async () => {
    const question = sim.injectTweet({ text: '@acmecares my order #A123456 is late', authorHandle: 'ivy' });
    const care = createXClient({ baseUrl: sim.url, bearerToken: 'sim-user:acmecares' });
    const posted = await care.v2.reply('Sorry Ivy, we are on it. ^JS', question.id);

    const res = await fetch(`${sim.url}/sim/tweets/${question.id}/replies`);
    const body = (await res.json()) as { data: Array<Record<string, unknown>> };
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      id: posted.data.id,
      author_id: ACME_BRAND.care.id,
      in_reply_to_user_id: question.author_id,
      conversation_id: question.id,
      referenced_tweets: [{ type: 'replied_to', id: question.id }],
      text: '@ivy Sorry Ivy, we are on it. ^JS',
    });

    // The customer answers in thread without typing the handle: X prefixes it, so it is a mention.
    const followUp = await fetch(`${sim.url}/sim/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: 'thanks, any update?',
        authorHandle: 'ivy',
        inReplyToTweetId: posted.data.id,
      }),
    });
    expect(followUp.status).toBe(201);
    const { id: followUpId } = (await followUp.json()) as { id: string };
    const mentions = await createXClient({ baseUrl: sim.url, bearerToken: 'app' }).v2.userMentionTimeline(
      ACME_BRAND.care.id,
      {
        'tweet.fields': ['conversation_id'],
      },
    );
    expect(mentions.tweets.map((t) => t.id)).toEqual([followUpId, question.id]);
    expect(mentions.tweets[0].conversation_id).toBe(question.id);
    const again = await care.v2.reply('Shipping today!', followUpId);
    expect(sim.postsBy('acmecares').tweets.map((t) => t.id)).toEqual([posted.data.id, again.data.id]);
  });

  it('refuses replies the 2026 policy forbids, unless the account is enterprise', async () => {
    const noMention = sim.injectTweet({ text: 'Acme blender broke after a week', authorHandle: 'jack' });
    const care = createXClient({ baseUrl: sim.url, bearerToken: 'sim-user:acmecares' });
    await expect(care.v2.reply('So sorry! Please DM us.', noMention.id)).rejects.toMatchObject({
      code: 403,
      data: { title: 'Forbidden', detail: REPLY_NOT_ALLOWED },
    });
    expect(sim.replies(noMention.id)).toHaveLength(0);

    const brandPost = sim.injectTweet({ text: 'New Acme blender out now', authorHandle: 'acme' });
    const quote = sim.injectTweet({ text: 'finally!', authorHandle: 'kate', quoteTweetId: brandPost.id });
    await expect(
      createXClient({ baseUrl: sim.url, bearerToken: 'sim-user:acme' }).v2.reply('Enjoy!', quote.id),
    ).resolves.toBeDefined();

    sim.registerBrand({ username: 'acmecares', apiTier: 'enterprise' });
    await expect(care.v2.reply('So sorry! Please DM us.', noMention.id)).resolves.toBeDefined();
  });

  it('refuses duplicate text from the same author and over-long text', async () => {
    const care = createXClient({ baseUrl: sim.url, bearerToken: 'sim-user:acmecares' });
    await care.v2.tweet('We are aware of an outage.');
    await expect(care.v2.tweet('We are aware of an outage.')).rejects.toMatchObject({
      code: 403,
      data: { detail: DUPLICATE_CONTENT },
    });
    await expect(care.v2.tweet('x'.repeat(281))).rejects.toMatchObject({ code: 400 });
    await expect(care.v2.tweet('日'.repeat(141))).rejects.toMatchObject({ code: 400 });
    await expect(care.v2.tweet('日'.repeat(140))).resolves.toBeDefined();
    await expect(
      createXClient({ baseUrl: sim.url, bearerToken: 'app' }).v2.tweet('hi'),
    ).rejects.toMatchObject({ code: 403 });
  });

  it('deletes a tweet so reads no longer see it', async () => {
    const care = createXClient({ baseUrl: sim.url, bearerToken: 'sim-user:acmecares' });
    const t = await care.v2.tweet('oops');
    expect((await care.v2.deleteTweet(t.data.id)).data.deleted).toBe(true);
    expect((await care.v2.singleTweet(t.data.id)).errors?.[0]).toMatchObject({ value: t.data.id });
  });

  it('carries DMs both ways', async () => {
    const dm = await fetch(`${sim.url}/sim/dms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        fromHandle: 'lena',
        toHandle: 'acmecares',
        text: 'my email is lena@example.com',
      }),
    });
    expect(dm.status).toBe(201);
    const lena = sim.store.userByUsername('lena')!;
    const care = createXClient({ baseUrl: sim.url, bearerToken: 'sim-user:acmecares' });

    const inbox = await care.v2.listDmEvents({
      'dm_event.fields': ['sender_id', 'created_at', 'dm_conversation_id'],
      expansions: ['sender_id'],
    });
    expect(inbox.events).toHaveLength(1);
    expect(inbox.events[0]).toMatchObject({
      event_type: 'MessageCreate',
      sender_id: lena.id,
      text: 'my email is lena@example.com',
    });
    expect(inbox.includes.users[0].username).toBe('lena');

    const sent = readDmSendResult(
      await care.v2.sendDmToParticipant(lena.id, { text: 'Thanks Lena, checking now.' }),
    );
    expect(sent.dm_conversation_id).toBe(inbox.events[0].dm_conversation_id);
    expect(sent.dm_event_id).toMatch(/^\d+$/);

    const thread = await care.v2.listDmEventsWithParticipant(lena.id, { 'dm_event.fields': ['sender_id'] });
    expect(thread.events.map((e) => ('text' in e ? e.text : ''))).toEqual([
      'Thanks Lena, checking now.',
      'my email is lena@example.com',
    ]);
    const lenaView = await createXClient({
      baseUrl: sim.url,
      bearerToken: 'sim-user:lena',
    }).v2.listDmEvents();
    expect(lenaView.events).toHaveLength(2);

    const posts = (await (await fetch(`${sim.url}/sim/posts?authorHandle=acmecares`)).json()) as {
      data: { dms: Array<{ text: string }> };
    };
    expect(posts.data.dms.map((d) => d.text)).toEqual(['Thanks Lena, checking now.']);
  });
});

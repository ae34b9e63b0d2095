import { randomUUID } from 'node:crypto';
import {
  ConversationsRpc,
  DomainError,
  ErrorCode,
  Events,
  LiveEvents,
  Rpc,
  type AutoPostSettings,
  type ConversationRoutedV1,
  type MessageSentV1,
  type QueueUpdatedV1,
  type QueueWaitEstimatedV1,
} from '@roost/contracts';
import { EventBus, NatsClient, RpcClient } from '@roost/messaging';
import { eventually } from '@roost/testing';
import { BRAND_HANDLE, brandRepliesTo, injectCustomerTweet, routed } from '../testing/conversation-fixtures';
import { ConversationsStack } from '../testing/conversations-stack';

/** Newer ICU data puts a narrow no-break space before AM/PM. */
const spaced = (s: string) => s.replace(/\u202f/g, ' ');

/** A Tuesday, 08:00 UTC: 09:00 in Madrid. */
const REOPENS_AT = '2026-11-24T08:00:00.000Z';

/** Issues 4 and 6 through the real conversations process, JetStream, PostgreSQL and twitter-sim. */
describe('automatic posts: out-of-hours acknowledgement and expected-wait status', () => {
  const conversations = new ConversationsStack('auto-posts-test', {}, { routing: true });
  const { env, stack, pg } = conversations;
  const schema = `"${env.schemaPrefix}conversations"`;
  const brandId = randomUUID();
  const queueId = randomUUID();
  const supervisor = {
    brandId,
    agentId: randomUUID(),
    agentRole: 'supervisor' as const,
    agentInitials: 'SU',
  };
  const agent = { brandId, agentId: randomUUID(), agentRole: 'agent' as const, agentInitials: 'AB' };
  let nats: NatsClient;
  let bus: EventBus;
  let rpc: RpcClient;
  const sent: MessageSentV1[] = [];
  const live: QueueUpdatedV1[] = [];

  const supervisors = new Map<string, typeof supervisor>();
  async function settings(
    patch: {
      ooh?: Partial<AutoPostSettings['outOfHoursAck']>;
      wait?: Partial<AutoPostSettings['waitStatus']>;
    },
    brand = brandId,
  ) {
    const current = await rpc.request(ConversationsRpc.GetAutoPosts, { brandId: brand });
    // A supervisor of that brand, as routing knows them (conversations asks routing the actor's role).
    let actor = supervisors.get(brand);
    if (!actor) {
      actor = brand === brandId ? supervisor : { ...supervisor, brandId: brand, agentId: randomUUID() };
      if (brand !== brandId) await conversations.register(actor);
      supervisors.set(brand, actor);
    }

    return rpc.request(ConversationsRpc.SetAutoPosts, {
      ...actor,
      settings: {
        outOfHoursAck: { ...current.outOfHoursAck, ...patch.ooh },
        waitStatus: { ...current.waitStatus, ...patch.wait },
      },
    });
  }

  async function route(e: ConversationRoutedV1): Promise<void> {
    await bus.publish(Events.ConversationRouted, e, {
      brandId: e.brandId,
      msgId: `routed:${e.brandId}:${e.mention.tweet.id}:${randomUUID()}`,
    });
  }

  /** The consumer tells consoles after it handled a routed mention (acknowledgement recorded by then). */
  function handled(conversationId: string, n: number) {
    return eventually(
      () =>
        live.filter((l) => l.conversationId === conversationId && l.reason === 'conversation_routed')
          .length >= n,
      {
        what: `${n} routed mention(s) of ${conversationId} handled`,
      },
    );
  }

  async function ledger(brand: string, purpose: string) {
    const { rows } = await pg.query<{
      idempotency_key: string;
      state: string;
      x_id: string | null;
      conversation_id: string | null;
      text: string;
    }>(
      `SELECT idempotency_key, state, x_id, conversation_id, text FROM ${schema}.outbound_ledger WHERE brand_id = $1 AND purpose = $2 ORDER BY created_at`,
      [brand, purpose],
    );

    return rows;
  }

  async function conversation(id: string) {
    const { rows } = await pg.query<{ first_response_at: Date | null; status: string }>(
      `SELECT first_response_at, status FROM ${schema}.conversations WHERE brand_id = $1 AND id = $2`,
      [brandId, id],
    );

    return rows[0];
  }

  beforeAll(async () => {
    nats = await conversations.start();
    bus = new EventBus(nats);
    rpc = new RpcClient(nats, 10_000);
    for (const actor of [supervisor, agent]) await conversations.register(actor);
    // JetStream publishes reach plain subscribers too: everything conversations announces.
    const s = nats.nc.subscribe(nats.topology.eventFilter(Events.MessageSent));
    void (async () => {
      for await (const m of s) sent.push(m.json<MessageSentV1>());
    })();
    const l = nats.nc.subscribe(nats.topology.liveFilter(LiveEvents.QueueUpdated));
    void (async () => {
      for await (const m of l) live.push(m.json<QueueUpdatedV1>());
    })();
  }, 120_000);

  afterAll(async () => {
    await conversations.stop();
  });

  it('keeps automatic posts off until a supervisor turns them on, and refuses templates X could not take', async () => {
    const fresh = await rpc.request(ConversationsRpc.GetAutoPosts, { brandId: randomUUID() });
    expect(fresh.outOfHoursAck.enabled).toBe(false);
    expect(fresh.outOfHoursAck.templates.en).toContain('{back_at}');
    expect(fresh.waitStatus.enabled).toBe(false);

    await expect(
      rpc.request(ConversationsRpc.SetAutoPosts, { ...agent, settings: fresh }),
    ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    const long = rpc.request(ConversationsRpc.SetAutoPosts, {
      ...supervisor,
      settings: {
        ...fresh,
        outOfHoursAck: { enabled: true, templates: { en: `${'x'.repeat(250)} {back_at}` } },
      },
    });
    await expect(long).rejects.toBeInstanceOf(DomainError);
    await expect(long).rejects.toMatchObject({
      code: ErrorCode.BadUserInput,
      details: { reason: 'REPLY_TOO_LONG', fields: ['outOfHoursAck.templates.en'] },
    });
    await expect(
      rpc.request(ConversationsRpc.SetAutoPosts, {
        ...supervisor,
        settings: { ...fresh, waitStatus: { ...fresh.waitStatus, enabled: true } },
      }),
    ).rejects.toMatchObject({ code: ErrorCode.BadUserInput, details: { reason: 'QUEUE_REQUIRED' } });
    await expect(
      rpc.request(ConversationsRpc.SetAutoPosts, {
        ...supervisor,
        settings: { ...fresh, waitStatus: { ...fresh.waitStatus, timezone: 'Mars/Olympus' } },
      }),
    ).rejects.toMatchObject({ code: ErrorCode.BadUserInput, details: { reason: 'INVALID_TIMEZONE' } });
  });

  it('acknowledges a mention routed to a closed queue once, in public, with when the team is back; the conversation still awaits its first response', async () => {
    await settings({
      ooh: {
        enabled: true,
        templates: {
          en: 'Hi {customer_name} {handle}! We are closed; back on {back_at}.',
          es: 'Hola {customer_name} {handle}, volvemos el {back_at}.',
        },
      },
    });
    const tweet = await injectCustomerTweet(stack.url('twitter-sim'), {
      text: '@acmecares my parcel is late',
    });
    const conversationId = randomUUID();
    const first = routed({
      brandId,
      conversationId,
      queueId,
      tweet,
      opened: true,
      closed: { reopensAt: REOPENS_AT, timezone: 'Europe/Madrid' },
    });
    await route(first);

    const [ack] = await eventually(
      async () => {
        const r = await brandRepliesTo(stack.url('twitter-sim'), tweet.id);

        return r.length > 0 ? r : null;
      },
      { what: 'acknowledgement on twitter-sim' },
    );
    // 08:00 UTC in the queue's timezone, in English (X shows the reply with the customer's @handle in front).
    expect(spaced(ack!.text)).toBe(
      `@${tweet.authorHandle} Hi Jane Doe @${tweet.authorHandle}! We are closed; back on Tue, Nov 24, 9:00 AM GMT+1.`,
    );
    expect(ack!.text).not.toMatch(/\^[A-Z]{1,4}$/); // signed by the brand account, not an agent

    // Redelivery of the same event, then a second mention in the same conversation: nothing more.
    await route(first);
    const second = await injectCustomerTweet(stack.url('twitter-sim'), {
      text: '@acmecares hello??',
      authorHandle: tweet.authorHandle,
    });
    await route(
      routed({
        brandId,
        conversationId,
        queueId,
        tweet: second,
        opened: false,
        closed: { reopensAt: REOPENS_AT, timezone: 'Europe/Madrid' },
      }),
    );
    await handled(conversationId, 3);
    await eventually(async () => (await ledger(brandId, 'ooh_ack')).every((r) => r.state === 'sent'), {
      what: 'acknowledgement committed',
    });

    expect(await brandRepliesTo(stack.url('twitter-sim'), tweet.id)).toHaveLength(1);
    expect(await brandRepliesTo(stack.url('twitter-sim'), second.id)).toHaveLength(0);
    const rows = (await ledger(brandId, 'ooh_ack')).filter((r) => r.conversation_id === conversationId);
    expect(rows).toEqual([
      expect.objectContaining({ idempotency_key: `ooh-ack:${conversationId}`, state: 'sent', x_id: ack!.id }),
    ]);
    const { rows: outbound } = await pg.query<{ source: string; agent_id: string | null; status: string }>(
      `SELECT source, agent_id, status FROM ${schema}.messages WHERE brand_id = $1 AND conversation_id = $2 AND direction = 'outbound'`,
      [brandId, conversationId],
    );
    expect(outbound).toEqual([{ source: 'auto', agent_id: null, status: 'sent' }]);
    expect(await conversation(conversationId)).toMatchObject({ first_response_at: null, status: 'waiting' });

    // The agent's reply is the first response (SLA clock and metrics), and the only message.sent.
    const reply = await rpc.request(Rpc.Reply, {
      ...agent,
      conversationId,
      text: 'Sorry about that, checking now',
    });
    await eventually(() => sent.some((s) => s.messageId === reply.id), {
      what: 'message.sent for the agent reply',
    });
    expect(sent.filter((s) => s.conversationId === conversationId)).toEqual([
      expect.objectContaining({ messageId: reply.id, agentId: agent.agentId, firstResponse: true }),
    ]);
    expect((await conversation(conversationId))?.first_response_at).not.toBeNull();
  });

  it("answers in the customer's language with the date in that language", async () => {
    const tweet = await injectCustomerTweet(stack.url('twitter-sim'), {
      text: '@acmecares mi pedido no llega',
    });
    const conversationId = randomUUID();
    await route(
      routed({
        brandId,
        conversationId,
        queueId,
        tweet,
        opened: true,
        language: 'es',
        name: 'Lucía',
        closed: { reopensAt: REOPENS_AT, timezone: 'Europe/Madrid' },
      }),
    );

    const [ack] = await eventually(
      async () => {
        const r = await brandRepliesTo(stack.url('twitter-sim'), tweet.id);

        return r.length > 0 ? r : null;
      },
      { what: 'Spanish acknowledgement' },
    );
    expect(spaced(ack!.text)).toBe(
      `@${tweet.authorHandle} Hola Lucía @${tweet.authorHandle}, volvemos el mar, 24 nov, 9:00 CET.`,
    );
  });

  it('posts nothing when the brand has it off, for DMs, or when X would not allow a public reply (and records why)', async () => {
    const offBrand = randomUUID();
    const offTweet = await injectCustomerTweet(stack.url('twitter-sim'), {
      text: '@acmecares anyone there?',
    });
    const offConversation = randomUUID();
    await route(
      routed({
        brandId: offBrand,
        conversationId: offConversation,
        queueId,
        tweet: offTweet,
        opened: true,
        closed: { reopensAt: REOPENS_AT, timezone: 'UTC' },
      }),
    );

    const quoteTweet = await injectCustomerTweet(stack.url('twitter-sim'), { text: 'acme never answers' });
    const quoteConversation = randomUUID();
    await route(
      routed({
        brandId,
        conversationId: quoteConversation,
        queueId,
        tweet: quoteTweet,
        opened: true,
        replyPath: 'quote',
        closed: { reopensAt: REOPENS_AT, timezone: 'UTC' },
      }),
    );

    const dmTweet = await injectCustomerTweet(stack.url('twitter-sim'), { text: '@acmecares (as if a DM)' });
    const dmConversation = randomUUID();
    const dm = routed({
      brandId,
      conversationId: dmConversation,
      queueId,
      tweet: dmTweet,
      opened: true,
      closed: { reopensAt: REOPENS_AT, timezone: 'UTC' },
    });
    await route({ ...dm, mention: { ...dm.mention, channel: 'dm' } });

    await handled(offConversation, 1);
    await handled(quoteConversation, 1);
    await handled(dmConversation, 1);
    expect(await ledger(offBrand, 'ooh_ack')).toEqual([]);
    const mine = (await ledger(brandId, 'ooh_ack')).map((r) => r.conversation_id);
    expect(mine).not.toContain(quoteConversation);
    expect(mine).not.toContain(dmConversation);
    const { rows: skipped } = await pg.query<{ details: { reason: string; replyPath: string } }>(
      `SELECT details FROM ${schema}.audit_log WHERE brand_id = $1 AND conversation_id = $2 AND action = 'auto_post.skipped'`,
      [brandId, quoteConversation],
    );
    expect(skipped).toEqual([
      { details: expect.objectContaining({ reason: 'PUBLIC_REPLY_NOT_ALLOWED', replyPath: 'quote' }) },
    ]);
    const { rows: dms } = await pg.query(
      `SELECT 1 FROM ${schema}.outbound_ledger WHERE brand_id = $1 AND kind = 'dm'`,
      [brandId],
    );
    expect(dms).toEqual([]);
    for (const t of [offTweet, quoteTweet, dmTweet]) {
      expect(await brandRepliesTo(stack.url('twitter-sim'), t.id)).toHaveLength(0);
    }
  });

  it('tweets the expected wait once per interval, only when it moved enough, once across redeliveries', async () => {
    const waitBrand = randomUUID();
    const waitQueue = randomUUID();
    await settings(
      {
        wait: {
          enabled: true,
          queueId: waitQueue,
          template: 'Wait now {wait} ({time})',
          timezone: 'Europe/Madrid',
          accountHandle: BRAND_HANDLE,
          minIntervalMinutes: 60,
          minChangePercent: 20,
        },
      },
      waitBrand,
    );
    const base = Date.now();
    const estimate = (
      minutesAfter: number,
      waitSeconds: number,
      queue = waitQueue,
    ): QueueWaitEstimatedV1 => ({
      schema: 1,
      brandId: waitBrand,
      queueId: queue,
      expectedWaitSeconds: waitSeconds,
      waiting: 12,
      agentsOnline: 2,
      handleTimeSeconds: 300,
      at: new Date(base + minutesAfter * 60_000).toISOString(),
    });
    const publish = (e: QueueWaitEstimatedV1) =>
      bus.publish(Events.QueueWaitEstimated, e, { brandId: waitBrand, msgId: `wait:${randomUUID()}` });

    const first = estimate(0, 1500);
    await publish(first);
    const [posted] = await eventually(
      async () => {
        const r = await ledger(waitBrand, 'wait_status');

        return r[0]?.state === 'sent' ? r : null;
      },
      { what: 'first status tweet' },
    );
    const tweet = (await (await fetch(`${stack.url('twitter-sim')}/sim/tweets/${posted!.x_id}`)).json()) as {
      data: { text: string; referenced_tweets?: unknown[] };
    };
    expect(tweet.data.text).toMatch(/^Wait now about 25 minutes \(\d\d:\d\d /);
    expect(tweet.data.referenced_tweets ?? []).toEqual([]); // standalone, not a reply
    expect(posted!.conversation_id).toBeNull();

    await publish(first); // redelivered (another msg id): same bucket, already posted
    await publish(estimate(1, 3000)); // moved a lot, but too soon
    await publish(estimate(61, 1650)); // an hour later, moved only 10%
    await publish(estimate(62, 3000, randomUUID())); // another queue: not the configured one
    await publish(estimate(63, 3000)); // an hour later and doubled: posts
    const rows = await eventually(
      async () => {
        const r = await ledger(waitBrand, 'wait_status');

        return r.length === 2 && r[1]!.state === 'sent' ? r : null;
      },
      { what: 'second status tweet' },
    );
    const hour = (ms: number) => new Date(Math.floor(ms / 3_600_000) * 3_600_000).toISOString();
    expect(rows.map((r) => r.idempotency_key)).toEqual([
      `wait-status:${waitBrand}:${waitQueue}:${hour(base)}`,
      `wait-status:${waitBrand}:${waitQueue}:${hour(base + 63 * 60_000)}`,
    ]);
    expect(rows[1]!.text).toContain('about 50 minutes');
    expect(sent.filter((s) => s.brandId === waitBrand)).toEqual([]);
  });
});

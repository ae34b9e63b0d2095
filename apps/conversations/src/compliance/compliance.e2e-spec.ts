import { randomUUID } from 'node:crypto';
import { DEMO } from '@roost/config';
import {
  ConversationsRpc,
  Events,
  LiveEvents,
  Rpc,
  type ComplianceContentWithdrawnV1,
  type QueueUpdatedV1,
} from '@roost/contracts';
import { EventBus, NatsClient, RpcClient, silentLogger } from '@roost/messaging';
import { cleanupNamespace, eventually, stackEnv, testEnv, TestStack } from '@roost/testing';
import { Client } from 'pg';

interface MessageRow {
  x_id: string;
  text: string;
  author_handle: string;
  redaction: string | null;
  redacted_at: Date | null;
}

/**
 * X compliance through the platform: mentions travel twitter-sim → ingest → routing →
 * conversations; on the sim one author deletes a tweet and another protects the account; ingest's
 * batch compliance pass (run at boot, so a restart runs one) uploads the ids conversations holds,
 * X's results become compliance.content_withdrawn, and conversations redacts in place.
 */
describe('compliance: deleted and protected content disappears', () => {
  const env = testEnv();
  // X runs a job for minutes; here a second, so ingest sees it in progress and picks it up on a later tick.
  const stack = new TestStack(
    stackEnv(env, {
      LOG_LEVEL: 'warn',
      SIM_HEARTBEAT_MS: '2000',
      INGEST_POLL_INTERVAL_MS: '1000',
      SIM_COMPLIANCE_PROCESSING_MS: '1000',
      INGEST_COMPLIANCE_TICK_MS: '300',
    }),
  );
  const pg = new Client({ connectionString: env.databaseUrl });
  const schema = `${env.schemaPrefix}conversations`;
  let nats: NatsClient;
  let rpc: RpcClient;
  const suffix = randomUUID().slice(0, 6);
  const deleter = `del_${suffix}`;
  const protector = `prot_${suffix}`;
  const bystander = `stay_${suffix}`;
  const ids = { deleted: '', protected1: '', protected2: '', kept: '' };

  const sim = async (path: string, body?: unknown): Promise<{ id: string }> => {
    const res = await fetch(`${stack.url('twitter-sim')}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    const json = (await res.json()) as { id?: string; data?: { id: string } };

    return { id: json.id ?? json.data?.id ?? '' };
  };
  const messages = async (xIds: string[]): Promise<MessageRow[]> =>
    (
      await pg.query<MessageRow>(
        `SELECT x_id, text, author_handle, redaction, redacted_at FROM "${schema}".messages
         WHERE direction = 'inbound' AND x_id = ANY($1::text[]) ORDER BY x_id`,
        [xIds],
      )
    ).rows;
  const customer = async (handleOrXId: string) =>
    (
      await pg.query<{
        id: string;
        x_user_id: string;
        handle: string;
        name: string;
        withdrawn_at: Date | null;
        withdrawn_reason: string | null;
      }>(
        `SELECT id, x_user_id, handle, name, withdrawn_at, withdrawn_reason FROM "${schema}".customers WHERE handle = $1 OR x_user_id = $1`,
        [handleOrXId],
      )
    ).rows[0];
  /** Waits until conversations' compliance consumer has settled everything published so far. */
  const drained = async () => {
    const stream = nats.topology.streamName(Events.ComplianceContentWithdrawn.stream);
    const last = (await nats.jsm.streams.info(stream)).state.last_seq;
    await eventually(
      async () => {
        const info = await nats.jsm.consumers.info(
          stream,
          nats.topology.durable('conversations', 'compliance'),
        );

        return info.ack_floor.stream_seq >= last && info.num_ack_pending === 0;
      },
      { timeoutMs: 20_000, what: 'compliance consumer drained' },
    );
  };

  beforeAll(async () => {
    await stack.init();
    await stack.start(['twitter-sim']);
    await stack.start(['routing', 'conversations']);
    await stack.start(['ingest']);
    await pg.connect();
    nats = await NatsClient.connect({
      servers: env.natsServers,
      name: 'compliance-e2e',
      namespace: env.natsNamespace,
      log: silentLogger,
    });
    rpc = new RpcClient(nats, 10_000);
  }, 180_000);

  afterAll(async () => {
    await stack.stop();
    await nats?.drain();
    await pg.end();
    await cleanupNamespace(env);
  });

  it('redacts a deleted tweet and a protected user, keeps the rest, and a second pass or redelivery changes nothing', async () => {
    ids.deleted = (
      await sim('/sim/tweets', {
        text: '@acmecares my card number is on this order, help',
        authorHandle: deleter,
      })
    ).id;
    ids.protected1 = (
      await sim('/sim/tweets', { text: '@acmecares parcel lost again', authorHandle: protector })
    ).id;
    ids.protected2 = (
      await sim('/sim/tweets', { text: '@acmecares still waiting for a refund', authorHandle: protector })
    ).id;
    ids.kept = (
      await sim('/sim/tweets', { text: '@acmecares thanks for the quick fix', authorHandle: bystander })
    ).id;
    const all = [ids.deleted, ids.protected1, ids.protected2, ids.kept].sort();
    await eventually(async () => (await messages(all)).length === 4, {
      timeoutMs: 60_000,
      what: 'four mentions stored',
    });
    const protectedCustomer = (await customer(protector))!;
    await rpc.request(ConversationsRpc.UpdateCustomer, {
      brandId: DEMO.brandId,
      agentId: randomUUID(),
      agentRole: 'agent',
      agentInitials: 'QA',
      customerId: protectedCustomer.id,
      note: 'prefers DMs',
    });

    await sim(`/sim/tweets/${ids.deleted}/delete`);
    await sim(`/sim/users/${protector}/protect`);
    // Open consoles hear of each redacted conversation (they refetch it).
    const updates: QueueUpdatedV1[] = [];
    const live = nats.nc.subscribe(nats.topology.liveFilter(LiveEvents.QueueUpdated, DEMO.brandId));
    void (async () => {
      for await (const m of live) updates.push(m.json<QueueUpdatedV1>());
    })();
    // A compliance pass runs when ingest boots.
    await stack.restart('ingest', 'SIGTERM');

    const redacted = await eventually(
      async () => {
        const rows = await messages(all);

        return rows.filter((r) => r.redaction).length === 3 ? rows : undefined;
      },
      { timeoutMs: 60_000, what: 'three messages redacted' },
    );
    const deletedConversation = (
      await pg.query<{ conversation_id: string }>(
        `SELECT conversation_id FROM "${schema}".messages WHERE direction = 'inbound' AND x_id = $1`,
        [ids.deleted],
      )
    ).rows[0]!.conversation_id;
    await eventually(
      () =>
        updates.some((u) => u.reason === 'conversation_updated' && u.conversationId === deletedConversation),
      {
        timeoutMs: 20_000,
        what: 'a live update for the redacted conversation',
      },
    );
    live.unsubscribe();
    const byId = new Map(redacted.map((r) => [r.x_id, r]));
    expect(byId.get(ids.deleted)).toMatchObject({
      text: '',
      redaction: 'deleted_by_author',
      author_handle: deleter,
    });
    expect(byId.get(ids.protected1)).toMatchObject({
      text: '',
      redaction: 'author_withdrawn',
      author_handle: '',
    });
    expect(byId.get(ids.protected2)).toMatchObject({
      text: '',
      redaction: 'author_withdrawn',
      author_handle: '',
    });
    expect(byId.get(ids.kept)).toMatchObject({
      text: '@acmecares thanks for the quick fix',
      redaction: null,
    });
    // The tweets job alone can redact the three messages; the profile comes with the users job's event.
    const withdrawn = await eventually(
      async () => {
        const c = await customer(protectedCustomer.x_user_id);

        return c?.withdrawn_at ? c : undefined;
      },
      { timeoutMs: 60_000, what: 'the protected customer withdrawn' },
    );
    expect(withdrawn).toMatchObject({
      id: protectedCustomer.id,
      name: '',
      handle: '',
      withdrawn_reason: 'protected',
    });
    expect(withdrawn?.withdrawn_at).toBeInstanceOf(Date);
    expect((await customer(bystander))?.withdrawn_at).toBeNull();
    // The team's note stays; the messages keep their rows (threading, counts, metrics).
    const notes = await pg.query(`SELECT text FROM "${schema}".customer_notes WHERE customer_id = $1`, [
      protectedCustomer.id,
    ]);
    expect(notes.rows).toEqual([{ text: 'prefers DMs' }]);
    const profile = await rpc.request(ConversationsRpc.GetCustomer, {
      brandId: DEMO.brandId,
      customerId: protectedCustomer.id,
    });
    expect(profile).toMatchObject({
      name: '',
      handle: '',
      withdrawnReason: 'protected',
      notes: [{ text: 'prefers DMs' }],
    });
    expect(profile.withdrawnAt).toEqual(withdrawn?.withdrawn_at?.toISOString());

    // What the gateway reads: the thread says why the text is gone.
    const { rows: conv } = await pg.query<{ conversation_id: string }>(
      `SELECT conversation_id FROM "${schema}".messages WHERE x_id = $1 AND direction = 'inbound'`,
      [ids.deleted],
    );
    const view = await rpc.request(Rpc.GetConversation, {
      brandId: DEMO.brandId,
      id: conv[0]!.conversation_id,
    });
    expect(view.messages.find((m) => m.xId === ids.deleted)).toMatchObject({
      text: '',
      redaction: 'deleted_by_author',
    });

    // Redelivery (new msg ids, so JetStream's de-duplication does not hide them) and an id Roost never held.
    await drained();
    const audit = async () =>
      Number(
        (await pg.query(`SELECT count(*) FROM "${schema}".audit_log WHERE action = 'compliance.redacted'`))
          .rows[0].count,
      );
    const auditBefore = await audit();
    expect(auditBefore).toBeGreaterThanOrEqual(2);
    const bus = new EventBus(nats);
    const now = new Date().toISOString();
    const again: ComplianceContentWithdrawnV1[] = [
      {
        schema: 1,
        brandId: DEMO.brandId,
        kind: 'tweet',
        xId: ids.deleted,
        reason: 'deleted',
        withdrawnAt: now,
        detectedAt: now,
      },
      {
        schema: 1,
        brandId: DEMO.brandId,
        kind: 'user',
        xId: protectedCustomer.x_user_id,
        reason: 'protected',
        withdrawnAt: now,
        detectedAt: now,
      },
      {
        schema: 1,
        brandId: DEMO.brandId,
        kind: 'tweet',
        xId: '999999999999999999',
        reason: 'deleted',
        withdrawnAt: now,
        detectedAt: now,
      },
    ];
    for (const e of again) {
      await bus.publish(Events.ComplianceContentWithdrawn, e, {
        brandId: e.brandId,
        msgId: `again:${randomUUID()}`,
      });
    }
    await drained();
    expect(await messages(all)).toEqual(redacted);
    expect(await audit()).toBe(auditBefore);
    expect(await customer(protectedCustomer.x_user_id)).toEqual(withdrawn);
  });
});

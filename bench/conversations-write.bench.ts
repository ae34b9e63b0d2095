/**
 * B3 (PERFORMANCE.md): conversation rows persisted per second through conversations' real write
 * path (ConversationRepository.storeRouted: customer upsert, reopen check, conversation upsert,
 * message insert, one transaction per batch of 500 routed mentions) against PostgreSQL `COPY` of
 * the same rows (customers, conversations, messages) in the same batches, same database, same run.
 * Every mention is a new customer, so each one is three rows on both sides.
 *   node -r @swc-node/register bench/conversations-write.bench.ts
 * Output: one JSON object per line: { name, value, unit, baseline, ratio }. Nothing else on stdout.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { ConversationRoutedV1 } from '@roost/contracts';
import { createServiceDataSource, initialize, migrate } from '@roost/database';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { ConversationRepository } from '../apps/conversations/src/data/conversation.repository';
import { CONVERSATIONS_MIGRATIONS } from '../apps/conversations/src/migrations';
import { anchorMention } from './lib/payloads';
import { ratio, report } from './lib/report';

const DB = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/roost';
const PER_ROUND = Number(process.env.BENCH_CONVERSATION_ROWS ?? 10_000);
const BATCH = 500;
const ROUNDS = 2;
let seq = 0;

function routedEvents(n: number): ConversationRoutedV1[] {
  const brandId = randomUUID();
  const queueId = randomUUID();

  return Array.from({ length: n }, () => {
    const i = seq++;
    const mention = anchorMention(brandId, i, new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString());

    return {
      schema: 1,
      brandId,
      conversationId: randomUUID(),
      opened: true,
      queueId,
      priority: mention.classification.priority,
      status: 'waiting',
      assigneeId: null,
      mention,
      queueSnapshot: { waiting: 1, assigned: 0, oldestWaitingSince: null },
      routedAt: mention.receivedAt,
    };
  });
}

/** One CSV field: quoted, quotes doubled; null as an unquoted empty field (COPY's CSV NULL). */
function csv(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);

  return `"${s.replace(/"/g, '""')}"`;
}

async function copyRows(
  client: PoolClient,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  const body = rows.map((r) => r.map(csv).join(',')).join('\n') + '\n';
  await pipeline(
    Readable.from([body]),
    client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`)),
  );
}

/** The anchor: the same three rows per mention, COPY per table, one transaction per batch. */
async function copyBatch(client: PoolClient, events: readonly ConversationRoutedV1[]): Promise<void> {
  await client.query('BEGIN');
  const customerIds = events.map(() => randomUUID());
  const a = (e: ConversationRoutedV1) => e.mention.author;
  await copyRows(
    client,
    'customers',
    ['brand_id', 'id', 'x_user_id', 'handle', 'name', 'followers_count', 'verified'],
    events.map((e, i) => [
      e.brandId,
      customerIds[i],
      a(e).id,
      a(e).handle,
      a(e).name,
      a(e).followersCount,
      a(e).verified,
    ]),
  );
  await copyRows(
    client,
    'conversations',
    [
      'brand_id',
      'id',
      'customer_id',
      'channel',
      'status',
      'queue_id',
      'assignee_id',
      'priority',
      'language',
      'sentiment',
      'intent',
      'reply_path',
      'account_handle',
      'x_conversation_id',
      'opened_at',
      'last_message_at',
    ],
    events.map((e, i) => {
      const m = e.mention;

      return [
        e.brandId,
        e.conversationId,
        customerIds[i],
        m.channel,
        e.status,
        e.queueId,
        e.assigneeId,
        e.priority,
        m.classification.language,
        m.classification.sentiment.label,
        m.classification.intent,
        m.replyPath,
        m.account.handle,
        m.tweet.conversationId ?? null,
        m.tweet.createdAt,
        m.tweet.createdAt,
      ];
    }),
  );
  await copyRows(
    client,
    'messages',
    [
      'brand_id',
      'id',
      'conversation_id',
      'direction',
      'channel',
      'x_id',
      'in_reply_to_x_id',
      'text',
      'author_x_id',
      'author_handle',
      'status',
      'source',
      'classification',
      'created_at',
    ],
    events.map((e) => {
      const m = e.mention;

      return [
        e.brandId,
        randomUUID(),
        e.conversationId,
        'inbound',
        m.channel,
        m.tweet.id,
        m.tweet.inReplyToTweetId ?? null,
        m.tweet.text,
        m.author.id,
        m.author.handle,
        'received',
        m.source,
        m.classification,
        m.tweet.createdAt,
      ];
    }),
  );
  await client.query('COMMIT');
}

async function timeBatches(
  events: ConversationRoutedV1[],
  write: (batch: ConversationRoutedV1[]) => Promise<unknown>,
): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += BATCH) await write(events.slice(i, i + BATCH));

  return (3 * events.length) / ((performance.now() - t0) / 1000);
}

async function schemaFor(name: string): Promise<DataSource> {
  const ds = await initialize(
    createServiceDataSource({
      url: DB,
      schema: name,
      migrations: CONVERSATIONS_MIGRATIONS,
      applicationName: 'conversations-bench',
    }),
  );
  await migrate(ds);

  return ds;
}

async function main(): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const roostDs = await schemaFor(`bench_conv_roost_${suffix}`);
  const copyDs = await schemaFor(`bench_conv_copy_${suffix}`);
  const client = (
    await (
      copyDs.driver as unknown as { obtainMasterConnection(): Promise<[PoolClient, () => void]> }
    ).obtainMasterConnection()
  )[0];
  try {
    const repo = new ConversationRepository(roostDs);
    // Warm-up both paths (plans, caches), then alternate rounds so drift hits both alike.
    await timeBatches(routedEvents(2000), (b) => repo.storeRouted(b));
    await timeBatches(routedEvents(2000), (b) => copyBatch(client, b));
    for (const ds of [roostDs, copyDs]) await ds.query('ANALYZE');
    const ours: number[] = [];
    const copy: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      ours.push(await timeBatches(routedEvents(PER_ROUND), (b) => repo.storeRouted(b)));
      copy.push(await timeBatches(routedEvents(PER_ROUND), (b) => copyBatch(client, b)));
    }
    const o = Math.max(...ours);
    const c = Math.max(...copy);
    report({ name: 'B3.copy_rows_per_s', value: Math.round(c), unit: 'rows/s' });
    report({
      name: 'B3.conversations_rows_per_s',
      value: Math.round(o),
      unit: 'rows/s',
      baseline: Math.round(c),
      ratio: ratio(o, c, true),
      target: '>= 0.50',
    });
  } finally {
    client.release();
    for (const [ds, name] of [
      [roostDs, `bench_conv_roost_${suffix}`],
      [copyDs, `bench_conv_copy_${suffix}`],
    ] as const) {
      await ds.query(`DROP SCHEMA "${name}" CASCADE`).catch(() => undefined);
      await ds.destroy();
    }
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);

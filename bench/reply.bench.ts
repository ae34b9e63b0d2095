/**
 * Reply latency: the agent's reply mutation (Rpc.Reply over NATS into the real conversations
 * process: validation, ledger, twitter-api-v2 post, commit, message.sent) until the tweet is
 * visible on twitter-sim. Baseline: a bare twitter-api-v2 `v2.reply` against the same sim.
 * Run: node -r @swc-node/register apps/conversations/bench/reply.bench.ts
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Rpc } from '@roost/contracts';
import { NatsClient, RpcClient, silentLogger } from '@roost/messaging';
import { cleanupNamespace, testEnv, stackEnv, TestStack } from '@roost/testing';
import { createXClient } from '@roost/x-client';
import { Client } from 'pg';
import {
  brandRepliesTo,
  injectCustomerTweet,
  seedConversation,
} from '../apps/conversations/src/testing/conversation-fixtures';

// twitter-sim allows 200 POST /2/tweets per 15 minutes per user, as X does: baseline and Roost share them.
const WARMUP = 5;
const N = Math.min(Number(process.env.BENCH_REPLY_N ?? 90), 100 - WARMUP - 1);

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);

  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

async function visible(simUrl: string, tweetId: string): Promise<void> {
  while ((await brandRepliesTo(simUrl, tweetId)).length === 0) await new Promise((r) => setImmediate(r));
}

async function main(): Promise<void> {
  const env = testEnv();
  const stack = new TestStack(stackEnv(env));
  await stack.init();
  await stack.start(['twitter-sim']);
  // Routing answers the brand's hard-locked queues before every agent post.
  await stack.start(['routing', 'conversations']);
  const pg = new Client({ connectionString: env.databaseUrl });
  await pg.connect();
  const nats = await NatsClient.connect({
    servers: env.natsServers,
    name: 'reply-bench',
    namespace: env.natsNamespace,
    log: silentLogger,
  });
  const rpc = new RpcClient(nats, 10_000);
  const sim = stack.url('twitter-sim');
  const brandId = randomUUID();
  const queueId = randomUUID();
  const x = createXClient({ baseUrl: sim, bearerToken: 'sim-user:acmecares' });
  try {
    const base: number[] = [];
    const roost: number[] = [];
    // Interleaved so drift on the machine hits both alike; the first WARMUP of each are not counted.
    for (let i = 0; i < N + WARMUP; i++) {
      const t1 = await injectCustomerTweet(sim, { text: `@acmecares baseline question ${i}` });
      let start = performance.now();
      await x.v2.reply(`baseline answer ${i}`, t1.id);
      await visible(sim, t1.id);
      if (i >= WARMUP) base.push(performance.now() - start);

      const t2 = await injectCustomerTweet(sim, { text: `@acmecares roost question ${i}` });
      const { conversationId } = await seedConversation(pg, {
        schema: `${env.schemaPrefix}conversations`,
        brandId,
        queueId,
        tweet: t2,
      });
      start = performance.now();
      await rpc.request(Rpc.Reply, {
        brandId,
        conversationId,
        agentId: randomUUID(),
        agentInitials: 'AB',
        text: `roost answer ${i}`,
      });
      await visible(sim, t2.id);
      if (i >= WARMUP) roost.push(performance.now() - start);
    }
    for (const p of [50, 99] as const) {
      const value = pct(roost, p);
      const baseline = pct(base, p);
      process.stdout.write(
        `${JSON.stringify({ name: `reply_latency_p${p}`, value: +value.toFixed(2), unit: 'ms', baseline: +baseline.toFixed(2), ratio: +(baseline / value).toFixed(3), n: N })}\n`,
      );
    }
  } finally {
    await nats.drain();
    await pg.end();
    await stack.stop();
    await cleanupNamespace(env);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);

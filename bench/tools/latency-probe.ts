/**
 * Where B2's latency goes: runs the whole platform in its own namespace, injects mentions at a
 * steady rate through twitter-sim and timestamps each one at every hop it can see from outside:
 * the tweet's creation on the sim, `mention.received` (ingest published), `conversation.routed`
 * (routing published), `live.queue` (conversations stored it) and the graphql-ws console.
 *   node -r @swc-node/register bench/tools/latency-probe.ts [rate/s] [seconds]
 */
import {
  Events,
  LiveEvents,
  type ConversationRoutedV1,
  type MentionReceivedV1,
  type QueueUpdatedV1,
} from '@roost/contracts';
import { NatsClient, silentLogger } from '@roost/messaging';
import { startPlatform } from '../../e2e/e2e-env';
import { GraphqlTestClient } from '../../e2e/graphql-client';
import { percentile } from '../lib/report';
import { benchBatch, injectTweets } from '../lib/sim-inject';
import { sleep, until } from '../lib/timing';

const RATE = Number(process.argv[2] ?? 500);
const SECONDS = Number(process.argv[3] ?? 6);
const BATCH = 10;

async function main(): Promise<void> {
  const p = await startPlatform({ pollIntervalMs: 5000, logLevel: 'warn' });
  const nats = await NatsClient.connect({
    servers: p.env.natsServers,
    name: 'latency-probe',
    namespace: p.env.natsNamespace,
    log: silentLogger,
  });
  try {
    await p.stack.start(['twitter-sim']);
    await p.stack.start(['routing', 'conversations', 'metrics', 'gateway']);
    await p.stack.start(['ingest']);
    const sim = p.stack.url('twitter-sim');
    const inject = (b: number, prefix: string) => injectTweets(sim, benchBatch(b, prefix, BATCH));
    for (let b = 0; b < 50; b++) await inject(b, 'warm');
    await sleep(3000);
    await p.pg.query('ANALYZE');

    const created = new Map<string, number>(); // tweet id -> createdAt
    const hop = {
      ingest: new Map<string, number>(),
      routing: new Map<string, number>(),
      stored: new Map<string, number>(),
      console: new Map<string, number>(),
    };
    const tweetOf = new Map<string, string>(); // conversation id -> tweet id
    const watch = <T>(subject: string, on: (payload: T, at: number) => void) => {
      const sub = nats.nc.subscribe(subject);
      void (async () => {
        for await (const m of sub) on(m.json<T>(), Date.now());
      })();
    };
    // First sighting only: the mentions poller publishes a tweet the stream already delivered again
    // (JetStream drops the duplicate by message id, but a plain subscriber sees both publishes).
    watch<MentionReceivedV1>(nats.topology.eventFilter(Events.MentionReceived), (m, at) => {
      if (hop.ingest.has(m.tweet.id)) return;
      created.set(m.tweet.id, Date.parse(m.tweet.createdAt));
      hop.ingest.set(m.tweet.id, at);
    });
    watch<ConversationRoutedV1>(nats.topology.eventFilter(Events.ConversationRouted), (e, at) => {
      if (hop.routing.has(e.mention.tweet.id)) return;
      hop.routing.set(e.mention.tweet.id, at);
      tweetOf.set(e.conversationId, e.mention.tweet.id);
    });
    watch<QueueUpdatedV1>(nats.topology.liveFilter(LiveEvents.QueueUpdated), (u, at) => {
      const t = u.conversationId ? tweetOf.get(u.conversationId) : undefined;
      if (t && u.reason === 'conversation_routed' && !hop.stored.has(t)) hop.stored.set(t, at);
    });
    const gql = new GraphqlTestClient(`${p.stack.url('gateway')}/graphql`);
    const socket = gql.socket(await gql.login('supervisor@acme.example'));
    type Ev = { queueUpdated: { conversationId: string; reason: string } };
    const dispose = socket.subscribe<Ev>(
      { query: `subscription { queueUpdated { conversationId reason } }` },
      {
        next: (v) => {
          const t = v.data ? tweetOf.get(v.data.queueUpdated.conversationId) : undefined;
          if (t && !hop.console.has(t)) hop.console.set(t, Date.now());
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await sleep(1000);

    const n = RATE * SECONDS;
    const start = Date.now();
    for (let b = 0; b < n / BATCH; b++) {
      const wait = start + (b * BATCH * 1000) / RATE - Date.now();
      if (wait > 0) await sleep(wait);
      void inject(b, 'probe');
    }
    await until(() => hop.console.size >= n, 60_000).catch(() => undefined);
    const stages: Array<[string, Map<string, number>, Map<string, number>]> = [
      ['sim -> ingest published', created, hop.ingest],
      ['ingest -> routing published', hop.ingest, hop.routing],
      ['routing -> conversations stored', hop.routing, hop.stored],
      ['stored -> console', hop.stored, hop.console],
      ['sim -> console (B2)', created, hop.console],
    ];
    process.stdout.write(`${RATE}/s for ${SECONDS} s: ${hop.console.size} of ${n} reached the console\n`);
    for (const [name, from, to] of stages) {
      const d = [...to.entries()]
        .flatMap(([id, t]) => (from.has(id) ? [t - from.get(id)!] : []))
        .sort((a, b) => a - b);
      process.stdout.write(
        `${name.padEnd(34)} n ${String(d.length).padStart(5)}  p50 ${percentile(d, 50)} ms  p90 ${percentile(d, 90)} ms  p99 ${percentile(d, 99)} ms\n`,
      );
    }
    dispose();
    await socket.dispose();
  } finally {
    await nats.drain();
    await p.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);

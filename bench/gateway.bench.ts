/**
 * B4 and B5 (PERFORMANCE.md, issue 7): graphql-ws subscribers receiving queue updates against a bare
 * `ws` broadcast of the same payload, and the console's conversations query through the gateway
 * against bare graphql-js on node:http — each anchor measured in the same run, same machine.
 * The gateway runs in process with a fake upstream on real NATS (apps/gateway/src/testing).
 */
import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LiveEvents } from '@roost/contracts';
import { buildSchema, execute, parse, validate } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket, { WebSocketServer } from 'ws';
import { queueUpdate } from '../apps/gateway/src/testing/fixtures';
import { GatewayHarness } from '../apps/gateway/src/testing/gateway-harness';
import { percentile, ratio, report } from './lib/report';
import { sleep, until } from './lib/timing';

const SOCKETS = Number(process.env.BENCH_B4_SOCKETS ?? 5000);
const EVENTS = Number(process.env.BENCH_B4_EVENTS ?? 8);
const EVENT_GAP_MS = 400;
const QUERY_SECONDS = Number(process.env.BENCH_B5_SECONDS ?? 4);
const QUERY_CONCURRENCY = 32;

const SUBSCRIPTION = `subscription { queueUpdated { queueId reason conversationId conversationStatus waiting assigned at } }`;
const PAGE = `query { conversations(first: 25) {
  edges { cursor node { id status channel priority queue { id name } assignee { id name } customer { handle }
    messages { id direction text createdAt } } }
  pageInfo { hasNextPage endCursor } totalCount } }`;

interface FanOut {
  deliveriesPerSecond: number;
  p50: number;
  p99: number;
  delivered: number;
  rssPerSocketKb: number;
}

/** Opens sockets in waves so set-up does not time out; returns when all are connected. */
async function inWaves<T>(count: number, open: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += 250) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(250, count - i) }, (_, k) => open(i + k)))));
  }

  return out;
}

async function fanOut(opts: {
  open: (onData: (at: string) => void) => Promise<() => Promise<void> | void>;
  publish: (at: string) => void;
}): Promise<FanOut> {
  const latencies: number[] = [];
  let delivered = 0;
  const rss0 = process.memoryUsage().rss;
  const closers = await inWaves(SOCKETS, () =>
    opts.open((at) => {
      delivered++;
      latencies.push(Date.now() - Date.parse(at));
    }),
  );
  const rssPerSocketKb = (process.memoryUsage().rss - rss0) / SOCKETS / 1024;
  await sleep(500);
  // Latency: events spaced out, so each fan-out is measured on its own.
  for (let e = 0; e < EVENTS; e++) {
    opts.publish(new Date().toISOString());
    await sleep(EVENT_GAP_MS);
  }
  await until(() => delivered >= SOCKETS * EVENTS, 60_000);
  const measured = latencies.slice();
  // Throughput: the same number of events back to back.
  const before = delivered;
  const t0 = performance.now();
  for (let e = 0; e < EVENTS; e++) opts.publish(new Date().toISOString());
  await until(() => delivered - before >= SOCKETS * EVENTS, 60_000);
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(closers.map((c) => c()));
  measured.sort((a, b) => a - b);

  return {
    deliveriesPerSecond: (delivered - before) / Math.max(seconds, 0.001),
    p50: percentile(measured, 50),
    p99: percentile(measured, 99),
    delivered: delivered - before,
    rssPerSocketKb,
  };
}

async function bareWsFanOut(): Promise<FanOut> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const port = (wss.address() as AddressInfo).port;
  const sample = queueUpdate({
    id: '00000000-0000-4000-8000-000000000001',
    brandId: '00000000-0000-4000-8000-000000000002',
  });
  try {
    return await fanOut({
      open: (onData) =>
        new Promise((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${port}`);
          ws.on('message', (data) => {
            const msg = JSON.parse(String(data)) as { payload: { data: { queueUpdated: { at: string } } } };
            onData(msg.payload.data.queueUpdated.at);
          });
          ws.once('open', () => resolve(() => ws.close()));
        }),
      publish: (at) => {
        const frame = JSON.stringify({
          id: '1',
          type: 'next',
          payload: { data: { queueUpdated: { ...sample, at } } },
        });
        for (const c of wss.clients) c.send(frame);
      },
    });
  } finally {
    await new Promise<void>((r) => wss.close(() => r()));
  }
}

async function gatewayFanOut(h: GatewayHarness, token: string): Promise<FanOut> {
  const q = h.fx.qA1;
  return fanOut({
    open: (onData) =>
      new Promise((resolve) => {
        const client: Client = createClient({
          url: `ws://127.0.0.1:${h.port}/graphql`,
          webSocketImpl: WebSocket,
          lazy: false,
          retryAttempts: 0,
          connectionParams: { authorization: `Bearer ${token}` },
          on: { connected: () => resolve(() => client.dispose()) },
        });
        client.subscribe<{ queueUpdated: { at: string } }>(
          { query: SUBSCRIPTION },
          {
            next: (v) => v.data && onData(v.data.queueUpdated.at),
            error: () => undefined,
            complete: () => undefined,
          },
        );
      }),
    publish: (at) => h.live.publish(LiveEvents.QueueUpdated, q.brandId, q.id, queueUpdate(q, { at })),
  });
}

/** Closed-loop load: QUERY_CONCURRENCY clients, each sending the next request when the last answered. */
async function throughput(url: string, headers: Record<string, string>): Promise<number> {
  let done = 0;
  const deadline = Date.now() + QUERY_SECONDS * 1000;
  const body = JSON.stringify({ query: PAGE });
  await Promise.all(
    Array.from({ length: QUERY_CONCURRENCY }, async () => {
      while (Date.now() < deadline) {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
        const json = (await res.json()) as { errors?: unknown };
        if (json.errors) throw new Error(`query failed: ${JSON.stringify(json.errors)}`);
        done++;
      }
    }),
  );

  return done / QUERY_SECONDS;
}

/** The anchor: the same query over a minimal schema on node:http, data in memory. */
async function bareGraphqlServer(h: GatewayHarness): Promise<Server> {
  const schema = buildSchema(`
    type Queue { id: ID! name: String! }
    type Agent { id: ID! name: String! }
    type Customer { handle: String! }
    type Message { id: ID! direction: String! text: String! createdAt: String! }
    type Conversation { id: ID! status: String! channel: String! priority: Int! queue: Queue assignee: Agent
      customer: Customer! messages: [Message!]! }
    type Edge { cursor: String! node: Conversation! }
    type PageInfo { hasNextPage: Boolean! endCursor: String }
    type Connection { edges: [Edge!]! pageInfo: PageInfo! totalCount: Int! }
    type Query { conversations(first: Int): Connection! }`);
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  const queues = byId(h.fx.queues);
  const agents = byId(h.fx.agents);
  const rows = h.fx.conversations.filter((c) => c.brandId === h.fx.brandA);
  const root = {
    conversations: () => ({
      edges: rows.map((c) => ({
        cursor: c.id,
        node: {
          ...c,
          queue: queues.get(c.queueId),
          assignee: c.assigneeId ? agents.get(c.assigneeId) : null,
        },
      })),
      pageInfo: { hasNextPage: false, endCursor: rows.at(-1)?.id ?? null },
      totalCount: rows.length,
    }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { query } = JSON.parse(Buffer.concat(chunks).toString()) as { query: string };
      const document = parse(query);
      const errors = validate(schema, document);
      const result = errors.length ? { errors } : execute({ schema, document, rootValue: root });
      res.writeHead(200, { 'content-type': 'application/json' });
      void Promise.resolve(result).then((r) => res.end(JSON.stringify(r)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));

  return server;
}

async function main(): Promise<void> {
  // 5,000 sockets and a throughput run share one token: the per-caller rate limit (docs/api.md) is
  // off here, or it would measure refusals. The limiter's own cost is one Map lookup per operation.
  const h = await GatewayHarness.start({ env: { LOG_LEVEL: 'silent', RATE_LIMIT_PER_SECOND: '0' } });
  try {
    const token = h.token(h.fx.supA);
    const bare = await bareWsFanOut();
    const gw = await gatewayFanOut(h, token);
    report({
      name: 'B4.anchor.ws_deliveries_per_s',
      value: Math.round(bare.deliveriesPerSecond),
      unit: 'deliveries/s',
      sockets: SOCKETS,
    });
    report({
      name: 'B4.gateway.deliveries_per_s',
      value: Math.round(gw.deliveriesPerSecond),
      unit: 'deliveries/s',
      baseline: Math.round(bare.deliveriesPerSecond),
      ratio: ratio(gw.deliveriesPerSecond, bare.deliveriesPerSecond, true),
      target: '>= 0.50',
      delivered: gw.delivered,
      expected: SOCKETS * EVENTS,
    });
    report({
      name: 'B4.gateway.p50_ms',
      value: gw.p50,
      unit: 'ms',
      baseline: bare.p50,
      ratio: ratio(gw.p50, bare.p50, false),
    });
    report({
      name: 'B4.gateway.p99_ms',
      value: gw.p99,
      unit: 'ms',
      baseline: bare.p99,
      ratio: ratio(gw.p99, bare.p99, false),
      target: '<= 2.5x',
    });
    report({
      name: 'B4.memory_per_socket_kb',
      value: Math.round(gw.rssPerSocketKb),
      unit: 'KB (client + server, same process)',
      baseline: Math.round(bare.rssPerSocketKb),
      ratio: ratio(gw.rssPerSocketKb, bare.rssPerSocketKb, false),
      target: '<= 6x the bare ws memory (ratio >= 0.17)',
    });

    const server = await bareGraphqlServer(h);
    const bareUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const bareQps = await throughput(bareUrl, {});
    const gwQps = await throughput(h.url, { authorization: `Bearer ${token}` });
    await new Promise<void>((r) => server.close(() => r()));
    report({ name: 'B5.anchor.graphql_js_req_per_s', value: Math.round(bareQps), unit: 'req/s' });
    report({
      name: 'B5.gateway.conversations_req_per_s',
      value: Math.round(gwQps),
      unit: 'req/s',
      baseline: Math.round(bareQps),
      ratio: ratio(gwQps, bareQps, true),
      target: '>= 0.35',
      note: 'gateway includes NATS request/reply to the (fake) services and DataLoaders',
    });
  } finally {
    await h.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);

import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AckPolicy, jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { Pool } from 'pg';
import { WebSocket, WebSocketServer } from 'ws';

/**
 * PERFORMANCE.md's anchor, written plainly: JetStream in, JSON.parse, regex classify, in-memory
 * least-loaded routing, one multi-row upsert per 500 mentions or 2 ms, ack, core-NATS update, bare
 * ws broadcast. Same NATS, same PostgreSQL, same payloads as Roost.
 */
export class MinimalPipeline {
  private nc!: NatsConnection;
  private pool!: Pool;
  private wss!: WebSocketServer;
  private readonly id = randomBytes(4).toString('hex');
  private readonly stream = `BENCH_${this.id.toUpperCase()}`;
  private readonly subject = `bench${this.id}.mention`;
  private readonly updates = `bench${this.id}.update`;
  private readonly schema = `bench_${this.id}`;
  private readonly agents = Array.from({ length: 200 }, (_, i) => ({ id: `a${i}`, load: 0 }));
  private buffer: JsMsg[] = [];
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private stopConsumer: (() => Promise<void>) | undefined;
  port = 0;

  constructor(
    private readonly natsServers: string[],
    private readonly databaseUrl: string,
  ) {}

  async start(): Promise<void> {
    this.nc = await connect({ servers: this.natsServers });
    const jsm = await jetstreamManager(this.nc);
    await jsm.streams.add({ name: this.stream, subjects: [this.subject] });
    await jsm.consumers.add(this.stream, {
      durable_name: 'anchor',
      ack_policy: AckPolicy.Explicit,
      max_ack_pending: 5000,
    });
    this.pool = new Pool({ connectionString: this.databaseUrl, max: 4 });
    await this.pool.query(`CREATE SCHEMA ${this.schema}`);
    await this.pool.query(
      `CREATE TABLE ${this.schema}.mentions (brand_id uuid, tweet_id text, agent text, sentiment text, payload jsonb,
       PRIMARY KEY (brand_id, tweet_id))`,
    );
    this.wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((r) => this.wss.once('listening', () => r()));
    this.port = (this.wss.address() as AddressInfo).port;
    this.nc.subscribe(this.updates, {
      callback: (_e, msg) => {
        const data = msg.data;
        for (const c of this.wss.clients) if (c.readyState === WebSocket.OPEN) c.send(data);
      },
    });
    const consumer = await jetstream(this.nc).consumers.get(this.stream, 'anchor');
    const messages = await consumer.consume({ max_messages: 1000, callback: (m) => this.onMessage(m) });
    this.stopConsumer = async () => {
      await messages.close();
    };
  }

  async publish(payloads: Uint8Array[], msgIds: string[]): Promise<void> {
    const js = jetstream(this.nc);
    const window = 256;
    for (let i = 0; i < payloads.length; i += window) {
      await Promise.all(
        payloads
          .slice(i, i + window)
          .map((p, j) => js.publish(this.subject, p, { msgID: msgIds[i + j] ?? '' })),
      );
    }
  }

  private onMessage(msg: JsMsg): void {
    this.buffer.push(msg);
    if (this.buffer.length >= 500) this.flush(0);
    else if (!this.timer) this.flush(2);
  }

  private flush(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const batch = this.buffer;
      this.buffer = [];
      if (batch.length > 0) this.chain = this.chain.then(() => this.process(batch));
    }, delay);
  }

  private async process(batch: JsMsg[]): Promise<void> {
    const rows: unknown[] = [];
    const tuples: string[] = [];
    const updates: string[] = [];
    for (const msg of batch) {
      const m = JSON.parse(new TextDecoder().decode(msg.data)) as {
        brandId: string;
        tweet: { id: string; text: string; createdAt: string };
      };
      const sentiment = /terrible|broken|late|roto|never/i.test(m.tweet.text) ? 'negative' : 'neutral';
      let best = this.agents[0]!;
      for (const a of this.agents) if (a.load < best.load) best = a;
      best.load++;
      const n = rows.length;
      rows.push(m.brandId, m.tweet.id, best.id, sentiment, JSON.stringify(m));
      tuples.push(`($${n + 1},$${n + 2},$${n + 3},$${n + 4},$${n + 5})`);
      updates.push(
        JSON.stringify({ tweetId: m.tweet.id, agent: best.id, sourceCreatedAt: m.tweet.createdAt }),
      );
    }
    await this.pool.query(
      `INSERT INTO ${this.schema}.mentions (brand_id, tweet_id, agent, sentiment, payload) VALUES ${tuples.join(',')}
       ON CONFLICT DO NOTHING`,
      rows,
    );
    for (const msg of batch) msg.ack();
    for (const u of updates) this.nc.publish(this.updates, u);
  }

  async stop(): Promise<void> {
    await this.stopConsumer?.();
    await this.chain;
    const jsm = await jetstreamManager(this.nc);
    await jsm.streams.delete(this.stream).catch(() => undefined);
    await this.pool.query(`DROP SCHEMA ${this.schema} CASCADE`).catch(() => undefined);
    await this.pool.end();
    await new Promise<void>((r) => this.wss.close(() => r()));
    await this.nc.drain();
  }
}

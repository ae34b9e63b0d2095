import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { IngestEnv } from '@roost/config';
import { Events, type MentionReceivedV1 } from '@roost/contracts';
import { BatchConsumer, DONE, NatsClient, silentLogger } from '@roost/messaging';
import { cleanupNamespace, testEnv } from '@roost/testing';
import { startXSim, type XSim } from '@roost/x-sim';
import { Client } from 'pg';
import { IngestModule } from '../ingest.module';

/** Sources off unless a test turns them on; intervals short. */
const QUIET: Partial<IngestEnv> = {
  search: false,
  dms: false,
  searchIntervalMs: 200,
  dmIntervalMs: 200,
  directoryRefreshMs: 0,
};

/** A mention as the mentions stream holds it (the stream is ingest's ledger). */
export interface LedgerRow {
  tweet_id: string;
  source: string;
  payload: MentionReceivedV1;
}

/**
 * One ingest app in-process against an in-process twitter-sim, in its own namespace (schemas and
 * streams), with a JetStream consumer recording every published mention.received. The app can be
 * stopped and started again on the same database and streams (a restart).
 */
export class IngestTestBed {
  app: INestApplication | undefined;
  readonly published: MentionReceivedV1[] = [];
  private consumer: BatchConsumer<typeof Events.MentionReceived> | undefined;
  private nats: NatsClient | undefined;

  private constructor(
    readonly sim: XSim,
    readonly env: ReturnType<typeof testEnv>,
    readonly pg: Client,
  ) {}

  static async create(env: Record<string, string> = {}): Promise<IngestTestBed> {
    const sim = await startXSim({ seedBrands: true, heartbeatMs: 1000 });
    const e = testEnv({
      X_API_BASE_URL: sim.url,
      ROOST_DEMO_SEED: 'true',
      INGEST_POLL_INTERVAL_MS: '200',
      INGEST_STREAM: 'false',
      INGEST_STREAM_STALL_MS: '5000',
      ...env,
    });
    const pg = new Client({ connectionString: e.databaseUrl });
    await pg.connect();

    return new IngestTestBed(sim, e, pg);
  }

  get schema(): string {
    return `${this.env.schemaPrefix}ingest`;
  }

  /** `settings` go over env.ingest (the bed's environment, with `env` re-read over it). */
  async startApp(
    settings: Partial<IngestEnv> = {},
    env: Record<string, string> = {},
  ): Promise<INestApplication> {
    const base = Object.keys(env).length ? { ...this.env, ...testEnvOverrides(this.env, env) } : this.env;
    const appEnv = Object.freeze({
      ...base,
      ingest: Object.freeze({ ...base.ingest, ...QUIET, ...settings }),
    });
    const app = await NestFactory.create(IngestModule.forEnv(appEnv), {
      logger: false,
      abortOnError: false,
    });
    await app.init();
    this.app = app;
    if (!this.consumer) await this.startConsumer();

    return app;
  }

  async stopApp(): Promise<void> {
    await this.app?.close();
    this.app = undefined;
  }

  private async startConsumer(): Promise<void> {
    this.nats = await NatsClient.connect({
      servers: this.env.natsServers,
      name: 'ingest-test-consumer',
      namespace: this.env.natsNamespace,
      log: silentLogger,
    });
    this.consumer = new BatchConsumer({
      client: this.nats,
      event: Events.MentionReceived,
      durable: `test_${randomBytes(4).toString('hex')}`,
      log: silentLogger,
      handle: async (batch) => {
        for (const d of batch) this.published.push(d.payload);

        return batch.map(() => DONE);
      },
    });
    await this.consumer.start();
  }

  /** Mentions the stream holds, one row per brand + tweet (doubles show in publishedCounts). */
  async ledger(): Promise<LedgerRow[]> {
    const rows = new Map<string, LedgerRow>();
    for (const m of this.published) {
      const key = `${m.brandId}:${m.tweet.id}`;
      if (!rows.has(key)) rows.set(key, { tweet_id: m.tweet.id, source: m.source, payload: m });
    }

    return Promise.resolve([...rows.values()]);
  }

  async cursor(source: string, key: string): Promise<string | null> {
    const { rows } = await this.pg.query<{ since_id: string | null }>(
      `SELECT since_id FROM "${this.schema}".source_cursors WHERE source = $1 AND key = $2`,
      [source, key],
    );

    return rows[0]?.since_id ?? null;
  }

  /** Published mentions per tweet id (a count above 1 is a double). */
  publishedCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.published) counts.set(m.tweet.id, (counts.get(m.tweet.id) ?? 0) + 1);

    return counts;
  }

  async close(): Promise<void> {
    await this.stopApp().catch(() => undefined);
    await this.consumer?.stop();
    await this.nats?.drain();
    await this.sim.close();
    await this.pg.end();
    await cleanupNamespace(this.env);
  }
}

/** Re-reads the environment with overrides while keeping the namespace (same schemas and streams). */
function testEnvOverrides(
  base: ReturnType<typeof testEnv>,
  env: Record<string, string>,
): Partial<ReturnType<typeof testEnv>> {
  const next = testEnv({
    X_API_BASE_URL: base.x.baseUrl ?? '',
    ROOST_NATS_NAMESPACE: base.natsNamespace,
    ROOST_SCHEMA_PREFIX: base.schemaPrefix,
    ROOST_DEMO_SEED: String(base.demoSeed),
    INGEST_POLL_INTERVAL_MS: String(base.ingest.pollIntervalMs),
    INGEST_STREAM: String(base.ingest.stream),
    INGEST_STREAM_STALL_MS: String(base.ingest.streamStallMs),
    ...env,
  });

  return { ...next, ns: base.ns };
}

import { readFileSync } from 'node:fs';
import { connect } from '@nats-io/transport-node';
import {
  AuthorizationError,
  credsAuthenticator,
  type ConnectionOptions,
  type NatsConnection,
} from '@nats-io/nats-core';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsAuth } from '@roost/config';
import { Topology } from '@roost/contracts';
import type { Registry } from 'prom-client';
import type { MessagingLogger } from './logger';
import { MessagingMetrics } from './messaging-metrics';

export interface NatsClientOptions {
  servers: readonly string[];
  /** Shown in the server's connection list: `<service>-<pid>`. */
  name: string;
  namespace: string;
  log: MessagingLogger;
  /** How long the first connection may take before start-up fails with a clear error. */
  connectTimeoutMs?: number;
  /** Credentials and TLS for a secured cluster (NATS_USER/NATS_PASSWORD, NATS_TOKEN, NATS_CREDS_FILE, NATS_TLS_*). */
  auth?: NatsAuth;
  /** The service's metrics registry: dead letters are counted there (roost_messaging_dead_letters_total). */
  registry?: Registry;
}

/** The client options for `auth`; a `.creds` file is read here, so a wrong path stops start-up saying which. */
function natsAuthOptions(auth: NatsAuth = {}): Partial<ConnectionOptions> {
  const out: Partial<ConnectionOptions> = {};
  if (auth.user !== undefined) Object.assign(out, { user: auth.user, pass: auth.pass });
  if (auth.token !== undefined) out.token = auth.token;
  if (auth.credsFile !== undefined) {
    let creds: Uint8Array;
    try {
      creds = readFileSync(auth.credsFile);
    } catch (err) {
      throw new Error(`cannot read NATS_CREDS_FILE ${auth.credsFile}: ${(err as Error).message}`);
    }
    out.authenticator = credsAuthenticator(creds);
  }
  if (auth.tls) out.tls = { ...auth.tls };

  return out;
}

/** Server URLs as they may be logged: a password in a URL (`nats://user:secret@host`) is masked. */
function redactNatsServers(servers: readonly string[]): string {
  return servers.map((s) => s.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@')).join(',');
}

/** One connection per process, shared by the bus, consumers and request/reply. */
export class NatsClient {
  private constructor(
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly topology: Topology,
    private readonly log: MessagingLogger,
    readonly metrics: MessagingMetrics,
  ) {}

  static async connect(opts: NatsClientOptions): Promise<NatsClient> {
    let nc: NatsConnection;
    try {
      nc = await connect({
        ...natsAuthOptions(opts.auth),
        servers: [...opts.servers],
        name: opts.name,
        // The client's default gives up after ~20 s (RELIABILITY.md): never leave a service deaf.
        maxReconnectAttempts: -1,
        reconnectTimeWait: 1000,
        timeout: opts.connectTimeoutMs ?? 5000,
        // Otherwise every request and JetStream publish builds two Error objects (stack captured)
        // up front in case it fails: a fifth of routing's and ingest's CPU under load
        // (bench/tools/stage-profile.ts). Failures still carry their message and cause.
        noAsyncTraces: true,
      });
    } catch (err) {
      const where = redactNatsServers(opts.servers);
      if (err instanceof AuthorizationError) {
        throw new Error(
          `NATS at ${where} refused this process's credentials (${err.message}); ` +
            'set NATS_USER and NATS_PASSWORD, NATS_TOKEN or NATS_CREDS_FILE to what the server expects',
        );
      }
      throw new Error(
        `cannot reach NATS at ${where} (${(err as Error).message}); ` +
          'start nats-server with JetStream (-js) or set NATS_SERVERS',
      );
    }
    const jsm = await jetstreamManager(nc, { timeout: 10_000 });
    const client = new NatsClient(
      nc,
      jetstream(nc, { timeout: 10_000 }),
      jsm,
      new Topology(opts.namespace),
      opts.log,
      new MessagingMetrics(opts.registry),
    );
    client.watchStatus();

    return client;
  }

  get connected(): boolean {
    return !this.nc.isClosed() && !this.nc.isDraining() && this.reachable;
  }

  private reachable = true;

  private watchStatus(): void {
    void (async () => {
      for await (const s of this.nc.status()) {
        if (s.type === 'disconnect') this.reachable = false;
        if (s.type === 'reconnect') this.reachable = true;
        if (s.type === 'disconnect' || s.type === 'reconnect' || s.type === 'error') {
          this.log.warn(
            { status: s.type, server: 'server' in s ? s.server : undefined },
            'nats connection status',
          );
        }
      }
    })();
  }

  /** Finish in-flight work (subscriptions drain, pending publishes flush), then close. */
  async drain(): Promise<void> {
    if (this.nc.isClosed() || this.nc.isDraining()) return;
    await this.nc.drain();
  }
}

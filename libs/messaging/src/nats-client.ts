import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { Topology } from '@roost/contracts';
import type { MessagingLogger } from './logger';

export interface NatsClientOptions {
  servers: readonly string[];
  /** Shown in the server's connection list: `<service>-<pid>`. */
  name: string;
  namespace: string;
  log: MessagingLogger;
  /** How long the first connection may take before start-up fails with a clear error. */
  connectTimeoutMs?: number;
}

/** One connection per process, shared by the bus, consumers and request/reply. */
export class NatsClient {
  private constructor(
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly topology: Topology,
    private readonly log: MessagingLogger,
  ) {}

  static async connect(opts: NatsClientOptions): Promise<NatsClient> {
    let nc: NatsConnection;
    try {
      nc = await connect({
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
      throw new Error(
        `cannot reach NATS at ${opts.servers.join(',')} (${(err as Error).message}); ` +
          'start nats-server with JetStream (-js) or set NATS_SERVERS',
      );
    }
    const jsm = await jetstreamManager(nc, { timeout: 10_000 });
    const client = new NatsClient(nc, jetstream(nc, { timeout: 10_000 }), jsm, new Topology(opts.namespace), opts.log);
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
          this.log.warn({ status: s.type, server: 'server' in s ? s.server : undefined }, 'nats connection status');
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

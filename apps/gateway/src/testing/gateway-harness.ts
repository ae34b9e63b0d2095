import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { AgentProfile } from '@roost/contracts';
import { LiveChannel, NatsClient, RpcServer, silentLogger } from '@roost/messaging';
import { bootstrapService } from '@roost/observability';
import { cleanupNamespace, testEnv } from '@roost/testing';
import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client, type SubscribePayload } from 'graphql-ws';
import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import { GatewayModule } from '../gateway.module';
import { configureGateway } from '../transport/configure-gateway';
import { FakeUpstream } from './fake-upstream';
import { makeFixtures, type Fixtures } from './fixtures';

export interface HttpResult<T = Record<string, unknown>> {
  status: number;
  body: FormattedExecutionResult<T>;
}

export interface SocketClient {
  readonly client: Client;
  /** Resolves with the close code and reason when the socket closes. */
  readonly closed: Promise<{ code: number; reason: string }>;
  /** Resolves once the server acknowledged connection_init. */
  readonly connected: Promise<void>;
  /** Runs a query or mutation over the socket; server-side error messages resolve as `{ errors }`. */
  execute<T = Record<string, unknown>>(payload: SubscribePayload): Promise<FormattedExecutionResult<T>>;
  dispose(): Promise<void>;
}

/**
 * A gateway started in-process on a free port, in its own NATS namespace, with FakeUpstream
 * answering for routing and conversations (unless `serve: false`: a dead upstream).
 */
export class GatewayHarness {
  private readonly sockets: SocketClient[] = [];

  private constructor(
    readonly env: ReturnType<typeof testEnv>,
    readonly app: INestApplication,
    readonly fx: Fixtures,
    readonly upstream: FakeUpstream,
    readonly nats: NatsClient,
    readonly live: LiveChannel,
    readonly port: number,
  ) {}

  static async start(opts: { env?: Record<string, string>; serve?: boolean } = {}): Promise<GatewayHarness> {
    const env = testEnv(opts.env ?? {});
    const fx = makeFixtures();
    const nats = await NatsClient.connect({
      servers: env.natsServers,
      name: 'gateway-test-upstream',
      namespace: env.natsNamespace,
      log: silentLogger,
    });
    const upstream = new FakeUpstream(fx);
    if (opts.serve !== false) await upstream.serveAll(new RpcServer(nats, 'fake-upstream', silentLogger));
    // testEnv() returns a null-prototype object; @nestjs/graphql's scalar explorer calls
    // Reflect.getMetadata(…, provider.constructor) on every provider and throws on it.
    const appEnv = Object.freeze({ ...env });
    const app = await bootstrapService({
      module: GatewayModule.forEnv(appEnv),
      port: 0,
      host: '127.0.0.1',
      configure: configureGateway,
    });
    const { port } = app.getHttpServer().address() as AddressInfo;

    return new GatewayHarness(env, app, fx, upstream, nats, new LiveChannel(nats), port);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/graphql`;
  }

  /** A token as the gateway would sign it; `secret` forges, a negative `ttlSeconds` expires it. */
  token(agent: AgentProfile, opts: { secret?: string; ttlSeconds?: number } = {}): string {
    const exp = Math.floor(Date.now() / 1000) + (opts.ttlSeconds ?? 3600);

    return jwt.sign(
      { brandId: agent.brandId, role: agent.role, initials: agent.initials, queueIds: agent.queueIds, exp },
      opts.secret ?? this.env.jwtSecret,
      { algorithm: 'HS256', subject: agent.id },
    );
  }

  async http<T = Record<string, unknown>>(
    query: string,
    opts: {
      variables?: Record<string, unknown>;
      token?: string;
      headers?: Record<string, string>;
      body?: string;
    } = {},
  ): Promise<HttpResult<T>> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
      body: opts.body ?? JSON.stringify({ query, variables: opts.variables }),
    });
    const text = await res.text();
    let body: FormattedExecutionResult<T>;
    try {
      body = JSON.parse(text) as FormattedExecutionResult<T>;
    } catch {
      body = { errors: [{ message: text }] };
    }

    return { status: res.status, body };
  }

  /** A graphql-ws client; `connectionParams` replaces the default `{ authorization: 'Bearer <token>' }`. */
  socket(token?: string, connectionParams?: Record<string, unknown>): SocketClient {
    let onClosed: (e: { code: number; reason: string }) => void = () => {};
    let onConnected: () => void = () => {};
    const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
    const connected = new Promise<void>((resolve) => (onConnected = resolve));
    const client = createClient({
      url: `ws://127.0.0.1:${this.port}/graphql`,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: connectionParams ?? (token ? { authorization: `Bearer ${token}` } : {}),
      onNonLazyError: () => {},
      on: {
        connected: () => onConnected(),
        closed: (event) => {
          const e = event as { code: number; reason: string | Buffer };
          onClosed({ code: e.code, reason: String(e.reason) });
        },
      },
    });
    const socket: SocketClient = {
      client,
      closed,
      connected,
      execute: <T>(payload: SubscribePayload) =>
        new Promise<FormattedExecutionResult<T>>((resolve, reject) => {
          let result: FormattedExecutionResult<T> = {};
          client.subscribe<T>(payload, {
            next: (r) => (result = r as FormattedExecutionResult<T>),
            error: (err) => (Array.isArray(err) ? resolve({ errors: err }) : reject(err)),
            complete: () => resolve(result),
          });
        }),
      dispose: async () => {
        await client.dispose();
      },
    };
    this.sockets.push(socket);

    return socket;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) await s.dispose();
    await this.app.close();
    await this.nats.drain();
    await cleanupNamespace(this.env);
  }
}

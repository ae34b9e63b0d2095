import type { IncomingMessage } from 'node:http';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ErrorCode } from '@roost/contracts';
import {
  GraphQLError,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
} from 'graphql';
import { CloseCode, type Context } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { Gauge, Registry } from 'prom-client';
import { WebSocketServer } from 'ws';
import { GatewayContextFactory } from '../auth/gateway-context.factory';
import { TokenService } from '../auth/token.service';
import type { AgentContext, AuthFailure } from '../common/context/agent-context';
import { GatewayErrorFormatter } from '../common/errors/gateway-error.formatter';
import { GraphqlLimits } from '../common/limits/graphql-limits';
import { MAX_BODY_BYTES, MAX_OPERATIONS_PER_SOCKET } from '../common/limits/limits.constants';
import { GRAPHQL_PATH, WS_KEEPALIVE_MS } from '../gateway.constants';
import { SharedSubscriptionExecutor } from './shared-subscription.executor';

type WsContext = Context<Record<string, unknown>, Extra>;

interface SocketSession {
  readonly agent: AgentContext;
  readonly clientIp: string;
  readonly expiry: NodeJS.Timeout;
}

/** Longest delay setTimeout accepts (~24.8 days); longer-lived tokens are re-armed by the check below. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * graphql-ws (graphql-transport-ws) mounted by us on Nest's HTTP server, on the GraphQL path.
 *
 * Why not the Nest Apollo driver's `subscriptions: { 'graphql-ws': … }`: it builds the server from
 * @nestjs/graphql's own nested graphql-ws copy, always loads the legacy subscriptions-transport-ws,
 * and runs stock parse/validate, so none of our limits would reach the socket. Here every operation
 * (graphql-ws executes queries and mutations too) goes through `GraphqlLimits.prepare` (same parse
 * options and rule list as Apollo on HTTP), the same context factory, the same global guard and
 * error filter, and the same error formatter; subscriptions run through SharedSubscriptionExecutor.
 *
 * Authentication happens once in `connection_init` (`{ authorization: 'Bearer <jwt>' }`): no or an
 * expired token closes with 4401 Unauthorized (the client must log in again; graphql-ws clients do
 * not retry it), a token we refuse closes with 4403 Forbidden. The socket closes with 4401 when
 * its token expires.
 */
@Injectable()
export class GraphqlWsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(GraphqlWsServer.name);
  private readonly sessions = new WeakMap<WsContext, SocketSession>();
  private server?: { dispose(): void | Promise<void> };
  private sockets = 0;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly tokens: TokenService,
    private readonly contexts: GatewayContextFactory,
    private readonly limits: GraphqlLimits,
    private readonly errors: GatewayErrorFormatter,
    private readonly executor: SharedSubscriptionExecutor,
    registry: Registry,
  ) {
    const sockets = (): number => this.sockets;
    new Gauge({
      name: 'gateway_ws_sockets',
      help: 'Authenticated graphql-ws sockets',
      registers: [registry],
      collect() {
        this.set(sockets());
      },
    });
  }

  onApplicationBootstrap(): void {
    const wss = new WebSocketServer({
      server: this.adapterHost.httpAdapter.getHttpServer(),
      path: GRAPHQL_PATH,
      maxPayload: MAX_BODY_BYTES,
    });
    this.server = useServer<Record<string, unknown>>(
      {
        onConnect: (ctx) => this.authenticate(ctx),
        onClose: (ctx) => this.forget(ctx),
        onSubscribe: (ctx, _id, payload) => this.prepare(ctx, payload),
        subscribe: (args) => this.executor.subscribe(args),
        onNext: (_ctx, _id, _payload, _args, result) => this.formatResult(result),
        onError: (_ctx, _id, _payload, errors) => errors.map((e) => this.errors.format(e)),
        // Production hides internal messages in close reasons (graphql-ws reads NODE_ENV otherwise).
        isProd: this.limits.policy.production,
      },
      wss,
      WS_KEEPALIVE_MS,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.server?.dispose();
  }

  private authenticate(ctx: WsContext): boolean {
    const verified = this.tokens.fromAuthorization(ctx.connectionParams?.['authorization']);
    if (!verified.ok) {
      this.refuse(ctx, verified.failure);

      return false;
    }
    const { agent } = verified;
    const expiry = setTimeout(
      () => ctx.extra.socket.close(CloseCode.Unauthorized, 'Token expired'),
      Math.min(Math.max(agent.expiresAtMs - Date.now(), 0), MAX_TIMER_MS),
    );
    expiry.unref();
    this.sessions.set(ctx, { agent, clientIp: clientIp(ctx.extra.request), expiry });
    this.sockets += 1;

    return true;
  }

  private refuse(ctx: WsContext, failure: AuthFailure): void {
    // Closing first makes our code win: graphql-ws's own close(4403) on `false` is then a no-op.
    if (failure === 'invalid') ctx.extra.socket.close(CloseCode.Forbidden, 'Forbidden: invalid token');
    else {
      ctx.extra.socket.close(
        CloseCode.Unauthorized,
        failure === 'expired' ? 'Unauthorized: token expired' : 'Unauthorized',
      );
    }
  }

  private forget(ctx: WsContext): void {
    const session = this.sessions.get(ctx);
    if (!session) return;
    clearTimeout(session.expiry);
    this.sessions.delete(ctx);
    this.sockets -= 1;
  }

  private prepare(
    ctx: WsContext,
    payload: {
      query: string;
      operationName?: string | null;
      variables?: Record<string, unknown> | null;
      extensions?: Record<string, unknown> | null;
    },
  ): ExecutionArgs | GraphQLError[] {
    const session = this.sessions.get(ctx);
    if (!session) return [domainError(ErrorCode.Unauthenticated, 'authentication required')];
    if (session.agent.expiresAtMs <= Date.now()) {
      ctx.extra.socket.close(CloseCode.Unauthorized, 'Token expired');

      return [domainError(ErrorCode.Unauthenticated, 'token expired')];
    }
    // graphql-ws registers the operation before calling us, so this count includes it.
    if (Object.keys(ctx.subscriptions).length > MAX_OPERATIONS_PER_SOCKET) {
      return [
        domainError(ErrorCode.RateLimited, `at most ${MAX_OPERATIONS_PER_SOCKET} operations per socket`, {
          reason: 'TOO_MANY_OPERATIONS',
          limit: MAX_OPERATIONS_PER_SOCKET,
        }),
      ];
    }
    const schema = this.schemaHost.schema;
    const prepared = this.limits.prepare(schema, payload.query);
    if (!prepared.ok) return prepared.errors;
    const key = payload.extensions?.['idempotencyKey'];

    return {
      schema,
      document: prepared.document,
      operationName: payload.operationName ?? null,
      variableValues: payload.variables ?? null,
      contextValue: this.contexts.forSocket({
        agent: session.agent,
        clientIp: session.clientIp,
        idempotencyKey: typeof key === 'string' ? key : undefined,
      }),
    };
  }

  /** Same formatter as Apollo's formatError; a result without data is a request error (bad variables). */
  private formatResult(result: ExecutionResult): FormattedExecutionResult | undefined {
    if (!result.errors) return undefined;
    const fallback = result.data === undefined ? ErrorCode.BadUserInput : ErrorCode.Internal;

    return { ...result, errors: result.errors.map((e) => this.errors.format(e, fallback)) };
  }
}

/** Refusals made here, before any resolver runs, in the shape the error formatter expects. */
function domainError(code: ErrorCode, message: string, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: details ? { code, details } : { code } });
}

function clientIp(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? 'unknown';
}

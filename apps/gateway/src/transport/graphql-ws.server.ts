import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Application } from 'express';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ROOST_ENV, type RoostEnv } from '@roost/config';
import { newCorrelationId, withCorrelation } from '@roost/observability';
import { ErrorCode } from '@roost/contracts';
import {
  execute,
  GraphQLError,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
} from 'graphql';
import { CloseCode, type Context } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { GatewayContextFactory } from '../auth/gateway-context.factory';
import { CredentialsService, type PresentedCredentials } from '../auth/credentials.service';
import { CurrentAccess } from '../auth/current-access';
import { TokenRevocations } from '../auth/token-revocations';
import { liveAgent, type AgentContext, type AuthFailure } from '../common/context/agent-context';
import { GatewayErrorFormatter } from '../common/errors/gateway-error.formatter';
import { GatewayMetrics } from '../common/gateway.metrics';
import { upgradeClientAddress } from '../common/limits/client-address';
import { GraphqlLimits } from '../common/limits/graphql-limits';
import { RateLimitService } from '../common/limits/rate-limit.service';
import { MAX_BODY_BYTES, MAX_OPERATIONS_PER_SOCKET } from '../common/limits/limits.constants';
import { GRAPHQL_PATH, WS_KEEPALIVE_MS } from '../common/gateway.constants';
import { SharedSubscriptionExecutor } from '../subscriptions/shared-subscription.executor';

type WsContext = Context<Record<string, unknown>, Extra>;

interface SocketSession {
  /** The caller with the access known now (CurrentAccess), replaced on every change; operations see it through `live`. */
  agent: AgentContext;
  /** What operations and their subscription filters get: reads `agent` at each use. */
  readonly live: AgentContext;
  readonly clientIp: string;
  readonly expiry: NodeJS.Timeout;
  /** API-key sockets: what connection_init presented, re-verified (through the cache) while open. */
  readonly credentials?: PresentedCredentials;
  readonly recheck?: NodeJS.Timeout;
}

/** RFC 6455 "Try Again Later": a transient failure, so graphql-ws clients may retry. */
const TRY_AGAIN_LATER = 1013;

/**
 * More sockets than GATEWAY_MAX_SOCKETS_PER_AGENT for one agent or API key. graphql-ws's 4429 (its
 * "too many initialisation requests") is one its clients do not retry: a retry would be refused
 * again until the caller closes one of its sockets.
 */
const TOO_MANY_SOCKETS = CloseCode.TooManyInitialisationRequests;

/** Longest delay setTimeout accepts (~24.8 days); longer-lived tokens are re-armed by the check below. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** How a socket is closed for each way its credentials fail. */
const CLOSE_FOR: Record<AuthFailure, [code: number, reason: string]> = {
  invalid: [CloseCode.Forbidden, 'Forbidden: invalid token'],
  unavailable: [TRY_AGAIN_LATER, 'Try again later: credentials could not be verified'],
  invalid_api_key: [CloseCode.Unauthorized, 'Unauthorized: invalid API key'],
  expired: [CloseCode.Unauthorized, 'Unauthorized: token expired'],
  missing: [CloseCode.Unauthorized, 'Unauthorized'],
  revoked: [CloseCode.Unauthorized, 'Unauthorized: token revoked'],
  rate_limited: [TRY_AGAIN_LATER, 'Try again later: too many refused API keys'],
};

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
 * Authentication happens in `connection_init` (`{ authorization: 'Bearer <jwt>' }`, or
 * `{ authorization: 'ApiKey <key>' }` / `{ apiKey: '<key>' }`): no or an expired token, or a refused
 * API key, closes with 4401 Unauthorized (the client must log in again; graphql-ws clients do not
 * retry it), a token we refuse closes with 4403 Forbidden, and credentials that could not be checked
 * (routing or the IdP down) close with 1013 Try Again Later; an agent or API key past
 * GATEWAY_MAX_SOCKETS_PER_AGENT open sockets on this instance closes with 4429. The socket closes with 4401 when its
 * token expires. API keys do not expire; an API-key socket is re-verified before every operation and
 * every API_KEY_CACHE_SECONDS, so a revoked key's socket closes with 4401 at most twice that long
 * after the revocation (at once on the instance that revoked it, at the next check). An agent's
 * socket closes with 4401 as soon as the gateway learns that the agent was deactivated or that
 * their token was revoked (TokenRevocations), and every operation is checked against it too.
 */
@Injectable()
export class GraphqlWsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger(GraphqlWsServer.name);
  private readonly sessions = new WeakMap<WsContext, SocketSession>();
  /** Agents' open sockets, to close them when the agent's tokens are revoked. */
  private readonly byAgent = new Map<string, Set<WsContext>>();
  /** Open sockets per caller (`agent:<id>`, `apiKey:<id>`), capped at maxSocketsPerAgent. */
  private readonly perCaller = new Map<string, number>();
  private readonly maxSocketsPerCaller: number;
  private server?: { dispose(): void | Promise<void> };
  private readonly recheckMs: number;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly credentials: CredentialsService,
    private readonly contexts: GatewayContextFactory,
    private readonly limits: GraphqlLimits,
    private readonly errors: GatewayErrorFormatter,
    private readonly executor: SharedSubscriptionExecutor,
    private readonly rateLimits: RateLimitService,
    private readonly revocations: TokenRevocations,
    private readonly access: CurrentAccess,
    @Inject(ROOST_ENV) env: RoostEnv,
    private readonly metrics: GatewayMetrics,
  ) {
    this.recheckMs = Math.max(env.auth.apiKeyCacheSeconds, 1) * 1000;
    this.maxSocketsPerCaller = env.auth.maxSocketsPerAgent;
  }

  onApplicationBootstrap(): void {
    this.revocations.onChange((agentId) => this.closeRevoked(agentId));
    this.access.onChange((agentId) => this.rejudge(agentId));
    this.access.retain((agentId) => this.byAgent.has(agentId));
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
        // Each operation on a socket gets its own correlation id, as an HTTP request does: the requests
        // and events it causes and the log lines of its handling carry it.
        execute: (args) => withCorrelation(newCorrelationId(), () => execute(args)),
        subscribe: (args) => withCorrelation(newCorrelationId(), () => this.executor.subscribe(args)),
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

  private async authenticate(ctx: WsContext): Promise<boolean> {
    const params = ctx.connectionParams ?? {};
    const credentials: PresentedCredentials = {
      authorization: params['authorization'],
      apiKey: params['apiKey'] ?? params['x-api-key'],
      clientIp: upgradeClientAddress(
        this.adapterHost.httpAdapter.getInstance<Application>(),
        ctx.extra.request,
      ),
    };
    const verified = await this.credentials.authenticate(credentials);
    if (!verified.ok) {
      this.refuse(ctx, verified.failure);

      return false;
    }
    const { agent } = verified;
    // Checked and counted in the same tick, after the last await: concurrent inits cannot both pass.
    const caller = callerKey(agent);
    const open = this.perCaller.get(caller) ?? 0;
    if (open >= this.maxSocketsPerCaller) {
      ctx.extra.socket.close(
        TOO_MANY_SOCKETS,
        `Too many sockets: at most ${this.maxSocketsPerCaller} per agent`,
      );

      return false;
    }
    this.perCaller.set(caller, open + 1);
    const expiry = setTimeout(
      () => ctx.extra.socket.close(CloseCode.Unauthorized, 'Token expired'),
      Math.min(Math.max(agent.expiresAtMs - Date.now(), 0), MAX_TIMER_MS),
    );
    expiry.unref();
    let recheck: NodeJS.Timeout | undefined;
    if (agent.kind === 'apiKey') {
      recheck = setInterval(() => {
        this.stillValid(ctx, credentials).catch((err: unknown) =>
          this.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'API key re-check failed'),
        );
      }, this.recheckMs);
      recheck.unref();
    }
    const session: SocketSession = {
      agent,
      live: liveAgent(() => session.agent),
      clientIp: credentials.clientIp,
      expiry,
      ...(recheck ? { credentials, recheck } : {}),
    };
    this.sessions.set(ctx, session);
    this.metrics.wsSockets.inc();
    if (agent.kind === 'agent') {
      const open = this.byAgent.get(agent.id) ?? new Set<WsContext>();
      open.add(ctx);
      this.byAgent.set(agent.id, open);
    }

    return true;
  }

  private closeRevoked(agentId: string): void {
    for (const ctx of this.byAgent.get(agentId) ?? []) {
      const session = this.sessions.get(ctx);
      if (session && this.revocations.refused(session.agent)) this.refuse(ctx, 'revoked');
    }
  }

  /**
   * The agent's role, queues or access changed (CurrentAccess): their sockets carry on with the new
   * access, which every later operation and every event filter of their running subscriptions reads
   * (`live`): a demoted admin's next mutation is FORBIDDEN, a removed member's queue subscription gets
   * no more of that queue's events. An agent routing no longer knows as active closes with 4401.
   */
  private rejudge(agentId: string): void {
    for (const ctx of this.byAgent.get(agentId) ?? []) {
      const session = this.sessions.get(ctx);
      if (!session) continue;
      const current = this.access.current(session.agent);
      if (current) session.agent = current;
      else this.refuse(ctx, 'revoked');
    }
  }

  /**
   * An API key revoked since connection_init closes its socket (4401); routing down keeps it open, and
   * so does an address out of lookups (others behind the same address sprayed keys: not this key's fault).
   */
  private async stillValid(ctx: WsContext, credentials: PresentedCredentials): Promise<boolean> {
    const verified = await this.credentials.authenticate(credentials);
    if (verified.ok || verified.failure === 'unavailable' || verified.failure === 'rate_limited') return true;
    this.refuse(ctx, verified.failure);

    return false;
  }

  private refuse(ctx: WsContext, failure: AuthFailure): void {
    // Closing first makes our code win: graphql-ws's own close(4403) on `false` is then a no-op.
    ctx.extra.socket.close(...CLOSE_FOR[failure]);
  }

  private forget(ctx: WsContext): void {
    const session = this.sessions.get(ctx);
    if (!session) return;
    clearTimeout(session.expiry);
    clearInterval(session.recheck);
    this.sessions.delete(ctx);
    this.metrics.wsSockets.dec();
    const caller = callerKey(session.agent);
    const left = (this.perCaller.get(caller) ?? 1) - 1;
    if (left > 0) this.perCaller.set(caller, left);
    else this.perCaller.delete(caller);
    const open = this.byAgent.get(session.agent.id);
    open?.delete(ctx);
    if (open?.size === 0) this.byAgent.delete(session.agent.id);
  }

  private async prepare(
    ctx: WsContext,
    payload: {
      query: string;
      operationName?: string | null;
      variables?: Record<string, unknown> | null;
      extensions?: Record<string, unknown> | null;
    },
  ): Promise<ExecutionArgs | GraphQLError[]> {
    const session = this.sessions.get(ctx);
    if (!session) return [domainError(ErrorCode.Unauthenticated, 'authentication required')];
    if (session.agent.expiresAtMs <= Date.now()) {
      ctx.extra.socket.close(CloseCode.Unauthorized, 'Token expired');

      return [domainError(ErrorCode.Unauthenticated, 'token expired')];
    }
    const current = this.revocations.refused(session.agent) ? null : this.access.current(session.agent);
    if (!current) {
      this.refuse(ctx, 'revoked');

      return [domainError(ErrorCode.Unauthenticated, 'token revoked', { reason: 'REVOKED' })];
    }
    session.agent = current;
    if (session.credentials && !(await this.stillValid(ctx, session.credentials))) {
      return [domainError(ErrorCode.Unauthenticated, 'invalid API key', { reason: 'INVALID_API_KEY' })];
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
    // The caller's bucket, shared with HTTP (RateLimitService): taken once the document is valid,
    // at the same point Apollo's didResolveOperation takes it for HTTP.
    const refusal = this.rateLimits.check(session);
    if (refusal) return [refusal];
    const key = payload.extensions?.['idempotencyKey'];

    return {
      schema,
      document: prepared.document,
      operationName: payload.operationName ?? null,
      variableValues: payload.variables ?? null,
      contextValue: this.contexts.forSocket({
        agent: session.live,
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

function callerKey(agent: AgentContext): string {
  return `${agent.kind}:${agent.id}`;
}

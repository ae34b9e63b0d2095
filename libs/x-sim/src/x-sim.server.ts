import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ComplianceJobs } from './compliance/compliance-jobs';
import { FaultInjector } from './http/fault-injector';
import { RateLimiter } from './http/rate-limiter';
import { RequestDispatcher } from './http/request-dispatcher';
import { Router } from './http/router';
import type { SimContext } from './http/sim-context';
import { SimMetrics } from './http/sim-metrics';
import { WireSerializer } from './http/wire-serializer';
import { registerComplianceRoutes } from './routes/compliance.routes';
import { registerDmRoutes } from './routes/dm.routes';
import { registerHealthRoutes } from './routes/health.routes';
import { registerMediaRoutes } from './routes/media.routes';
import { registerSimRoutes } from './routes/sim.routes';
import { registerStreamRoutes } from './routes/stream.routes';
import { registerTweetReadRoutes } from './routes/tweet-read.routes';
import { registerTweetWriteRoutes } from './routes/tweet-write.routes';
import { registerUserRoutes } from './routes/user.routes';
import { SimOperations } from './sim-operations';
import type { SimStats } from './sim-operations';
import { DuplicateGuard } from './store/duplicate-guard';
import { SimStore } from './store/sim-store';
import { StreamHub } from './stream/stream-hub';
import { StreamRuleBook } from './stream/stream-rule-book';
import {
  DEFAULT_DUPLICATE_WINDOW_MS,
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_RATE_LIMITS,
  FALLBACK_RATE_LIMIT,
  RATE_LIMIT_WINDOW_MS,
} from './x-sim.constants';
import type {
  ApiTier,
  FaultSpec,
  InjectDmInput,
  InjectTweetInput,
  SimDmEvent,
  UserComplianceReason,
  SimTweet,
  SimUser,
  XSimOptions,
} from './x-sim.types';

/** A running emulator: its URL, its store, and the knobs tests turn. */
export interface XSim {
  /** e.g. `http://127.0.0.1:4100`; pass it as `baseUrl` to `createXClient`. */
  readonly url: string;
  readonly port: number;
  readonly store: SimStore;
  readonly rules: StreamRuleBook;
  readonly metrics: SimMetrics;
  injectTweet(input: InjectTweetInput): SimTweet;
  injectDm(input: InjectDmInput): SimDmEvent;
  replies(tweetId: string): SimTweet[];
  postsBy(handle: string): { tweets: SimTweet[]; dms: SimDmEvent[] };
  registerBrand(params: { username: string; name?: string; apiTier?: ApiTier }): SimUser;
  /** The author deletes a tweet: it vanishes from reads and batch compliance reports it. */
  deleteTweet(id: string): boolean;
  /** The user protects, suspends or deactivates (deletes) the account. */
  withdrawUser(id: string, reason: UserComplianceReason): SimUser | undefined;
  injectFault(spec: FaultSpec): void;
  clearFaults(): void;
  /** Drops open stream connections; `operational` sends X's operational-disconnect payload first. */
  disconnectStreams(opts?: { operational?: boolean }): number;
  /** Stalled streams stay open but send no heartbeats and no tweets. */
  stallStreams(stalled: boolean): void;
  setRateLimit(endpoint: string, limitPerWindow: number): void;
  stats(): SimStats;
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts the X API v2 emulator.
 *
 * Plain node:http rather than a framework on purpose: the filtered stream needs a response that
 * stays open with hand-timed CRLF heartbeats, faults must be able to cut a socket mid-stream or
 * stall it, and every header (x-rate-limit-*, problem+json) must be exactly X's. A framework's
 * body parsing, compression and error pages would each have to be switched off to get there.
 */
export async function startXSim(opts: XSimOptions = {}): Promise<XSim> {
  const clock = Date.now;
  const store = new SimStore(clock);
  const seedBrands = opts.seedBrands ?? false;
  if (seedBrands) {
    store.seedBrands();
  }
  const metrics = new SimMetrics();
  const rules = new StreamRuleBook();
  const serializer = new WireSerializer(store);
  const hub = new StreamHub(
    { store, rules, serializer, heartbeatMs: opts.heartbeatMs ?? DEFAULT_HEARTBEAT_MS },
    (n) => metrics.streamConnections.set(n),
  );
  store.onTweet((t) => hub.publish(t));
  const ctx: SimContext = {
    store,
    rules,
    hub,
    serializer,
    faults: new FaultInjector(),
    limiter: new RateLimiter(
      { ...DEFAULT_RATE_LIMITS, ...opts.rateLimits },
      FALLBACK_RATE_LIMIT,
      opts.rateLimitWindowMs ?? RATE_LIMIT_WINDOW_MS,
      clock,
    ),
    metrics,
    duplicates: new DuplicateGuard(opts.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS, clock),
    seedBrands,
    clock,
    compliance: new ComplianceJobs(store, clock, opts.complianceProcessingMs ?? 0),
  };
  const ops = new SimOperations({ ...ctx });
  const router = new Router();
  registerHealthRoutes(router, ctx);
  registerSimRoutes(router, ctx, ops);
  registerStreamRoutes(router, ctx);
  registerTweetReadRoutes(router, ctx);
  registerTweetWriteRoutes(router, ctx);
  registerUserRoutes(router, ctx);
  registerDmRoutes(router, ctx);
  registerMediaRoutes(router, ctx);
  registerComplianceRoutes(router, ctx);
  const dispatcher = new RequestDispatcher(router, ctx, opts.logger);
  const server: Server = createServer((req, res) => void dispatcher.handle(req, res));
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    store,
    rules,
    metrics,
    injectTweet: (input) => ops.injectTweet(input),
    injectDm: (input) => ops.injectDm(input),
    replies: (id) => ops.replies(id),
    postsBy: (handle) => ops.postsBy(handle),
    registerBrand: (params) => ops.registerBrand(params),
    deleteTweet: (id) => store.deleteTweet(id),
    withdrawUser: (id, reason) => store.withdrawUser(id, reason),
    injectFault: (spec) => ctx.faults.add(spec),
    clearFaults: () => ctx.faults.clear(),
    disconnectStreams: (o) => hub.disconnectAll(o?.operational ?? false),
    stallStreams: (stalled) => hub.setStalled(stalled),
    setRateLimit: (endpoint, limit) => ctx.limiter.setLimit(endpoint, limit),
    stats: () => ops.stats(),
    reset: () => ops.reset(),
    close: async () => {
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

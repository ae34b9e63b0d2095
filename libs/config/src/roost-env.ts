import { bool, cleanEnv, json, makeValidator, num, str, url } from 'envalid';

/** The services of the platform; each has its own HTTP port for health, readiness and metrics. */
export type ServiceName = 'ingest' | 'routing' | 'conversations' | 'metrics' | 'gateway' | 'twitter-sim';

export const DEFAULT_PORTS: Readonly<Record<ServiceName, number>> = {
  gateway: 4000,
  'twitter-sim': 4100,
  ingest: 4201,
  routing: 4202,
  conversations: 4203,
  metrics: 4204,
};

const list = makeValidator<string[]>((input) => {
  const items = String(input)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new Error('expected a comma-separated list, e.g. nats://127.0.0.1:4222');
  return items;
});

/** Names used by tests to isolate their schemas and streams; lower-case letters, digits and underscore. */
const namespace = makeValidator<string>((input) => {
  if (!/^[a-z][a-z0-9_]{0,30}$/.test(input)) {
    throw new Error('expected lower-case letters, digits or _ (max 31 chars), e.g. roost');
  }
  return input;
});

/**
 * NATS credentials, one kind at most: user and password, a token, or a `.creds` file (JWT and NKey
 * seed, for operator/account-based clusters such as Synadia Cloud). TLS files for a server that
 * requires TLS or verifies clients; a `tls://` server URL asks for TLS with the system's CAs.
 */
export interface NatsAuth {
  readonly user?: string;
  readonly pass?: string;
  readonly token?: string;
  readonly credsFile?: string;
  readonly tls?: { readonly caFile?: string; readonly certFile?: string; readonly keyFile?: string };
}

export interface RoostEnv {
  readonly nodeEnv: 'production' | 'development' | 'test';
  readonly logLevel: string;
  readonly host: string;
  /**
   * The schema owner's login: migrations (at service start and `npm run migrate`), the admin CLI,
   * test harnesses. Never the services' runtime pool.
   */
  readonly databaseUrl: string;
  /**
   * The login every service's runtime pool uses: `roost_app` (APP_ROLE in @roost/database), not a
   * superuser, owning nothing, a member of no role, so `SET ROLE NONE` / `RESET ROLE` leave it
   * under row-level security. DATABASE_APP_URL, else DATABASE_URL with user `roost_app` and the
   * password ROOST_DB_APP_PASSWORD.
   */
  readonly databaseAppUrl: string;
  /** Services apply their migrations at start with a short-lived owner connection (DATABASE_MIGRATE_ON_START). */
  readonly databaseMigrateOnStart: boolean;
  /** Prefix of every PostgreSQL schema this process owns ('' in production: schema `routing`). */
  readonly schemaPrefix: string;
  readonly natsServers: readonly string[];
  /** First token of every NATS subject and stream name (`roost.mention.received.<brand>`). */
  readonly natsNamespace: string;
  /**
   * How long streams keep events. They carry customers' tweets and profiles: X's terms want deleted
   * or protected content gone within 24 h, while a consumer down longer than this loses events.
   */
  readonly natsStreamMaxAgeHours: number;
  /** Copies of every stream across a JetStream cluster: 1 on one server, 3 in production (RELIABILITY.md). */
  readonly natsStreamReplicas: number;
  /** How this process proves itself to NATS (a secured cluster), and TLS; empty for a local server. */
  readonly natsAuth: NatsAuth;
  readonly demoSeed: boolean;
  readonly jwtSecret: string;
  readonly jwtTtlSeconds: number;
  readonly x: {
    /** Base URL of the X API. Unset with a bearer token: the real api.x.com. */
    readonly baseUrl: string | undefined;
    readonly bearerToken: string;
    /** User-context tokens per brand handle (posting replies, DMs). twitter-sim: `sim-user:<handle>`. */
    readonly accountTokens: Readonly<Record<string, string>>;
  };
  readonly ports: Readonly<Record<ServiceName, number>>;
  readonly rpcTimeoutMs: number;
  /** Gateway authentication beyond the demo HS256 tokens, and per-caller rate limits. */
  readonly auth: {
    /** How long the gateway trusts a verified API key (or IdP agent profile) before asking routing again. */
    readonly apiKeyCacheSeconds: number;
    /** An identity provider's RS256 tokens, verified against its JWKS; undefined when AUTH_JWKS_URL is unset. */
    readonly idp: IdpConfig | undefined;
    /** Token bucket per caller (agent, API key, or client IP when anonymous), per gateway instance. */
    readonly rateLimit: { readonly perSecond: number; readonly burst: number };
    /**
     * Express `trust proxy`: false (X-Forwarded-For ignored, the socket address is the client), a
     * hop count, or the addresses/CIDRs of trusted proxies. Rate limits and login throttling key on it.
     */
    readonly trustProxy: false | number | readonly string[];
    /** graphql-ws sockets one agent (or API key) may hold on one gateway; the next closes with 4429. */
    readonly maxSocketsPerAgent: number;
    /** `POST /media` bodies one agent (or API key) may send at once to one gateway; the next gets 429. */
    readonly maxUploadsPerAgent: number;
    /** `POST /media` bodies one gateway reads at once (each up to 15 MB in memory); the next gets 429. */
    readonly maxUploads: number;
  };
  readonly ingest: IngestEnv;
  readonly conversations: ConversationsEnv;
  readonly metrics: MetricsEnv;
  /** The transactional outbox of every service that has one (@roost/messaging's Outbox). */
  readonly outbox: OutboxEnv;
}

/** Ingest's listening on X: sources, their intervals, and the X API budget (INGEST_*). */
export interface IngestEnv {
  /** Filtered stream on (real time); polling still backfills what a disconnect missed. */
  readonly stream: boolean;
  readonly pollIntervalMs: number;
  /** Silence on the stream (X heartbeats every 20 s) after which it is reconnected. */
  readonly streamStallMs: number;
  /** Recent-search polling of brand names, hashtags, misspellings and intent phrases. */
  readonly search: boolean;
  readonly searchIntervalMs: number;
  /** DM events polling per brand account (user context). */
  readonly dms: boolean;
  readonly dmIntervalMs: number;
  /** Recent search from the last stream tweet id after every (re)connect. */
  readonly streamBackfill: boolean;
  /** Re-read accounts and rules so every replica sees changes another one made. */
  readonly directoryRefreshMs: number;
  /** Monthly X API budget per brand in credits (1 credit = 1 post read at list price); 0 = none. */
  readonly monthlyBudgetCredits: number;
  /** Cost in credits of one request, one post read and one DM event read. */
  readonly costPerRequest: number;
  readonly costPerPost: number;
  readonly costPerDm: number;
  /** Generated misspelling variants per brand name added to the X rules (local fuzzy catches more). */
  readonly maxVariantsPerName: number;
  /** How often batch compliance jobs in flight are checked and due brands' passes started. */
  readonly complianceTickMs: number;
  /**
   * "Turn any tweet into a case" (INGEST_CASE_FROM_TWEET): off refuses it, e.g. during a rolling
   * upgrade until routing, conversations and metrics understand `source: manual`.
   */
  readonly caseFromTweet: boolean;
  /** Cases from tweets one actor, and one brand, may ask for per minute (each reads up to 11 tweets on X). */
  readonly caseFromTweetPerActorPerMinute: number;
  readonly caseFromTweetPerBrandPerMinute: number;
}

/** Conversations' outbound ledger and its reconciler (CONVERSATIONS_*). */
export interface ConversationsEnv {
  /** How long a claim on an outbound post lasts before the reconciler may settle it (longer than X's timeout). */
  readonly outboundLeaseMs: number;
  /** How often the reconciler looks for unsettled posts (it also runs once at start). */
  readonly reconcileIntervalMs: number;
  /** How often snoozed conversations whose time has come are woken (it also runs once at start). */
  readonly snoozeSweepMs: number;
  /** Bytes an agent may hold staged and on no post yet (`POST /media` answers RATE_LIMITED past it). */
  readonly attachmentQuotaPerAgentBytes: number;
  /** The same for a whole brand. */
  readonly attachmentQuotaPerBrandBytes: number;
  /** The longest one attachment's upload to X may take (processing polls included) before it counts as unclear. */
  readonly mediaUploadTimeoutMs: number;
  /** Test only (NODE_ENV=test and ROOST_TEST_CRASH_AFTER_POST): SIGKILL the process right after X accepted a post, before the ledger commit. */
  readonly crashAfterPost: boolean;
}

export interface MetricsEnv {
  /** How often the expected wait of every queue is recomputed and published (METRICS_WAIT_INTERVAL_MS). */
  readonly waitIntervalMs: number;
}

export interface OutboxEnv {
  /** How often rows left by a crash or a failed publish are looked for (OUTBOX_SWEEP_MS); 0 disables the sweep. */
  readonly sweepMs: number;
  /** Test only (NODE_ENV=test and ROOST_TEST_CRASH_AFTER_COMMIT): exit right after a commit, before the relay publishes. */
  readonly crashAfterCommit: boolean;
}

export interface IdpConfig {
  readonly jwksUrl: string;
  readonly issuer: string;
  readonly audience: string;
  /** Claim names holding the Roost brand id, role (agent|supervisor|admin) and agent id. */
  readonly claims: { readonly brand: string; readonly role: string; readonly agent: string };
}

const DEMO_JWT_SECRET = 'roost-demo-secret-change-me';

/** The levels pino knows (LOG_LEVEL). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads and validates the environment once, at boot. A missing or malformed variable stops the
 * process with its name and an example value (envalid's reporter). Every service's settings are
 * here, those only one service uses in its own section (`ingest`, `conversations`, `metrics`),
 * the outbox's in `outbox`; twitter-sim, which does not use RoostEnv, has readTwitterSimEnv
 * (twitter-sim-env.ts). This library is the only code that reads process.env for settings.
 */
export function readRoostEnv(source: NodeJS.ProcessEnv = process.env): RoostEnv {
  const e = cleanEnv(source, {
    NODE_ENV: str({ choices: ['production', 'development', 'test'], default: 'development' }),
    LOG_LEVEL: str({ default: 'info', choices: LOG_LEVELS }),
    HOST: str({ default: '127.0.0.1', desc: 'interface the HTTP servers bind to' }),
    DATABASE_URL: url({
      default: 'postgres://postgres@127.0.0.1:5432/roost',
      desc: 'the schema owner: migrations and tools',
    }),
    DATABASE_APP_URL: str({
      default: '',
      desc: "the services' runtime login (roost_app); default: DATABASE_URL as roost_app",
      example: 'postgres://roost_app:secret@db:5432/roost',
    }),
    ROOST_DB_APP_PASSWORD: str({
      default: '',
      desc: 'password of roost_app when DATABASE_APP_URL is derived from DATABASE_URL',
    }),
    DATABASE_MIGRATE_ON_START: bool({
      default: true,
      desc: 'false: services do not migrate (run `npm run migrate` as the owner first) and never use DATABASE_URL',
    }),
    ROOST_SCHEMA_PREFIX: str({ default: '' }),
    NATS_SERVERS: list({ default: ['nats://127.0.0.1:4222'] }),
    ROOST_NATS_NAMESPACE: namespace({ default: 'roost' }),
    NATS_STREAM_MAX_AGE_HOURS: num({
      default: 168,
      desc: "hours streams keep events (24 meets X's 24 h removal of withdrawn content)",
    }),
    NATS_STREAM_REPLICAS: num({
      default: 1,
      choices: [1, 3, 5],
      desc: 'copies of each stream in a JetStream cluster (3 in production)',
    }),
    NATS_USER: str({ default: '' }),
    NATS_PASSWORD: str({ default: '' }),
    NATS_TOKEN: str({ default: '' }),
    NATS_CREDS_FILE: str({
      default: '',
      desc: 'NATS .creds file (JWT + NKey seed)',
      example: '/run/secrets/roost.creds',
    }),
    NATS_TLS_CA_FILE: str({ default: '', desc: 'CA that signed the NATS server certificate' }),
    NATS_TLS_CERT_FILE: str({ default: '', desc: 'client certificate, for servers that verify clients' }),
    NATS_TLS_KEY_FILE: str({ default: '' }),
    ROOST_DEMO_SEED: bool({ default: false }),
    JWT_SECRET: str({ default: DEMO_JWT_SECRET }),
    JWT_TTL_SECONDS: num({ default: 8 * 3600 }),
    X_API_BASE_URL: str({ default: '' }),
    X_BEARER_TOKEN: str({ default: '' }),
    X_ACCOUNT_TOKENS: json<Record<string, string>>({
      default: {},
      desc: 'JSON map of brand handle to OAuth 2.0 user token',
    }),
    GATEWAY_PORT: num({ default: DEFAULT_PORTS.gateway }),
    TWITTER_SIM_PORT: num({ default: DEFAULT_PORTS['twitter-sim'] }),
    INGEST_PORT: num({ default: DEFAULT_PORTS.ingest }),
    ROUTING_PORT: num({ default: DEFAULT_PORTS.routing }),
    CONVERSATIONS_PORT: num({ default: DEFAULT_PORTS.conversations }),
    METRICS_PORT: num({ default: DEFAULT_PORTS.metrics }),
    RPC_TIMEOUT_MS: num({ default: 5000 }),
    INGEST_STREAM: bool({ default: true }),
    INGEST_POLL_INTERVAL_MS: num({ default: 15_000 }),
    INGEST_STREAM_STALL_MS: num({ default: 30_000 }),
    INGEST_SEARCH: bool({ default: true }),
    INGEST_SEARCH_INTERVAL_MS: num({ default: 30_000 }),
    INGEST_DMS: bool({ default: true }),
    INGEST_DM_INTERVAL_MS: num({ default: 15_000 }),
    INGEST_STREAM_BACKFILL: bool({ default: true }),
    INGEST_DIRECTORY_REFRESH_MS: num({ default: 30_000 }),
    INGEST_X_MONTHLY_BUDGET_CREDITS: num({ default: 0 }),
    INGEST_X_COST_PER_REQUEST: num({ default: 0 }),
    INGEST_X_COST_PER_POST: num({ default: 1 }),
    INGEST_X_COST_PER_DM: num({ default: 2 }),
    INGEST_MAX_VARIANTS_PER_NAME: num({ default: 8 }),
    INGEST_COMPLIANCE_TICK_MS: num({ default: 60_000 }),
    INGEST_CASE_FROM_TWEET: bool({ default: true }),
    INGEST_CASE_FROM_TWEET_PER_ACTOR_PER_MINUTE: num({ default: 20 }),
    INGEST_CASE_FROM_TWEET_PER_BRAND_PER_MINUTE: num({ default: 120 }),
    CONVERSATIONS_OUTBOUND_LEASE_MS: num({ default: 30_000 }),
    CONVERSATIONS_RECONCILE_INTERVAL_MS: num({ default: 10_000 }),
    CONVERSATIONS_SNOOZE_SWEEP_MS: num({ default: 5_000 }),
    CONVERSATIONS_ATTACHMENT_QUOTA_AGENT_BYTES: num({ default: 60 * 1024 * 1024 }),
    CONVERSATIONS_ATTACHMENT_QUOTA_BRAND_BYTES: num({ default: 2 * 1024 * 1024 * 1024 }),
    CONVERSATIONS_MEDIA_UPLOAD_TIMEOUT_MS: num({ default: 120_000 }),
    ROOST_TEST_CRASH_AFTER_POST: bool({ default: false }),
    METRICS_WAIT_INTERVAL_MS: num({
      default: 120_000,
      desc: 'expected-wait recomputation period, e.g. 120000',
    }),
    OUTBOX_SWEEP_MS: num({ default: 1_000 }),
    ROOST_TEST_CRASH_AFTER_COMMIT: bool({ default: false }),
    API_KEY_CACHE_SECONDS: num({
      default: 30,
      desc: 'gateway trusts a verified API key this long; bounds revocation delay',
    }),
    AUTH_JWKS_URL: str({
      default: '',
      desc: 'JWKS of the identity provider whose RS256 tokens the gateway accepts',
      example: 'https://idp.example/.well-known/jwks.json',
    }),
    AUTH_ISSUER: str({ default: '', desc: 'required iss of IdP tokens', example: 'https://idp.example/' }),
    AUTH_AUDIENCE: str({ default: '', desc: 'required aud of IdP tokens', example: 'roost-api' }),
    AUTH_CLAIM_BRAND: str({ default: 'brand_id' }),
    AUTH_CLAIM_ROLE: str({ default: 'roost_role' }),
    AUTH_CLAIM_AGENT: str({ default: 'sub' }),
    RATE_LIMIT_PER_SECOND: num({
      default: 20,
      desc: 'GraphQL operations per second per caller (refill rate)',
    }),
    RATE_LIMIT_BURST: num({
      default: 200,
      desc: 'GraphQL operations a caller may send at once (bucket size)',
    }),
    GATEWAY_TRUST_PROXY: str({
      default: '',
      desc: 'proxies whose X-Forwarded-For the gateway believes: a hop count or a CIDR list (express trust proxy)',
      example: '1 or 10.0.0.0/8,loopback',
    }),
    GATEWAY_MAX_UPLOADS_PER_AGENT: num({ default: 4, desc: 'POST /media bodies one agent may send at once' }),
    GATEWAY_MAX_UPLOADS: num({ default: 16, desc: 'POST /media bodies one gateway reads at once' }),
    GATEWAY_MAX_SOCKETS_PER_AGENT: num({
      default: 20,
      desc: 'graphql-ws sockets one agent or API key may hold open on one gateway',
    }),
    ROOST_ENV: str({
      default: '',
      desc: 'production turns on the production checks as NODE_ENV=production does',
    }),
  });
  if (e.AUTH_JWKS_URL !== '' && (e.AUTH_ISSUER === '' || e.AUTH_AUDIENCE === '')) {
    throw new Error(
      'AUTH_ISSUER and AUTH_AUDIENCE are required with AUTH_JWKS_URL (e.g. https://idp.example/ and roost-api)',
    );
  }
  if (e.METRICS_WAIT_INTERVAL_MS < 1000) {
    throw new Error('METRICS_WAIT_INTERVAL_MS must be at least 1000 (e.g. 120000)');
  }
  if (e.NODE_ENV === 'production' || e.ROOST_ENV === 'production') refuseDemoSettings(e);
  // The NATS client ignores credentials in a URL, and URLs end up in logs: settings carry them.
  if (e.NATS_SERVERS.some((s) => /\/\/[^/@]+@/.test(s))) {
    throw new Error(
      'NATS_SERVERS must not carry credentials (nats://user:pass@host): set NATS_USER and NATS_PASSWORD, or NATS_TOKEN',
    );
  }
  const natsAuth = readNatsAuth(e);
  const realX = e.X_BEARER_TOKEN !== '' && e.X_API_BASE_URL === '';
  const simPort = e.TWITTER_SIM_PORT;
  // The crash switches of the fault-injection tests count only under NODE_ENV=test.
  const test = e.NODE_ENV === 'test';

  return Object.freeze({
    nodeEnv: e.NODE_ENV as RoostEnv['nodeEnv'],
    logLevel: e.LOG_LEVEL,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseAppUrl: appDatabaseUrl(e),
    databaseMigrateOnStart: e.DATABASE_MIGRATE_ON_START,
    schemaPrefix: e.ROOST_SCHEMA_PREFIX,
    natsServers: Object.freeze([...e.NATS_SERVERS]),
    natsNamespace: e.ROOST_NATS_NAMESPACE,
    natsStreamMaxAgeHours: e.NATS_STREAM_MAX_AGE_HOURS,
    natsStreamReplicas: e.NATS_STREAM_REPLICAS,
    natsAuth,
    demoSeed: e.ROOST_DEMO_SEED,
    jwtSecret: e.JWT_SECRET,
    jwtTtlSeconds: e.JWT_TTL_SECONDS,
    x: Object.freeze({
      baseUrl: realX ? undefined : e.X_API_BASE_URL || `http://127.0.0.1:${simPort}`,
      bearerToken: e.X_BEARER_TOKEN || 'sim-app-token',
      accountTokens: Object.freeze({ ...e.X_ACCOUNT_TOKENS }),
    }),
    ports: Object.freeze({
      gateway: e.GATEWAY_PORT,
      'twitter-sim': simPort,
      ingest: e.INGEST_PORT,
      routing: e.ROUTING_PORT,
      conversations: e.CONVERSATIONS_PORT,
      metrics: e.METRICS_PORT,
    }),
    rpcTimeoutMs: e.RPC_TIMEOUT_MS,
    auth: Object.freeze({
      apiKeyCacheSeconds: e.API_KEY_CACHE_SECONDS,
      idp:
        e.AUTH_JWKS_URL === ''
          ? undefined
          : Object.freeze({
              jwksUrl: e.AUTH_JWKS_URL,
              issuer: e.AUTH_ISSUER,
              audience: e.AUTH_AUDIENCE,
              claims: Object.freeze({
                brand: e.AUTH_CLAIM_BRAND,
                role: e.AUTH_CLAIM_ROLE,
                agent: e.AUTH_CLAIM_AGENT,
              }),
            }),
      rateLimit: Object.freeze({ perSecond: e.RATE_LIMIT_PER_SECOND, burst: e.RATE_LIMIT_BURST }),
      trustProxy: readTrustProxy(e.GATEWAY_TRUST_PROXY),
      maxSocketsPerAgent: e.GATEWAY_MAX_SOCKETS_PER_AGENT,
      maxUploadsPerAgent: e.GATEWAY_MAX_UPLOADS_PER_AGENT,
      maxUploads: e.GATEWAY_MAX_UPLOADS,
    }),
    ingest: Object.freeze({
      stream: e.INGEST_STREAM,
      pollIntervalMs: e.INGEST_POLL_INTERVAL_MS,
      streamStallMs: e.INGEST_STREAM_STALL_MS,
      search: e.INGEST_SEARCH,
      searchIntervalMs: e.INGEST_SEARCH_INTERVAL_MS,
      dms: e.INGEST_DMS,
      dmIntervalMs: e.INGEST_DM_INTERVAL_MS,
      streamBackfill: e.INGEST_STREAM_BACKFILL,
      directoryRefreshMs: e.INGEST_DIRECTORY_REFRESH_MS,
      monthlyBudgetCredits: e.INGEST_X_MONTHLY_BUDGET_CREDITS,
      costPerRequest: e.INGEST_X_COST_PER_REQUEST,
      costPerPost: e.INGEST_X_COST_PER_POST,
      costPerDm: e.INGEST_X_COST_PER_DM,
      maxVariantsPerName: e.INGEST_MAX_VARIANTS_PER_NAME,
      complianceTickMs: e.INGEST_COMPLIANCE_TICK_MS,
      caseFromTweet: e.INGEST_CASE_FROM_TWEET,
      caseFromTweetPerActorPerMinute: e.INGEST_CASE_FROM_TWEET_PER_ACTOR_PER_MINUTE,
      caseFromTweetPerBrandPerMinute: e.INGEST_CASE_FROM_TWEET_PER_BRAND_PER_MINUTE,
    }),
    conversations: Object.freeze({
      outboundLeaseMs: e.CONVERSATIONS_OUTBOUND_LEASE_MS,
      reconcileIntervalMs: e.CONVERSATIONS_RECONCILE_INTERVAL_MS,
      snoozeSweepMs: e.CONVERSATIONS_SNOOZE_SWEEP_MS,
      attachmentQuotaPerAgentBytes: e.CONVERSATIONS_ATTACHMENT_QUOTA_AGENT_BYTES,
      attachmentQuotaPerBrandBytes: e.CONVERSATIONS_ATTACHMENT_QUOTA_BRAND_BYTES,
      mediaUploadTimeoutMs: e.CONVERSATIONS_MEDIA_UPLOAD_TIMEOUT_MS,
      crashAfterPost: test && e.ROOST_TEST_CRASH_AFTER_POST,
    }),
    metrics: Object.freeze({ waitIntervalMs: e.METRICS_WAIT_INTERVAL_MS }),
    outbox: Object.freeze({
      sweepMs: e.OUTBOX_SWEEP_MS,
      crashAfterCommit: test && e.ROOST_TEST_CRASH_AFTER_COMMIT,
    }),
  });
}

/** The login the services' pools use (see RoostEnv.databaseAppUrl); 'roost_app' is APP_ROLE. */
function appDatabaseUrl(e: {
  DATABASE_URL: string;
  DATABASE_APP_URL: string;
  ROOST_DB_APP_PASSWORD: string;
}): string {
  if (e.DATABASE_APP_URL !== '') {
    if (!/^postgres(ql)?:\/\//.test(e.DATABASE_APP_URL)) {
      throw new Error(
        'DATABASE_APP_URL must be a postgres:// URL (e.g. postgres://roost_app:secret@db:5432/roost)',
      );
    }
    if (e.ROOST_DB_APP_PASSWORD !== '') {
      throw new Error('set the roost_app password in DATABASE_APP_URL or in ROOST_DB_APP_PASSWORD, not both');
    }

    return e.DATABASE_APP_URL;
  }
  const u = new URL(e.DATABASE_URL);
  u.username = 'roost_app';
  u.password = e.ROOST_DB_APP_PASSWORD === '' ? '' : encodeURIComponent(e.ROOST_DB_APP_PASSWORD);

  return u.toString();
}

/** HMAC-SHA256 wants a key at least as long as its output (RFC 2104, RFC 7518 §3.2). */
const MIN_SECRET_BYTES = 32;

/**
 * NODE_ENV=production or ROOST_ENV=production: the demo's shortcuts would let anyone who read the
 * README sign tokens or log in, so they stop the process, naming the setting.
 */
function refuseDemoSettings(e: { JWT_SECRET: string; ROOST_DEMO_SEED: boolean }): void {
  if (e.JWT_SECRET === DEMO_JWT_SECRET) {
    throw new Error(
      'JWT_SECRET must be set in production: it is the published demo secret (use e.g. `openssl rand -base64 48`)',
    );
  }
  if (Buffer.byteLength(e.JWT_SECRET) < MIN_SECRET_BYTES) {
    throw new Error(
      `JWT_SECRET is too short for production: at least ${MIN_SECRET_BYTES} bytes (use e.g. \`openssl rand -base64 48\`)`,
    );
  }
  if (e.ROOST_DEMO_SEED) {
    throw new Error(
      'ROOST_DEMO_SEED must be false in production: the demo seed creates logins with a published password',
    );
  }
}

/** '' → false; '2' → 2 hops; otherwise a comma list of addresses, CIDRs or proxy-addr names (loopback…). */
function readTrustProxy(raw: string): false | number | readonly string[] {
  const value = raw.trim();
  if (value === '' || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true') {
    throw new Error(
      "GATEWAY_TRUST_PROXY=true would believe any client's X-Forwarded-For: give a hop count (1) or the proxies' CIDRs",
    );
  }

  return Object.freeze(
    value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** Nest injection token for the validated environment. */
export const ROOST_ENV = 'ROOST_ENV';

/** The user-context token to act as a brand handle on X (or twitter-sim). */
export function xUserToken(env: RoostEnv, handle: string): string {
  const token = env.x.accountTokens[handle.toLowerCase()] ?? env.x.accountTokens[handle];
  if (token) return token;
  if (env.x.baseUrl) return `sim-user:${handle}`;
  throw new Error(`no X user token for @${handle}: add it to X_ACCOUNT_TOKENS`);
}

/** The NATS settings, checked together: one kind of credential, a password with its user, a key with its certificate. */
function readNatsAuth(e: {
  NATS_USER: string;
  NATS_PASSWORD: string;
  NATS_TOKEN: string;
  NATS_CREDS_FILE: string;
  NATS_TLS_CA_FILE: string;
  NATS_TLS_CERT_FILE: string;
  NATS_TLS_KEY_FILE: string;
}): NatsAuth {
  const kinds = [
    e.NATS_USER && 'NATS_USER/NATS_PASSWORD',
    e.NATS_TOKEN && 'NATS_TOKEN',
    e.NATS_CREDS_FILE && 'NATS_CREDS_FILE',
  ].filter(Boolean);
  if (kinds.length > 1) throw new Error(`set one NATS credential, not ${kinds.join(' and ')}`);
  if ((e.NATS_USER === '') !== (e.NATS_PASSWORD === '')) {
    throw new Error('NATS_USER and NATS_PASSWORD go together');
  }
  if ((e.NATS_TLS_CERT_FILE === '') !== (e.NATS_TLS_KEY_FILE === '')) {
    throw new Error(
      'NATS_TLS_CERT_FILE and NATS_TLS_KEY_FILE go together (the client certificate and its key)',
    );
  }
  const tls = {
    ...(e.NATS_TLS_CA_FILE ? { caFile: e.NATS_TLS_CA_FILE } : {}),
    ...(e.NATS_TLS_CERT_FILE ? { certFile: e.NATS_TLS_CERT_FILE, keyFile: e.NATS_TLS_KEY_FILE } : {}),
  };

  return Object.freeze({
    ...(e.NATS_USER ? { user: e.NATS_USER, pass: e.NATS_PASSWORD } : {}),
    ...(e.NATS_TOKEN ? { token: e.NATS_TOKEN } : {}),
    ...(e.NATS_CREDS_FILE ? { credsFile: e.NATS_CREDS_FILE } : {}),
    ...(Object.keys(tls).length > 0 ? { tls: Object.freeze(tls) } : {}),
  });
}

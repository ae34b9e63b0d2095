import { readRoostEnv } from './roost-env';
import { readTwitterSimEnv } from './twitter-sim-env';

type ConfigModule = typeof import('./roost-env') & typeof import('./twitter-sim-env');

/**
 * envalid refuses a malformed variable by printing a report (naming it) and exiting with 1. A fresh
 * copy of the readers, loaded while console.error and process.exit are caught (envalid binds its
 * logger when loaded), runs `read`: its exit code and report.
 */
async function refusal(read: (m: ConfigModule) => unknown): Promise<{ exitCode: unknown; report: string }> {
  const logged: string[] = [];
  const error = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(args.join(' '));
  });
  const exit = jest.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Exit(code);
  });
  let exitCode: unknown = 'none';
  try {
    await jest.isolateModulesAsync(async () => {
      const m = { ...(await import('./roost-env')), ...(await import('./twitter-sim-env')) };
      read(m);
    });
  } catch (err) {
    if (!(err instanceof Exit)) throw err;
    exitCode = err.code;
  } finally {
    error.mockRestore();
    exit.mockRestore();
  }

  return { exitCode, report: logged.join('\n') };
}

class Exit extends Error {
  constructor(readonly code: unknown) {
    super(`process.exit(${String(code)})`);
  }
}

describe('NATS credentials and TLS settings', () => {
  it('are empty for a local server', () => {
    expect(readRoostEnv({}).natsAuth).toEqual({});
  });

  it('take one kind of credential, with TLS files', () => {
    expect(readRoostEnv({ NATS_USER: 'roost', NATS_PASSWORD: 's3cret' }).natsAuth).toEqual({
      user: 'roost',
      pass: 's3cret',
    });
    expect(readRoostEnv({ NATS_TOKEN: 'tok' }).natsAuth).toEqual({ token: 'tok' });
    expect(
      readRoostEnv({
        NATS_CREDS_FILE: '/run/secrets/roost.creds',
        NATS_TLS_CA_FILE: '/etc/nats/ca.pem',
        NATS_TLS_CERT_FILE: '/etc/nats/client.pem',
        NATS_TLS_KEY_FILE: '/etc/nats/client-key.pem',
      }).natsAuth,
    ).toEqual({
      credsFile: '/run/secrets/roost.creds',
      tls: {
        caFile: '/etc/nats/ca.pem',
        certFile: '/etc/nats/client.pem',
        keyFile: '/etc/nats/client-key.pem',
      },
    });
  });

  it('refuse settings that cannot work together, saying which', () => {
    expect(() => readRoostEnv({ NATS_USER: 'roost' })).toThrow('NATS_USER and NATS_PASSWORD go together');
    expect(() => readRoostEnv({ NATS_TOKEN: 'tok', NATS_CREDS_FILE: '/x.creds' })).toThrow(
      'set one NATS credential, not NATS_TOKEN and NATS_CREDS_FILE',
    );
    expect(() => readRoostEnv({ NATS_TLS_CERT_FILE: '/c.pem' })).toThrow(
      'NATS_TLS_CERT_FILE and NATS_TLS_KEY_FILE go together',
    );
    expect(() => readRoostEnv({ NATS_SERVERS: 'nats://roost:s3cret@nats.internal:4222' })).toThrow(
      'NATS_SERVERS must not carry credentials (nats://user:pass@host): set NATS_USER and NATS_PASSWORD, or NATS_TOKEN',
    );
  });
});

describe('production checks (NODE_ENV=production or ROOST_ENV=production)', () => {
  const strong = 'a-long-random-secret-of-at-least-32-bytes';

  it.each([{ NODE_ENV: 'production' }, { ROOST_ENV: 'production' }])(
    'refuse the demo secret, a short secret and the demo seed (%o)',
    (mode) => {
      expect(() => readRoostEnv({ ...mode })).toThrow(/^JWT_SECRET must be set in production/);
      expect(() =>
        readRoostEnv({ ...mode, JWT_SECRET: 'short-secret-31-bytes-long-xxxxx'.slice(0, 31) }),
      ).toThrow(/^JWT_SECRET is too short for production: at least 32 bytes/);
      expect(() => readRoostEnv({ ...mode, JWT_SECRET: strong, ROOST_DEMO_SEED: 'true' })).toThrow(
        /^ROOST_DEMO_SEED must be false in production/,
      );
      expect(readRoostEnv({ ...mode, JWT_SECRET: strong }).jwtSecret).toBe(strong);
    },
  );

  it('leave development alone', () => {
    expect(readRoostEnv({ ROOST_DEMO_SEED: 'true', JWT_SECRET: 'short' }).demoSeed).toBe(true);
  });
});

describe('GATEWAY_TRUST_PROXY', () => {
  it('trusts no proxy by default, else a hop count or a list of addresses', () => {
    expect(readRoostEnv({}).auth.trustProxy).toBe(false);
    expect(readRoostEnv({ GATEWAY_TRUST_PROXY: '1' }).auth.trustProxy).toBe(1);
    expect(readRoostEnv({ GATEWAY_TRUST_PROXY: '10.0.0.0/8, loopback' }).auth.trustProxy).toEqual([
      '10.0.0.0/8',
      'loopback',
    ]);
    expect(() => readRoostEnv({ GATEWAY_TRUST_PROXY: 'true' })).toThrow(/would believe any client/);
  });
});

describe('the two database credentials', () => {
  it('derive the services’ login (roost_app) from the owner’s DATABASE_URL by default', () => {
    const env = readRoostEnv({});
    expect(env.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/roost');
    expect(env.databaseAppUrl).toBe('postgres://roost_app@127.0.0.1:5432/roost');
    expect(env.databaseMigrateOnStart).toBe(true);
  });

  it('take roost_app’s password from ROOST_DB_APP_PASSWORD (escaped), or DATABASE_APP_URL as given', () => {
    expect(
      readRoostEnv({
        DATABASE_URL: 'postgres://owner:o@db.internal:6432/roost',
        ROOST_DB_APP_PASSWORD: 'p@ss/w:rd',
      }).databaseAppUrl,
    ).toBe('postgres://roost_app:p%40ss%2Fw%3Ard@db.internal:6432/roost');
    expect(
      readRoostEnv({
        DATABASE_APP_URL: 'postgres://svc:x@db:5432/roost',
        DATABASE_MIGRATE_ON_START: 'false',
      }),
    ).toMatchObject({
      databaseAppUrl: 'postgres://svc:x@db:5432/roost',
      databaseMigrateOnStart: false,
    });
  });

  it('refuse an app URL that is not PostgreSQL, or two passwords', () => {
    expect(() => readRoostEnv({ DATABASE_APP_URL: 'mysql://roost_app@db/roost' })).toThrow(
      /^DATABASE_APP_URL must be a postgres:\/\/ URL/,
    );
    expect(() =>
      readRoostEnv({ DATABASE_APP_URL: 'postgres://roost_app:a@db/roost', ROOST_DB_APP_PASSWORD: 'b' }),
    ).toThrow(/not both/);
  });
});

describe('ingest settings (env.ingest)', () => {
  it('default to listening on every source within the X API list prices, frozen', () => {
    const env = readRoostEnv({});
    expect(env.ingest).toEqual({
      stream: true,
      pollIntervalMs: 15_000,
      streamStallMs: 30_000,
      search: true,
      searchIntervalMs: 30_000,
      dms: true,
      dmIntervalMs: 15_000,
      streamBackfill: true,
      directoryRefreshMs: 30_000,
      monthlyBudgetCredits: 0,
      costPerRequest: 0,
      costPerPost: 1,
      costPerDm: 2,
      maxVariantsPerName: 8,
      complianceTickMs: 60_000,
      caseFromTweet: true,
      caseFromTweetPerActorPerMinute: 20,
      caseFromTweetPerBrandPerMinute: 120,
    });
    expect(Object.isFrozen(env.ingest)).toBe(true);
  });

  it('take INGEST_* overrides', () => {
    expect(
      readRoostEnv({
        INGEST_SEARCH: 'false',
        INGEST_DMS: 'false',
        INGEST_STREAM_BACKFILL: 'false',
        INGEST_SEARCH_INTERVAL_MS: '60000',
        INGEST_DM_INTERVAL_MS: '20000',
        INGEST_DIRECTORY_REFRESH_MS: '0',
        INGEST_X_MONTHLY_BUDGET_CREDITS: '10000',
        INGEST_X_COST_PER_REQUEST: '0.5',
        INGEST_X_COST_PER_POST: '3',
        INGEST_X_COST_PER_DM: '4',
        INGEST_MAX_VARIANTS_PER_NAME: '2',
        INGEST_COMPLIANCE_TICK_MS: '300',
      }).ingest,
    ).toMatchObject({
      search: false,
      dms: false,
      streamBackfill: false,
      searchIntervalMs: 60_000,
      dmIntervalMs: 20_000,
      directoryRefreshMs: 0,
      monthlyBudgetCredits: 10_000,
      costPerRequest: 0.5,
      costPerPost: 3,
      costPerDm: 4,
      maxVariantsPerName: 2,
      complianceTickMs: 300,
    });
  });

  it('refuse a value that is not of its type, naming the variable', async () => {
    const { exitCode, report } = await refusal((m) => m.readRoostEnv({ INGEST_SEARCH: 'maybe' }));
    expect(exitCode).toBe(1);
    expect(report).toContain('INGEST_SEARCH');
    expect(report).toContain('Invalid bool input: "maybe"');
    const interval = await refusal((m) => m.readRoostEnv({ INGEST_COMPLIANCE_TICK_MS: 'often' }));
    expect(interval.exitCode).toBe(1);
    expect(interval.report).toContain('INGEST_COMPLIANCE_TICK_MS');
  });
});

describe('conversations settings (env.conversations)', () => {
  it('default to a 30 s outbound lease, reconciling every 10 s, waking snoozes every 5 s, no crash switch', () => {
    const env = readRoostEnv({});
    expect(env.conversations).toEqual({
      outboundLeaseMs: 30_000,
      reconcileIntervalMs: 10_000,
      snoozeSweepMs: 5_000,
      attachmentQuotaPerAgentBytes: 60 * 1024 * 1024,
      attachmentQuotaPerBrandBytes: 2 * 1024 * 1024 * 1024,
      mediaUploadTimeoutMs: 120_000,
      crashAfterPost: false,
    });
    expect(Object.isFrozen(env.conversations)).toBe(true);
  });

  it('take CONVERSATIONS_* overrides; ROOST_TEST_CRASH_AFTER_POST counts only under NODE_ENV=test', () => {
    const crash = {
      CONVERSATIONS_OUTBOUND_LEASE_MS: '500',
      CONVERSATIONS_RECONCILE_INTERVAL_MS: '200',
      CONVERSATIONS_SNOOZE_SWEEP_MS: '250',
      ROOST_TEST_CRASH_AFTER_POST: 'true',
    };
    expect(readRoostEnv({ ...crash, NODE_ENV: 'test' }).conversations).toEqual({
      outboundLeaseMs: 500,
      reconcileIntervalMs: 200,
      snoozeSweepMs: 250,
      attachmentQuotaPerAgentBytes: 60 * 1024 * 1024,
      attachmentQuotaPerBrandBytes: 2 * 1024 * 1024 * 1024,
      mediaUploadTimeoutMs: 120_000,
      crashAfterPost: true,
    });
    expect(readRoostEnv(crash).conversations.crashAfterPost).toBe(false);
  });

  it('refuse a lease that is not a number, naming the variable', async () => {
    const { exitCode, report } = await refusal((m) =>
      m.readRoostEnv({ CONVERSATIONS_OUTBOUND_LEASE_MS: 'long' }),
    );
    expect(exitCode).toBe(1);
    expect(report).toContain('CONVERSATIONS_OUTBOUND_LEASE_MS');
    expect(report).toContain('Invalid number input: "long"');
  });
});

describe('metrics settings (env.metrics)', () => {
  it('recompute expected waits every 2 minutes by default, or every METRICS_WAIT_INTERVAL_MS', () => {
    const env = readRoostEnv({});
    expect(env.metrics).toEqual({ waitIntervalMs: 120_000 });
    expect(Object.isFrozen(env.metrics)).toBe(true);
    expect(readRoostEnv({ METRICS_WAIT_INTERVAL_MS: '2000' }).metrics.waitIntervalMs).toBe(2000);
    expect(readRoostEnv({ METRICS_WAIT_INTERVAL_MS: '1000' }).metrics.waitIntervalMs).toBe(1000);
  });

  it('refuse an interval under a second, or not a number', async () => {
    expect(() => readRoostEnv({ METRICS_WAIT_INTERVAL_MS: '999' })).toThrow(
      'METRICS_WAIT_INTERVAL_MS must be at least 1000 (e.g. 120000)',
    );
    const { exitCode, report } = await refusal((m) => m.readRoostEnv({ METRICS_WAIT_INTERVAL_MS: 'often' }));
    expect(exitCode).toBe(1);
    expect(report).toContain('METRICS_WAIT_INTERVAL_MS');
  });
});

describe('outbox settings (env.outbox)', () => {
  it('sweep every second by default, with no crash switch', () => {
    const env = readRoostEnv({});
    expect(env.outbox).toEqual({ sweepMs: 1_000, crashAfterCommit: false });
    expect(Object.isFrozen(env.outbox)).toBe(true);
  });

  it('take OUTBOX_SWEEP_MS; ROOST_TEST_CRASH_AFTER_COMMIT counts only under NODE_ENV=test', () => {
    const crash = { OUTBOX_SWEEP_MS: '200', ROOST_TEST_CRASH_AFTER_COMMIT: 'true' };
    expect(readRoostEnv({ ...crash, NODE_ENV: 'test' }).outbox).toEqual({
      sweepMs: 200,
      crashAfterCommit: true,
    });
    expect(readRoostEnv(crash).outbox).toEqual({ sweepMs: 200, crashAfterCommit: false });
    expect(readRoostEnv({ OUTBOX_SWEEP_MS: '0' }).outbox.sweepMs).toBe(0);
  });

  it('refuse a sweep period that is not a number, naming the variable', async () => {
    const { exitCode, report } = await refusal((m) => m.readRoostEnv({ OUTBOX_SWEEP_MS: 'soon' }));
    expect(exitCode).toBe(1);
    expect(report).toContain('OUTBOX_SWEEP_MS');
  });
});

describe('twitter-sim settings (readTwitterSimEnv)', () => {
  it('default to port 4100 on the loopback, one tweet a second, frozen', () => {
    const env = readTwitterSimEnv({});
    expect(env).toEqual({
      port: 4100,
      host: '127.0.0.1',
      trafficRate: 1,
      seed: 42,
      heartbeatMs: 20_000,
      complianceProcessingMs: 5_000,
      logLevel: 'info',
    });
    expect(Object.isFrozen(env)).toBe(true);
  });

  it('take TWITTER_SIM_* and SIM_* overrides', () => {
    expect(
      readTwitterSimEnv({
        TWITTER_SIM_PORT: '5100',
        TWITTER_SIM_HOST: '0.0.0.0',
        SIM_TRAFFIC_RATE: '0',
        SIM_SEED: '7',
        SIM_HEARTBEAT_MS: '2000',
        SIM_COMPLIANCE_PROCESSING_MS: '1000',
        LOG_LEVEL: 'warn',
      }),
    ).toEqual({
      port: 5100,
      host: '0.0.0.0',
      trafficRate: 0,
      seed: 7,
      heartbeatMs: 2000,
      complianceProcessingMs: 1000,
      logLevel: 'warn',
    });
  });

  it('refuse a negative traffic rate and an unknown log level', async () => {
    expect(() => readTwitterSimEnv({ SIM_TRAFFIC_RATE: '-1' })).toThrow(
      'SIM_TRAFFIC_RATE must be >= 0 (e.g. 1)',
    );
    const { exitCode, report } = await refusal((m) => m.readTwitterSimEnv({ LOG_LEVEL: 'loud' }));
    expect(exitCode).toBe(1);
    expect(report).toContain('LOG_LEVEL');
  });
});

import { readRoostEnv } from './roost-env';

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

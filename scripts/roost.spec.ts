import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES } from './roost';
import { builtMain } from './lib/build-services';
import { natsMissingMessage, postgresMissingMessage } from './lib/messages';
import { box, formatLogLine } from './lib/output';
import { jestArgs, planStart, readyBoxLines } from './lib/plan';
import { pickPort } from './lib/ports';
import { isLocalHost, parseDatabaseUrl, parseNatsServers, redactUrl, rewriteDatabaseUrl } from './lib/urls';

const infraEnv = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/roost',
  NATS_SERVERS: 'nats://127.0.0.1:4222',
};
const allExist = (): boolean => true;

describe('DATABASE_URL', () => {
  it('defaults to the local trust-auth roost database', () => {
    const parsed = parseDatabaseUrl(undefined);
    expect(parsed).toMatchObject({
      host: '127.0.0.1',
      port: 5432,
      user: 'postgres',
      database: 'roost',
      isLocal: true,
    });
    expect(parsed.password).toBeUndefined();
  });

  it('reads user, password, port and database, and tells remote hosts apart', () => {
    const parsed = parseDatabaseUrl('postgresql://app:s%40cret@db.internal:6543/care?sslmode=require');
    expect(parsed).toMatchObject({
      host: 'db.internal',
      port: 6543,
      user: 'app',
      password: 's@cret',
      database: 'care',
      isLocal: false,
    });
  });

  it('names the roost database when the URL has none', () => {
    expect(parseDatabaseUrl('postgres://postgres@localhost').url).toBe('postgres://postgres@localhost/roost');
  });

  it('rejects what is not a postgres URL, with an example', () => {
    expect(() => parseDatabaseUrl('mysql://root@localhost/x')).toThrow(
      /postgres:\/\/postgres@127\.0\.0\.1:5432\/roost/,
    );
    expect(() => parseDatabaseUrl('not a url')).toThrow(/DATABASE_URL is not a URL/);
  });

  it('moves to another port and host and keeps the rest', () => {
    const moved = rewriteDatabaseUrl('postgres://app:pw@localhost:5432/care?application_name=x', {
      host: '127.0.0.1',
      port: 5433,
    });
    expect(moved).toBe('postgres://app:pw@127.0.0.1:5433/care?application_name=x');
    expect(rewriteDatabaseUrl('postgres://postgres@127.0.0.1/roost', { port: 55433 })).toBe(
      'postgres://postgres@127.0.0.1:55433/roost',
    );
  });

  it('hides the password when printed', () => {
    expect(redactUrl('postgres://app:pw@127.0.0.1:5432/roost')).toBe(
      'postgres://app:***@127.0.0.1:5432/roost',
    );
    expect(redactUrl('nats://127.0.0.1:4222')).toBe('nats://127.0.0.1:4222');
  });
});

describe('NATS_SERVERS', () => {
  it('splits the comma list, adds the scheme and the default port', () => {
    expect(parseNatsServers(' nats://127.0.0.1:4222 , nats-2.internal ,localhost:5222')).toEqual([
      { url: 'nats://127.0.0.1:4222', host: '127.0.0.1', port: 4222, isLocal: true },
      { url: 'nats://nats-2.internal', host: 'nats-2.internal', port: 4222, isLocal: false },
      { url: 'nats://localhost:5222', host: 'localhost', port: 5222, isLocal: true },
    ]);
  });

  it('defaults to 127.0.0.1:4222 and refuses an empty list', () => {
    expect(parseNatsServers(undefined)).toEqual([
      { url: 'nats://127.0.0.1:4222', host: '127.0.0.1', port: 4222, isLocal: true },
    ]);
    expect(() => parseNatsServers(' , ')).toThrow(/NATS_SERVERS is empty/);
  });

  it('counts only this machine as local', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]'].map(isLocalHost)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['10.0.0.5', 'nats', 'db.example.com'].map(isLocalHost)).toEqual([false, false, false]);
  });
});

describe('port choice', () => {
  it('keeps the preferred port when it is free', async () => {
    await expect(pickPort({ preferred: 5432, isFree: () => true })).resolves.toBe(5432);
  });

  it('takes the next free port when the preferred one is held', async () => {
    await expect(pickPort({ preferred: 5432, isFree: (p) => p !== 5432 })).resolves.toBe(5433);
    const held = new Set([5432, 5433]);
    await expect(pickPort({ preferred: 5432, isFree: (p) => !held.has(p) })).resolves.toBe(5434);
  });

  it('gives up with the range it tried', async () => {
    await expect(pickPort({ preferred: 4222, attempts: 3, isFree: () => false })).rejects.toThrow(
      'no free TCP port in 4222-4224',
    );
  });
});

describe('what is missing', () => {
  it('names the URL and every way to get nats-server when it is not on the PATH', () => {
    const text = natsMissingMessage({
      servers: ['nats://127.0.0.1:4222'],
      reason: 'no-binary',
      platform: 'linux',
    });
    expect(text).toContain('nats://127.0.0.1:4222');
    expect(text).toContain('nats-server is not on the PATH');
    expect(text).toContain('sudo apt-get install nats-server');
    expect(text).toContain('brew install nats-server');
    expect(text).toContain('docker compose up -d nats postgres');
    expect(text.indexOf('apt-get')).toBeLessThan(text.indexOf('brew'));
  });

  it('puts brew first on macOS', () => {
    const text = natsMissingMessage({
      servers: ['nats://127.0.0.1:4222'],
      reason: 'no-binary',
      platform: 'darwin',
    });
    expect(text.indexOf('brew install nats-server')).toBeLessThan(text.indexOf('apt-get'));
  });

  it('asks for -js when NATS answers without JetStream, and never prints a password', () => {
    const text = natsMissingMessage({
      servers: ['nats://u:secret@127.0.0.1:4222'],
      reason: 'no-jetstream',
      detail: 'JetStream not enabled',
    });
    expect(text).toContain('JetStream is not enabled');
    expect(text).toContain('-js');
    expect(text).toContain('(JetStream not enabled)');
    expect(text).not.toContain('secret');
  });

  it('will not embed PostgreSQL for a remote URL and says so', () => {
    const text = postgresMissingMessage({
      url: 'postgres://app:pw@db.example.com:5432/roost',
      reason: 'remote',
    });
    expect(text).toContain('not this machine');
    expect(text).toContain('postgres://app:***@db.example.com:5432/roost');
    expect(text).not.toContain(':pw@');
  });

  it('explains a refusal with the server detail, and missing binaries with the install routes', () => {
    expect(
      postgresMissingMessage({
        url: 'postgres://x@127.0.0.1/roost',
        reason: 'rejected',
        detail: '28000 role "x" does not exist',
      }),
    ).toContain('(28000 role "x" does not exist)');
    const text = postgresMissingMessage({
      url: 'postgres://postgres@127.0.0.1/roost',
      reason: 'no-binaries',
      platform: 'linux',
    });
    expect(text).toContain('npm install');
    expect(text).toContain('docker compose up -d nats postgres');
  });
});

describe('npm start plan', () => {
  it('starts every service with the demo environment and points X at twitter-sim', () => {
    const plan = planStart({ services: SERVICES, env: {}, infraEnv, noTraffic: false, exists: allExist });
    expect(plan.run.map((s) => s.name)).toEqual([
      'twitter-sim',
      'ingest',
      'routing',
      'conversations',
      'metrics',
      'gateway',
    ]);
    expect(plan.childEnv).toMatchObject({
      ...infraEnv,
      ROOST_DEMO_SEED: 'true',
      SIM_TRAFFIC_RATE: '2',
      X_API_BASE_URL: 'http://127.0.0.1:4100',
      GATEWAY_PORT: '4000',
      INGEST_PORT: '4201',
    });
    expect(plan.childEnv.JWT_SECRET).toBeTruthy();
    expect(plan.notes.join(' ')).toContain('JWT_SECRET');
  });

  it('--no-traffic sets the rate to 0; port variables move services', () => {
    const plan = planStart({
      services: SERVICES,
      env: { TWITTER_SIM_PORT: '5100', SIM_TRAFFIC_RATE: '9' },
      infraEnv,
      noTraffic: true,
      exists: allExist,
    });
    expect(plan.childEnv.SIM_TRAFFIC_RATE).toBe('0');
    expect(plan.childEnv.X_API_BASE_URL).toBe('http://127.0.0.1:5100');
    expect(plan.run.find((s) => s.name === 'twitter-sim')?.port).toBe(5100);
  });

  it('skips twitter-sim with real X credentials unless X_API_BASE_URL is set', () => {
    const real = planStart({
      services: SERVICES,
      env: { X_BEARER_TOKEN: 't' },
      infraEnv,
      noTraffic: false,
      exists: allExist,
    });
    expect(real.realX).toBe(true);
    expect(real.run.map((s) => s.name)).not.toContain('twitter-sim');
    expect(real.childEnv.X_API_BASE_URL).toBeUndefined();
    const pinned = planStart({
      services: SERVICES,
      env: { X_BEARER_TOKEN: 't', X_API_BASE_URL: 'http://sim:1' },
      infraEnv,
      noTraffic: false,
      exists: allExist,
    });
    expect(pinned.realX).toBe(false);
    expect(pinned.run.map((s) => s.name)).toContain('twitter-sim');
    expect(pinned.childEnv.X_API_BASE_URL).toBe('http://sim:1');
  });

  it('skips a service whose main.ts does not exist yet, saying which file', () => {
    const plan = planStart({
      services: SERVICES,
      env: { JWT_SECRET: 'mine' },
      infraEnv,
      noTraffic: false,
      exists: (p) => !p.includes('metrics'),
    });
    expect(plan.skipped).toEqual([{ name: 'metrics', why: 'apps/metrics/src/main.ts does not exist yet' }]);
    expect(plan.childEnv.JWT_SECRET).toBe('mine');
    expect(plan.notes).toEqual([]);
  });

  it('prints the endpoints, the demo logins and how to stop', () => {
    const lines = readyBoxLines({
      ports: { gateway: '4000', 'twitter-sim': '4100' },
      running: ['twitter-sim', 'gateway'],
      trafficRate: '2',
      realX: false,
      logDir: '.roost/logs',
      elapsed: '9.0 s',
    }).join('\n');
    for (const expected of [
      'http://localhost:4000/graphql',
      'ws://localhost:4000/graphql',
      'graphql-transport-ws',
      'http://localhost:4000/',
      'http://localhost:4100',
      'admin@acme.example, supervisor@acme.example',
      'agent1@acme.example .. agent6@acme.example',
      'roost-demo',
      '.roost/logs',
      'Ctrl-C to stop',
    ]) {
      expect(lines).toContain(expected);
    }
  });
});

describe('output', () => {
  it('frames lines to the longest one', () => {
    expect(box(['ab', 'abcd']).split('\n')).toEqual(['┌──────┐', '│ ab   │', '│ abcd │', '└──────┘']);
  });

  it('makes pino lines readable and leaves others alone', () => {
    expect(formatLogLine('{"level":50,"msg":"cannot connect","err":{"message":"ECONNREFUSED"}}')).toBe(
      'error cannot connect  (ECONNREFUSED)',
    );
    expect(formatLogLine('{"level":30,"context":"Bootstrap","msg":"listening"}')).toBe(
      'info  [Bootstrap] listening',
    );
    expect(formatLogLine('plain text')).toBe('plain text');
    expect(formatLogLine('{broken')).toBe('{broken');
  });
});

describe('npm test arguments', () => {
  it('uses two workers unless the caller chose', () => {
    expect(jestArgs(['libs/classify'])).toEqual(['--maxWorkers=2', 'libs/classify']);
    expect(jestArgs(['--runInBand'])).toEqual(['--runInBand']);
    expect(jestArgs(['--maxWorkers=4'])).toEqual(['--maxWorkers=4']);
  });
});

describe('docker-compose.yml', () => {
  const compose = readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8');

  it.each(SERVICES.map((s) => [s.name, s]))('runs %s like npm start does', (_name, service) => {
    expect(compose).toMatch(new RegExp(`^  ${service.name}:\\n    <<: \\*app\\n`, 'm'));
    // From the image's build (Dockerfile: scripts/lib/build-services.js), as npm start runs it.
    expect(compose).toContain(`command: ['node', '${builtMain(`apps/${service.name}/src/main.ts`)}']`);
    expect(compose).toMatch(new RegExp(`${service.portEnv}: ['"]${service.port}['"]`));
    expect(compose).toContain(`http://127.0.0.1:${service.port}/health/ready`);
  });
});

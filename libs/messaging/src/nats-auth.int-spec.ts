import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { eventually, freePort } from '@roost/testing';
import { silentLogger } from './logger';
import { NatsClient } from './nats-client';

/** nats-server from PATH (or Debian's /usr/sbin), or null: the secured servers below are started from it. */
function natsServerBinary(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs) {
    const candidate = join(dir, 'nats-server');
    if (dir && existsSync(candidate)) return candidate;
  }

  return null;
}

const BINARY = natsServerBinary();
if (!BINARY) {
  // eslint-disable-next-line no-console
  console.warn(
    'skipping the NATS credentials tests: no nats-server on PATH (apt install nats-server, or brew install nats-server)',
  );
}

/** A throw-away JetStream server on a free port with the given auth flags. */
async function secureServer(
  authArgs: string[],
): Promise<{ url: (cred?: string) => string; stop: () => Promise<void> }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'roost-nats-auth-'));
  const child: ChildProcess = spawn(
    BINARY!,
    ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir, ...authArgs],
    { stdio: 'ignore' },
  );
  await eventually(
    () =>
      new Promise<boolean>((resolve) => {
        const s = tcpConnect(port, '127.0.0.1', () => {
          s.end();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      }),
    { what: `nats-server on ${port}` },
  );

  return {
    url: (cred) => `nats://${cred ? `${cred}@` : ''}127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const client = (servers: string[], auth?: Parameters<typeof NatsClient.connect>[0]['auth']) =>
  NatsClient.connect({
    servers,
    name: 'auth-test',
    namespace: 'authtest',
    log: silentLogger,
    connectTimeoutMs: 3000,
    auth,
  });

/** The streams JetStream reports through the secured connection (a fresh server has none). */
async function streamsSeenBy(c: NatsClient): Promise<number> {
  try {
    return (await c.jsm.getAccountInfo()).streams;
  } finally {
    await c.drain();
  }
}

(BINARY ? describe : describe.skip)('NATS credentials (a secured nats-server)', () => {
  describe('user and password', () => {
    let server: Awaited<ReturnType<typeof secureServer>>;

    beforeAll(async () => {
      server = await secureServer(['--user', 'roost', '--pass', 's3cret-pw']);
    });

    afterAll(async () => {
      await server?.stop();
    });

    it('connects with NATS_USER and NATS_PASSWORD', async () => {
      expect(await streamsSeenBy(await client([server.url()], { user: 'roost', pass: 's3cret-pw' }))).toBe(0);
    });

    it('stops start-up with a clear error when refused, and never prints the password', async () => {
      const refused = client([server.url()]);
      await expect(refused).rejects.toThrow(
        /refused this process's credentials .*set NATS_USER and NATS_PASSWORD, NATS_TOKEN or NATS_CREDS_FILE/,
      );
      const wrong = await client([server.url('roost:not-the-password')]).catch((e: Error) => e);
      expect(String(wrong)).toContain('nats://roost:***@127.0.0.1');
      expect(String(wrong)).not.toContain('not-the-password');
    });
  });

  describe('token', () => {
    let server: Awaited<ReturnType<typeof secureServer>>;

    beforeAll(async () => {
      server = await secureServer(['--auth', 'tok-123']);
    });

    afterAll(async () => {
      await server?.stop();
    });

    it('connects with NATS_TOKEN and is refused with another', async () => {
      expect(await streamsSeenBy(await client([server.url()], { token: 'tok-123' }))).toBe(0);
      await expect(client([server.url()], { token: 'tok-999' })).rejects.toThrow(
        /refused this process's credentials/,
      );
    });
  });

  it('says which NATS_CREDS_FILE it cannot read, before dialling', async () => {
    await expect(client(['nats://127.0.0.1:1'], { credsFile: '/nonexistent/roost.creds' })).rejects.toThrow(
      /cannot read NATS_CREDS_FILE \/nonexistent\/roost\.creds/,
    );
  });
});

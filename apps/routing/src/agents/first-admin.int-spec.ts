import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DEMO } from '@roost/config';
import { Rpc } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { repoPath } from '@roost/platform';
import { cleanupNamespace, testEnv } from '@roost/testing';
import { DataSource } from 'typeorm';
import { routingApp } from '../testing/routing-app';
import { ownerDataSource } from '../testing/db';
import { seedDemo } from '../data/demo-seed';

jest.setTimeout(120_000);

const run = promisify(execFile);

/** `npm run admin -- create …` as an operator runs it, against this test's schema; then a real login. */
describe('first-admin command (PostgreSQL + NATS)', () => {
  const env = testEnv();
  const brandId = randomUUID();
  let app: INestApplication;
  let ds: DataSource;

  const admin = (...args: string[]) =>
    run(
      process.execPath,
      ['-r', '@swc-node/register', repoPath('apps', 'routing', 'src', 'admin-cli.ts'), ...args],
      {
        cwd: repoPath(),
        env: {
          ...process.env,
          NODE_ENV: 'test',
          DATABASE_URL: env.databaseUrl,
          ROOST_SCHEMA_PREFIX: env.schemaPrefix,
        },
      },
    );

  beforeAll(async () => {
    // The service migrates routing's schema on start, as in a fresh deployment.
    app = await NestFactory.create(routingApp(env, { sweep: { sweepMs: 0, outboxMs: 0 } }), {
      logger: false,
    });
    await app.init();
    ds = await ownerDataSource(env);
  });

  afterAll(async () => {
    await app?.close();
    await ds?.destroy();
    await cleanupNamespace(env);
  });

  it('creates an admin of a new brand who can log in with the password it printed once', async () => {
    const email = `first.${brandId}@t.example`;
    const { stdout } = await admin('create', '--brand', brandId, '--email', email, '--name', 'Ada Admin');
    const password = /Password \(shown once[^:]*\): (\S+)/.exec(stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const [row] = (await ds.query(`SELECT role, password_hash, capacity FROM agents WHERE email = $1`, [
      email,
    ])) as Array<{
      role: string;
      password_hash: string;
      capacity: number;
    }>;
    expect(row).toMatchObject({ role: 'admin', capacity: 0 });
    expect(row!.password_hash).not.toContain(password!);
    expect(row!.password_hash.split('$')[1]).toBe('131072');

    const rpc = app.get(RpcClient);
    await expect(rpc.request(Rpc.Login, { email, password: password! })).resolves.toMatchObject({
      brandId,
      role: 'admin',
      name: 'Ada Admin',
    });
  });

  it('finds the brand by name, and refuses an e-mail already in use or an unknown brand, saying why', async () => {
    const taken = `first.${brandId}@t.example`;
    await expect(admin('create', '--brand', brandId, '--email', taken)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`${taken} already signs in to Roost`),
    });
    await expect(
      admin('create', '--brand', 'No Such Brand', '--email', `x.${brandId}@t.example`),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no brand named "No Such Brand"'),
    });
    await ds.query(`UPDATE brands SET name = $2 WHERE id = $1`, [brandId, `Brand ${brandId}`]);
    const { stdout } = await admin(
      'create',
      '--brand',
      `brand ${brandId}`,
      '--email',
      `second.${brandId}@t.example`,
    );
    expect(stdout).toContain(`of brand ${brandId}`);
    await expect(admin('list')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage: npm run admin -- create'),
    });
  });

  it('the demo seed has an admin login, admin@acme.example with the demo password, also on a demo seeded before it', async () => {
    await seedDemo(ds);
    const rpc = app.get(RpcClient);
    const login = { email: 'admin@acme.example', password: DEMO.password };
    await expect(rpc.request(Rpc.Login, login)).resolves.toMatchObject({
      brandId: DEMO.brandId,
      role: 'admin',
    });

    await ds.query(`DELETE FROM agents WHERE email = $1`, [login.email]);
    await seedDemo(ds);
    await expect(rpc.request(Rpc.Login, login)).resolves.toMatchObject({
      role: 'admin',
      capacity: 0,
      status: 'offline',
    });
  });
});

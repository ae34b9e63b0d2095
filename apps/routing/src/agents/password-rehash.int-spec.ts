import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Rpc } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { cleanupNamespace, testEnv } from '@roost/testing';
import { DataSource } from 'typeorm';
import { routingApp } from '../testing/routing-app';
import { ownerDataSource } from '../testing/db';

jest.setTimeout(90_000);

const PASSWORD = 'correct horse battery';

/** A hash from before the OWASP 2025 cost (N=2^14), as stored by earlier releases. */
function oldCostHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });

  return ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

describe('login upgrades an old-cost password hash (PostgreSQL + NATS)', () => {
  const env = testEnv();
  const brandId = randomUUID();
  const agentId = randomUUID();
  const email = `old.${brandId}@t.example`;
  let app: INestApplication;
  let ds: DataSource;

  beforeAll(async () => {
    app = await NestFactory.create(routingApp(env, { sweep: { sweepMs: 0, outboxMs: 0 } }), {
      logger: false,
    });
    await app.init();
    ds = await ownerDataSource(env);
    await ds.query(`INSERT INTO brands (id, name) VALUES ($1, 'rehash')`, [brandId]);
    await ds.query(
      `INSERT INTO agents (brand_id, id, email, name, initials, role, password_hash, languages, timezone, status, capacity)
       VALUES ($1, $2, $3, 'Old', 'OL', 'agent', $4, '{en}', 'UTC', 'offline', 1)`,
      [brandId, agentId, email, oldCostHash(PASSWORD)],
    );
  });

  afterAll(async () => {
    await app?.close();
    await ds?.destroy();
    await cleanupNamespace(env);
  });

  const storedHash = async (): Promise<string> =>
    (
      (await ds.query(`SELECT password_hash FROM agents WHERE id = $1`, [agentId])) as Array<{
        password_hash: string;
      }>
    )[0]!.password_hash;

  it('verifies the old hash, stores one at N=2^17, and the password keeps working', async () => {
    const rpc = app.get(RpcClient);
    const validAfter = async (): Promise<unknown> =>
      (
        (await ds.query(`SELECT tokens_valid_after FROM agents WHERE id = $1`, [agentId])) as Array<{
          tokens_valid_after: unknown;
        }>
      )[0]!.tokens_valid_after;
    const before = await validAfter();
    await expect(rpc.request(Rpc.Login, { email, password: 'wrong horse battery' })).rejects.toThrow(
      'invalid email or password',
    );
    expect((await storedHash()).split('$')[1]).toBe('16384'); // a failed login changes nothing

    await expect(rpc.request(Rpc.Login, { email, password: PASSWORD })).resolves.toMatchObject({
      id: agentId,
    });
    expect((await storedHash()).split('$').slice(0, 4)).toEqual(['scrypt', '131072', '8', '1']);
    expect(await validAfter()).toEqual(before); // same password: the agent's tokens stay valid

    await expect(rpc.request(Rpc.Login, { email, password: PASSWORD })).resolves.toMatchObject({
      id: agentId,
    });
  });
});

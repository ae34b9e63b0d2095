import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { cleanupNamespace, testEnv } from '@roost/testing';
import { DataSource } from 'typeorm';
import { routingApp } from '../testing/routing-app';
import { BrandWriter } from '../state/brand-writer';
import { loadBrandState } from '../state/brand-state.loader';
import { routeMention } from './router';
import { mention } from '../testing/state-builder';
import { asBrand } from '../testing/db';
import type { Queryable } from '../data/queryable';

jest.setTimeout(60_000);

/** Per-channel capacity survives the database: the limit is stored and checked, the per-channel load is rebuilt on load. */
describe('per-channel capacity (PostgreSQL)', () => {
  const env = testEnv();
  const brandId = randomUUID();
  const queueId = randomUUID();
  const agentId = randomUUID();
  let app: INestApplication;
  let ds: Queryable;

  beforeAll(async () => {
    app = await NestFactory.create(routingApp(env, { sweep: { sweepMs: 0, outboxMs: 0 } }), {
      logger: false,
    });
    await app.init();
    ds = asBrand(app.get(DataSource), brandId);
    await ds.query(`INSERT INTO brands (id, name) VALUES ($1, 'channels')`, [brandId]);
    await ds.query(`INSERT INTO queues (brand_id, id, name, team) VALUES ($1, $2, 'care', 'care')`, [
      brandId,
      queueId,
    ]);
    await ds.query(
      `INSERT INTO agents (brand_id, id, email, name, initials, role, password_hash, languages, timezone, status, capacity, shifts, channel_capacity)
       VALUES ($1, $2, 'dm@t.example', 'DM capped', 'DC', 'agent', 'x', '{en}', 'UTC', 'online', 4,
         '[{"day":1,"start":"00:00","end":"00:00"},{"day":2,"start":"00:00","end":"00:00"},{"day":3,"start":"00:00","end":"00:00"},{"day":4,"start":"00:00","end":"00:00"},{"day":5,"start":"00:00","end":"00:00"},{"day":6,"start":"00:00","end":"00:00"},{"day":7,"start":"00:00","end":"00:00"}]',
         '{"dm": 1}')`,
      [brandId, agentId],
    );
    await ds.query(`INSERT INTO agent_queues (brand_id, agent_id, queue_id) VALUES ($1, $2, $3)`, [
      brandId,
      agentId,
      queueId,
    ]);
  });

  afterAll(async () => {
    await app?.close();
    await cleanupNamespace(env);
  });

  it('refuses limits that are not positive whole numbers for known channels', async () => {
    for (const bad of ['{"dm": 0}', '{"email": 1}', '{"dm": 1.5}', '[1]']) {
      await expect(
        ds.query(`UPDATE agents SET channel_capacity = $2 WHERE id = $1`, [agentId, bad]),
      ).rejects.toThrow(/agents_channel_capacity_valid/);
    }
  });

  it('routes within the DM limit and rebuilds the per-channel load from the stored conversations', async () => {
    const writer = app.get(BrandWriter);

    const dms = [1, 2].map((n) => ({ ...mention({ customer: `dm-${n}` }), brandId, channel: 'dm' as const }));
    const pub = { ...mention({ customer: 'pub-1' }), brandId };
    const written = await writer.write(brandId, (ctx) =>
      [...dms, pub].map((m) => {
        const d = routeMention(ctx, m);
        if (d) ctx.changes.routed.push({ tweetId: m.tweet.id, ...d });

        return d?.status;
      }),
    );
    expect(written?.result).toEqual(['assigned', 'waiting', 'assigned']);
    const version: Array<{ version: string; config_version: string }> = await ds.query(
      `SELECT version, config_version FROM routing_versions WHERE brand_id = $1`,
      [brandId],
    );
    const fresh = await loadBrandState(ds, brandId, {
      version: Number(version[0]?.version),
      configVersion: Number(version[0]?.config_version),
    });
    const agent = fresh.agents.get(agentId);
    expect(agent?.channelCapacity).toEqual({ dm: 1 });
    expect(agent?.activeByChannel).toEqual({ public: 1, dm: 1 });
    expect(agent?.active).toBe(2);
  });
});

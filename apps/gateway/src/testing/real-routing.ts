import { randomUUID } from 'node:crypto';
import { DEMO } from '@roost/config';
import type { AgentProfile } from '@roost/contracts';
import { stackEnv, TestStack, testEnv } from '@roost/testing';
import { Client } from 'pg';

/**
 * The real routing service (its `main.ts`, as `npm start` runs it) in a test's own namespace, with the
 * demo brand seeded, for gateway tests that must not fake the service that owns credentials. Start
 * gateways with `gatewayEnv` so they share the namespace; no FakeUpstream (`serve: false`).
 */
export async function startRealRouting() {
  const env = testEnv();
  const stack = new TestStack(stackEnv(env));
  await stack.init();
  const pg = new Client({ connectionString: env.databaseUrl });
  try {
    await stack.start(['routing']);
    await pg.connect();
  } catch (err) {
    // A child left running would keep jest alive after the failure.
    await stack.stop();
    throw err;
  }
  const schema = `${env.schemaPrefix}routing`;

  return {
    schema,
    pg,
    gatewayEnv: { ROOST_NATS_NAMESPACE: env.natsNamespace, ROOST_SCHEMA_PREFIX: env.schemaPrefix },
    /** A brand of its own (routing's `brands` row), beside the seeded demo brand. */
    async newBrand(): Promise<string> {
      const id = randomUUID();
      await pg.query(`INSERT INTO "${schema}".brands (id, name) VALUES ($1, $2)`, [
        id,
        `Brand ${id.slice(0, 8)}`,
      ]);

      return id;
    },
    /** A queue of that brand, written straight into routing's table. */
    async newQueue(brandId: string): Promise<string> {
      const id = randomUUID();
      await pg.query(
        `INSERT INTO "${schema}".queues (brand_id, id, name, team) VALUES ($1, $2, $3, 'care')`,
        [brandId, id, `Queue ${id.slice(0, 8)}`],
      );

      return id;
    },
    /** Enough of a profile to sign a token for (the gateway trusts its own HS256 claims). */
    caller(role: AgentProfile['role'], brandId: string = DEMO.brandId): AgentProfile {
      return {
        id: randomUUID(),
        brandId,
        email: `${role}@example.com`,
        name: role,
        initials: role.slice(0, 2).toUpperCase(),
        role,
        languages: ['en'],
        timezone: 'UTC',
        status: 'online',
        capacity: 0,
        load: 0,
        queueIds: [],
      };
    },
    /**
     * A caller that routing knows (an `agents` row): routing checks the acting agent's current role
     * and access itself for privileged operations, so a token alone no longer suffices there.
     */
    async agent(role: AgentProfile['role'], brandId: string = DEMO.brandId): Promise<AgentProfile> {
      const profile = { ...this.caller(role, brandId) };
      profile.email = `${role}-${profile.id}@example.com`;
      await pg.query(
        `INSERT INTO "${schema}".agents (brand_id, id, email, name, initials, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6, 'unusable')`,
        [brandId, profile.id, profile.email, profile.name, profile.initials, role],
      );

      return profile;
    },
    async stop(): Promise<void> {
      await stack.stop();
      await pg.end();
    },
  };
}

export type RealRouting = Awaited<ReturnType<typeof startRealRouting>>;

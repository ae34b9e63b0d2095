import { readRoostEnv, type RoostEnv } from '@roost/config';
import { NatsClient, deleteStreams, silentLogger } from '@roost/messaging';
import { Client } from 'pg';
import { uniqueNamespace } from './names';

/** The environment a test runs with: the machine's PostgreSQL and NATS, its own namespace. */
export function testEnv(overrides: Record<string, string> = {}): RoostEnv & { ns: string } {
  const ns = uniqueNamespace();
  const env = readRoostEnv({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ROOST_NATS_NAMESPACE: ns,
    ROOST_SCHEMA_PREFIX: `${ns}_`,
    ...overrides,
  });

  return { ...env, ns };
}

/** Drops every schema and stream the namespace created. */
export async function cleanupNamespace(env: RoostEnv): Promise<void> {
  const pg = new Client({ connectionString: env.databaseUrl });
  await pg.connect();
  try {
    const { rows } = await pg.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`,
      [`${env.schemaPrefix}%`],
    );
    for (const r of rows) await pg.query(`DROP SCHEMA IF EXISTS "${r.nspname}" CASCADE`);
  } finally {
    await pg.end();
  }
  const nats = await NatsClient.connect({
    servers: env.natsServers,
    name: 'test-cleanup',
    namespace: env.natsNamespace,
    log: silentLogger,
  });
  try {
    await deleteStreams(nats.jsm, nats.topology);
  } finally {
    await nats.drain();
  }
}

import { randomUUID } from 'node:crypto';
import { cleanupNamespace, testEnv, stackEnv, TestStack } from '@roost/testing';
import { Client } from 'pg';

/** A whole platform in its own namespace (schemas `t_xxx_*`, streams `T_XXX_*`), on free ports. */
export async function startPlatform(
  opts: { pollIntervalMs?: number; logLevel?: string; env?: Record<string, string> } = {},
) {
  const env = testEnv();
  const stack = new TestStack(
    stackEnv(env, {
      LOG_LEVEL: opts.logLevel ?? 'info',
      SIM_HEARTBEAT_MS: '2000',
      INGEST_POLL_INTERVAL_MS: String(opts.pollIntervalMs ?? 1000),
      INGEST_STREAM_STALL_MS: '6000',
      ...opts.env,
    }),
  );
  await stack.init();
  const pg = new Client({ connectionString: env.databaseUrl });
  await pg.connect();

  return {
    env,
    stack,
    pg,
    schema: (service: string) => `${env.schemaPrefix}${service}`,
    /** A tweet on twitter-sim (a customer's unless `authorHandle` is the brand's); `inReplyToTweetId` puts it in that tweet's X thread. */
    async inject(
      text: string,
      authorHandle = `cust_${randomUUID().slice(0, 8)}`,
      opts: { inReplyToTweetId?: string } = {},
    ): Promise<string> {
      const res = await fetch(`${stack.url('twitter-sim')}/sim/tweets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text, authorHandle, ...opts }),
      });
      if (res.status !== 201) throw new Error(`inject failed: ${res.status} ${await res.text()}`);

      return ((await res.json()) as { id: string }).id;
    },
    async stop(): Promise<void> {
      await stack.stop();
      await pg.end();
      await cleanupNamespace(env);
    },
  };
}

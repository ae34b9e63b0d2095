import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { readRoostEnv } from '@roost/config';
import { createServiceDataSource, initialize } from '@roost/database';
import { AdminCommandError, createFirstAdmin } from './agents/first-admin';
import { ROUTING_MIGRATIONS } from './migrations';

const USAGE =
  'usage: npm run admin -- create --brand <brand id | brand name> --email <e-mail> [--name <full name>]';

/**
 * `npm run admin -- create …`: the first admin of a brand. Connects with DATABASE_URL as routing's
 * schema owner, like `npm run migrate`; prints the generated password once, to stdout only.
 */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { brand: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } },
  });
  if (positionals[0] !== 'create' || !values.brand || !values.email) {
    process.stderr.write(`${USAGE}\n`);

    return 2;
  }
  const env = readRoostEnv();
  const ds = await initialize(
    createServiceDataSource({
      url: env.databaseUrl,
      schema: `${env.schemaPrefix}routing`,
      migrations: ROUTING_MIGRATIONS,
      poolSize: 1,
      applicationName: 'roost-admin',
    }),
  );
  try {
    const admin = await createFirstAdmin(ds, { brand: values.brand, email: values.email, name: values.name });
    process.stdout.write(
      [
        `Created admin ${admin.email} (agent ${admin.agentId}) of brand ${admin.brandId}.`,
        `Password (shown once, not stored; change it after the first sign-in): ${admin.password}`,
        '',
      ].join('\n'),
    );

    return 0;
  } catch (err) {
    if (!(err instanceof AdminCommandError)) throw err;
    process.stderr.write(`${err.message}\n`);

    return 2;
  } finally {
    await ds.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);

import type { RoostEnv } from '@roost/config';
import type { ServiceDataSourceOptions } from '@roost/database';
import { CONVERSATIONS_MIGRATIONS } from '../migrations';

/**
 * A data-level test's own conversations schema (in the test's namespace unless named), with this
 * service's migrations: pass it to `createServiceDataSource`, then `migrate`.
 */
export function conversationsSchema(
  env: RoostEnv,
  applicationName: string,
  schema = `${env.schemaPrefix}conversations`,
): ServiceDataSourceOptions {
  return { url: env.databaseUrl, schema, migrations: CONVERSATIONS_MIGRATIONS, applicationName };
}

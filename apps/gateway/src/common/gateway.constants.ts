import { repoPath } from '@roost/platform';

/** HTTP GraphQL and graphql-ws (graphql-transport-ws) share this path. */
export const GRAPHQL_PATH = '/graphql';

/** The emitted SDL, committed; rebuilt at every development start (sorted, so diffs are real). */
export const SCHEMA_FILE = repoPath('apps', 'gateway', 'schema.graphql');

/** Server pings each socket this often and drops it when the pong does not come back in time. */
export const WS_KEEPALIVE_MS = 12_000;

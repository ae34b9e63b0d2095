import { repoPath } from '@roost/platform';

/** HTTP GraphQL and graphql-ws (graphql-transport-ws) share this path. */
export const GRAPHQL_PATH = '/graphql';

/** The emitted SDL, committed; rebuilt at every development start (sorted, so diffs are real). */
export const SCHEMA_FILE = repoPath('apps', 'gateway', 'schema.graphql');

/** Server pings each socket this often and drops it when the pong does not come back in time. */
export const WS_KEEPALIVE_MS = 12_000;

/**
 * Deadline of the routing requests that hash a password (login, change, reset, create): scrypt at
 * N=2^17 takes about half a second alone and several seconds when a 2-core host is busy, so the
 * default RPC deadline (5 s) would answer UPSTREAM_UNAVAILABLE for a login that is only slow.
 */
export const PASSWORD_RPC_TIMEOUT_MS = 20_000;

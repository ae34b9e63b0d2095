import type { RpcDef } from './methods';

/**
 * Request/reply methods the ingest service answers, added by the ingest service's owners. Build each with
 * `rpc(method, requestSchema, responseSchema)` from ./methods; method names `ingest.<noun>.<verb>`.
 */
export const IngestRpc = {} satisfies Record<string, RpcDef>;

import type { RpcDef } from './methods';

/**
 * Request/reply methods the metrics service answers, added by the metrics service's owners. Build each with
 * `rpc(method, requestSchema, responseSchema)` from ./methods; method names `metrics.<noun>.<verb>`.
 */
export const MetricsRpc = {} satisfies Record<string, RpcDef>;

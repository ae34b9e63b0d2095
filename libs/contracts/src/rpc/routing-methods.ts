import type { RpcDef } from './methods';

/**
 * Request/reply methods the routing service answers, added by the routing service's owners. Build each with
 * `rpc(method, requestSchema, responseSchema)` from ./methods; method names `routing.<noun>.<verb>`.
 */
export const RoutingRpc = {} satisfies Record<string, RpcDef>;

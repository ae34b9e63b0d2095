import type { RpcDef } from './methods';

/**
 * Request/reply methods the conversations service answers, added by the conversations service's owners. Build each with
 * `rpc(method, requestSchema, responseSchema)` from ./methods; method names `conversations.<noun>.<verb>`.
 */
export const ConversationsRpc = {} satisfies Record<string, RpcDef>;

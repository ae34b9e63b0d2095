import { Type, type Static } from '@sinclair/typebox';
import { codec } from '../codec';
import { IsoDate, Uuid } from '../common';

/**
 * An agent's access changed (routing → every gateway), schema 1: deactivated or reactivated, their
 * tokens revoked by a password change or reset, or their role or queues changed (gateways then
 * re-read the agent's profile, Rpc.GetAgents: the payload carries no role, so no order matters). Live (core NATS, at most once): a gateway
 * that missed it catches up with RoutingRpc.ListTokenRevocations at start, on reconnect and
 * periodically. Gateways refuse the agent's tokens while `active` is false, and those whose `iat`
 * is before `tokensValidAfter`, and close the agent's sockets that hold such a token.
 */
export const AgentAccessChangedV1 = Type.Object({
  schema: Type.Literal(1),
  brandId: Uuid,
  agentId: Uuid,
  active: Type.Boolean(),
  tokensValidAfter: Type.Union([IsoDate, Type.Null()]),
});
export type AgentAccessChangedV1 = Static<typeof AgentAccessChangedV1>;
export const agentAccessChangedV1 = codec('agent.access_changed.v1', AgentAccessChangedV1);

import type { AgentRole } from '@roost/contracts';

/**
 * Who is calling, from a verified credential. Brand and role decide everything the caller may see.
 * `kind` says which credential: an agent's token (HS256 from login, or an identity provider's RS256),
 * or an integration's API key (then `id` is the key's id, and it has no queues of its own).
 */
export interface AgentContext {
  readonly kind: 'agent' | 'apiKey';
  readonly id: string;
  readonly brandId: string;
  readonly role: AgentRole;
  readonly initials: string;
  /** The queues an agent works; supervisors and admins see the whole brand regardless. */
  readonly queueIds: readonly string[];
  /** Credential expiry, epoch milliseconds: sockets close then, operations after it are refused. */
  readonly expiresAtMs: number;
  /** Agent tokens: when issued (`iat`, epoch milliseconds), checked against revocations; absent if the token has none. */
  readonly issuedAtMs?: number;
  /** Identity-provider tokens: the role their claim grants, a ceiling on routing's current role (CurrentAccess). */
  readonly roleCeiling?: AgentRole;
}

/**
 * A caller whose role and queues are read at each use: a socket's operations and subscription
 * filters get this, so a change of the agent's access (CurrentAccess) applies to what is already
 * running, event by event, not only to the next subscribe.
 */
export function liveAgent(read: () => AgentContext): AgentContext {
  return {
    get kind() {
      return read().kind;
    },
    get id() {
      return read().id;
    },
    get brandId() {
      return read().brandId;
    },
    get role() {
      return read().role;
    },
    get initials() {
      return read().initials;
    },
    get queueIds() {
      return read().queueIds;
    },
    get expiresAtMs() {
      return read().expiresAtMs;
    },
    get issuedAtMs() {
      return read().issuedAtMs;
    },
    get roleCeiling() {
      return read().roleCeiling;
    },
  };
}

/** The brand and the acting person or key, as routing's and metrics' requests carry them. */
export function acting(agent: AgentContext): { brandId: string; actorId: string; actorRole: AgentRole } {
  return { brandId: agent.brandId, actorId: agent.id, actorRole: agent.role };
}

/**
 * Why there is no caller: no credential, a token we refuse (bad signature, wrong issuer or audience,
 * malformed), an expired token, an unknown or revoked API key, or the service that verifies
 * credentials (routing, the IdP's JWKS) did not answer in time, or an agent token revoked (the agent
 * was deactivated, or changed or had their password reset after it was issued), or a client address
 * that presented too many refused API keys (`rate_limited`: routing was not asked).
 */
export type AuthFailure =
  'missing' | 'invalid' | 'expired' | 'invalid_api_key' | 'unavailable' | 'revoked' | 'rate_limited';

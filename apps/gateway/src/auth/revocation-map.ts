import type { AgentAccessChangedV1 } from '@roost/contracts';
import type { AgentContext } from '../common/context/agent-context';

interface Access {
  active: boolean;
  /** Tokens issued (iat) before this are refused; null: none revoked. */
  validAfterMs: number | null;
}

function toAccess(e: AgentAccessChangedV1): Access {
  return {
    active: e.active,
    validAfterMs: e.tokensValidAfter === null ? null : Date.parse(e.tokensValidAfter),
  };
}

const same = (a: Access | undefined, b: Access | undefined): boolean =>
  a?.active === b?.active && a?.validAfterMs === b?.validAfterMs;

/**
 * agentId → access, the rules TokenRevocations applies (no I/O): an inactive agent's tokens are
 * refused, and an agent's tokens issued before their latest revocation. `iat` has whole seconds, so
 * new tokens are signed no earlier than the revocation rounded up (`issuedAtSeconds`): a token from
 * before the revocation, even in the same second, is refused, and one from after it never is.
 */
export class RevocationMap {
  private byAgent = new Map<string, Access>();

  refused(agent: AgentContext): boolean {
    if (agent.kind !== 'agent') return false;
    const access = this.byAgent.get(agent.id);
    if (!access) return false;
    if (!access.active) return true;

    return access.validAfterMs !== null && (agent.issuedAtMs ?? 0) < access.validAfterMs;
  }

  issuedAtSeconds(agentId: string, nowMs: number): number {
    const validAfter = this.byAgent.get(agentId)?.validAfterMs ?? null;
    const now = Math.floor(nowMs / 1000);

    return validAfter === null ? now : Math.max(now, Math.ceil(validAfter / 1000));
  }

  /** One change; answers whether it changed anything. A revocation never moves back (events may arrive out of order). */
  apply(e: AgentAccessChangedV1): boolean {
    const next = toAccess(e);
    const prev = this.byAgent.get(e.agentId);
    const validAfterMs = Math.max(prev?.validAfterMs ?? -Infinity, next.validAfterMs ?? -Infinity);
    const merged: Access = {
      active: next.active,
      validAfterMs: Number.isFinite(validAfterMs) ? validAfterMs : null,
    };
    if (same(prev, merged)) return false;
    this.byAgent.set(e.agentId, merged);

    return true;
  }

  /** Replaces everything with a fresh list; answers the agents whose access changed. */
  replace(list: readonly AgentAccessChangedV1[]): string[] {
    const old = this.byAgent;
    this.byAgent = new Map(list.map((e) => [e.agentId, toAccess(e)]));

    return [...new Set([...old.keys(), ...this.byAgent.keys()])].filter(
      (id) => !same(old.get(id), this.byAgent.get(id)),
    );
  }
}

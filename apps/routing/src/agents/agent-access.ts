import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  LiveEvents,
  forbidden,
  requireRole,
  type AgentAccessChangedV1,
  type AgentProfile,
  type AgentRole,
} from '@roost/contracts';
import { LiveChannel } from '@roost/messaging';
import { drainQueue, enqueue, recordAssignment, releaseFromAgent } from '../assignment/router';
import { hashPassword, verifyPassword } from '../common/password';
import { AdminRepository, type AgentAccessRow } from '../data/admin.repository';
import type { QueueState } from '../state/brand-state';
import { BrandWriter } from '../state/brand-writer';
import type { RoutingContext } from '../state/routing-context';

interface Actor {
  brandId: string;
  actorId: string;
  actorRole: AgentRole;
}

const MIN_PASSWORD = 12;
const MAX_PASSWORD = 200;

export function accessEvent(a: AgentAccessRow): AgentAccessChangedV1 {
  return {
    schema: 1,
    brandId: a.brandId,
    agentId: a.agentId,
    active: a.active,
    tokensValidAfter: a.tokensValidAfter ? a.tokensValidAfter.toISOString() : null,
  };
}

function requireAdminOnOther(r: Actor, agentId: string): void {
  requireRole(r.actorRole, 'admin');
  if (agentId === r.actorId) throw forbidden('OWN_ACCOUNT', 'you cannot do this to your own account');
}

/**
 * Takes every conversation assigned to `agentId` off them and back to its queue's waiting list
 * (announced as conversation.assigned, reason `agent_unavailable`), then lets the queues' other
 * members pull from the lists. Runs after the agent left routing's memory (inactive agents are not
 * loaded), so nothing can be assigned back to them.
 */
export function releaseAgentConversations(ctx: RoutingContext, agentId: string, actorId: string): number {
  const queues = new Set<QueueState>();
  let released = 0;
  for (const conv of [...ctx.state.byId.values()]) {
    if (conv.status !== 'assigned' || conv.assigneeId !== agentId) continue;
    releaseFromAgent(ctx, conv);
    enqueue(ctx, conv);
    recordAssignment(ctx, conv, {
      reason: 'agent_unavailable',
      previousQueueId: null,
      previousAssigneeId: agentId,
      actorId,
    });
    const q = ctx.state.queues.get(conv.queueId);
    if (q) queues.add(q);
    released++;
  }
  for (const q of queues) drainQueue(ctx, q);

  return released;
}

/**
 * The access lifecycle of agents: own password change, admins' reset, deactivation and
 * reactivation. Each change revokes tokens through `tokens_valid_after` / `active` and is announced
 * to the gateways (LiveEvents.AgentAccessChanged) after it commits.
 */
@Injectable()
export class AgentAccess {
  constructor(
    private readonly repo: AdminRepository,
    private readonly writer: BrandWriter,
    private readonly live: LiveChannel,
  ) {}

  /** Access changes since `since`, for gateways that missed an announcement. */
  async revocationsSince(since: Date): Promise<AgentAccessChangedV1[]> {
    return (await this.repo.tokenRevocations(since)).map(accessEvent);
  }

  async changePassword(
    r: Actor,
    input: { currentPassword: string; newPassword: string },
  ): Promise<{ agent: AgentProfile; tokensValidAfter: string }> {
    const { currentPassword, newPassword } = input;
    if (newPassword.length < MIN_PASSWORD || newPassword.length > MAX_PASSWORD) {
      throw new DomainError(
        ErrorCode.BadUserInput,
        `the new password must have ${MIN_PASSWORD} to ${MAX_PASSWORD} characters`,
        {
          field: 'newPassword',
          reason: 'PASSWORD_LENGTH',
          min: MIN_PASSWORD,
          max: MAX_PASSWORD,
        },
      );
    }
    const stored = await this.repo.credentials(r.brandId, r.actorId);
    if (!stored) throw DomainError.notFound('agent', r.actorId);
    if (!stored.active) {
      throw new DomainError(ErrorCode.Forbidden, 'this account is deactivated', { reason: 'AGENT_INACTIVE' });
    }
    if (!(await verifyPassword(currentPassword, stored.passwordHash))) {
      throw new DomainError(ErrorCode.BadUserInput, 'the current password is wrong', {
        field: 'currentPassword',
        reason: 'WRONG_PASSWORD',
      });
    }
    if (newPassword === currentPassword) {
      throw new DomainError(ErrorCode.BadUserInput, 'the new password must differ from the current one', {
        field: 'newPassword',
        reason: 'PASSWORD_UNCHANGED',
      });
    }
    const passwordHash = await hashPassword(newPassword);
    // Only over the hash just verified: of two concurrent changes, the second finds it replaced.
    const at = await this.repo.transaction(r.brandId, (tx) =>
      this.repo.setPassword(tx, {
        brandId: r.brandId,
        agentId: r.actorId,
        passwordHash,
        expectedHash: stored.passwordHash,
      }),
    );
    if (!at) {
      throw new DomainError(ErrorCode.Conflict, 'the password was changed meanwhile', {
        field: 'currentPassword',
        reason: 'PASSWORD_CHANGED',
      });
    }
    this.announce({ brandId: r.brandId, agentId: r.actorId, active: true, tokensValidAfter: at });

    return { agent: await this.profile(r.brandId, r.actorId), tokensValidAfter: at.toISOString() };
  }

  async resetPassword(r: Actor, agentId: string): Promise<{ agent: AgentProfile; password: string }> {
    requireAdminOnOther(r, agentId);
    const password = randomBytes(12).toString('base64url');
    const passwordHash = await hashPassword(password);
    const at = await this.repo.transaction(r.brandId, (tx) =>
      this.repo.setPassword(tx, { brandId: r.brandId, agentId, passwordHash }),
    );
    if (!at) throw DomainError.notFound('agent', agentId);
    const agent = await this.profile(r.brandId, agentId);
    this.announce({ brandId: r.brandId, agentId, active: agent.active !== false, tokensValidAfter: at });

    return { agent, password };
  }

  /**
   * Two steps, in this order: (1) a configuration change (active = false, offline, tokens revoked)
   * makes every routing instance reload the brand without the agent, so from then on nothing can be
   * assigned to them; (2) a routing write puts their assigned conversations back on the waiting
   * lists. Idempotent: calling again after a crash between the steps finishes step 2.
   */
  async deactivate(r: Actor, agentId: string): Promise<AgentProfile> {
    requireAdminOnOther(r, agentId);
    await this.requireAgent(r.brandId, agentId);
    const access = await this.writer.configure(r.brandId, (tx) =>
      this.repo.setActive(tx, r.brandId, agentId, false),
    );
    if (!access) throw DomainError.notFound('agent', agentId);
    this.announce(access);
    await this.writer.write(r.brandId, async (ctx, tx) => {
      releaseAgentConversations(ctx, agentId, r.actorId);
      // Not in memory (inactive), so no load delta was recorded for them: their count is zero now.
      if (!ctx.state.agents.has(agentId)) await this.repo.clearLoad(tx, r.brandId, agentId);
    });

    return this.profile(r.brandId, agentId);
  }

  async reactivate(r: Actor, agentId: string): Promise<AgentProfile> {
    requireAdminOnOther(r, agentId);
    await this.requireAgent(r.brandId, agentId);
    const access = await this.writer.configure(r.brandId, (tx) =>
      this.repo.setActive(tx, r.brandId, agentId, true),
    );
    if (!access) throw DomainError.notFound('agent', agentId);
    this.announce(access);

    return this.profile(r.brandId, agentId);
  }

  /** Before taking the brand's lock: another brand's (or no) agent is NOT_FOUND without a write. */
  private async requireAgent(brandId: string, agentId: string): Promise<void> {
    if (!(await this.repo.credentials(brandId, agentId))) throw DomainError.notFound('agent', agentId);
  }

  /** At most once: a gateway that misses it learns the change from ListTokenRevocations. */
  private announce(a: AgentAccessRow): void {
    this.live.publish(LiveEvents.AgentAccessChanged, a.brandId, a.agentId, accessEvent(a));
  }

  private async profile(brandId: string, id: string): Promise<AgentProfile> {
    const [agent] = await this.repo.agents(brandId, [id]);
    if (!agent) throw DomainError.notFound('agent', id);

    return agent;
  }
}

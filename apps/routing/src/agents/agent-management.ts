import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  LiveEvents,
  forbidden,
  requireRole,
  type AgentCreateInput,
  type AgentProfile,
  type AgentUpdateInput,
  type AgentRole,
} from '@roost/contracts';
import { LiveChannel } from '@roost/messaging';
import { DateTime } from 'luxon';
import { hashPassword } from '../common/password';
import { AdminRepository } from '../data/admin.repository';
import type { Queryable } from '../data/queryable';
import { BrandWriter } from '../state/brand-writer';
import { accessEvent } from './agent-access';

interface Actor {
  brandId: string;
  actorId: string;
  actorRole: AgentRole;
}

/** What a supervisor may change on an agent; every other field is the admins'. */
const SUPERVISOR_FIELDS: ReadonlySet<keyof AgentUpdateInput> = new Set([
  'languages',
  'queueIds',
  'capacity',
  'channelCapacity',
]);

function bad(
  field: string,
  message: string,
  reason: string,
  extra: Record<string, unknown> = {},
): DomainError {
  return new DomainError(ErrorCode.BadUserInput, message, { field, reason, ...extra });
}

/** Checks that need no database: a real IANA zone, channel limits within the total. */
function validateFields(a: AgentCreateInput): void {
  if (!DateTime.now().setZone(a.timezone).isValid) {
    throw bad('timezone', `unknown timezone ${a.timezone}`, 'INVALID_TIMEZONE');
  }
  if (a.capacity < 1) throw bad('capacity', 'capacity must be at least 1', 'CAPACITY_TOO_LOW');
  for (const [channel, limit] of Object.entries(a.channelCapacity)) {
    if (limit !== undefined && limit > a.capacity) {
      throw bad(
        `channelCapacity.${channel}`,
        `the ${channel} limit exceeds the capacity`,
        'CHANNEL_LIMIT_ABOVE_CAPACITY',
        { capacity: a.capacity },
      );
    }
  }
}

/**
 * Agent management (routing.agents.*): admins create agents and change anything; supervisors adjust
 * languages, queues and capacities. Writes go through BrandWriter.configure, so every routing
 * instance reloads the brand (new capacity, languages, queue membership) before its next decision.
 */
@Injectable()
export class AgentManagement {
  constructor(
    private readonly repo: AdminRepository,
    private readonly writer: BrandWriter,
    private readonly live: LiveChannel,
  ) {}

  /** Profiles for other services (the gateway's agent lookups); the brand's agents when `ids` is absent. */
  byIds(brandId: string, ids?: string[]): Promise<AgentProfile[]> {
    return this.repo.agents(brandId, ids);
  }

  async list(r: Actor): Promise<AgentProfile[]> {
    if (r.actorRole === 'agent') return this.repo.agents(r.brandId, [r.actorId]);

    return this.repo.agents(r.brandId);
  }

  async create(r: Actor, input: AgentCreateInput): Promise<{ agent: AgentProfile; initialPassword: string }> {
    requireRole(r.actorRole, 'admin');
    const agent = { ...input, email: input.email.trim(), queueIds: [...new Set(input.queueIds)] };
    validateFields(agent);
    // Shown once to the admin, who hands it over; only the hash is kept (the same scrypt login verifies).
    const initialPassword = randomBytes(12).toString('base64url');
    const passwordHash = await hashPassword(initialPassword);
    const id = randomUUID();
    await this.writer.configure(r.brandId, async (tx) => {
      await this.checkQueuesAndEmail(tx, r.brandId, agent);
      await this.repo.insertAgent(tx, r.brandId, { ...agent, id, passwordHash });
    });

    return { agent: await this.profile(r.brandId, id), initialPassword };
  }

  async update(r: Actor, agentId: string, changes: AgentUpdateInput): Promise<AgentProfile> {
    const given = (Object.keys(changes) as Array<keyof AgentUpdateInput>).filter(
      (k) => changes[k] !== undefined,
    );
    if (r.actorRole === 'agent') throw forbidden('SUPERVISOR_REQUIRED', 'supervisors only');
    if (r.actorRole === 'supervisor' && given.some((k) => !SUPERVISOR_FIELDS.has(k))) {
      throw forbidden(
        'ADMIN_REQUIRED',
        `only admins may change ${given.filter((k) => !SUPERVISOR_FIELDS.has(k)).join(', ')}`,
      );
    }
    await this.writer.configure(r.brandId, async (tx) => {
      const stored = await this.repo.lockAgent(tx, r.brandId, agentId);
      if (!stored) throw DomainError.notFound('agent', agentId);
      const { load, ...current } = stored;
      const next = { ...current, ...Object.fromEntries(given.map((k) => [k, changes[k]])) } as typeof current;
      if (changes.queueIds) next.queueIds = [...new Set(changes.queueIds)];
      if (changes.email) next.email = changes.email.trim();
      validateFields(next);
      if (next.capacity < load) {
        throw bad(
          'capacity',
          `the agent has ${load} conversations open; capacity cannot go below that`,
          'CAPACITY_BELOW_LOAD',
          { load },
        );
      }
      if (agentId === r.actorId && next.role !== current.role) {
        throw forbidden('OWN_ROLE', 'you cannot change your own role');
      }
      await this.checkQueuesAndEmail(tx, r.brandId, next, changes.email ? agentId : null);
      await this.repo.updateAgent(tx, r.brandId, next);
    });
    // Role and queues are in the agent's tokens: the gateways re-read them now (at most once; they
    // also re-read every minute). Published after the commit, so a re-read sees the change.
    const access = await this.repo.access(r.brandId, agentId);
    if (access) this.live.publish(LiveEvents.AgentAccessChanged, r.brandId, agentId, accessEvent(access));

    return this.profile(r.brandId, agentId);
  }

  /** Queues must be the brand's; an e-mail (when new or changed) must be free across brands (login is by e-mail). */
  private async checkQueuesAndEmail(
    tx: Queryable,
    brandId: string,
    a: AgentCreateInput,
    emailOwner: string | null = '',
  ): Promise<void> {
    const found = await this.repo.existingQueues(tx, brandId, a.queueIds);
    const unknown = a.queueIds.filter((q) => !found.has(q));
    if (unknown.length > 0) {
      throw bad('queueIds', 'not queues of your brand', 'UNKNOWN_QUEUE', { queueIds: unknown });
    }
    if (emailOwner !== null && (await this.repo.emailTaken(tx, a.email, emailOwner || undefined))) {
      throw new DomainError(ErrorCode.Conflict, 'that e-mail is already in use', {
        field: 'email',
        reason: 'EMAIL_TAKEN',
      });
    }
  }

  private async profile(brandId: string, id: string): Promise<AgentProfile> {
    const [agent] = await this.repo.agents(brandId, [id]);
    if (!agent) throw DomainError.notFound('agent', id);

    return agent;
  }
}

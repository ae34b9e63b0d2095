import { Injectable } from '@nestjs/common';
import type { AgentProfile } from '@roost/contracts';
import { AdminRepository } from '../data/admin.repository';
import { checkedActor, type ClaimedActor } from './acting-role';

/** Who is acting, as routing holds it now (agents and API keys are routing's own). */
@Injectable()
export class Actors {
  constructor(private readonly repo: AdminRepository) {}

  /** The actor's current role and whether they are active; null for an unknown id. */
  current(brandId: string, actorId: string): Promise<{ role: AgentProfile['role']; active: boolean } | null> {
    return this.repo.actor(brandId, actorId);
  }

  /** The request with the actor's current role (FORBIDDEN when unknown or inactive). */
  checked<T extends ClaimedActor>(r: T): Promise<T> {
    return checkedActor(this.repo, r);
  }
}

import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  type AutoPostSettings,
  type ConversationsRpc,
  type RpcRequest,
} from '@roost/contracts';
import { ActorRoles } from '@roost/messaging';
import { PUBLIC_REPLY_LIMIT, weightedLength } from '@roost/x-text';
import { AutoPostsRepository } from '../data/auto-posts.repository';
import { isTimeZone, overlongTemplates } from './auto-post-template';

type SetAutoPostsRequest = RpcRequest<typeof ConversationsRpc.SetAutoPosts>;

/** The brand's automatic-post settings: read by anyone of the brand, saved by supervisors and admins when they can be posted. */
@Injectable()
export class AutoPostsService {
  constructor(
    private readonly autoPosts: AutoPostsRepository,
    private readonly roles: ActorRoles,
  ) {}

  get(brandId: string): Promise<AutoPostSettings> {
    return this.autoPosts.get(brandId);
  }

  async set(r: SetAutoPostsRequest): Promise<AutoPostSettings> {
    // The actor's current role, asked of routing: `agentRole` is only a claim.
    await this.roles.requireSupervisor(r);
    const overlong = overlongTemplates({
      oohTemplates: r.settings.outOfHoursAck.templates,
      waitTemplate: r.settings.waitStatus.template,
      weigh: weightedLength,
    });
    if (overlong.length > 0) {
      throw new DomainError(
        ErrorCode.BadUserInput,
        `templates too long for X (${PUBLIC_REPLY_LIMIT} weighted characters): ${overlong.join(', ')}`,
        {
          reason: 'REPLY_TOO_LONG',
          fields: overlong,
        },
      );
    }

    const ws = r.settings.waitStatus;
    if (ws.enabled && !ws.queueId) {
      throw new DomainError(ErrorCode.BadUserInput, 'the expected-wait status tweet needs a queue', {
        reason: 'QUEUE_REQUIRED',
        field: 'waitStatus.queueId',
      });
    }
    if (!isTimeZone(ws.timezone)) {
      throw new DomainError(ErrorCode.BadUserInput, `unknown timezone ${ws.timezone}`, {
        reason: 'INVALID_TIMEZONE',
        field: 'waitStatus.timezone',
      });
    }

    return this.autoPosts.set({ brandId: r.brandId, actorId: r.agentId, settings: r.settings });
  }
}

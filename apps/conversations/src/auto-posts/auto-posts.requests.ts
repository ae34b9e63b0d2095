import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ConversationsRpc, DomainError, ErrorCode } from '@roost/contracts';
import { ActorRoles, RpcServer } from '@roost/messaging';
import { PUBLIC_REPLY_LIMIT, weightedLength } from '@roost/x-text';
import { isTimeZone, overlongTemplates } from './auto-post-template';
import { AutoPostsRepository } from './auto-posts.repository';

/** `conversations.auto_posts.*` (ConversationsRpc): map, authorise, delegate. */
@Injectable()
export class AutoPostsRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly autoPosts: AutoPostsRepository,
    private readonly roles: ActorRoles,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(ConversationsRpc.GetAutoPosts, (r) => this.autoPosts.get(r.brandId));
    this.rpc.serve(ConversationsRpc.SetAutoPosts, async (r) => {
      // The actor's current role, asked of routing: `agentRole` is only a claim.
      await this.roles.requireSupervisor(r);
      const overlong = overlongTemplates({ oohTemplates: r.settings.outOfHoursAck.templates, waitTemplate: r.settings.waitStatus.template, weigh: weightedLength });
      if (overlong.length > 0) {
        throw new DomainError(ErrorCode.BadUserInput, `templates too long for X (${PUBLIC_REPLY_LIMIT} weighted characters): ${overlong.join(', ')}`, {
          reason: 'REPLY_TOO_LONG',
          fields: overlong,
        });
      }

      const ws = r.settings.waitStatus;
      if (ws.enabled && !ws.queueId) {
        throw new DomainError(ErrorCode.BadUserInput, 'the expected-wait status tweet needs a queue', { reason: 'QUEUE_REQUIRED', field: 'waitStatus.queueId' });
      }
      if (!isTimeZone(ws.timezone)) {
        throw new DomainError(ErrorCode.BadUserInput, `unknown timezone ${ws.timezone}`, { reason: 'INVALID_TIMEZONE', field: 'waitStatus.timezone' });
      }

      return this.autoPosts.set({ brandId: r.brandId, actorId: r.agentId, settings: r.settings });
    });
    await this.rpc.ready();
  }
}

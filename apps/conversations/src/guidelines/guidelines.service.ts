import { Injectable } from '@nestjs/common';
import {
  DomainError,
  type BrandGuidelines,
  type CannedReply,
  type ConversationsRpc,
  type RpcRequest,
} from '@roost/contracts';
import { ActorRoles } from '@roost/messaging';
import { ConversationRepository } from '../data/conversation.repository';
import { GuidelinesRepository } from '../data/guidelines.repository';
import { renderCanned } from './canned-template';

type SaveCannedRequest = RpcRequest<typeof ConversationsRpc.SaveCanned>;
type RenderCannedRequest = RpcRequest<typeof ConversationsRpc.RenderCanned>;
type SetGuidelinesRequest = RpcRequest<typeof ConversationsRpc.SetGuidelines>;

/**
 * The brand's guidelines and canned replies. Writes are for supervisors and admins: the actor's
 * current role is asked of routing (ActorRoles), never read from `agentRole`.
 */
@Injectable()
export class GuidelinesService {
  constructor(
    private readonly guidelines: GuidelinesRepository,
    private readonly conversations: ConversationRepository,
    private readonly roles: ActorRoles,
  ) {}

  get(brandId: string): Promise<BrandGuidelines> {
    return this.guidelines.get(brandId);
  }

  async set(r: SetGuidelinesRequest): Promise<BrandGuidelines> {
    await this.roles.requireSupervisor(r);

    return this.guidelines.set({ brandId: r.brandId, actorId: r.agentId, guidelines: r.guidelines });
  }

  listCanned(brandId: string, language?: string): Promise<CannedReply[]> {
    return this.guidelines.listCanned(brandId, language);
  }

  async saveCanned(r: SaveCannedRequest): Promise<CannedReply> {
    await this.roles.requireSupervisor(r);

    return this.guidelines.saveCanned({
      brandId: r.brandId,
      actorId: r.agentId,
      language: r.language,
      title: r.title,
      body: r.body,
    });
  }

  /** A canned reply's variables filled for one conversation (customer name, agent initials, queue hours). */
  async renderCanned(r: RenderCannedRequest): Promise<{ text: string }> {
    const [canned, rec, g] = await Promise.all([
      this.guidelines.getCanned(r.brandId, r.cannedReplyId),
      this.conversations.get(r.brandId, r.conversationId),
      this.guidelines.get(r.brandId),
    ]);
    if (!canned) throw DomainError.notFound('canned reply', r.cannedReplyId);
    if (!rec) throw DomainError.notFound('conversation', r.conversationId);
    const queueHours = g.queueHours[rec.view.queueId] ?? g.queueHours.default ?? '';

    return {
      text: renderCanned(canned.body, {
        customer_name: rec.view.customer.name,
        agent_initials: r.agentInitials,
        queue_hours: queueHours,
      }),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, TRANSFER_NOTE_MAX_LENGTH, type AgentRole } from '@roost/contracts';
import { Actors } from '../access/actors';
import type { AgentState, Conversation } from '../state/brand-state';
import { BrandWriter } from '../state/brand-writer';
import type { RoutingContext } from '../state/routing-context';
import { manualAssign, setAgentStatus, takeOver, transfer, unassign, type Actor } from './manual-actions';
import { openSplit, type OpenSplitRequest } from './split';

interface Acting {
  brandId: string;
  actorId: string;
  actorRole: AgentRole;
}

/** Manual actions from the gateway: one locked write each, rules in manual-actions.ts. */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly writer: BrandWriter,
    private readonly actors: Actors,
  ) {}

  async assign(r: Acting & { conversationId: string; agentId: string }): Promise<Conversation> {
    const by = await this.actor(r);

    return this.act(r.brandId, (ctx) =>
      manualAssign(ctx, { conversationId: r.conversationId, agentId: r.agentId, actor: by }),
    );
  }

  async transfer(
    r: Acting & { conversationId: string; toAgentId?: string; toQueueId?: string; note?: string },
  ): Promise<Conversation> {
    if (!r.toAgentId === !r.toQueueId) {
      throw new DomainError(ErrorCode.BadUserInput, 'give exactly one of toAgentId and toQueueId');
    }
    const note = r.note?.trim() ?? '';
    if (note.length > TRANSFER_NOTE_MAX_LENGTH) {
      throw new DomainError(
        ErrorCode.BadUserInput,
        `a transfer note has at most ${TRANSFER_NOTE_MAX_LENGTH} characters`,
        { reason: 'TRANSFER_NOTE_TOO_LONG', maxLength: TRANSFER_NOTE_MAX_LENGTH, length: note.length },
      );
    }
    const by = await this.actor(r);

    return this.act(r.brandId, (ctx) =>
      transfer(ctx, {
        conversationId: r.conversationId,
        toAgentId: r.toAgentId,
        toQueueId: r.toQueueId,
        actor: by,
        ...(note ? { note } : {}),
      }),
    );
  }

  async takeOver(r: Acting & { conversationId: string }): Promise<Conversation> {
    const by = await this.actor(r);

    return this.act(r.brandId, (ctx) => takeOver(ctx, { conversationId: r.conversationId, actor: by }));
  }

  async unassign(r: Acting & { conversationId: string }): Promise<Conversation> {
    const by = await this.actor(r);

    return this.act(r.brandId, (ctx) => unassign(ctx, { conversationId: r.conversationId, actor: by }));
  }

  async setAgentStatus(r: Acting & { agentId: string; status: AgentState['status'] }): Promise<AgentState> {
    const by = await this.actor(r);

    return this.act(r.brandId, (ctx) =>
      setAgentStatus(ctx, { agentId: r.agentId, status: r.status, actor: by }),
    );
  }

  /** For conversations' split (issue 13): opens the split message's conversation under the brand lock. */
  openSplit(r: OpenSplitRequest): Promise<Conversation> {
    return this.act(r.brandId, (ctx) => openSplit(ctx, r));
  }

  /** The actor's role as routing holds it now, not the one signed into their token. */
  private async actor(r: Acting): Promise<Actor> {
    const checked = await this.actors.checked(r);

    return { id: checked.actorId, role: checked.actorRole };
  }

  private async act<T>(brandId: string, fn: (ctx: RoutingContext) => T): Promise<T> {
    const written = await this.writer.write(brandId, fn);
    if (!written) {
      throw new DomainError(ErrorCode.NotFound, 'brand has no routing configuration', { brandId });
    }

    return written.result;
  }
}

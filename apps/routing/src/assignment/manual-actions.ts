import {
  DomainError,
  ErrorCode,
  forbidden,
  managesBrand,
  type ConversationAssignedV1,
} from '@roost/contracts';
import type { AgentState, Channel, Conversation } from '../state/brand-state';
import type { RoutingContext } from '../state/routing-context';
import { fitsChannel, speaks } from './eligibility';
import { assignTo, drainForAgent, drainQueue, enqueue, recordAssignment, releaseFromAgent } from './router';

type TransferNote = NonNullable<ConversationAssignedV1['transferNote']>;

export interface Actor {
  id: string;
  role: 'agent' | 'supervisor' | 'admin';
}

function conversationOf(ctx: RoutingContext, id: string): Conversation {
  const conv = ctx.state.byId.get(id);
  if (!conv) throw DomainError.notFound('open conversation', id);

  return conv;
}

function agentOf(ctx: RoutingContext, id: string): AgentState {
  const agent = ctx.state.agents.get(id);
  if (!agent) throw DomainError.notFound('agent', id);

  return agent;
}

/**
 * Manual assignment: a supervisor to anyone, an agent to themselves (taking a conversation of a
 * queue they work). Capacity is never overridden: it is the invariant the database enforces too.
 */
export function manualAssign(
  ctx: RoutingContext,
  input: { conversationId: string; agentId: string; actor: Actor },
): Conversation {
  const conv = conversationOf(ctx, input.conversationId);
  const agent = agentOf(ctx, input.agentId);
  if (!managesBrand(input.actor.role) && (input.actor.id !== agent.id || !agent.queueIds.has(conv.queueId))) {
    throw forbidden('NOT_OWN_QUEUE', 'agents may only take conversations of their own queues');
  }
  if (conv.status === 'assigned' && conv.assigneeId === agent.id) return conv;
  // In a hard-locked queue an agent never takes a colleague's conversation: that is TakeOver, for
  // supervisors and admins, and audited as such. (Transfer and unassign already need the assignee.)
  const queue = ctx.state.queues.get(conv.queueId);
  if (queue?.hardLock && !managesBrand(input.actor.role) && conv.assigneeId && conv.assigneeId !== agent.id) {
    throw forbidden(
      'CONVERSATION_LOCKED',
      'this queue is hard-locked: only its assignee works this conversation',
      {
        assigneeId: conv.assigneeId,
      },
    );
  }
  moveToAgent(ctx, conv, agent, { reason: 'manual_assign', actorId: input.actor.id, previousQueueId: null });

  return conv;
}

/** Transfer to an agent (same queue) or to a queue (waits there, assigned by its strategy). */
export function transfer(
  ctx: RoutingContext,
  input: { conversationId: string; toAgentId?: string; toQueueId?: string; actor: Actor; note?: string },
): Conversation {
  const conv = conversationOf(ctx, input.conversationId);
  if (!managesBrand(input.actor.role) && conv.assigneeId !== input.actor.id) {
    throw forbidden('NOT_ASSIGNEE', 'agents may only transfer their own conversations');
  }
  // The note rides on the transfer's conversation.assigned; conversations stores it for the next agent.
  const transferNote = input.note
    ? { text: input.note, authorName: ctx.state.agents.get(input.actor.id)?.name ?? 'API key' }
    : undefined;
  if (input.toAgentId) {
    moveToAgent(ctx, conv, agentOf(ctx, input.toAgentId), {
      reason: 'transfer',
      actorId: input.actor.id,
      previousQueueId: null,
      transferNote,
    });

    return conv;
  }
  const target = input.toQueueId ? ctx.state.queues.get(input.toQueueId) : undefined;
  if (!target) throw DomainError.notFound('queue', input.toQueueId ?? '');
  moveToQueue(ctx, conv, target.id, { reason: 'transfer', actorId: input.actor.id, transferNote });

  return conv;
}

/**
 * A supervisor or admin takes a conversation over: assigned to themself (capacity still holds),
 * announced with `takeOver` so conversations audits it. Their way to answer in a hard-locked queue.
 */
export function takeOver(ctx: RoutingContext, input: { conversationId: string; actor: Actor }): Conversation {
  if (!managesBrand(input.actor.role)) {
    throw forbidden('SUPERVISOR_REQUIRED', 'only supervisors and admins take a conversation over');
  }
  const conv = conversationOf(ctx, input.conversationId);
  if (conv.status === 'assigned' && conv.assigneeId === input.actor.id) return conv;
  moveToAgent(ctx, conv, agentOf(ctx, input.actor.id), {
    reason: 'manual_assign',
    actorId: input.actor.id,
    previousQueueId: null,
    takeOver: true,
  });

  return conv;
}

export function unassign(ctx: RoutingContext, input: { conversationId: string; actor: Actor }): Conversation {
  const conv = conversationOf(ctx, input.conversationId);
  if (!managesBrand(input.actor.role) && conv.assigneeId !== input.actor.id) {
    throw forbidden('NOT_ASSIGNEE', 'agents may only unassign their own conversations');
  }
  if (conv.status !== 'assigned') return conv;
  const previous = conv.assigneeId;
  const freed = releaseFromAgent(ctx, conv);
  enqueue(ctx, conv);
  recordAssignment(ctx, conv, {
    reason: 'unassign',
    previousQueueId: null,
    previousAssigneeId: previous,
    actorId: input.actor.id,
  });
  // The freed agent pulls from the waiting list, but not this one conversation back.
  if (freed) drainOthers(ctx, freed, conv);

  return conv;
}

function drainOthers(ctx: RoutingContext, agent: AgentState, keep: Conversation): void {
  const q = ctx.state.queues.get(keep.queueId);
  q?.waiting.remove(keep);
  drainForAgent(ctx, agent);
  q?.waiting.add(keep);
}

export function moveToAgent(
  ctx: RoutingContext,
  conv: Conversation,
  agent: AgentState,
  how: {
    reason: 'manual_assign' | 'transfer' | 'sla_reassign';
    actorId: string | null;
    previousQueueId: string | null;
    transferNote?: TransferNote | undefined;
    takeOver?: boolean;
  },
): void {
  if (agent.status === 'offline') {
    throw new DomainError(ErrorCode.Conflict, 'agent is offline', { reason: 'AGENT_OFFLINE' });
  }
  if (agent.active >= agent.capacity) {
    throw new DomainError(ErrorCode.Conflict, 'agent is at capacity', {
      reason: 'AGENT_AT_CAPACITY',
      capacity: agent.capacity,
    });
  }
  if (!fitsChannel(agent, conv.channel)) {
    throw new DomainError(ErrorCode.Conflict, `agent is at capacity for ${conv.channel} conversations`, {
      reason: 'AGENT_AT_CHANNEL_CAPACITY',
      channel: conv.channel,
      capacity: agent.channelCapacity[conv.channel as Channel] ?? agent.capacity,
    });
  }
  const previous = conv.assigneeId;
  const freed = releaseFromAgent(ctx, conv);
  if (conv.status === 'snoozed') conv.status = 'waiting';
  else if (conv.status === 'assigned') conv.status = 'waiting';
  assignTo(ctx, conv, agent, !speaks(agent, conv.language));
  recordAssignment(ctx, conv, {
    reason: how.reason,
    previousQueueId: how.previousQueueId,
    previousAssigneeId: previous,
    actorId: how.actorId,
    transferNote: how.transferNote,
    takeOver: how.takeOver,
  });
  if (freed) drainForAgent(ctx, freed);
}

export function moveToQueue(
  ctx: RoutingContext,
  conv: Conversation,
  queueId: string,
  how: {
    reason: 'transfer' | 'sla_reassign';
    actorId: string | null;
    priority?: number;
    transferNote?: TransferNote | undefined;
  },
): void {
  const previousQueueId = conv.queueId;
  const previous = conv.assigneeId;
  const from = ctx.state.queues.get(conv.queueId);
  if (conv.status === 'waiting') from?.waiting.remove(conv);
  const freed = releaseFromAgent(ctx, conv);
  conv.queueId = queueId;
  if (how.priority !== undefined) conv.priority = how.priority;
  enqueue(ctx, conv);
  const target = ctx.state.queues.get(queueId);
  // Announce the move first, then (if it happens) the assignment out of the new queue's list.
  recordAssignment(ctx, conv, {
    reason: how.reason,
    previousQueueId,
    previousAssigneeId: previous,
    actorId: how.actorId,
    transferNote: how.transferNote,
  });
  if (target) drainQueue(ctx, target);
  if (freed) drainForAgent(ctx, freed);
}

/** Agent status: coming online pulls waiting conversations; going away keeps current ones. */
export function setAgentStatus(
  ctx: RoutingContext,
  input: { agentId: string; status: AgentState['status']; actor: Actor },
): AgentState {
  const agent = agentOf(ctx, input.agentId);
  if (!managesBrand(input.actor.role) && input.actor.id !== agent.id) {
    throw forbidden('NOT_SELF', 'only supervisors change another agent’s status');
  }
  if (agent.status === input.status) return agent;
  agent.status = input.status;
  ctx.changes.agentStatus.set(agent.id, input.status);
  if (input.status === 'online') drainForAgent(ctx, agent);

  return agent;
}

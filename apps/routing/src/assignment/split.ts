import { DomainError, type RpcRequest, type RoutingRpc } from '@roost/contracts';
import { threadKey, type Conversation } from '../state/brand-state';
import type { RoutingContext } from '../state/routing-context';
import { drainQueue } from './router';

export type OpenSplitRequest = RpcRequest<typeof RoutingRpc.OpenSplit>;

/**
 * Issue 13: a customer message split out of a conversation opens a new one in the same queue,
 * waiting in line and assigned like any new conversation. Its thread identity (`x_conversation_id`,
 * so a reload and catch-up rebuild the same key) is `split:` and the message's own X id: never an
 * X thread id, so it never collides with the conversation it left in the partial unique index (one
 * open conversation per customer, channel and X thread), not even when the message is the thread's
 * opening tweet (whose id is the thread's); later tweets of the original X thread still join the
 * original. A retry finds it open and gets the same answer.
 */
export const splitIdentity = (messageXId: string): string => `split:${messageXId}`;

export function openSplit(ctx: RoutingContext, r: OpenSplitRequest): Conversation {
  const { state } = ctx;
  const identity = splitIdentity(r.messageXId);
  const key = threadKey(r.customerXId, r.channel, identity);
  const known = state.open.get(key);
  if (known) return known;
  const source =
    state.byId.get(r.sourceConversationId) ??
    [...state.recentlyResolved.values()].find((c) => c.id === r.sourceConversationId);
  const queue = source ? state.queues.get(source.queueId) : undefined;
  if (!source || !queue) throw DomainError.notFound('conversation', r.sourceConversationId);
  const conv: Conversation = {
    id: ctx.newId(),
    customerXId: r.customerXId,
    channel: r.channel,
    xConversationId: identity,
    queueId: queue.id,
    status: 'waiting',
    assigneeId: null,
    priority: r.priority,
    language: r.language,
    openedAt: ctx.now,
    assignedAt: null,
    translationHint: false,
    firstResponseAt: null,
    slaWarnedAt: null,
    slaBreachedAt: null,
    dmLinkedAt: null,
  };
  state.open.set(key, conv);
  state.byId.set(conv.id, conv);
  ctx.changes.open(conv);
  queue.waiting.add(conv);
  drainQueue(ctx, queue, conv);

  return conv;
}

import { readChangesSince } from '../data/brand-state.repository';
import { toConversation } from '../data/conversation.record';
import type { Queryable } from '../data/queryable';
import type { BrandState, Conversation } from './brand-state';
import { noteDmLeg, noteMergeAlias, threadKeyOf } from './brand-state';
import { countChannel, rememberResolved } from './brand-state.loader';

/**
 * Brings a brand's memory from its version to `to` by reading only what other instances wrote in
 * between: conversations stamped with a later routing_version, and every agent's load and status
 * (a couple of hundred rows), and VIP flags stamped later. Per-channel loads move with each changed conversation, so a
 * catch-up costs what changed, not every open conversation. Configuration (queues, rules, shifts) is not covered: it bumps the
 * config version and the writer reloads in full.
 */
export async function catchUp(q: Queryable, state: BrandState, to: number): Promise<void> {
  const { rows, agents, vips } = await readChangesSince(q, state.brandId, state.version);
  for (const r of rows) {
    const old = state.byId.get(r.id);
    if (old) forget(state, old);
    if (r.status === 'resolved' && r.merged_into_id) {
      // Merged by another instance: its thread leads to the target, never reopenable itself.
      const merged = toConversation({ ...r, status: 'waiting' });
      const key = threadKeyOf(merged);
      if (state.recentlyResolved.get(key)?.id === r.id) state.recentlyResolved.delete(key);
      noteMergeAlias(state, key, r.id, r.merged_into_id);
      continue;
    }
    if (r.status === 'resolved') {
      if (r.assignee_id && r.resolved_at) {
        state.lastAgent.set(r.customer_x_id, { agentId: r.assignee_id, at: r.resolved_at.getTime() });
      }
      if (r.resolved_at) {
        rememberResolved(state, toConversation({ ...r, status: 'waiting' }), r.resolved_at.getTime());
      }
      continue;
    }
    const conv = toConversation({ ...r, status: r.status });
    const key = threadKeyOf(conv);
    // Reopened by another instance: no longer reopenable from here.
    if (state.recentlyResolved.get(key)?.id === conv.id) state.recentlyResolved.delete(key);
    state.open.set(key, conv);
    state.byId.set(conv.id, conv);
    noteDmLeg(state, conv);
    const queue = state.queues.get(conv.queueId);
    if (conv.status === 'waiting') queue?.waiting.add(conv);
    else if (conv.status === 'assigned' && queue) queue.assigned++;
    countChannel(state, conv, 1);
  }
  for (const a of agents) {
    const agent = state.agents.get(a.id);
    if (!agent) continue;
    agent.status = a.status;
    agent.active = a.active_count;
  }
  for (const v of vips) state.vips.set(v.customer_x_id, { vip: v.vip, at: v.changed_at.getTime() });
  state.version = to;
}

function forget(state: BrandState, conv: Conversation): void {
  const queue = state.queues.get(conv.queueId);
  if (conv.status === 'waiting') queue?.waiting.remove(conv);
  else if (conv.status === 'assigned' && queue) queue.assigned--;
  countChannel(state, conv, -1);
  state.byId.delete(conv.id);
  const key = threadKeyOf(conv);
  if (state.open.get(key) === conv) state.open.delete(key);
}

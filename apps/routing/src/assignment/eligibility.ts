import { withinWeekly } from '../common/schedule';
import type { AgentState, Channel, Conversation, QueueState } from '../state/brand-state';

const MINUTE = 60_000;

export function isOnShift(agent: AgentState, now: number): boolean {
  const minute = Math.floor(now / MINUTE);
  if (agent.shiftCache.minute !== minute) {
    agent.shiftCache = {
      minute,
      onShift: withinWeekly({ slots: agent.shifts, exceptions: agent.exceptions, zone: agent.timezone, now }),
    };
  }

  return agent.shiftCache.onShift;
}

export function isQueueOpen(queue: QueueState, now: number): boolean {
  const minute = Math.floor(now / MINUTE);
  if (queue.openCache.minute !== minute) {
    queue.openCache = {
      minute,
      open: withinWeekly({ slots: queue.businessHours, zone: queue.timezone, now }),
    };
  }

  return queue.openCache.open;
}

/** Online, on shift now and with a free slot (queue membership is the caller's scan). */
export function canTakeMore(agent: AgentState, now: number): boolean {
  return agent.status === 'online' && agent.active < agent.capacity && isOnShift(agent, now);
}

/** Whether the agent's limit for the conversation's channel (if any) leaves room. */
export function fitsChannel(agent: AgentState, channel: string): boolean {
  const limit = agent.channelCapacity[channel as Channel];

  return limit === undefined || agent.activeByChannel[channel as Channel] < limit;
}

export function speaks(agent: AgentState, language: string): boolean {
  return language === 'und' || agent.languages.has(language);
}

/**
 * Whether the queue still insists on the customer's language for this conversation. A queue
 * without a relaxation delay treats language as a preference only (the walking skeleton's rule);
 * with one, only speakers qualify until the conversation has waited that long.
 */
export function languageRequired(queue: QueueState, conv: Conversation, now: number): boolean {
  return (
    queue.relaxLanguageAfterMinutes !== null && now - conv.openedAt < queue.relaxLanguageAfterMinutes * MINUTE
  );
}

export interface Pick {
  agent: AgentState;
  translationHint: boolean;
}

/**
 * The agent a conversation should go to among `candidates` (members of its queue who can take
 * more): the customer's previous agent within the sticky window if among them, else per the
 * queue's strategy; speakers of the customer's language first.
 */
export function pickAgent(input: {
  queue: QueueState;
  conv: Conversation;
  candidates: readonly AgentState[];
  lastAgent: { agentId: string; at: number } | undefined;
  now: number;
  exclude?: string | null;
}): Pick | null {
  const { queue, conv, candidates, now } = input;
  const strict = languageRequired(queue, conv, now);
  const window = queue.stickyWindowMinutes;
  if (window !== null && input.lastAgent && now - input.lastAgent.at <= window * MINUTE) {
    const prev = candidates.find((a) => a.id === input.lastAgent?.agentId);
    if (
      prev &&
      prev.id !== input.exclude &&
      fitsChannel(prev, conv.channel) &&
      (speaks(prev, conv.language) || !strict)
    ) {
      return { agent: prev, translationHint: !speaks(prev, conv.language) };
    }
  }
  let best: AgentState | null = null;
  let bestSpeaks = false;
  for (const agent of candidates) {
    if (agent.id === input.exclude || !fitsChannel(agent, conv.channel)) continue;
    const s = speaks(agent, conv.language);
    if (!s && (strict || bestSpeaks)) continue;
    if (!best || (s && !bestSpeaks) || better(queue, agent, best)) {
      best = agent;
      bestSpeaks = s;
    }
  }

  return best ? { agent: best, translationHint: !bestSpeaks } : null;
}

function better(queue: QueueState, a: AgentState, b: AgentState): boolean {
  if (queue.strategy === 'least_loaded') {
    const la = a.active / a.capacity;
    const lb = b.active / b.capacity;
    if (la !== lb) return la < lb;
  }

  return a.lastAssignedSeq < b.lastAssignedSeq;
}

import { Injectable } from '@nestjs/common';
import { forbidden, RoutingRpc } from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { LRUCache } from 'lru-cache';

/** Routing's answer is kept this long: the bound on how late a queue's lock (or its removal) applies here. */
const CACHE_MS = 5_000;
const MAX_CACHED = 10_000;

type Answer = { queueIds: string[] };

/**
 * Which of a brand's queues are hard-locked, asked of routing (which owns queues:
 * `RoutingRpc.LockedQueues`) and cached per brand for 5 s. Asked rather than carried on events
 * because the setting changes on the queue, not on a conversation: an event would only tell the
 * conversations that move afterwards. Routing unreachable: the last answer is used while it lasts
 * (`allowStaleOnFetchRejection`), else the action fails with UPSTREAM_UNAVAILABLE; a lock never
 * opens because routing is down.
 */
@Injectable()
export class QueueLocks {
  private readonly cache: LRUCache<string, Answer, { brandId: string }>;

  constructor(private readonly rpc: RpcClient) {
    this.cache = new LRUCache<string, Answer, { brandId: string }>({
      max: MAX_CACHED,
      ttl: CACHE_MS,
      allowStaleOnFetchRejection: true,
      noDeleteOnFetchRejection: true,
      fetchMethod: (_key, _stale, { context }) => this.rpc.request(RoutingRpc.LockedQueues, context),
    });
  }

  async isLocked(brandId: string, queueId: string): Promise<boolean> {
    const answer = await this.cache.fetch(brandId, { context: { brandId } });

    return answer?.queueIds.includes(queueId) ?? false;
  }

  /**
   * FORBIDDEN (`CONVERSATION_LOCKED`, naming the assignee) unless the agent is the assignee, when
   * the conversation's queue is hard-locked. Supervisors too: they take the conversation over first.
   */
  async assertMayAnswer(p: {
    brandId: string;
    agentId: string;
    queueId: string;
    assigneeId: string | null;
  }): Promise<void> {
    if (p.assigneeId === p.agentId) return;
    if (!(await this.isLocked(p.brandId, p.queueId))) return;
    throw forbidden(
      'CONVERSATION_LOCKED',
      p.assigneeId
        ? 'this queue is hard-locked: only the assignee answers (a supervisor may take it over)'
        : 'this queue is hard-locked: take the conversation first',
      { assigneeId: p.assigneeId, queueId: p.queueId },
    );
  }
}

import { Rpc, type AgentProfile, type QueueView } from '@roost/contracts';
import type { RpcClient } from '@roost/messaging';
import DataLoader from 'dataloader';

/** GetAgents/GetQueues accept at most 500 ids per request. */
const MAX_BATCH = 500;

/**
 * Per-operation DataLoaders over routing's GetAgents/GetQueues: all `queue`/`assignee` fields of a
 * page become one request each (no N+1). Results of another brand are dropped, never returned.
 */
export class RequestLoaders {
  private agentLoader?: DataLoader<string, AgentProfile | null>;
  private queueLoader?: DataLoader<string, QueueView | null>;

  constructor(
    private readonly rpc: RpcClient,
    private readonly brandId: string,
  ) {}

  get agents(): DataLoader<string, AgentProfile | null> {
    this.agentLoader ??= new DataLoader(async (ids) => {
      const { agents } = await this.rpc.request(Rpc.GetAgents, { brandId: this.brandId, ids: [...ids] });

      return this.pick(ids, agents);
    }, BATCH_OPTIONS);

    return this.agentLoader;
  }

  get queues(): DataLoader<string, QueueView | null> {
    this.queueLoader ??= new DataLoader(async (ids) => {
      const { queues } = await this.rpc.request(Rpc.GetQueues, { brandId: this.brandId, ids: [...ids] });

      return this.pick(ids, queues);
    }, BATCH_OPTIONS);

    return this.queueLoader;
  }

  private pick<T extends { id: string; brandId: string }>(
    ids: readonly string[],
    rows: readonly T[],
  ): Array<T | null> {
    const byId = new Map(rows.filter((r) => r.brandId === this.brandId).map((r) => [r.id, r]));

    return ids.map((id) => byId.get(id) ?? null);
  }
}

const BATCH_OPTIONS = {
  maxBatchSize: MAX_BATCH,
  // Nest's resolver wrappers add promise hops before `load()`; setImmediate waits for all of them
  // (DataLoader's default tick would split one page into several requests).
  batchScheduleFn: (run: () => void) => setImmediate(run),
};

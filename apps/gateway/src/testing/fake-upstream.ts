import { randomUUID } from 'node:crypto';
import {
  ConversationsRpc,
  DomainError,
  ErrorCode,
  IngestRpc,
  MetricsRpc,
  Rpc,
  RoutingRpc,
  type RpcDef,
  type RpcRequest,
  type RpcResponse,
} from '@roost/contracts';
import type { RpcServer } from '@roost/messaging';
import { platformHandlers } from './fake-platform';
import type { Fixtures } from './fixtures';

type Handler<D extends RpcDef> = (req: RpcRequest<D>) => Promise<RpcResponse<D>>;

const PLATFORM_DEFS: RpcDef[] = [
  ...Object.values(MetricsRpc),
  ...Object.values(RoutingRpc),
  ...Object.values(ConversationsRpc),
  ...Object.values(IngestRpc),
];

export const FIXTURE_PASSWORD = 'correct-horse-battery';

/**
 * Stands in for routing, conversations, metrics and ingest in gateway-only tests: real NATS request/reply in the
 * test's namespace, answering from fixtures, counting every request per method. Tests swap a
 * handler (e.g. `upstream.reply = …`) to make a service answer something else.
 */
export class FakeUpstream {
  readonly requests = new Map<string, unknown[]>();

  login: Handler<typeof Rpc.Login> = async ({ email, password }) => {
    const agent = this.fx.agents.find((a) => a.email === email);
    if (!agent || password !== FIXTURE_PASSWORD) {
      throw new DomainError(ErrorCode.Unauthenticated, 'invalid email or password');
    }

    return agent;
  };

  getAgents: Handler<typeof Rpc.GetAgents> = async ({ brandId, ids }) => ({
    agents: this.fx.agents.filter((a) => a.brandId === brandId && (!ids || ids.includes(a.id))),
  });

  getQueues: Handler<typeof Rpc.GetQueues> = async ({ brandId, ids }) => ({
    queues: this.fx.queues.filter((q) => q.brandId === brandId && (!ids || ids.includes(q.id))),
  });

  listConversations: Handler<typeof Rpc.ListConversations> = async ({ brandId, first, visibleQueueIds }) => {
    const rows = this.fx.conversations.filter(
      (c) => c.brandId === brandId && (!visibleQueueIds || visibleQueueIds.includes(c.queueId)),
    );
    const page = rows.slice(0, first);

    return {
      edges: page.map((node) => ({ cursor: node.id, node })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.at(-1)?.id ?? null },
      totalCount: rows.length,
    };
  };

  getConversation: Handler<typeof Rpc.GetConversation> = async ({ brandId, id }) => {
    const found = this.fx.conversations.find((c) => c.brandId === brandId && c.id === id);
    if (!found) throw DomainError.notFound('conversation', id);

    return found;
  };

  reply: Handler<typeof Rpc.Reply> = async ({ agentId, text }) => ({
    id: randomUUID(),
    direction: 'outbound',
    channel: 'public',
    text,
    xId: null,
    authorHandle: 'acmecares',
    agentId,
    status: 'pending',
    createdAt: new Date().toISOString(),
  });

  /** Metrics, routing actions, conversation actions and ingest: defaults from fake-platform, swappable per test. */
  private readonly platform: Map<string, (req: never) => Promise<unknown>>;

  constructor(private readonly fx: Fixtures) {
    this.platform = platformHandlers(fx);
  }

  /** Replaces one platform method's answer; returns the function that restores the default. */
  handle<D extends RpcDef>(def: D, handler: Handler<D>): () => void {
    const original = this.platform.get(def.method);
    this.platform.set(def.method, handler as (req: never) => Promise<unknown>);

    return () => {
      if (original) this.platform.set(def.method, original);
    };
  }

  /** Answer every method the gateway uses (call once; NATS subscriptions live until the client drains). */
  async serveAll(server: RpcServer): Promise<void> {
    this.serve(server, Rpc.Login, (r) => this.login(r));
    this.serve(server, Rpc.GetAgents, (r) => this.getAgents(r));
    this.serve(server, Rpc.GetQueues, (r) => this.getQueues(r));
    this.serve(server, Rpc.ListConversations, (r) => this.listConversations(r));
    this.serve(server, Rpc.GetConversation, (r) => this.getConversation(r));
    this.serve(server, Rpc.Reply, (r) => this.reply(r));
    for (const def of PLATFORM_DEFS) {
      this.serve(server, def, async (r) => {
        const handler = this.platform.get(def.method);
        if (!handler) throw new DomainError(ErrorCode.Internal, `no fake for ${def.method}`);

        return handler(r as never) as Promise<RpcResponse<typeof def>>;
      });
    }
    await server.ready();
  }

  count(def: RpcDef): number {
    return this.requests.get(def.method)?.length ?? 0;
  }

  last<D extends RpcDef>(def: D): RpcRequest<D> | undefined {
    return this.requests.get(def.method)?.at(-1) as RpcRequest<D> | undefined;
  }

  private serve<D extends RpcDef>(server: RpcServer, def: D, handler: Handler<D>): void {
    server.serve(def, async (req) => {
      const seen = this.requests.get(def.method) ?? [];
      seen.push(req);
      this.requests.set(def.method, seen);

      return handler(req);
    });
  }
}

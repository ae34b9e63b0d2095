import { randomUUID } from 'node:crypto';
import {
  ConversationsRpc,
  DomainError,
  IngestRpc,
  MetricsRpc,
  RoutingRpc,
  type ConversationView,
  type CustomerProfile,
  type Distribution,
  type MessageView,
  type RpcDef,
  type RpcRequest,
  type RpcResponse,
  type SummaryRow,
} from '@roost/contracts';
import type { Fixtures } from './fixtures';

type AnyHandler = (req: never) => Promise<unknown>;
const h = <D extends RpcDef>(
  _def: D,
  fn: (req: RpcRequest<D>) => Promise<RpcResponse<D>>,
): [string, AnyHandler] => [_def.method, fn as AnyHandler];

const AT = '2026-03-10T07:00:00.000Z';
const dist = (count: number): Distribution => ({ count, avg: 60, p50: 50, p90: 90, p99: 99, max: 120 });
const row = (key: string | null): SummaryRow => ({
  key,
  conversations: 4,
  inbound: 5,
  answered: 4,
  responseRate: 0.8,
  firstResponseSeconds: dist(4),
  resolutionSeconds: dist(3),
  handleSeconds: dist(3),
  sla: { eligible: 4, met: 3, attainment: 0.75 },
  unresolved: 1,
  sentiment: { negative: 2, neutral: 1, positive: 1 },
  sentimentChange: { improved: 1, worsened: 0, unchanged: 2, avgScoreDelta: 0.2 },
});
const outbound = (text: string, channel: 'public' | 'dm', agentId: string): MessageView => ({
  id: randomUUID(),
  direction: 'outbound',
  channel,
  text,
  xId: null,
  authorHandle: 'acmecares',
  agentId,
  status: 'pending',
  createdAt: new Date().toISOString(),
});

/** The brand's conversation, as the real services scope it: another brand's id is NOT_FOUND. */
function conversationOf(fx: Fixtures, brandId: string, id: string): ConversationView {
  const c = fx.conversations.find((x) => x.brandId === brandId && x.id === id);
  if (!c) throw DomainError.notFound('conversation', id);

  return c;
}

function customerOf(fx: Fixtures, brandId: string, id: string): CustomerProfile {
  const c = fx.conversations.find((x) => x.brandId === brandId && x.customer.id === id);
  if (!c) throw DomainError.notFound('customer', id);

  return {
    ...c.customer,
    brandId,
    language: 'en',
    vip: false,
    tags: [],
    firstSeenAt: AT,
    notes: [],
    history: [
      {
        conversationId: c.id,
        channel: c.channel,
        status: c.status,
        openedAt: c.openedAt,
        lastMessageAt: c.lastMessageAt,
        messageCount: 1,
        lastText: null,
      },
    ],
  };
}

/**
 * Default answers of metrics, routing, conversations (actions) and ingest for gateway tests: shaped
 * like the contracts, brand-scoped like the services, echoing what was asked where that helps a test.
 */
export function platformHandlers(fx: Fixtures): Map<string, AnyHandler> {
  const cells = Array.from({ length: 168 }, (_, i) => ({
    day: 1 + Math.floor(i / 24),
    hour: i % 24,
    inbound: i % 5,
  }));
  const action = (conversationId: string, status: ConversationView['status'] = 'assigned') => ({
    conversationId,
    status,
    version: 2,
    tags: [],
  });

  return new Map<string, AnyHandler>([
    h(MetricsRpc.Summary, async (r) => ({
      from: AT,
      to: AT,
      timezone: r.timezone,
      groupBy: r.groupBy ?? 'none',
      slaSource: 'routing' as const,
      slaDefaultMinutes: 60,
      total: row(null),
      rows: [row(r.filter?.agentIds?.[0] ?? null)],
      backlog: { waiting: 2, assigned: 1, oldestWaitingSince: null },
    })),
    h(MetricsRpc.Heatmap, async (r) => ({ from: AT, to: AT, timezone: r.timezone, weeks: 4.3, cells })),
    h(MetricsRpc.Staffing, async (r) => ({
      timezone: r.timezone,
      weeks: 4.3,
      handleSeconds: 300,
      handleSource: 'measured' as const,
      concurrency: r.concurrency ?? 2,
      serviceLevel: r.serviceLevel ?? 0.8,
      targetSeconds: r.targetSeconds ?? 3600,
      scheduledSource: 'routing_shifts' as const,
      hours: cells.map((c) => ({
        day: c.day,
        hour: c.hour,
        arrivals: 1.5,
        trafficErlangs: 0.2,
        agentsNeeded: 1,
        scheduled: 1,
        gap: 0,
        scheduledServiceLevel: 0.9,
      })),
      shortfalls: [],
    })),
    h(MetricsRpc.ExportCsv, async (r) => ({
      filename: `${r.report}.csv`,
      contentType: 'text/csv' as const,
      csv: `key,conversations\r\n,4\r\n`,
    })),
    h(MetricsRpc.GetSettings, async (r) => ({ brandId: r.brandId, slaMinutes: 60 })),
    h(MetricsRpc.SetSettings, async (r) => ({ brandId: r.brandId, slaMinutes: r.slaMinutes })),

    h(RoutingRpc.Assign, async (r) => {
      const c = conversationOf(fx, r.brandId, r.conversationId);

      return {
        conversationId: c.id,
        queueId: c.queueId,
        status: 'assigned' as const,
        assigneeId: r.agentId,
        priority: c.priority,
        translationHint: false,
      };
    }),
    h(RoutingRpc.Transfer, async (r) => {
      const c = conversationOf(fx, r.brandId, r.conversationId);

      return {
        conversationId: c.id,
        queueId: r.toQueueId ?? c.queueId,
        status: r.toAgentId ? ('assigned' as const) : ('waiting' as const),
        assigneeId: r.toAgentId ?? null,
        priority: c.priority,
        translationHint: false,
      };
    }),
    h(RoutingRpc.Unassign, async (r) => {
      const c = conversationOf(fx, r.brandId, r.conversationId);

      return {
        conversationId: c.id,
        queueId: c.queueId,
        status: 'waiting' as const,
        assigneeId: null,
        priority: c.priority,
        translationHint: false,
      };
    }),
    h(RoutingRpc.SetAgentStatus, async (r) => ({ agentId: r.agentId, status: r.status })),
    h(RoutingRpc.GetShifts, async (r) => ({
      agentId: r.agentId,
      timezone: 'Europe/Madrid',
      shifts: [{ day: 1, start: '09:00', end: '17:00' }],
      exceptions: [],
      onShiftNow: false,
      at: AT,
    })),
    h(RoutingRpc.SetShifts, async (r) => ({
      agentId: r.agentId,
      timezone: r.timezone,
      shifts: r.shifts,
      exceptions: r.exceptions,
      onShiftNow: false,
      at: AT,
    })),

    h(ConversationsRpc.GetDetail, async (r) => ({
      conversation: conversationOf(fx, r.brandId, r.conversationId),
      version: 1,
      tags: [],
      snoozedUntil: null,
      movedToDmAt: null,
      followUpRequired: false,
      replyOptions: { public: true, offered: ['public' as const, 'dm' as const], openInXUrl: null },
    })),
    h(ConversationsRpc.SendDm, async (r) => outbound(r.text, 'dm', r.agentId)),
    h(ConversationsRpc.MoveToDm, async (r) => ({
      invitation: outbound(r.invitation, 'public', r.agentId),
      dm: outbound(r.dmText, 'dm', r.agentId),
    })),
    h(ConversationsRpc.Resolve, async (r) => ({
      result: action(r.conversationId, 'resolved'),
      followUp: r.followUp ? outbound(r.followUp, 'public', r.agentId) : null,
    })),
    h(ConversationsRpc.AddNote, async (r) => ({
      id: randomUUID(),
      customerId: conversationOf(fx, r.brandId, r.conversationId).customer.id,
      conversationId: r.conversationId,
      authorId: r.agentId,
      authorInitials: r.agentInitials,
      text: r.text,
      createdAt: AT,
    })),
    h(ConversationsRpc.Tag, async (r) => ({ ...action(r.conversationId), tags: r.add })),
    h(ConversationsRpc.Snooze, async (r) => action(r.conversationId, 'snoozed')),
    h(ConversationsRpc.Reopen, async (r) => action(r.conversationId)),
    h(ConversationsRpc.CaseSuggestions, async () => ({ suggestions: [] })),
    h(ConversationsRpc.Merge, async (r) => ({
      target: action(r.targetId),
      source: action(r.sourceId, 'resolved'),
    })),
    h(ConversationsRpc.Split, async (r) => ({
      source: action(r.conversationId),
      created: action(randomUUID()),
    })),
    h(ConversationsRpc.GetCustomer, async (r) => customerOf(fx, r.brandId, r.customerId)),
    h(ConversationsRpc.UpdateCustomer, async (r) => ({
      ...customerOf(fx, r.brandId, r.customerId),
      vip: r.vip ?? false,
    })),
    h(ConversationsRpc.ListCanned, async () => ({
      replies: [{ id: randomUUID(), language: 'en', title: 'Sorry', body: 'Sorry {{customer_name}}' }],
    })),
    h(ConversationsRpc.SaveCanned, async (r) => ({
      id: randomUUID(),
      language: r.language,
      title: r.title,
      body: r.body,
    })),
    h(ConversationsRpc.RenderCanned, async () => ({ text: 'Sorry Customer 1 ^AA' })),
    h(ConversationsRpc.GetGuidelines, async () => ({ bannedPhrases: [], queueHours: {} })),
    h(ConversationsRpc.SetGuidelines, async (r) => r.guidelines),
    h(ConversationsRpc.SetPresence, async () => ({ ok: true as const })),

    h(IngestRpc.GetListening, async (r) => ({
      rules: fx.listeningRules.filter((x) => x.brandId === r.brandId),
      accounts: [],
    })),
    h(IngestRpc.AddRule, async (r) => ({
      id: randomUUID(),
      brandId: r.brandId,
      kind: r.kind,
      value: r.value,
      language: r.language ?? null,
    })),
    h(IngestRpc.RemoveRule, async () => ({ removed: true })),
    h(IngestRpc.AddAccount, async (r) => ({
      id: randomUUID(),
      brandId: r.brandId,
      handle: r.handle.replace(/^@/, ''),
      xUserId: null,
      role: r.role,
      apiTier: r.apiTier ?? 'basic',
      pollMentions: r.pollMentions ?? true,
      pollDms: r.pollDms ?? false,
    })),
    h(IngestRpc.RemoveAccount, async () => ({ removed: true })),
  ]);
}

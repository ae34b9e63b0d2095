import { Injectable } from '@nestjs/common';
import { chunkRows, execute, useBrand, valuesList } from '@roost/database';
import { DataSource, type EntityManager } from 'typeorm';
import {
  applyMerges,
  applySplits,
  dropAbsorbedCycles,
  followCaseMap,
  lockCaseMap,
  type MergeFact,
  type SplitFact,
} from './case-facts';
import {
  mergeByConversation,
  type CycleStart,
  type FactPatch,
  type InboundFact,
  type OutboundFact,
  type QueueSnapshotFact,
} from './fact-patch';

export interface FactBatch {
  patches: readonly FactPatch[];
  inbound?: readonly InboundFact[];
  snapshots?: readonly QueueSnapshotFact[];
  cycles?: readonly CycleStart[];
  outbound?: readonly OutboundFact[];
  /** Issue 13: conversations merged into others, messages split out into new ones. */
  merges?: readonly MergeFact[];
  splits?: readonly SplitFact[];
}

function byKey(a: FactPatch, b: FactPatch): number {
  if (a.brandId !== b.brandId) return a.brandId < b.brandId ? -1 : 1;

  return a.conversationId < b.conversationId ? -1 : a.conversationId > b.conversationId ? 1 : 0;
}

const C = 'COLLATE "C"';

interface ConversationKey {
  brandId: string;
  conversationId: string;
}
/** Distinct conversations, sorted (the UPDATEs then lock rows in one order across consumers). */
function conversationKeys(rows: readonly ConversationKey[]): ConversationKey[] {
  const byKey = new Map(
    rows.map((r) => [
      `${r.brandId}:${r.conversationId}`,
      { brandId: r.brandId, conversationId: r.conversationId },
    ]),
  );

  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, k]) => k);
}
/** `new` replaces `old` when it is later (or earlier), ties to the greater key: the SQL twin of `pick` in fact-patch.ts. */
function wins(opts: {
  at: string;
  key: (side: 'EXCLUDED' | 'f') => string;
  prefer: 'latest' | 'earliest';
}): string {
  const cmp = opts.prefer === 'latest' ? '>' : '<';

  return `(EXCLUDED.${opts.at} IS NOT NULL AND (f.${opts.at} IS NULL OR EXCLUDED.${opts.at} ${cmp} f.${opts.at}
    OR (EXCLUDED.${opts.at} = f.${opts.at} AND ${opts.key('EXCLUDED')} ${C} > ${opts.key('f')} ${C})))`;
}
const idKey = (col: string) => (side: string) => `coalesce(${side}.${col}::text, '')`;
const dimsKey = (side: string) =>
  `(coalesce(${side}.language, '') || '|' || ${side}.channel || '|' || coalesce(${side}.priority::text, ''))`;
const QUEUE_WINS = wins({ at: 'queue_at', key: idKey('queue_id'), prefer: 'latest' });
const AGENT_WINS = wins({ at: 'agent_at', key: idKey('agent_id'), prefer: 'latest' });
const DIMS_WIN = wins({ at: 'dims_at', key: dimsKey, prefer: 'earliest' });
const FR_WINS = wins({ at: 'first_response_at', key: idKey('first_response_agent_id'), prefer: 'earliest' });

const FACT_COLUMNS = [
  ['brand_id', 'uuid'],
  ['conversation_id', 'uuid'],
  ['queue_id', 'uuid'],
  ['queue_at', 'timestamptz'],
  ['agent_id', 'uuid'],
  ['agent_at', 'timestamptz'],
  ['language', 'text'],
  ['channel', 'text'],
  ['priority', 'int'],
  ['dims_at', 'timestamptz'],
  ['opened_at', 'timestamptz'],
  ['first_assigned_at', 'timestamptz'],
  ['first_response_at', 'timestamptz'],
  ['first_response_agent_id', 'uuid'],
  ['last_reply_at', 'timestamptz'],
  ['resolved_at', 'timestamptz'],
  ['reopened_at', 'timestamptz'],
] as const;

function factRow(p: FactPatch): unknown[] {
  return [
    p.brandId,
    p.conversationId,
    p.queue?.value ?? null,
    p.queue?.at ?? null,
    p.agent?.value ?? null,
    p.agent?.at ?? null,
    p.dims?.value.language ?? null,
    p.dims?.value.channel ?? null,
    p.dims?.value.priority ?? null,
    p.dims?.at ?? null,
    p.openedAt ?? null,
    p.firstAssignedAt ?? null,
    p.firstResponse?.at ?? null,
    p.firstResponse?.value ?? null,
    p.lastReplyAt ?? null,
    p.resolvedAt ?? null,
    p.reopenedAt ?? null,
  ];
}

/**
 * Writes conversation facts. Each batch is one transaction: the fact upsert comes first and takes
 * the rows' locks (in key order, so concurrent consumers cannot deadlock); every later statement of
 * the transaction then sees whatever another consumer committed for the same conversations, so the
 * recomputed counters are never stale.
 */
@Injectable()
export class FactRepository {
  constructor(private readonly ds: DataSource) {}

  async fold(batch: FactBatch): Promise<number> {
    const patches = mergeByConversation(batch.patches).sort(byKey);
    const caseChanges = (batch.merges?.length ?? 0) + (batch.splits?.length ?? 0);
    if (patches.length === 0 && (batch.snapshots?.length ?? 0) === 0 && caseChanges === 0) return 0;
    const brands = [
      ...new Set(
        [
          patches,
          batch.snapshots,
          batch.inbound,
          batch.outbound,
          batch.cycles,
          batch.merges,
          batch.splits,
        ].flatMap((rows) => (rows ?? []).map((x) => x.brandId)),
      ),
    ].sort();
    const of = <T extends { brandId: string }>(brandId: string, rows: readonly T[] | undefined) =>
      (rows ?? []).filter((r) => r.brandId === brandId);

    // One transaction; each brand's rows are written under that brand (row-level security), brands
    // in key order like the rows within them, so concurrent consumers lock in one order.
    return this.ds.transaction(async (tx) => {
      for (const brandId of brands) {
        await useBrand(tx, brandId);
        await this.foldBrand(tx, brandId, {
          patches: of(brandId, patches),
          inbound: of(brandId, batch.inbound),
          outbound: of(brandId, batch.outbound),
          cycles: of(brandId, batch.cycles),
          snapshots: of(brandId, batch.snapshots),
          merges: of(brandId, batch.merges),
          splits: of(brandId, batch.splits),
        });
      }

      return patches.length;
    });
  }

  private async foldBrand(tx: EntityManager, brand: string, original: Required<FactBatch>): Promise<void> {
    // Issue 13: merges and splits first, then every fact follows the conversation it now belongs to.
    const caseChange = original.merges.length + original.splits.length > 0;
    await lockCaseMap(tx, brand, caseChange);
    const mergePatches = await applyMerges(tx, original.merges);
    await applySplits(tx, original.splits);
    const mapped = await followCaseMap(tx, brand, original);
    const batch = { ...original, ...mapped };
    const patches = mergeByConversation([...mapped.patches, ...mergePatches]).sort(byKey);
    for (const chunk of chunkRows(patches, FACT_COLUMNS.length)) await this.upsertFacts(tx, chunk);
    const inbound = [...new Map((batch.inbound ?? []).map((m) => [`${m.brandId}:${m.tweetId}`, m])).values()];
    for (const chunk of chunkRows(inbound, 9)) {
      const v = valuesList(
        chunk.map((m) => [
          m.brandId,
          m.tweetId,
          m.conversationId,
          m.at,
          m.queueId,
          m.language,
          m.channel,
          m.sentiment,
          m.score,
        ]),
        ['uuid', 'text', 'uuid', 'timestamptz', 'uuid', 'text', 'text', 'text', 'real'],
      );
      await execute(
        tx,
        `INSERT INTO inbound_messages (brand_id, tweet_id, conversation_id, at, queue_id, language, channel, sentiment, score)
         VALUES ${v.sql} ON CONFLICT DO NOTHING`,
        v.params,
      );
    }
    const outbound = [
      ...new Map((batch.outbound ?? []).map((m) => [`${m.brandId}:${m.messageId}`, m])).values(),
    ];
    for (const chunk of chunkRows(outbound, 5)) {
      const v = valuesList(
        chunk.map((m) => [m.brandId, m.messageId, m.conversationId, m.at, m.agentId]),
        ['uuid', 'uuid', 'uuid', 'timestamptz', 'uuid'],
      );
      await execute(
        tx,
        `INSERT INTO outbound_messages (brand_id, message_id, conversation_id, at, agent_id) VALUES ${v.sql} ON CONFLICT DO NOTHING`,
        v.params,
      );
    }
    const cycles = [
      ...new Map(
        (batch.cycles ?? []).map((c) => [`${c.brandId}:${c.conversationId}:${Date.parse(c.startedAt)}`, c]),
      ).values(),
    ];
    for (const chunk of chunkRows(cycles, 8)) {
      const v = valuesList(
        chunk.map((c) => [
          c.brandId,
          c.conversationId,
          c.startedAt,
          c.queueId,
          c.agentId,
          c.language,
          c.channel,
          c.priority,
        ]),
        ['uuid', 'uuid', 'timestamptz', 'uuid', 'uuid', 'text', 'text', 'int'],
      );
      await execute(
        tx,
        `INSERT INTO response_cycles (brand_id, conversation_id, started_at, queue_id, agent_id, language, channel, priority)
         VALUES ${v.sql} ON CONFLICT DO NOTHING`,
        v.params,
      );
    }
    // Only what a batch's messages can change is recounted: counts and sentiment move with inbound
    // messages, "answered" and cycles with replies, cycles also with a new opening.
    const moved: ConversationKey[] = [
      ...original.merges.map((m) => ({ brandId: m.brandId, conversationId: m.targetId })),
      ...original.splits.flatMap((s) => [
        { brandId: s.brandId, conversationId: s.conversationId },
        { brandId: s.brandId, conversationId: s.sourceId },
      ]),
    ];
    const absorbing = [...mapped.targets, ...moved.map((k) => k.conversationId)];
    await dropAbsorbedCycles(tx, brand, [...new Set([...absorbing, ...cycles.map((c) => c.conversationId)])]);
    const counted = conversationKeys([...inbound, ...outbound, ...moved]);
    if (counted.length > 0) await this.recount(tx, counted);
    const cycled = conversationKeys([...cycles, ...outbound, ...moved]);
    if (cycled.length > 0) await this.recountCycles(tx, cycled);
    await this.saveSnapshots(tx, batch.snapshots ?? []);
  }

  private async upsertFacts(tx: EntityManager, chunk: readonly FactPatch[]): Promise<void> {
    const v = valuesList(
      chunk.map(factRow),
      FACT_COLUMNS.map(([, cast]) => cast),
    );
    const cols = FACT_COLUMNS.map(([c]) => c).join(', ');
    await execute(
      tx,
      `INSERT INTO conversation_facts AS f (${cols}) VALUES ${v.sql}
       ON CONFLICT (brand_id, conversation_id) DO UPDATE SET
         queue_id = CASE WHEN ${QUEUE_WINS} THEN EXCLUDED.queue_id ELSE f.queue_id END,
         queue_at = GREATEST(f.queue_at, EXCLUDED.queue_at),
         agent_id = CASE WHEN ${AGENT_WINS} THEN EXCLUDED.agent_id ELSE f.agent_id END,
         agent_at = GREATEST(f.agent_at, EXCLUDED.agent_at),
         language = CASE WHEN ${DIMS_WIN} THEN EXCLUDED.language ELSE f.language END,
         channel = CASE WHEN ${DIMS_WIN} THEN EXCLUDED.channel ELSE f.channel END,
         priority = CASE WHEN ${DIMS_WIN} THEN EXCLUDED.priority ELSE f.priority END,
         dims_at = LEAST(f.dims_at, EXCLUDED.dims_at),
         opened_at = LEAST(f.opened_at, EXCLUDED.opened_at),
         first_assigned_at = LEAST(f.first_assigned_at, EXCLUDED.first_assigned_at),
         first_response_agent_id = CASE WHEN ${FR_WINS} THEN EXCLUDED.first_response_agent_id ELSE f.first_response_agent_id END,
         first_response_at = LEAST(f.first_response_at, EXCLUDED.first_response_at),
         last_reply_at = GREATEST(f.last_reply_at, EXCLUDED.last_reply_at),
         resolved_at = GREATEST(f.resolved_at, EXCLUDED.resolved_at),
         reopened_at = GREATEST(f.reopened_at, EXCLUDED.reopened_at)`,
      v.params,
    );
  }

  /**
   * Inbound count, answered count (inbound messages at or before the latest reply), sentiment mix
   * and first/last sentiment are recomputed from the stored inbound messages: recomputing, not
   * incrementing, is what keeps them right on redelivery and whatever the arrival order.
   */
  /**
   * Each cycle's first response: the earliest reply from its start to the next cycle's start (the
   * first cycle has no lower bound). Ties go to the smaller message id, so any order gives one row.
   */
  private async recountCycles(tx: EntityManager, keys: readonly ConversationKey[]): Promise<void> {
    await execute(
      tx,
      `UPDATE response_cycles r SET first_response_at = x.at, first_response_agent_id = x.agent_id
       FROM (
         SELECT c.brand_id, c.conversation_id, c.started_at, o.at, o.agent_id
         FROM (SELECT DISTINCT * FROM unnest($1::uuid[], $2::uuid[])) AS k(brand_id, conversation_id)
         JOIN response_cycles c ON c.brand_id = k.brand_id AND c.conversation_id = k.conversation_id
         CROSS JOIN LATERAL (
           SELECT (SELECT min(n.started_at) FROM response_cycles n
                   WHERE n.brand_id = c.brand_id AND n.conversation_id = c.conversation_id AND n.started_at > c.started_at) AS next_at,
                  NOT EXISTS (SELECT 1 FROM response_cycles p
                   WHERE p.brand_id = c.brand_id AND p.conversation_id = c.conversation_id AND p.started_at < c.started_at) AS first
         ) b
         LEFT JOIN LATERAL (
           SELECT m.at, m.agent_id FROM outbound_messages m
           WHERE m.brand_id = c.brand_id AND m.conversation_id = c.conversation_id
             AND (b.first OR m.at >= c.started_at) AND (b.next_at IS NULL OR m.at < b.next_at)
           ORDER BY m.at, m.message_id LIMIT 1
         ) o ON true
       ) x
       WHERE r.brand_id = x.brand_id AND r.conversation_id = x.conversation_id AND r.started_at = x.started_at
         AND (r.first_response_at IS DISTINCT FROM x.at OR r.first_response_agent_id IS DISTINCT FROM x.agent_id)`,
      [keys.map((k) => k.brandId), keys.map((k) => k.conversationId)],
    );
  }

  private async recount(tx: EntityManager, patches: readonly ConversationKey[]): Promise<void> {
    await execute(
      tx,
      `UPDATE conversation_facts f SET inbound = s.n, answered = s.answered, negative = s.neg, neutral = s.neu, positive = s.pos,
         first_sentiment = s.first_sentiment, first_score = s.first_score, last_sentiment = s.last_sentiment, last_score = s.last_score
       FROM (
         SELECT k.brand_id, k.conversation_id, a.*
         FROM (SELECT DISTINCT * FROM unnest($1::uuid[], $2::uuid[])) AS k(brand_id, conversation_id)
         JOIN conversation_facts c ON c.brand_id = k.brand_id AND c.conversation_id = k.conversation_id
         -- LATERAL: an index lookup per conversation of the batch, never a scan of all messages.
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS n,
             count(*) FILTER (WHERE m.at <= c.last_reply_at)::int AS answered,
             count(*) FILTER (WHERE m.sentiment = 'negative')::int AS neg,
             count(*) FILTER (WHERE m.sentiment = 'neutral')::int AS neu,
             count(*) FILTER (WHERE m.sentiment = 'positive')::int AS pos,
             (array_agg(m.sentiment ORDER BY m.at, m.tweet_id))[1] AS first_sentiment,
             (array_agg(m.score ORDER BY m.at, m.tweet_id))[1] AS first_score,
             (array_agg(m.sentiment ORDER BY m.at DESC, m.tweet_id DESC))[1] AS last_sentiment,
             (array_agg(m.score ORDER BY m.at DESC, m.tweet_id DESC))[1] AS last_score
           FROM inbound_messages m
           WHERE m.brand_id = k.brand_id AND m.conversation_id = k.conversation_id
         ) a
         WHERE a.n > 0
       ) s
       WHERE f.brand_id = s.brand_id AND f.conversation_id = s.conversation_id`,
      [patches.map((p) => p.brandId), patches.map((p) => p.conversationId)],
    );
  }

  private async saveSnapshots(tx: EntityManager, snapshots: readonly QueueSnapshotFact[]): Promise<void> {
    const newest = new Map<string, QueueSnapshotFact>();
    for (const s of snapshots) {
      const key = `${s.brandId}:${s.queueId}`;
      const prev = newest.get(key);
      if (!prev || Date.parse(s.asOf) > Date.parse(prev.asOf)) newest.set(key, s);
    }
    if (newest.size === 0) return;
    const v = valuesList(
      [...newest.values()].map((s) => [
        s.brandId,
        s.queueId,
        s.waiting,
        s.assigned,
        s.oldestWaitingSince,
        s.asOf,
      ]),
      ['uuid', 'uuid', 'int', 'int', 'timestamptz', 'timestamptz'],
    );
    await execute(
      tx,
      `INSERT INTO queue_state AS q (brand_id, queue_id, waiting, assigned, oldest_waiting_since, as_of) VALUES ${v.sql}
       ON CONFLICT (brand_id, queue_id) DO UPDATE SET waiting = EXCLUDED.waiting, assigned = EXCLUDED.assigned,
         oldest_waiting_since = EXCLUDED.oldest_waiting_since, as_of = EXCLUDED.as_of
       WHERE EXCLUDED.as_of > q.as_of`,
      v.params,
    );
  }
}

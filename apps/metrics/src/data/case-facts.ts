import type { ConversationSplitV1, ConversationStatusChangedV1 } from '@roost/contracts';
import { execute, Nullable, rowType, selectRows } from '@roost/database';
import { Type } from '@sinclair/typebox';
import type { EntityManager } from 'typeorm';
import type { CycleStart, FactPatch, InboundFact, OutboundFact } from './fact-patch';

/** A conversation merged into another (issue 13), as conversations announced it. */
export interface MergeFact {
  brandId: string;
  sourceId: string;
  targetId: string;
  sourceOpenedAt: string;
  targetOpenedAt: string;
  at: string;
}

/** A customer message split out into a new conversation (issue 13). */
export interface SplitFact {
  brandId: string;
  conversationId: string;
  sourceId: string;
  tweetId: string;
  queueId: string;
  assigneeId: string | null;
  language: string;
  channel: string;
  priority: number;
  openedAt: string;
  at: string;
}

export function mergeFact(e: ConversationStatusChangedV1): MergeFact | null {
  if (!e.mergedIntoId) return null;

  return {
    brandId: e.brandId,
    sourceId: e.conversationId,
    targetId: e.mergedIntoId,
    sourceOpenedAt: e.openedAt,
    targetOpenedAt: e.targetOpenedAt ?? e.openedAt,
    at: e.at,
  };
}

export function splitFacts(e: ConversationSplitV1): {
  split: SplitFact;
  patch: FactPatch;
  cycle: CycleStart;
} {
  const split: SplitFact = {
    brandId: e.brandId,
    conversationId: e.conversationId,
    sourceId: e.sourceConversationId,
    tweetId: e.messageXId,
    queueId: e.queueId,
    assigneeId: e.assigneeId,
    language: e.language,
    channel: e.channel,
    priority: e.priority,
    openedAt: e.openedAt,
    at: e.at,
  };

  return {
    split,
    patch: {
      brandId: e.brandId,
      conversationId: e.conversationId,
      queue: { value: e.queueId, at: e.at },
      agent: e.assigneeId ? { value: e.assigneeId, at: e.at } : undefined,
      dims: { value: { language: e.language, channel: e.channel, priority: e.priority }, at: e.openedAt },
      openedAt: e.openedAt,
      firstAssignedAt: e.assigneeId ? e.at : undefined,
    },
    cycle: {
      brandId: e.brandId,
      conversationId: e.conversationId,
      startedAt: e.openedAt,
      queueId: e.queueId,
      agentId: e.assigneeId,
      language: e.language,
      channel: e.channel,
      priority: e.priority,
    },
  };
}

const MergeRow = rowType('metrics.case-facts.merges', { source_id: Type.String(), target_id: Type.String() });
const SplitRow = rowType('metrics.case-facts.splits', {
  tweet_id: Type.String(),
  conversation_id: Type.String(),
});
const SourceFactRow = rowType('metrics.case-facts.source-fact', {
  conversation_id: Type.String(),
  language: Nullable(Type.String()),
  channel: Nullable(Type.String()),
  priority: Nullable(Type.Integer()),
  dims_at: Nullable(Type.Date()),
  opened_at: Nullable(Type.Date()),
  first_response_at: Nullable(Type.Date()),
  first_response_agent_id: Nullable(Type.String()),
  last_reply_at: Nullable(Type.Date()),
});

const iso = (d: Date | null): string | undefined => d?.toISOString();

/**
 * Merges and splits change which conversation earlier facts belong to, so they must not run beside
 * a fold that reads the mapping: every fold of a brand holds this lock shared, a merge or split
 * exclusive (a fold then either committed before the merge moved its rows, or sees the mapping).
 */
export async function lockCaseMap(tx: EntityManager, brandId: string, exclusive: boolean): Promise<void> {
  await execute(
    tx,
    `SELECT ${exclusive ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared'}(hashtextextended('metrics-case-map:' || $1, 0))`,
    [brandId],
  );
}

/**
 * Records merges and moves what metrics holds of each source into its target: inbound and
 * outbound message facts, response cycles (the target's cycles that started between the two
 * openings go: the later opening was the same problem), and the source's conversation facts as a
 * patch for the target (its dims, opening, first response and last reply; never its
 * queue, agent or resolution), then deletes the source's conversation facts: it counts no more.
 */
export async function applyMerges(tx: EntityManager, merges: readonly MergeFact[]): Promise<FactPatch[]> {
  const patches: FactPatch[] = [];
  for (const m of merges) {
    await execute(
      tx,
      `INSERT INTO conversation_merges (brand_id, source_id, target_id, source_opened_at, target_opened_at, merged_at)
       VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING`,
      [m.brandId, m.sourceId, m.targetId, m.sourceOpenedAt, m.targetOpenedAt, m.at],
    );
    // Earlier merges into the source now lead to the target (one hop, always).
    await execute(
      tx,
      `UPDATE conversation_merges SET target_id = $3 WHERE brand_id = $1 AND target_id = $2`,
      [m.brandId, m.sourceId, m.targetId],
    );
    const move = [m.brandId, m.sourceId, m.targetId];
    await execute(
      tx,
      `UPDATE inbound_messages SET conversation_id = $3 WHERE brand_id = $1 AND conversation_id = $2`,
      move,
    );
    await execute(
      tx,
      `UPDATE outbound_messages SET conversation_id = $3 WHERE brand_id = $1 AND conversation_id = $2`,
      move,
    );
    await execute(
      tx,
      `INSERT INTO response_cycles (brand_id, conversation_id, started_at, queue_id, agent_id, language, channel, priority)
       SELECT brand_id, $3, started_at, queue_id, agent_id, language, channel, priority FROM response_cycles
       WHERE brand_id = $1 AND conversation_id = $2 ON CONFLICT DO NOTHING`,
      move,
    );
    await execute(tx, `DELETE FROM response_cycles WHERE brand_id = $1 AND conversation_id = $2`, [
      m.brandId,
      m.sourceId,
    ]);
    const facts = await selectRows(
      tx,
      SourceFactRow,
      `DELETE FROM conversation_facts WHERE brand_id = $1 AND conversation_id = $2
       RETURNING conversation_id, language, channel, priority, dims_at, opened_at, first_response_at,
         first_response_agent_id, last_reply_at`,
      [m.brandId, m.sourceId],
    );
    const f = facts[0];
    patches.push({
      brandId: m.brandId,
      conversationId: m.targetId,
      dims:
        f?.dims_at && f.channel
          ? {
              value: { language: f.language, channel: f.channel, priority: f.priority },
              at: f.dims_at.toISOString(),
            }
          : undefined,
      openedAt: iso(f?.opened_at ?? null) ?? m.sourceOpenedAt,
      firstResponse: f?.first_response_at
        ? { value: f.first_response_agent_id, at: f.first_response_at.toISOString() }
        : undefined,
      lastReplyAt: iso(f?.last_reply_at ?? null),
    });
    // The target's own opening counts as well (its facts may not have arrived yet).
    patches.push({ brandId: m.brandId, conversationId: m.targetId, openedAt: m.targetOpenedAt });
  }

  return patches;
}

/** Records splits and moves each split message's inbound fact to its new conversation. */
export async function applySplits(tx: EntityManager, splits: readonly SplitFact[]): Promise<void> {
  for (const s of splits) {
    await execute(
      tx,
      `INSERT INTO split_messages (brand_id, tweet_id, conversation_id, source_id) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING`,
      [s.brandId, s.tweetId, s.conversationId, s.sourceId],
    );
    await execute(
      tx,
      `UPDATE inbound_messages SET conversation_id = $3 WHERE brand_id = $1 AND tweet_id = $2`,
      [s.brandId, s.tweetId, s.conversationId],
    );
  }
}

/** Deletes the response cycles of merge targets that started between two merged openings. */
export async function dropAbsorbedCycles(
  tx: EntityManager,
  brandId: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await execute(
    tx,
    `DELETE FROM response_cycles r USING conversation_merges g
     WHERE r.brand_id = $1 AND r.conversation_id = ANY($2::uuid[]) AND g.brand_id = r.brand_id AND g.target_id = r.conversation_id
       AND r.started_at > LEAST(g.source_opened_at, g.target_opened_at) AND r.started_at <= GREATEST(g.source_opened_at, g.target_opened_at)`,
    [brandId, ids],
  );
}

/** The batch's facts with merged conversations replaced by their targets and split messages by their new conversation. */
export async function followCaseMap(
  tx: EntityManager,
  brandId: string,
  batch: {
    patches: readonly FactPatch[];
    inbound: readonly InboundFact[];
    outbound: readonly OutboundFact[];
    cycles: readonly CycleStart[];
  },
): Promise<{
  patches: FactPatch[];
  inbound: InboundFact[];
  outbound: OutboundFact[];
  cycles: CycleStart[];
  targets: string[];
}> {
  const ids = [
    ...new Set(
      [...batch.patches, ...batch.inbound, ...batch.outbound, ...batch.cycles].map((x) => x.conversationId),
    ),
  ];
  const merged =
    ids.length === 0
      ? []
      : await selectRows(
          tx,
          MergeRow,
          `SELECT source_id, target_id FROM conversation_merges WHERE brand_id = $1 AND source_id = ANY($2::uuid[])`,
          [brandId, ids],
        );
  const split =
    batch.inbound.length === 0
      ? []
      : await selectRows(
          tx,
          SplitRow,
          `SELECT tweet_id, conversation_id FROM split_messages WHERE brand_id = $1 AND tweet_id = ANY($2::text[])`,
          [brandId, batch.inbound.map((m) => m.tweetId)],
        );
  const to = new Map(merged.map((r) => [r.source_id, r.target_id]));
  const splitTo = new Map(split.map((r) => [r.tweet_id, r.conversation_id]));
  const map = (id: string): string => to.get(id) ?? id;

  return {
    // A merged conversation's own queue, agent and status no longer describe anything: only what
    // it adds to the target's opening and responses is kept.
    patches: batch.patches.map((p) =>
      to.has(p.conversationId)
        ? {
            brandId: p.brandId,
            conversationId: map(p.conversationId),
            dims: p.dims,
            openedAt: p.openedAt,
            firstResponse: p.firstResponse,
            lastReplyAt: p.lastReplyAt,
          }
        : p,
    ),
    inbound: batch.inbound.map((m) => ({
      ...m,
      conversationId: map(splitTo.get(m.tweetId) ?? m.conversationId),
    })),
    outbound: batch.outbound.map((m) => ({ ...m, conversationId: map(m.conversationId) })),
    cycles: batch.cycles.map((c) => ({ ...c, conversationId: map(c.conversationId) })),
    targets: [...new Set(merged.map((r) => r.target_id))],
  };
}

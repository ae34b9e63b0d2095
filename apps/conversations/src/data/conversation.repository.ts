import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Channel,
  ConversationStatus,
  ConversationView,
  MediaItem,
  MessageView,
  type ConversationFilter,
  type ConversationRoutedV1,
} from '@roost/contracts';
import { execute, Nullable, rowType, selectRows, useBrand, valuesList, withBrand } from '@roost/database';
import { Type, type Static } from '@sinclair/typebox';
import { DataSource, type EntityManager } from 'typeorm';

/** CONVERSATION_SELECT: every column of `conversations` (`c.*`) and the customer's, prefixed `c_`. */
const ConversationRow = rowType('conversations.conversations.select', {
  brand_id: Type.String(),
  id: Type.String(),
  customer_id: Type.String(),
  channel: Channel,
  status: ConversationStatus,
  queue_id: Type.String(),
  assignee_id: Nullable(Type.String()),
  priority: Type.Integer(),
  language: Type.String(),
  sentiment: ConversationView.properties.sentiment,
  intent: Type.String(),
  reply_path: Type.String(),
  account_handle: Type.String(),
  x_conversation_id: Nullable(Type.String()),
  opened_at: Type.Date(),
  last_message_at: Type.Date(),
  first_response_at: Nullable(Type.Date()),
  resolved_at: Nullable(Type.Date()),
  version: Type.Integer(),
  tags: Type.Array(Type.String()),
  snoozed_until: Nullable(Type.Date()),
  moved_to_dm_at: Nullable(Type.Date()),
  assignment_at: Nullable(Type.Date()),
  merged_into: Nullable(Type.String()),
  c_id: Type.String(),
  c_x_user_id: Type.String(),
  c_handle: Type.String(),
  c_name: Type.String(),
  /** bigint: pg hands it over as a string. */
  c_followers_count: Type.String(),
  c_verified: Type.Boolean(),
  c_withdrawn_at: Nullable(Type.Date()),
  c_vip: Type.Boolean(),
});
type ConversationRow = Static<typeof ConversationRow.schema>;

const ConversationIdRow = rowType('conversations.messages.conversation_of_tweet', {
  conversation_id: Type.String(),
});

/** Every column of `messages` (`SELECT m.*`, `SELECT *`, `RETURNING *`). */
const MESSAGE_COLUMNS = {
  brand_id: Type.String(),
  id: Type.String(),
  conversation_id: Type.String(),
  direction: MessageView.properties.direction,
  channel: Channel,
  x_id: Nullable(Type.String()),
  in_reply_to_x_id: Nullable(Type.String()),
  text: Type.String(),
  author_x_id: Nullable(Type.String()),
  author_handle: Type.String(),
  agent_id: Nullable(Type.String()),
  status: MessageView.properties.status,
  source: Nullable(Type.String()),
  classification: Type.Unknown(),
  created_at: Type.Date(),
  answered_by: Nullable(Type.String()),
  // Compliance (apps/conversations/src/compliance): set when the text was redacted.
  redacted_at: Nullable(Type.Date()),
  redaction: Nullable(Type.Union([Type.Literal('deleted_by_author'), Type.Literal('author_withdrawn')])),
  // Photos, GIFs and videos (migration 1765100000400): the customer's, or an agent's attachments.
  media: Nullable(Type.Array(MediaItem)),
};

export const MessageRow = rowType('conversations.messages', MESSAGE_COLUMNS);
export type MessageRow = Static<typeof MessageRow.schema>;

/** messagesFor: the message columns and the row's rank in its conversation (bigint: a string). */
const RankedMessageRow = rowType('conversations.messages.for_conversations', {
  ...MESSAGE_COLUMNS,
  rn: Type.String(),
});

const CustomerIdRow = rowType('conversations.conversations.store_customers', {
  brand_id: Type.String(),
  x_user_id: Type.String(),
  id: Type.String(),
});

/** Closed conversations of the batch, before the upsert (`status IN ('resolved','snoozed')`). */
const ClosedBeforeRow = rowType('conversations.conversations.closed_before', {
  brand_id: Type.String(),
  id: Type.String(),
  status: ConversationStatus,
});

const StoredConversationRow = rowType('conversations.conversations.store_conversations', {
  brand_id: Type.String(),
  id: Type.String(),
  status: ConversationStatus,
  queue_id: Type.String(),
  assignee_id: Nullable(Type.String()),
  opened_at: Type.Date(),
});

const MergedRow = rowType('conversations.conversations.merged_into', {
  id: Type.String(),
  merged_into: Type.String(),
});
/** The inbound messages a routed batch stored for the first time (not redelivered). */
const InsertedMessageRow = rowType('conversations.messages.store_routed', { x_id: Nullable(Type.String()) });

/** count(*): bigint, a string. */
const CountRow = rowType('conversations.conversations.count', { n: Type.String() });

/**
 * The newest inbound message per channel that has an X id. `author_x_id` is set on every inbound
 * message (the routed mention's author), though the column allows NULL for outbound ones.
 */
const LastInboundRow = rowType('conversations.conversations.last_inbound', {
  channel: Channel,
  x_id: Type.String(),
  author_x_id: Type.String(),
  created_at: Type.Date(),
});
type LastInbound = Static<typeof LastInboundRow.schema>;

/** A conversation whose status a customer message changed (reopened or unsnoozed). */
export interface StatusTransition {
  brandId: string;
  conversationId: string;
  queueId: string;
  assigneeId: string | null;
  status: ConversationView['status'];
  previousStatus: ConversationView['status'];
  openedAt: Date;
}

export interface ConversationRecord {
  view: ConversationView;
  accountHandle: string;
  firstResponseAt: Date | null;
  version: number;
  /** The customer's latest inbound tweet or DM: what a reply answers, on its channel. */
  lastInbound: { xId: string; authorXId: string; channel: 'public' | 'dm' } | null;
  /** The customer's latest public tweet: what a public invitation or follow-up threads under. */
  lastPublicInbound: { xId: string; authorXId: string } | null;
  tags: string[];
  snoozedUntil: Date | null;
  movedToDmAt: Date | null;
  /** Issue 13: the conversation this one was merged into (resolved for good). */
  mergedIntoId: string | null;
}

const CONVERSATION_SELECT = `
  SELECT c.*, cu.id AS c_id, cu.x_user_id AS c_x_user_id, cu.handle AS c_handle, cu.name AS c_name,
         cu.followers_count AS c_followers_count, cu.verified AS c_verified, cu.withdrawn_at AS c_withdrawn_at,
         cu.vip AS c_vip
  FROM conversations c JOIN customers cu ON cu.brand_id = c.brand_id AND cu.id = c.customer_id`;

export function toMessageView(m: MessageRow): MessageView {
  return {
    id: m.id,
    direction: m.direction,
    channel: m.channel,
    text: m.text,
    xId: m.x_id,
    authorHandle: m.author_handle,
    agentId: m.agent_id,
    status: m.status,
    createdAt: m.created_at.toISOString(),
    // Compliance: the thread shows "deleted by the author" instead of the (emptied) text.
    redaction: m.redaction ?? null,
    redactedAt: m.redacted_at?.toISOString() ?? null,
    // A redacted message loses its media with its text (X compliance).
    ...(m.media?.length && !m.redaction ? { media: m.media } : {}),
  };
}

function toView(r: ConversationRow, messages: MessageView[]): ConversationView {
  return {
    id: r.id,
    brandId: r.brand_id,
    status: r.status,
    channel: r.channel,
    priority: r.priority,
    queueId: r.queue_id,
    assigneeId: r.assignee_id,
    customer: {
      id: r.c_id,
      xUserId: r.c_x_user_id,
      handle: r.c_handle,
      name: r.c_name,
      followersCount: Number(r.c_followers_count),
      verified: r.c_verified,
      withdrawnAt: r.c_withdrawn_at?.toISOString() ?? null,
      vip: r.c_vip,
    },
    tags: r.tags,
    language: r.language,
    sentiment: r.sentiment,
    intent: r.intent,
    replyPath: r.reply_path,
    openedAt: r.opened_at.toISOString(),
    lastMessageAt: r.last_message_at.toISOString(),
    messages,
  };
}

/** A keyset cursor: the sort key of the last row of a page, opaque to clients. */
function encodeKey(key: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The cursor's key when it is an array of exactly these kinds of values; null for anything else. */
function decodeKey(
  cursor: string,
  kinds: ReadonlyArray<'string' | 'integer'>,
): Array<string | number> | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const fits = (x: unknown, kind: 'string' | 'integer') =>
      kind === 'string' ? typeof x === 'string' : Number.isInteger(x);
    if (Array.isArray(v) && v.length === kinds.length && kinds.every((k, i) => fits(v[i], k))) {
      return v as Array<string | number>;
    }
  } catch {
    // fall through
  }

  return null;
}

/** Keyset cursor over (last_message_at DESC, id DESC): stable under inserts, no OFFSET scans. */
export function encodeCursor(at: string, id: string): string {
  return encodeKey([at, id]);
}

export function decodeCursor(cursor: string): [string, string] | null {
  return decodeKey(cursor, ['string', 'string']) as [string, string] | null;
}

/** Keyset cursor over (priority DESC, opened_at, id): the inbox's most-urgent-first order. */
export function encodeUrgentCursor(priority: number, openedAt: string, id: string): string {
  return encodeKey([priority, openedAt, id]);
}

export function decodeUrgentCursor(cursor: string): [number, string, string] | null {
  return decodeKey(cursor, ['integer', 'string', 'string']) as [number, string, string] | null;
}

/** Keeps the last of each key: one multi-row upsert may not touch a row twice. */
function lastBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const m = new Map<string, T>();
  for (const it of items) m.set(key(it), it);

  return [...m.values()];
}

@Injectable()
export class ConversationRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Stores a batch of routed mentions: customers, conversations and messages, four statements.
   * A customer message on a resolved (or snoozed) conversation reopens it: returned for the status
   * event, which `onTransitions` writes in the same transaction (the outbox), per brand, only when
   * something reopened (a redelivered batch finds the conversation open and reopens nothing, so an
   * event published after the commit would be lost for good).
   */
  async storeRouted(
    events: readonly ConversationRoutedV1[],
    onTransitions?: (tx: EntityManager, brandId: string, transitions: StatusTransition[]) => Promise<void>,
  ): Promise<StatusTransition[]> {
    if (events.length === 0) return [];
    const byBrand = new Map<string, ConversationRoutedV1[]>();
    for (const e of events) {
      const list = byBrand.get(e.brandId);
      if (list) list.push(e);
      else byBrand.set(e.brandId, [e]);
    }

    // One transaction; each brand's rows are written under that brand (row-level security), brands
    // in key order so concurrent consumers take their locks in one order.
    return this.ds.transaction(async (tx: EntityManager) => {
      const out: StatusTransition[] = [];
      for (const brandId of [...byBrand.keys()].sort()) {
        await useBrand(tx, brandId);
        const transitions = await this.storeBrand(tx, byBrand.get(brandId)!);
        if (transitions.length > 0 && onTransitions) await onTransitions(tx, brandId, transitions);
        out.push(...transitions);
      }

      return out;
    });
  }

  /** One brand's share of a routed batch, under that brand: four statements. */
  private async storeBrand(
    tx: EntityManager,
    routed: readonly ConversationRoutedV1[],
  ): Promise<StatusTransition[]> {
    const events = await this.followMerges(tx, routed);
    const customers = lastBy(events, (e) => `${e.brandId}:${e.mention.author.id}`);
    const cv = valuesList(
      customers.map((e) => [
        e.brandId,
        randomUUID(),
        e.mention.author.id,
        e.mention.author.handle,
        e.mention.author.name,
        e.mention.author.followersCount,
        e.mention.author.verified,
      ]),
      ['uuid', 'uuid', 'text', 'text', 'text', 'bigint', 'bool'],
    );
    const ids = await selectRows(
      tx,
      CustomerIdRow,
      `INSERT INTO customers (brand_id, id, x_user_id, handle, name, followers_count, verified) VALUES ${cv.sql}
       ON CONFLICT (brand_id, x_user_id) DO UPDATE SET handle = EXCLUDED.handle, name = EXCLUDED.name,
         followers_count = EXCLUDED.followers_count, verified = EXCLUDED.verified, updated_at = now()
       RETURNING brand_id, x_user_id, id`,
      cv.params,
    );
    const customerId = new Map(ids.map((r) => [`${r.brand_id}:${r.x_user_id}`, r.id]));

    const conversations = lastBy(events, (e) => `${e.brandId}:${e.conversationId}`);
    const before = await selectRows(
      tx,
      ClosedBeforeRow,
      // `= ANY` on both key columns keeps the plan on the primary key (a join on unnest let the
      // planner walk a brand-wide index: ~1,000 rows read per mention). Pairs are matched below.
      `SELECT c.brand_id, c.id, c.status FROM conversations c
       WHERE c.brand_id = ANY($1::uuid[]) AND c.id = ANY($2::uuid[]) AND c.status IN ('resolved','snoozed')
       FOR UPDATE OF c`,
      [conversations.map((e) => e.brandId), conversations.map((e) => e.conversationId)],
    );
    const wanted = new Set(conversations.map((e) => `${e.brandId}:${e.conversationId}`));
    const wasClosed = new Map(
      before
        .filter((r) => wanted.has(`${r.brand_id}:${r.id}`))
        .map((r) => [`${r.brand_id}:${r.id}`, r.status]),
    );
    // X judges each tweet: the path stored is the one to answer the customer's latest public tweet.
    const latestPublic = new Map<string, ConversationRoutedV1['mention']>();
    for (const e of events) {
      if (e.mention.channel !== 'public') continue;
      const key = `${e.brandId}:${e.conversationId}`;
      const prev = latestPublic.get(key);
      if (!prev || Date.parse(e.mention.tweet.createdAt) >= Date.parse(prev.tweet.createdAt)) {
        latestPublic.set(key, e.mention);
      }
    }
    const kv = valuesList(
      conversations.map((e) => {
        const m = e.mention;
        const decider = latestPublic.get(`${e.brandId}:${e.conversationId}`);

        return [
          e.brandId,
          e.conversationId,
          customerId.get(`${e.brandId}:${m.author.id}`),
          m.channel,
          e.status,
          e.queueId,
          e.assigneeId,
          e.priority,
          m.classification.language,
          m.classification.sentiment.label,
          m.classification.intent,
          (decider ?? m).replyPath,
          decider?.tweet.createdAt ?? null,
          m.account.handle,
          m.tweet.conversationId ?? null,
          m.tweet.createdAt,
          m.tweet.createdAt,
        ];
      }),
      [
        'uuid',
        'uuid',
        'uuid',
        'text',
        'text',
        'uuid',
        'uuid',
        'int',
        'text',
        'text',
        'text',
        'text',
        'timestamptz',
        'text',
        'text',
        'timestamptz',
        'timestamptz',
      ],
    );
    // Re-decided by a public message at least as new as the one that decided it (a redelivered or
    // late older tweet keeps the newer decision; a DM never changes the public path).
    const newerPath = `(EXCLUDED.reply_path_at IS NOT NULL
      AND EXCLUDED.reply_path_at >= COALESCE(conversations.reply_path_at, conversations.opened_at))`;
    // Reopen only for a message newer than the resolution (a redelivered old mention must not).
    const reopen = `((conversations.status = 'resolved' AND EXCLUDED.last_message_at > conversations.resolved_at)
      OR (conversations.status = 'snoozed' AND EXCLUDED.last_message_at > conversations.last_message_at))`;
    const after = await selectRows(
      tx,
      StoredConversationRow,
      `INSERT INTO conversations (brand_id, id, customer_id, channel, status, queue_id, assignee_id, priority, language,
         sentiment, intent, reply_path, reply_path_at, account_handle, x_conversation_id, opened_at, last_message_at)
       VALUES ${kv.sql}
       ON CONFLICT (brand_id, id) DO UPDATE SET
         reply_path = CASE WHEN ${newerPath} THEN EXCLUDED.reply_path ELSE conversations.reply_path END,
         reply_path_at = CASE WHEN ${newerPath} THEN EXCLUDED.reply_path_at ELSE conversations.reply_path_at END,
         status = CASE WHEN ${reopen} THEN EXCLUDED.status ELSE conversations.status END,
         assignee_id = CASE WHEN ${reopen} THEN EXCLUDED.assignee_id ELSE conversations.assignee_id END,
         resolved_at = CASE WHEN ${reopen} THEN NULL ELSE conversations.resolved_at END,
         snoozed_until = CASE WHEN ${reopen} THEN NULL ELSE conversations.snoozed_until END,
         last_message_at = GREATEST(conversations.last_message_at, EXCLUDED.last_message_at),
         priority = GREATEST(conversations.priority, EXCLUDED.priority),
         sentiment = EXCLUDED.sentiment,
         version = conversations.version + 1
       RETURNING brand_id, id, status, queue_id, assignee_id, opened_at`,
      kv.params,
    );

    const messages = lastBy(events, (e) => `${e.brandId}:${e.mention.tweet.id}`);
    const mv = valuesList(
      messages.map((e) => {
        const m = e.mention;

        return [
          e.brandId,
          randomUUID(),
          e.conversationId,
          m.channel,
          m.tweet.id,
          m.tweet.inReplyToTweetId ?? null,
          m.tweet.text,
          m.author.id,
          m.author.handle,
          m.source,
          JSON.stringify(m.classification),
          m.tweet.createdAt,
          m.tweet.quotedTweetId ?? null,
          m.tweet.media?.length ? JSON.stringify(m.tweet.media) : null,
        ];
      }),
      [
        'uuid',
        'uuid',
        'uuid',
        'text',
        'text',
        'text',
        'text',
        'text',
        'text',
        'text',
        'jsonb',
        'timestamptz',
        'text',
        'jsonb',
      ],
    );
    const inserted = await selectRows(
      tx,
      InsertedMessageRow,
      `INSERT INTO messages (brand_id, id, conversation_id, direction, channel, x_id, in_reply_to_x_id, text,
         author_x_id, author_handle, status, source, classification, created_at, quoted_x_id, media)
       SELECT v.brand_id, v.id, v.conversation_id, 'inbound', v.channel, v.x_id, v.in_reply_to, v.text, v.author_x_id,
         v.author_handle, 'received', v.source, v.classification, v.created_at, v.quoted, v.media
       FROM (VALUES ${mv.sql}) AS v(brand_id, id, conversation_id, channel, x_id, in_reply_to, text, author_x_id,
         author_handle, source, classification, created_at, quoted, media)
       ON CONFLICT (brand_id, direction, x_id) WHERE x_id IS NOT NULL DO NOTHING
       RETURNING x_id`,
      mv.params,
    );
    await this.applyRuleTags(tx, events, new Set(inserted.map((r) => r.x_id)));
    await this.auditManualCases(tx, messages);

    return after.flatMap((r) => {
      const previous = wasClosed.get(`${r.brand_id}:${r.id}`);
      if (!previous || previous === r.status) return [];

      return [
        {
          brandId: r.brand_id,
          conversationId: r.id,
          queueId: r.queue_id,
          assigneeId: r.assignee_id,
          status: r.status,
          previousStatus: previous,
          openedAt: r.opened_at,
        },
      ];
    });
  }

  /**
   * A customer message routed to a conversation that was merged into another (a late or redelivered
   * decision, or routing not yet told) lands in the merge's target (issue 13).
   */
  private async followMerges(
    tx: EntityManager,
    events: readonly ConversationRoutedV1[],
  ): Promise<readonly ConversationRoutedV1[]> {
    const merged = await selectRows(
      tx,
      MergedRow,
      `SELECT id, merged_into FROM conversations WHERE brand_id = $1 AND id = ANY($2::uuid[]) AND merged_into IS NOT NULL`,
      [events[0]!.brandId, [...new Set(events.map((e) => e.conversationId))]],
    );
    if (merged.length === 0) return events;
    const target = new Map(merged.map((r) => [r.id, r.merged_into]));

    return events.map((e) => {
      const to = target.get(e.conversationId);

      return to ? { ...e, conversationId: to, opened: false } : e;
    });
  }

  /**
   * The tags of the routing rule that chose an opening mention's queue join the conversation's
   * tags (a union, sorted), with an audit row naming the rule. Only for mentions stored now: a
   * redelivered one does not put back a tag an agent has since removed, nor audit twice.
   */
  private async applyRuleTags(
    tx: EntityManager,
    events: readonly ConversationRoutedV1[],
    fresh: ReadonlySet<string | null>,
  ): Promise<void> {
    const tagged = lastBy(
      events.filter((e) => e.rule && e.rule.tags.length > 0 && fresh.has(e.mention.tweet.id)),
      (e) => `${e.brandId}:${e.conversationId}`,
    );
    if (tagged.length === 0) return;
    const v = valuesList(
      tagged.map((e) => [e.brandId, e.conversationId, e.rule?.id, e.rule?.tags]),
      ['uuid', 'uuid', 'uuid', 'text[]'],
    );
    await execute(
      tx,
      `WITH v(brand_id, id, rule_id, tags) AS (VALUES ${v.sql}),
       tagged AS (
         UPDATE conversations c SET tags = ARRAY(SELECT DISTINCT t FROM unnest(c.tags || v.tags) t ORDER BY t)
         FROM v WHERE c.brand_id = v.brand_id AND c.id = v.id
         RETURNING c.brand_id, c.id, v.rule_id, v.tags)
       INSERT INTO audit_log (brand_id, actor_id, action, conversation_id, details)
       SELECT brand_id, NULL, 'conversation.tagged_by_rule', id, jsonb_build_object('ruleId', rule_id, 'tags', tags)
       FROM tagged`,
      v.params,
    );
  }

  async list(req: {
    brandId: string;
    first: number;
    after?: string;
    filter?: ConversationFilter;
    order?: 'recent' | 'urgent';
    visibleQueueIds?: string[];
  }): Promise<{ rows: ConversationView[]; hasNextPage: boolean; totalCount: number }> {
    const where: string[] = ['c.brand_id = $1'];
    const params: unknown[] = [req.brandId];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (req.filter?.status?.length) add('c.status = ANY(?::text[])', req.filter.status);
    if (req.filter?.queueId) add('c.queue_id = ?::uuid', req.filter.queueId);
    if (req.filter?.assigneeId) add('c.assignee_id = ?::uuid', req.filter.assigneeId);
    if (req.filter?.channel) add('c.channel = ?', req.filter.channel);
    if (req.visibleQueueIds) add('c.queue_id = ANY(?::uuid[])', req.visibleQueueIds);
    const countWhere = where.join(' AND ');
    const countParams = [...params];
    const urgent = req.order === 'urgent';
    if (req.after) {
      const cursor = urgent ? decodeUrgentCursor(req.after) : decodeCursor(req.after);
      if (cursor && urgent) {
        params.push(cursor[0], cursor[1], cursor[2]);
        const [p, at, id] = [params.length - 2, params.length - 1, params.length];
        // Compared at the millisecond the cursor carries (opened_at may hold microseconds).
        where.push(
          `(c.priority < $${p}::int OR (c.priority = $${p}::int AND (date_trunc('milliseconds', c.opened_at), c.id) > ($${at}::timestamptz, $${id}::uuid)))`,
        );
      } else if (cursor) {
        params.push(cursor[0], cursor[1]);
        where.push(
          `(c.last_message_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
        );
      }
    }
    params.push(req.first + 1);
    const orderBy = urgent
      ? "c.priority DESC, date_trunc('milliseconds', c.opened_at) ASC, c.id ASC"
      : 'c.last_message_at DESC, c.id DESC';
    // The page (then its messages) and the count side by side, each a transaction of the brand.
    const [{ rows, page, messages }, count] = await Promise.all([
      withBrand(this.ds, req.brandId, async (tx) => {
        const rows = await selectRows(
          tx,
          ConversationRow,
          `${CONVERSATION_SELECT} WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT $${params.length}`,
          params,
        );
        const page = rows.slice(0, req.first);
        const messages = await this.messagesFor(
          req.brandId,
          page.map((r) => r.id),
          tx,
        );

        return { rows, page, messages };
      }),
      withBrand(this.ds, req.brandId, (tx) =>
        selectRows(
          tx,
          CountRow,
          `SELECT count(*) AS n FROM conversations c WHERE ${countWhere}`,
          countParams,
        ),
      ),
    ]);

    return {
      rows: page.map((r) => toView(r, messages.get(r.id) ?? [])),
      hasNextPage: rows.length > req.first,
      totalCount: Number(count[0]?.n ?? 0),
    };
  }

  /**
   * A tweet an agent turned into a case by hand (`source: manual`, `requestedBy`): one
   * `case.created_from_tweet` audit row per conversation and tweet, in the routed batch's
   * transaction (a redelivery finds it and writes nothing).
   */
  private async auditManualCases(tx: EntityManager, events: readonly ConversationRoutedV1[]): Promise<void> {
    const manual = events.filter((e) => e.mention.source === 'manual' && e.mention.requestedBy);
    if (manual.length === 0) return;
    const av = valuesList(
      manual.map((e) => [e.brandId, e.mention.requestedBy, e.conversationId, e.mention.tweet.id]),
      ['uuid', 'uuid', 'uuid', 'text'],
    );
    await execute(
      tx,
      `INSERT INTO audit_log (brand_id, actor_id, action, conversation_id, details)
       SELECT v.brand_id, v.actor_id, 'case.created_from_tweet', v.conversation_id, jsonb_build_object('tweetId', v.tweet_id)
       FROM (VALUES ${av.sql}) AS v(brand_id, actor_id, conversation_id, tweet_id)
       WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.brand_id = v.brand_id AND a.conversation_id = v.conversation_id
         AND a.action = 'case.created_from_tweet' AND a.details->>'tweetId' = v.tweet_id)`,
      av.params,
    );
  }

  /** The conversation holding the customer's tweet (its inbound message), or null. One unique-index probe. */
  async findByTweet(brandId: string, tweetId: string): Promise<string | null> {
    return withBrand(this.ds, brandId, async (tx) => {
      const rows = await selectRows(
        tx,
        ConversationIdRow,
        `SELECT conversation_id FROM messages WHERE brand_id = $1 AND direction = 'inbound' AND x_id = $2`,
        [brandId, tweetId],
      );

      return rows[0]?.conversation_id ?? null;
    });
  }

  async get(brandId: string, id: string): Promise<ConversationRecord | null> {
    const found = await withBrand(this.ds, brandId, async (tx) => {
      const rows = await selectRows(
        tx,
        ConversationRow,
        `${CONVERSATION_SELECT} WHERE c.brand_id = $1 AND c.id = $2`,
        [brandId, id],
      );
      const row = rows[0];
      if (!row) return null;
      const messages = await this.messagesFor(brandId, [id], tx);
      // The newest inbound message per channel (two rows at most).
      const inbound = await selectRows(
        tx,
        LastInboundRow,
        `SELECT DISTINCT ON (channel) channel, x_id, author_x_id, created_at FROM messages
         WHERE brand_id = $1 AND conversation_id = $2 AND direction = 'inbound' AND x_id IS NOT NULL
         ORDER BY channel, created_at DESC`,
        [brandId, id],
      );

      return { row, messages, inbound };
    });
    if (!found) return null;
    const { row, messages, inbound } = found;
    const pick = (l: LastInbound | undefined) =>
      l ? { xId: l.x_id, authorXId: l.author_x_id, channel: l.channel } : null;
    const byChannel = new Map(inbound.map((l) => [l.channel, l]));
    const lastDm = byChannel.get('dm');
    const lastPublic = byChannel.get('public');
    // The customer's latest message, whichever channel: a public case whose customer answered in
    // DM (its DM leg) is answered there.
    const latest =
      lastDm && lastPublic
        ? lastDm.created_at > lastPublic.created_at
          ? lastDm
          : lastPublic
        : (lastDm ?? lastPublic);

    return {
      view: toView(row, messages.get(id) ?? []),
      accountHandle: row.account_handle,
      firstResponseAt: row.first_response_at,
      version: row.version,
      lastInbound: pick(latest),
      lastPublicInbound: pick(lastPublic),
      tags: row.tags,
      snoozedUntil: row.snoozed_until,
      movedToDmAt: row.moved_to_dm_at,
      mergedIntoId: row.merged_into,
    };
  }

  /**
   * Messages of many conversations in one query (no N+1), oldest first, newest 100 per conversation;
   * inside the caller's transaction of the brand.
   */
  async messagesFor(
    brandId: string,
    conversationIds: string[],
    tx: EntityManager,
  ): Promise<Map<string, MessageView[]>> {
    const out = new Map<string, MessageView[]>();
    if (conversationIds.length === 0) return out;
    const rows = await selectRows(
      tx,
      RankedMessageRow,
      `SELECT * FROM (
         SELECT m.*, row_number() OVER (PARTITION BY m.conversation_id ORDER BY m.created_at DESC) AS rn
         FROM messages m WHERE m.brand_id = $1 AND m.conversation_id = ANY($2::uuid[])
       ) t WHERE rn <= 100 ORDER BY created_at, id`,
      [brandId, conversationIds],
    );
    for (const r of rows) {
      const list = out.get(r.conversation_id) ?? [];
      list.push(toMessageView(r));
      out.set(r.conversation_id, list);
    }

    return out;
  }
}

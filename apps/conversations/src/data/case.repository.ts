import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Channel,
  ConversationStatus,
  DomainError,
  ErrorCode,
  type CaseLink,
  type CaseSuggestion,
  type CaseSuggestionReason,
} from '@roost/contracts';
import { execute, Nullable, rowType, selectMaybe, selectRows, withBrand } from '@roost/database';
import { Type, type Static } from '@sinclair/typebox';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from './conversation-actions.repository';

/** How long after its resolution a conversation is still suggested as the same case. */
const RECENT_HOURS = 24;

const CaseRow = rowType('conversations.cases.row', {
  id: Type.String(),
  customer_id: Type.String(),
  customer_x_id: Type.String(),
  channel: Channel,
  status: ConversationStatus,
  queue_id: Type.String(),
  assignee_id: Nullable(Type.String()),
  priority: Type.Integer(),
  language: Type.String(),
  account_handle: Type.String(),
  opened_at: Type.Date(),
  first_response_at: Nullable(Type.Date()),
  version: Type.Integer(),
  tags: Type.Array(Type.String()),
  merged_into: Nullable(Type.String()),
});
export type CaseRow = Static<typeof CaseRow.schema>;

const SuggestionRow = rowType('conversations.cases.suggestions', {
  id: Type.String(),
  channel: Channel,
  status: ConversationStatus,
  queue_id: Type.String(),
  assignee_id: Nullable(Type.String()),
  account_handle: Type.String(),
  opened_at: Type.Date(),
  last_message_at: Type.Date(),
  version: Type.Integer(),
  last_text: Nullable(Type.String()),
  quotes: Type.Boolean(),
});

const VersionRow = rowType('conversations.cases.version', {
  status: ConversationStatus,
  version: Type.Integer(),
  tags: Type.Array(Type.String()),
  opened_at: Type.Date(),
});

const SplitMessageRow = rowType('conversations.cases.split_message', {
  id: Type.String(),
  conversation_id: Type.String(),
  direction: Type.String(),
  channel: Channel,
  x_id: Nullable(Type.String()),
  created_at: Type.Date(),
  inbound_count: Type.String(),
});
export type SplitMessage = Static<typeof SplitMessageRow.schema>;
const SPLIT_MESSAGE_SELECT = `SELECT m.id, m.conversation_id, m.direction, m.channel, m.x_id, m.created_at,
    (SELECT count(*) FROM messages i WHERE i.brand_id = m.brand_id AND i.conversation_id = m.conversation_id
       AND i.direction = 'inbound') AS inbound_count
  FROM messages m WHERE m.brand_id = $1 AND m.id = $2 AND m.conversation_id = $3`;

/** The conversation routing opened for a split (RoutingRpc.OpenSplit's answer). */
export interface SplitCreated {
  id: string;
  status: 'assigned' | 'waiting';
  assigneeId: string | null;
  priority: number;
  queueId: string;
}

const LinkRow = rowType('conversations.cases.links', {
  action: Type.String(),
  actor_id: Nullable(Type.String()),
  details: Type.Unknown(),
  at: Type.Date(),
});

export interface Merged {
  target: { version: number; status: ConversationStatus; tags: string[]; openedAt: Date; queueId: string };
  source: CaseRow & { newVersion: number };
  targetOpenedBefore: Date;
}

const CASE_SELECT = `SELECT c.id, c.customer_id, cu.x_user_id AS customer_x_id, c.channel, c.status, c.queue_id, c.assignee_id,
  c.priority, c.language, c.account_handle, c.opened_at, c.first_response_at, c.version, c.tags, c.merged_into
  FROM conversations c JOIN customers cu ON cu.brand_id = c.brand_id AND cu.id = c.customer_id`;

/** The reason one conversation of the customer is suggested beside another: the most telling first. */
function reasonOf(
  self: { channel: string; accountHandle: string },
  other: { channel: string; account_handle: string; quotes: boolean },
): CaseSuggestionReason {
  if (other.quotes) return 'quote';
  if (other.channel !== self.channel) return 'dm';
  if (other.account_handle.toLowerCase() !== self.accountHandle.toLowerCase()) return 'other_handle';

  return 'other_thread';
}

/**
 * Issue 13: one case per customer problem. Suggestions (the customer's other recent cases), merge
 * (one transaction: messages, notes and tags move, both audited, the source resolved for good) and
 * the split's storage half (the new conversation's row and the message, once routing opened it).
 */
@Injectable()
export class CaseRepository {
  constructor(private readonly ds: DataSource) {}

  async get(brandId: string, id: string): Promise<CaseRow | undefined> {
    return withBrand(this.ds, brandId, (tx) =>
      selectMaybe(tx, CaseRow, `${CASE_SELECT} WHERE c.brand_id = $1 AND c.id = $2`, [brandId, id]),
    );
  }

  /**
   * The same customer's other conversations of the brand, open or resolved within 24 h (merged ones
   * never), newest first. `quotes`: one of its messages quotes a message of this one, or the reverse.
   */
  async suggestions(brandId: string, conversationId: string): Promise<CaseSuggestion[]> {
    return withBrand(this.ds, brandId, async (tx) => {
      const self = await selectMaybe(tx, CaseRow, `${CASE_SELECT} WHERE c.brand_id = $1 AND c.id = $2`, [
        brandId,
        conversationId,
      ]);
      if (!self) throw DomainError.notFound('conversation', conversationId);
      if (self.merged_into) return [];
      const rows = await selectRows(
        tx,
        SuggestionRow,
        `SELECT o.id, o.channel, o.status, o.queue_id, o.assignee_id, o.account_handle, o.opened_at, o.last_message_at, o.version,
           (SELECT m.text FROM messages m WHERE m.brand_id = o.brand_id AND m.conversation_id = o.id AND m.direction = 'inbound'
             ORDER BY m.created_at DESC LIMIT 1) AS last_text,
           EXISTS (
             SELECT 1 FROM messages a JOIN messages b ON b.brand_id = a.brand_id AND b.x_id = a.quoted_x_id
             WHERE a.brand_id = o.brand_id AND a.quoted_x_id IS NOT NULL
               AND ((a.conversation_id = o.id AND b.conversation_id = $2) OR (a.conversation_id = $2 AND b.conversation_id = o.id))
           ) AS quotes
         FROM conversations o
         WHERE o.brand_id = $1 AND o.customer_id = $3 AND o.id <> $2 AND o.merged_into IS NULL
           AND (o.status <> 'resolved' OR o.resolved_at > now() - interval '${RECENT_HOURS} hours')
         ORDER BY o.last_message_at DESC, o.id DESC LIMIT 20`,
        [brandId, conversationId, self.customer_id],
      );

      return rows.map((r) => ({
        conversationId: r.id,
        channel: r.channel,
        status: r.status,
        queueId: r.queue_id,
        assigneeId: r.assignee_id,
        accountHandle: r.account_handle,
        openedAt: r.opened_at.toISOString(),
        lastMessageAt: r.last_message_at.toISOString(),
        lastText: r.last_text,
        version: r.version,
        reason: reasonOf({ channel: self.channel, accountHandle: self.account_handle }, r),
      }));
    });
  }

  /**
   * Merges `sourceId` into `targetId` in one transaction. Both rows are locked (in id order, so two
   * opposite merges cannot deadlock) and checked: same customer, neither merged, the source at the
   * expected version. The target's opening becomes the earlier of the two and its first response the
   * earlier of the two (every brand response of either is at or after the earlier opening).
   */
  async merge(p: {
    actor: Actor & { agentInitials: string };
    targetId: string;
    sourceId: string;
    expectedVersion?: number;
    /** The caller's permission check on both locked rows (assignee, hard lock); throws to refuse. */
    authorize: (target: CaseRow, source: CaseRow) => Promise<void>;
    within: (tx: EntityManager, m: Merged) => Promise<void>;
  }): Promise<Merged> {
    const { brandId } = p.actor;

    return withBrand(this.ds, brandId, async (tx) => {
      const rows = await selectRows(
        tx,
        CaseRow,
        `${CASE_SELECT} WHERE c.brand_id = $1 AND c.id = ANY($2::uuid[]) ORDER BY c.id FOR UPDATE OF c`,
        [brandId, [p.targetId, p.sourceId]],
      );
      const target = rows.find((r) => r.id === p.targetId);
      const source = rows.find((r) => r.id === p.sourceId);
      if (!target) throw DomainError.notFound('conversation', p.targetId);
      if (!source) throw DomainError.notFound('conversation', p.sourceId);
      if (source.merged_into) {
        throw new DomainError(ErrorCode.BadUserInput, 'this conversation was already merged into another', {
          reason: 'ALREADY_MERGED',
          conversationId: source.id,
          mergedInto: source.merged_into,
        });
      }
      if (target.merged_into) {
        throw new DomainError(ErrorCode.BadUserInput, 'the target was merged into another conversation', {
          reason: 'ALREADY_MERGED',
          conversationId: target.id,
          mergedInto: target.merged_into,
        });
      }
      // Merging into a resolved case would resolve the open one with it: the open case is the target.
      if (target.status === 'resolved') {
        throw new DomainError(
          ErrorCode.BadUserInput,
          'the target is resolved: merge it into the open case instead',
          {
            reason: 'MERGE_TARGET_RESOLVED',
            conversationId: target.id,
            hint: 'merge the other way: the resolved case into the open one',
          },
        );
      }
      if (source.customer_id !== target.customer_id) {
        throw new DomainError(
          ErrorCode.BadUserInput,
          'only conversations of the same customer can be merged',
          {
            reason: 'MERGE_DIFFERENT_CUSTOMER',
          },
        );
      }
      if (p.expectedVersion !== undefined && source.version !== p.expectedVersion) {
        throw new DomainError(ErrorCode.Conflict, 'the conversation changed since you loaded it', {
          reason: 'VERSION_MISMATCH',
          expectedVersion: p.expectedVersion,
          currentVersion: source.version,
        });
      }
      await p.authorize(target, source);
      const params = [brandId, source.id, target.id];
      await execute(
        tx,
        `UPDATE messages SET conversation_id = $3 WHERE brand_id = $1 AND conversation_id = $2`,
        params,
      );
      await execute(
        tx,
        `UPDATE customer_notes SET conversation_id = $3 WHERE brand_id = $1 AND conversation_id = $2`,
        params,
      );
      // Earlier merges into the source now point at the target (one hop, always).
      await execute(
        tx,
        `UPDATE conversations SET merged_into = $3 WHERE brand_id = $1 AND merged_into = $2`,
        params,
      );
      const t = await selectRows(
        tx,
        VersionRow,
        `UPDATE conversations t SET
           tags = ARRAY(SELECT DISTINCT x FROM unnest(t.tags || s.tags) x ORDER BY x),
           opened_at = LEAST(t.opened_at, s.opened_at),
           first_response_at = LEAST(t.first_response_at, s.first_response_at),
           last_message_at = GREATEST(t.last_message_at, s.last_message_at),
           priority = GREATEST(t.priority, s.priority),
           version = t.version + 1
         FROM conversations s WHERE t.brand_id = $1 AND t.id = $3 AND s.brand_id = $1 AND s.id = $2
         RETURNING t.status, t.version, t.tags, t.opened_at`,
        params,
      );
      const s = await selectRows(
        tx,
        VersionRow,
        `UPDATE conversations SET status = 'resolved', resolved_at = COALESCE(resolved_at, now()), snoozed_until = NULL,
           merged_into = $3, version = version + 1
         WHERE brand_id = $1 AND id = $2 RETURNING status, version, tags, opened_at`,
        params,
      );
      const note = `Merged from conversation ${source.id} (@${source.account_handle}, ${source.channel}).`;
      await execute(
        tx,
        `INSERT INTO customer_notes (brand_id, id, customer_id, conversation_id, author_id, author_initials, text)
         VALUES ($1,$2,$3,$4,$5,$6,$7)`,
        [brandId, randomUUID(), target.customer_id, target.id, p.actor.agentId, p.actor.agentInitials, note],
      );
      const at = new Date().toISOString();
      await this.audit(tx, p.actor, target.id, 'conversation.merged', {
        role: 'target',
        sourceId: source.id,
        targetId: target.id,
        at,
      });
      await this.audit(tx, p.actor, source.id, 'conversation.merged', {
        role: 'source',
        sourceId: source.id,
        targetId: target.id,
        previousStatus: source.status,
        at,
      });
      const m: Merged = {
        target: {
          version: t[0]!.version,
          status: t[0]!.status,
          tags: t[0]!.tags,
          openedAt: t[0]!.opened_at,
          queueId: target.queue_id,
        },
        source: { ...source, newVersion: s[0]!.version },
        targetOpenedBefore: target.opened_at,
      };
      await p.within(tx, m);

      return m;
    });
  }

  /** The message to split out, with its conversation's count of inbound messages (bigint: a string). */
  async splitMessage(
    brandId: string,
    conversationId: string,
    messageId: string,
  ): Promise<SplitMessage | undefined> {
    return withBrand(this.ds, brandId, (tx) =>
      selectMaybe(tx, SplitMessageRow, SPLIT_MESSAGE_SELECT, [brandId, messageId, conversationId]),
    );
  }

  /**
   * Stores a split: locks the source row (so no merge, split or other change of it interleaves),
   * re-validates what the caller checked before (not merged, still at the version it read, the
   * message still in it with another customer message beside it), then has routing open the new
   * conversation (`open`, inside the lock: nothing is stored if it fails, and routing answers the
   * same conversation on a retry) and stores it: the new row (a copy of the source's customer,
   * channel, handle and classification; its X thread identity the message's X id), the message
   * moved into it, audit on both. A retry after a failure finds nothing half done.
   */
  async storeSplit(p: {
    actor: Actor;
    source: CaseRow;
    message: SplitMessage;
    open: () => Promise<SplitCreated>;
    within: (tx: EntityManager, created: SplitCreated) => Promise<void>;
  }): Promise<{
    source: { version: number; status: ConversationStatus; tags: string[] };
    created: SplitCreated;
    createdVersion: number;
  }> {
    const { brandId } = p.actor;

    return withBrand(this.ds, brandId, async (tx) => {
      const locked = await selectMaybe(
        tx,
        CaseRow,
        `${CASE_SELECT} WHERE c.brand_id = $1 AND c.id = $2 FOR UPDATE OF c`,
        [brandId, p.source.id],
      );
      if (!locked) throw DomainError.notFound('conversation', p.source.id);
      if (locked.merged_into) {
        throw new DomainError(ErrorCode.BadUserInput, 'this conversation was merged into another', {
          reason: 'ALREADY_MERGED',
          conversationId: locked.id,
          mergedInto: locked.merged_into,
        });
      }
      if (locked.version !== p.source.version) {
        throw new DomainError(ErrorCode.Conflict, 'the conversation changed since you loaded it', {
          reason: 'VERSION_MISMATCH',
          expectedVersion: p.source.version,
          currentVersion: locked.version,
        });
      }
      const message = await selectMaybe(tx, SplitMessageRow, SPLIT_MESSAGE_SELECT, [
        brandId,
        p.message.id,
        p.source.id,
      ]);
      if (!message) throw DomainError.notFound('message', p.message.id);
      if (Number(message.inbound_count) < 2) {
        throw new DomainError(ErrorCode.BadUserInput, 'the conversation has no other customer message', {
          reason: 'SPLIT_ONLY_MESSAGE',
        });
      }
      const created = await p.open();
      await execute(
        tx,
        `INSERT INTO conversations (brand_id, id, customer_id, channel, status, queue_id, assignee_id, priority, language,
           sentiment, intent, reply_path, account_handle, x_conversation_id, opened_at, last_message_at, split_from, assignment_at)
         SELECT s.brand_id, $3, s.customer_id, s.channel, $4, $5, $6, $7, s.language, s.sentiment, s.intent, s.reply_path,
           s.account_handle, $8, $9, $9, s.id, now()
         FROM conversations s WHERE s.brand_id = $1 AND s.id = $2
         ON CONFLICT (brand_id, id) DO NOTHING`,
        [
          brandId,
          p.source.id,
          created.id,
          created.status,
          created.queueId,
          created.assigneeId,
          created.priority,
          p.message.x_id,
          p.message.created_at,
        ],
      );
      await execute(tx, `UPDATE messages SET conversation_id = $3 WHERE brand_id = $1 AND id = $2`, [
        brandId,
        p.message.id,
        created.id,
      ]);
      const s = await selectRows(
        tx,
        VersionRow,
        `UPDATE conversations SET version = version + 1 WHERE brand_id = $1 AND id = $2 RETURNING status, version, tags, opened_at`,
        [brandId, p.source.id],
      );
      const c = await selectRows(
        tx,
        VersionRow,
        `SELECT status, version, tags, opened_at FROM conversations WHERE brand_id = $1 AND id = $2`,
        [brandId, created.id],
      );
      const details = { sourceId: p.source.id, createdId: created.id, messageId: p.message.id };
      await this.audit(tx, p.actor, p.source.id, 'conversation.split', { ...details, role: 'source' });
      await this.audit(tx, p.actor, created.id, 'conversation.split', { ...details, role: 'created' });
      await p.within(tx, created);

      return { source: s[0]!, created, createdVersion: c[0]!.version };
    });
  }

  /** Merges and splits this conversation took part in (from the audit log), oldest first. */
  async links(brandId: string, conversationId: string): Promise<CaseLink[]> {
    const rows = await withBrand(this.ds, brandId, (tx) =>
      selectRows(
        tx,
        LinkRow,
        `SELECT action, actor_id, details, at FROM audit_log
         WHERE brand_id = $1 AND conversation_id = $2 AND action IN ('conversation.merged', 'conversation.split')
         ORDER BY at, id`,
        [brandId, conversationId],
      ),
    );

    return rows.flatMap((r): CaseLink[] => {
      const d = (r.details ?? {}) as Record<string, string | undefined>;
      const at = r.at.toISOString();
      const link = (kind: CaseLink['kind'], id: string | undefined): CaseLink[] =>
        id ? [{ kind, conversationId: id, actorId: r.actor_id, at }] : [];
      if (r.action === 'conversation.merged') {
        return d.role === 'target' ? link('merged_from', d.sourceId) : link('merged_into', d.targetId);
      }

      return d.role === 'created' ? link('split_from', d.sourceId) : link('split_to', d.createdId);
    });
  }

  private async audit(
    tx: EntityManager,
    actor: Actor,
    conversationId: string,
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await execute(
      tx,
      `INSERT INTO audit_log (brand_id, actor_id, action, conversation_id, details) VALUES ($1,$2,$3,$4,$5)`,
      [actor.brandId, actor.agentId, action, conversationId, details],
    );
  }
}

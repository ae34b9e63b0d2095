import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ROOST_ENV, type ConversationsEnv, type RoostEnv } from '@roost/config';
import type { AutoPostSettings, ConversationRoutedV1 } from '@roost/contracts';
import { validateReply } from '@roost/x-text';
import { GuidelinesRepository } from '../data/guidelines.repository';
import { OutboundDispatcher } from '../outbound/outbound-dispatcher';
import { OutboundRepository, type LedgerEntry } from '../data/outbound.repository';
import { formatBackAt, pickTemplate, renderTemplate, usesVariable } from './auto-post-template';
import { AutoPostsRepository } from '../data/auto-posts.repository';

/** Acknowledgements posted at once; the rest wait their turn (a night's backlog must not burst into X's rate limit). */
const MAX_CONCURRENT_POSTS = 4;

/** One acknowledgement per conversation, ever: redelivery, a crash or a second instance finds the ledger row. */
export function oohAckKey(conversationId: string): string {
  return `ooh-ack:${conversationId}`;
}

type Decision =
  | { kind: 'post'; entry: LedgerEntry }
  | { kind: 'skip'; reason: string; details?: Record<string, unknown> }
  | { kind: 'off' };

/**
 * Issue 4: a public mention that opened a conversation while its queue was closed gets one public
 * reply from the brand saying when the team is back, if the brand turned it on. The post goes
 * through the outbound ledger (recorded before the routed batch is acknowledged, so a crash loses
 * nothing and posts nothing twice); it is no response, so the conversation still awaits its first.
 * Never a DM: when X would not let the API reply in public, it is skipped and the reason recorded.
 */
@Injectable()
export class OutOfHoursAckService implements OnModuleDestroy {
  private readonly log = new Logger(OutOfHoursAckService.name);
  private readonly queued: Array<{ entry: LedgerEntry; lease: string }> = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly settings: ConversationsEnv;

  constructor(
    private readonly autoPosts: AutoPostsRepository,
    private readonly guidelines: GuidelinesRepository,
    private readonly ledger: OutboundRepository,
    private readonly dispatcher: OutboundDispatcher,
    @Inject(ROOST_ENV) env: RoostEnv,
  ) {
    this.settings = env.conversations;
  }

  /**
   * Called with a stored batch: records the acknowledgements it calls for, then posts them in the
   * background (the mention pipeline never waits on X; the reconciler settles what a crash leaves).
   */
  async afterStored(events: readonly ConversationRoutedV1[]): Promise<void> {
    const due = events.filter((e) => e.queueClosed && e.opened && e.mention.channel === 'public');
    if (due.length === 0) return;
    const byBrand = new Map<string, Promise<AutoPostSettings>>();
    const banned = new Map<string, Promise<readonly string[]>>();
    const bannedPhrases = (brandId: string) => {
      let b = banned.get(brandId);
      if (!b) banned.set(brandId, (b = this.guidelines.get(brandId).then((g) => g.bannedPhrases)));

      return b;
    };
    for (const e of due) {
      let settings = byBrand.get(e.brandId);
      if (!settings) byBrand.set(e.brandId, (settings = this.autoPosts.get(e.brandId)));
      const decision = await this.decide(e, await settings, bannedPhrases);
      if (decision.kind === 'off') continue;
      if (decision.kind === 'skip') {
        await this.autoPosts.recordSkip({
          brandId: e.brandId,
          conversationId: e.conversationId,
          key: oohAckKey(e.conversationId),
          reason: decision.reason,
          ...(decision.details ? { details: decision.details } : {}),
        });
        this.log.log(
          { conversationId: e.conversationId, reason: decision.reason },
          'out-of-hours acknowledgement skipped',
        );
        continue;
      }
      const lease = await this.ledger.record(decision.entry, {
        leaseMs: this.settings.outboundLeaseMs,
        auditAction: 'ooh_ack.requested',
      });
      if (lease) this.queued.push({ entry: decision.entry, lease });
    }
    this.pump();
  }

  private async decide(
    e: ConversationRoutedV1,
    settings: AutoPostSettings,
    bannedPhrasesOf: (brandId: string) => Promise<readonly string[]>,
  ): Promise<Decision> {
    const closed = e.queueClosed;
    if (!closed || !settings.outOfHoursAck.enabled) return { kind: 'off' };
    if (e.mention.replyPath !== 'public') {
      return {
        kind: 'skip',
        reason: 'PUBLIC_REPLY_NOT_ALLOWED',
        details: { replyPath: e.mention.replyPath },
      };
    }
    const { language, template } = pickTemplate(
      settings.outOfHoursAck.templates,
      e.mention.classification.language,
    );
    if (closed.reopensAt === null && usesVariable(template, 'back_at')) {
      return { kind: 'skip', reason: 'NO_REOPENING_TIME' };
    }
    const handle = `@${e.mention.author.handle}`;
    const rendered = renderTemplate(template, {
      customer_name: e.mention.author.name.trim() || e.mention.author.handle,
      handle,
      back_at: closed.reopensAt
        ? formatBackAt(new Date(closed.reopensAt), { timezone: closed.timezone, language })
        : '',
    });
    // X refuses the same text twice from one account (403 duplicate content): a night of mentions
    // would get one acknowledgement. Addressing each customer keeps every text distinct.
    const text = rendered.toLowerCase().includes(handle.toLowerCase()) ? rendered : `${handle} ${rendered}`;
    const bannedPhrases = await bannedPhrasesOf(e.brandId);
    // Signed by the brand account itself: no agent initials (no agent wrote it).
    const checked = validateReply({
      text,
      channel: 'public',
      brandHandles: [e.mention.account.handle],
      bannedPhrases,
    });
    if (!checked.ok) {
      return {
        kind: 'skip',
        reason: checked.errors[0]?.code ?? 'INVALID_TEXT',
        details: { errors: checked.errors.map((x) => x.code) },
      };
    }

    return {
      kind: 'post',
      entry: {
        brandId: e.brandId,
        idempotencyKey: oohAckKey(e.conversationId),
        messageId: randomUUID(),
        conversationId: e.conversationId,
        purpose: 'ooh_ack',
        kind: 'reply',
        accountHandle: e.mention.account.handle,
        text: checked.finalText,
        inReplyToXId: e.mention.tweet.id,
        recipientXId: null,
        agentId: null,
        channel: 'public',
      },
    };
  }

  private pump(): void {
    while (this.inFlight.size < MAX_CONCURRENT_POSTS && this.queued.length > 0) {
      const next = this.queued.shift()!;
      const p: Promise<void> = this.post(next.entry, next.lease).finally(() => {
        this.inFlight.delete(p);
        this.pump();
      });
      this.inFlight.add(p);
    }
  }

  private async post(entry: LedgerEntry, lease: string): Promise<void> {
    try {
      // Waited in the queue past its lease? Then the reconciler owns it (and looks on X before posting).
      const mine = await this.ledger.takeOver({
        brandId: entry.brandId,
        key: entry.idempotencyKey,
        lease,
        leaseMs: this.settings.outboundLeaseMs,
      });
      if (mine) await this.dispatcher.send(entry);
    } catch (err) {
      // Failed or unknown in the ledger: the reconciler (or a human reading last_error) takes it from here.
      this.log.warn(
        { key: entry.idempotencyKey, err: (err as Error).message },
        'out-of-hours acknowledgement not posted',
      );
    }
  }

  /** Lets posts already handed to X finish before the process exits; queued ones are the reconciler's after a restart. */
  async onModuleDestroy(): Promise<void> {
    this.queued.length = 0;
    await Promise.allSettled([...this.inFlight]);
  }
}

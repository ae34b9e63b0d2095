import { Injectable } from '@nestjs/common';
import type { AutoPostSettings } from '@roost/contracts';
import { execute, Nullable, rowType, selectMaybe, withBrand } from '@roost/database';
import { Type } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import { DEFAULT_OOH_ACK_TEMPLATE, DEFAULT_WAIT_STATUS_TIMEZONE } from '../common/auto-post-defaults';

type WaitStatusSettings = AutoPostSettings['waitStatus'];

/**
 * `brand_auto_posts` (one row per brand). `wait_status` is the saved settings object, possibly
 * missing fields saved before they existed (the defaults fill them in).
 */
const AutoPostsRow = rowType('conversations.auto_posts.get', {
  ooh_ack_enabled: Type.Boolean(),
  ooh_ack_templates: Type.Record(Type.String(), Type.String()),
  wait_status: Nullable(
    Type.Partial(
      Type.Object({
        enabled: Type.Boolean(),
        queueId: Nullable(Type.String()),
        template: Type.String(),
        timezone: Type.String(),
        accountHandle: Nullable(Type.String()),
        minIntervalMinutes: Type.Number(),
        minChangePercent: Type.Number(),
      }),
    ),
  ),
});

const DEFAULT_WAIT_STATUS: WaitStatusSettings = {
  enabled: false,
  queueId: null,
  template: '',
  timezone: DEFAULT_WAIT_STATUS_TIMEZONE,
  accountHandle: null,
  minIntervalMinutes: 60,
  minChangePercent: 20,
};

/** What a brand that never saved anything gets: both posts off, the built-in English acknowledgement. */
export function defaultAutoPosts(): AutoPostSettings {
  return {
    outOfHoursAck: { enabled: false, templates: { en: DEFAULT_OOH_ACK_TEMPLATE } },
    waitStatus: { ...DEFAULT_WAIT_STATUS },
  };
}

/** The brand's automatic-post settings (`brand_auto_posts`, one row per brand). */
@Injectable()
export class AutoPostsRepository {
  constructor(private readonly ds: DataSource) {}

  async get(brandId: string): Promise<AutoPostSettings> {
    const r = await withBrand(this.ds, brandId, (tx) =>
      selectMaybe(
        tx,
        AutoPostsRow,
        `SELECT ooh_ack_enabled, ooh_ack_templates, wait_status FROM brand_auto_posts WHERE brand_id = $1`,
        [brandId],
      ),
    );
    if (!r) return defaultAutoPosts();

    return {
      outOfHoursAck: { enabled: r.ooh_ack_enabled, templates: r.ooh_ack_templates },
      waitStatus: { ...DEFAULT_WAIT_STATUS, ...(r.wait_status ?? {}) },
    };
  }

  async set(p: { brandId: string; actorId: string; settings: AutoPostSettings }): Promise<AutoPostSettings> {
    const { outOfHoursAck, waitStatus } = p.settings;
    await withBrand(this.ds, p.brandId, async (tx) => {
      await execute(
        tx,
        `INSERT INTO brand_auto_posts (brand_id, ooh_ack_enabled, ooh_ack_templates, wait_status, updated_by) VALUES ($1,$2,$3,$4,$5)
         ON CONFLICT (brand_id) DO UPDATE SET ooh_ack_enabled = EXCLUDED.ooh_ack_enabled, ooh_ack_templates = EXCLUDED.ooh_ack_templates,
           wait_status = EXCLUDED.wait_status, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [
          p.brandId,
          outOfHoursAck.enabled,
          JSON.stringify(outOfHoursAck.templates),
          JSON.stringify(waitStatus),
          p.actorId,
        ],
      );
      await execute(
        tx,
        `INSERT INTO audit_log (brand_id, actor_id, action, details) VALUES ($1,$2,'auto_posts.set',$3)`,
        [
          p.brandId,
          p.actorId,
          {
            outOfHoursAck: outOfHoursAck.enabled,
            languages: Object.keys(outOfHoursAck.templates),
            waitStatus: waitStatus.enabled,
          },
        ],
      );
    });

    return p.settings;
  }

  /**
   * Records once why an automatic post was not made (audit_log, `auto_post.skipped`): a redelivered
   * event finds the row and adds none.
   */
  async recordSkip(p: {
    brandId: string;
    conversationId: string | null;
    key: string;
    reason: string;
    details?: Record<string, unknown>;
  }): Promise<void> {
    await withBrand(this.ds, p.brandId, (tx) =>
      execute(
        tx,
        `INSERT INTO audit_log (brand_id, actor_id, action, conversation_id, details)
       SELECT $1, NULL, 'auto_post.skipped', $2, $3::jsonb
       WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE brand_id = $1 AND action = 'auto_post.skipped'
         AND conversation_id IS NOT DISTINCT FROM $2 AND details->>'key' = $4)`,
        [p.brandId, p.conversationId, JSON.stringify({ key: p.key, reason: p.reason, ...p.details }), p.key],
      ),
    );
  }
}

import { Type, type Static } from '@sinclair/typebox';
import { Uuid, XId } from '../common';
import { rpc, type RpcDef } from './methods';

/** Ids per page: 20k X ids stay well under NATS's 1 MB payload. */
export const HELD_IDS_PAGE_MAX = 20_000;

export const HeldIdsPage = Type.Object({
  ids: Type.Array(XId),
  /** Pass as `after` for the next page; null at the end. */
  next: Type.Union([XId, Type.Null()]),
});
export type HeldIdsPage = Static<typeof HeldIdsPage>;

export const ComplianceRpc = {
  /**
   * The X ids conversations holds content for (customers' tweets and DM ids for `tweets`, customers'
   * X user ids for `users`), not yet redacted, in X id order after `after`: what ingest's batch
   * compliance jobs upload.
   */
  HeldIds: rpc(
    'conversations.compliance.held_ids',
    Type.Object({
      brandId: Uuid,
      kind: Type.Union([Type.Literal('tweets'), Type.Literal('users')]),
      after: Type.Union([XId, Type.Null()]),
      limit: Type.Integer({ minimum: 1, maximum: HELD_IDS_PAGE_MAX }),
    }),
    HeldIdsPage,
  ),
} satisfies Record<string, RpcDef>;

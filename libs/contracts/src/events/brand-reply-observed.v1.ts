import { Type, type Static } from '@sinclair/typebox';
import { codec } from '../codec';
import { IsoDate, Uuid, XId } from '../common';

/**
 * brand_reply.observed, schema 1 (ingest): one of the brand's own accounts posted a public reply to
 * someone else, seen on X. It may have been posted by Roost (conversations recognises its own posts
 * by the tweet ids in its outbound ledger) or outside Roost (the X app, another tool); either way it
 * belongs to the conversation whose tweet it answers. Additive changes only (STYLE.md practice 3).
 */
export const BrandReplyObservedV1 = Type.Object({
  schema: Type.Literal(1),
  brandId: Uuid,
  source: Type.Union([
    Type.Literal('stream'),
    Type.Literal('mentions'),
    Type.Literal('search'),
    Type.Literal('replay'),
  ]),
  tweet: Type.Object({
    id: XId,
    text: Type.String({ maxLength: 25000 }),
    createdAt: IsoDate,
    conversationId: Type.Optional(XId),
    inReplyToTweetId: XId,
    inReplyToUserId: Type.Optional(XId),
  }),
  /** The brand account that posted it. */
  account: Type.Object({
    id: Uuid,
    handle: Type.String({ minLength: 1, maxLength: 50 }),
    xUserId: XId,
  }),
  observedAt: IsoDate,
});
export type BrandReplyObservedV1 = Static<typeof BrandReplyObservedV1>;
export const brandReplyObservedV1 = codec('brand_reply.observed.v1', BrandReplyObservedV1);

import { Type, type Static } from '@sinclair/typebox';
import { codec } from '../codec';
import { Channel, Intent, IsoDate, MediaItem, PiiType, Sentiment, Uuid, XId } from '../common';

/**
 * mention.received, schema 1: a tweet or DM addressed to or about a brand, found by ingest,
 * de-duplicated and classified. Additive changes only; a breaking change becomes V2, published
 * beside V1 until every consumer has moved (STYLE.md practice 3).
 */
export const MentionReceivedV1 = Type.Object({
  schema: Type.Literal(1),
  brandId: Uuid,
  source: Type.Union([
    Type.Literal('stream'),
    Type.Literal('mentions'),
    Type.Literal('search'),
    Type.Literal('dm'),
    Type.Literal('replay'),
    /**
     * An agent turned a tweet no listening rule caught into a case (`IngestRpc.CaseFromTweet`).
     * Added in issue 13: consumers (routing, conversations, metrics) must run a release that knows
     * it before ingest publishes it (consumers first; an older consumer dead-letters it as poison).
     */
    Type.Literal('manual'),
  ]),
  channel: Channel,
  tweet: Type.Object({
    id: XId,
    text: Type.String({ maxLength: 25000 }),
    createdAt: IsoDate,
    conversationId: Type.Optional(XId),
    inReplyToTweetId: Type.Optional(XId),
    inReplyToUserId: Type.Optional(XId),
    quotedTweetId: Type.Optional(XId),
    lang: Type.Optional(Type.String({ maxLength: 8 })),
    /** DM conversation id when channel is dm. */
    dmConversationId: Type.Optional(Type.String({ maxLength: 64 })),
    /** Photos, GIFs and videos the customer attached (X allows 4 photos or 1 GIF/video; 1 on a DM). Optional: older producers send none. */
    media: Type.Optional(Type.Array(MediaItem, { maxItems: 4 })),
  }),
  author: Type.Object({
    id: XId,
    handle: Type.String({ minLength: 1, maxLength: 50 }),
    name: Type.String({ maxLength: 100 }),
    followersCount: Type.Integer({ minimum: 0 }),
    verified: Type.Boolean(),
  }),
  /** The brand account the mention addressed (or the one that found it). */
  account: Type.Object({
    id: Uuid,
    handle: Type.String({ minLength: 1, maxLength: 50 }),
    role: Type.Union([Type.Literal('care'), Type.Literal('engagement')]),
    xUserId: XId,
  }),
  /** Whether X lets the API answer in public (2026 reply policy): else DM, open-in-X or quote. */
  replyPath: Type.Union([
    Type.Literal('public'),
    Type.Literal('dm'),
    Type.Literal('manual'),
    Type.Literal('quote'),
  ]),
  /**
   * The agent (or API key) who turned this tweet into a case by hand (`source: manual`): conversations
   * records it in the audit log. Optional, added in issue 13.
   */
  requestedBy: Type.Optional(Uuid),
  matchedRules: Type.Array(
    Type.Object({ id: Type.String({ maxLength: 64 }), tag: Type.String({ maxLength: 128 }) }),
    {
      maxItems: 100,
    },
  ),
  classification: Type.Object({
    language: Type.String({ maxLength: 8 }),
    sentiment: Sentiment,
    intent: Intent,
    pii: Type.Array(Type.Object({ type: PiiType, start: Type.Integer(), end: Type.Integer() }), {
      maxItems: 100,
    }),
    priority: Type.Integer({ minimum: 0, maximum: 100 }),
  }),
  receivedAt: IsoDate,
});
export type MentionReceivedV1 = Static<typeof MentionReceivedV1>;
export const mentionReceivedV1 = codec('mention.received.v1', MentionReceivedV1);

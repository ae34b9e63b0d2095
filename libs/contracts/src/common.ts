import { Type, type Static } from '@sinclair/typebox';

export const Uuid = Type.String({
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
});
/** X ids are 64-bit numbers: always strings on the wire. */
export const XId = Type.String({ pattern: '^[0-9]{1,20}$' });
export const IsoDate = Type.String({ minLength: 20, maxLength: 40 });

/** The longest note a transfer may carry for the next agent (characters); longer is TRANSFER_NOTE_TOO_LONG. */
export const TRANSFER_NOTE_MAX_LENGTH = 1000;

export const Channel = Type.Union([Type.Literal('public'), Type.Literal('dm')]);
export type Channel = Static<typeof Channel>;

/**
 * A photo, GIF or video attached to a tweet or DM, normalised from X's `includes.media`
 * (`media.fields=type,url,preview_image_url,width,height,alt_text,duration_ms,variants`). `url` is the
 * photo itself, or for a GIF or video its best MP4 variant; `previewUrl` its still image.
 */
export const MediaItem = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 64 }),
  type: Type.Union([Type.Literal('photo'), Type.Literal('animated_gif'), Type.Literal('video')]),
  url: Type.Optional(Type.String({ maxLength: 2048 })),
  previewUrl: Type.Optional(Type.String({ maxLength: 2048 })),
  width: Type.Optional(Type.Integer({ minimum: 0 })),
  height: Type.Optional(Type.Integer({ minimum: 0 })),
  altText: Type.Optional(Type.String({ maxLength: 1000 })),
  durationMs: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type MediaItem = Static<typeof MediaItem>;

export const Sentiment = Type.Object({
  label: Type.Union([Type.Literal('negative'), Type.Literal('neutral'), Type.Literal('positive')]),
  score: Type.Number({ minimum: -1, maximum: 1 }),
});

export const Intent = Type.Union([
  Type.Literal('question'),
  Type.Literal('complaint'),
  Type.Literal('praise'),
  Type.Literal('purchase_intent'),
  Type.Literal('spam'),
  Type.Literal('other'),
]);
export type Intent = Static<typeof Intent>;

export const PiiType = Type.Union([
  Type.Literal('email'),
  Type.Literal('phone'),
  Type.Literal('card'),
  Type.Literal('address'),
  Type.Literal('order_number'),
  Type.Literal('account_number'),
]);

export const ConversationStatus = Type.Union([
  Type.Literal('waiting'),
  Type.Literal('assigned'),
  Type.Literal('snoozed'),
  Type.Literal('resolved'),
]);
export type ConversationStatus = Static<typeof ConversationStatus>;

export const AgentRole = Type.Union([
  Type.Literal('agent'),
  Type.Literal('supervisor'),
  Type.Literal('admin'),
]);
export type AgentRole = Static<typeof AgentRole>;

/** Every repository method and every request takes the brand first (STYLE.md practice 9). */
export type BrandId = string & { readonly __brand: 'BrandId' };
export interface BrandScope {
  readonly brandId: string;
}

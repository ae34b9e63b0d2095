import { Type, type Static } from '@sinclair/typebox';
import { AgentRole, Uuid, XId } from '../common';
import { rpc, type RpcDef } from './methods';

export const ListeningRuleKind = Type.Union([
  Type.Literal('handle'),
  Type.Literal('hashtag'),
  Type.Literal('keyword'),
  Type.Literal('phrase'),
  Type.Literal('misspelling'),
  Type.Literal('purchase_intent'),
  /** `from:<handle>` (author), `is:retweet` (retweets), or a keyword/phrase. */
  Type.Literal('exclusion'),
]);
export type ListeningRuleKind = Static<typeof ListeningRuleKind>;

export const ListeningRuleView = Type.Object({
  id: Uuid,
  brandId: Uuid,
  kind: ListeningRuleKind,
  value: Type.String(),
  language: Type.Union([Type.String(), Type.Null()]),
});
export type ListeningRuleView = Static<typeof ListeningRuleView>;

export const ApiTier = Type.Union([
  Type.Literal('free'),
  Type.Literal('basic'),
  Type.Literal('pro'),
  Type.Literal('pay_per_use'),
  Type.Literal('enterprise'),
]);

export const BrandAccountView = Type.Object({
  id: Uuid,
  brandId: Uuid,
  handle: Type.String(),
  xUserId: Type.Union([XId, Type.Null()]),
  role: Type.Union([Type.Literal('care'), Type.Literal('engagement')]),
  apiTier: ApiTier,
  pollMentions: Type.Boolean(),
  pollDms: Type.Boolean(),
});
export type BrandAccountView = Static<typeof BrandAccountView>;

/** Every listening request names the brand and the acting agent's role: supervisors and admins only. */
const Acting = { brandId: Uuid, actorRole: AgentRole };

export const ListeningView = Type.Object({
  rules: Type.Array(ListeningRuleView),
  accounts: Type.Array(BrandAccountView),
});

/**
 * Request/reply methods the ingest service answers, added by the ingest service's owners. Build each with
 * `rpc(method, requestSchema, responseSchema)` from ./methods; method names `ingest.<noun>.<verb>`.
 * Every change re-syncs the X stream rules by diff before it answers.
 */
export const IngestRpc = {
  GetListening: rpc('ingest.listening.get', Type.Object(Acting), ListeningView),
  AddRule: rpc(
    'ingest.rules.add',
    Type.Object({
      ...Acting,
      kind: ListeningRuleKind,
      value: Type.String({ minLength: 1, maxLength: 200 }),
      /** ISO 639-1 for purchase-intent phrases (`es`); null or absent = any language. */
      language: Type.Optional(Type.Union([Type.String({ pattern: '^[a-z]{2,3}$' }), Type.Null()])),
    }),
    ListeningRuleView,
  ),
  RemoveRule: rpc(
    'ingest.rules.remove',
    Type.Object({ ...Acting, id: Uuid }),
    Type.Object({ removed: Type.Boolean() }),
  ),
  AddAccount: rpc(
    'ingest.accounts.add',
    Type.Object({
      ...Acting,
      handle: Type.String({ pattern: '^@?[A-Za-z0-9_]{1,15}$' }),
      role: Type.Union([Type.Literal('care'), Type.Literal('engagement')]),
      apiTier: Type.Optional(ApiTier),
      pollMentions: Type.Optional(Type.Boolean()),
      pollDms: Type.Optional(Type.Boolean()),
      brandName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    }),
    BrandAccountView,
  ),
  RemoveAccount: rpc(
    'ingest.accounts.remove',
    Type.Object({ ...Acting, id: Uuid }),
    Type.Object({ removed: Type.Boolean() }),
  ),
  /**
   * Turn a tweet no listening rule caught into a case: `urlOrId` is `https://x.com/<user>/status/<id>`
   * (twitter.com, mobile. and www. too) or a bare id. Ingest reads it and the customer's earlier
   * tweets of its thread from X and publishes them as mentions (`source: manual`, msg id
   * `<brand>:<tweet>`, so a tweet already ingested is the same case). Agents and above, judged on
   * routing's current role. Errors: BAD_USER_INPUT (`MALFORMED_TWEET_REF`, `OWN_TWEET`), NOT_FOUND
   * (unknown, deleted or protected tweet), UPSTREAM_UNAVAILABLE (X down).
   */
  CaseFromTweet: rpc(
    'ingest.cases.from_tweet',
    Type.Object({ brandId: Uuid, actorId: Uuid, urlOrId: Type.String({ maxLength: 500 }) }),
    Type.Object({
      tweetId: XId,
      /** The customer's tweets published, oldest first (the thread's earlier ones, then the tweet). */
      threadTweetIds: Type.Array(XId),
    }),
  ),
} satisfies Record<string, RpcDef>;

import { Nullable, rowType } from '@roost/database';
import { Type, type Static } from '@sinclair/typebox';

/** A brand's X account and listening rule, as the service sees them. */
export interface BrandAccount {
  brandId: string;
  id: string;
  handle: string;
  xUserId: string | null;
  role: 'care' | 'engagement';
  apiTier: 'free' | 'basic' | 'pro' | 'pay_per_use' | 'enterprise';
  pollMentions: boolean;
  pollDms: boolean;
}

export interface ListeningRule {
  brandId: string;
  id: string;
  kind: 'handle' | 'hashtag' | 'keyword' | 'phrase' | 'misspelling' | 'purchase_intent' | 'exclusion';
  value: string;
  language: string | null;
}

const RULE_KINDS = [
  'handle',
  'hashtag',
  'keyword',
  'phrase',
  'misspelling',
  'purchase_intent',
  'exclusion',
] as const satisfies ReadonlyArray<ListeningRule['kind']>;
const ROLES = ['care', 'engagement'] as const satisfies ReadonlyArray<BrandAccount['role']>;
const API_TIERS = ['free', 'basic', 'pro', 'pay_per_use', 'enterprise'] as const satisfies ReadonlyArray<
  BrandAccount['apiTier']
>;
const oneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** Row types of the listening_rules and accounts tables (their CHECK constraints as literals), and their mapping (one place). */
export const RuleRow = rowType('ingest.listening_rules.read', {
  brand_id: Type.String(),
  id: Type.String(),
  kind: oneOf(RULE_KINDS),
  value: Type.String(),
  language: Nullable(Type.String()),
});
export type RuleRow = Static<typeof RuleRow.schema>;
/** `SELECT *` / `RETURNING *` of accounts: every column, `created_at` included (extra columns are refused). */
export const AccountRow = rowType('ingest.accounts.read', {
  brand_id: Type.String(),
  id: Type.String(),
  handle: Type.String(),
  x_user_id: Nullable(Type.String()),
  role: oneOf(ROLES),
  api_tier: oneOf(API_TIERS),
  poll_mentions: Type.Boolean(),
  poll_dms: Type.Boolean(),
  created_at: Type.Date(),
});
export type AccountRow = Static<typeof AccountRow.schema>;

export const toRule = (r: RuleRow): ListeningRule => ({
  brandId: r.brand_id,
  id: r.id,
  kind: r.kind,
  value: r.value,
  language: r.language,
});
export const toAccount = (r: AccountRow): BrandAccount => ({
  brandId: r.brand_id,
  id: r.id,
  handle: r.handle,
  xUserId: r.x_user_id,
  role: r.role,
  apiTier: r.api_tier,
  pollMentions: r.poll_mentions,
  pollDms: r.poll_dms,
});

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

/** Row shapes of the accounts and listening_rules tables, and their mapping (one place). */
export type RuleRow = {
  brand_id: string;
  id: string;
  kind: ListeningRule['kind'];
  value: string;
  language: string | null;
};
export type AccountRow = {
  brand_id: string;
  id: string;
  handle: string;
  x_user_id: string | null;
  role: BrandAccount['role'];
  api_tier: BrandAccount['apiTier'];
  poll_mentions: boolean;
  poll_dms: boolean;
};

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

import type { BrandListening } from '../accounts/brand-directory';

export interface StreamRule {
  value: string;
  tag: string;
}

/** X's limits for filtered-stream rules (Pro tier: 1,000 rules of 1,024 chars; we stay under the smallest, 512). */
export const MAX_RULE_LENGTH = 512;

function term(kind: string, value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  switch (kind) {
    case 'handle':
      return `@${v.replace(/^@/, '')}`;
    case 'hashtag':
      return `#${v.replace(/^#/, '')}`;
    case 'keyword':
    case 'misspelling':
      return /\s/.test(v) ? `"${v.replace(/"/g, '')}"` : v;
    case 'phrase':
    case 'purchase_intent':
      return `"${v.replace(/"/g, '')}"`;
    default:
      return null;
  }
}

/**
 * Compiles a brand's listening into filtered-stream rules tagged `brand:<id>:<n>`: its handles,
 * hashtags, names (plus generated misspellings), misspellings and intent phrases OR-ed, its own
 * accounts and exclusions negated, split to stay within X's rule length. A last rule follows the
 * brand's own replies (`from:<handle> is:reply`), so replies posted outside Roost (the X app) are
 * seen and threaded (TweetIntake turns them into brand_reply.observed, never into mentions). The
 * same strings serve as recent-search queries (X's search query limit is the same 512 characters).
 */
export function compileStreamRules(brand: BrandListening): StreamRule[] {
  const positives = new Set<string>();
  for (const a of brand.accounts) positives.add(`@${a.handle}`);
  // Retweets only when the brand asks (an `is:retweet` exclusion, negated like any other).
  const negatives = new Set<string>();
  for (const a of brand.accounts) negatives.add(`-from:${a.handle}`);
  for (const r of brand.rules) {
    if (r.kind === 'exclusion') {
      const t = term('keyword', r.value);
      if (t) negatives.add(`-${t}`);
      continue;
    }
    const t = term(r.kind, r.value);
    if (t) positives.add(t);
  }
  for (const v of brand.matcher.variantTerms()) positives.add(v);
  const suffix = negatives.size > 0 ? ` ${[...negatives].join(' ')}` : '';
  const rules: StreamRule[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length === 0) return;
    rules.push({
      value: `(${current.join(' OR ')})${suffix}`,
      tag: `brand:${brand.brandId}:${rules.length}`,
    });
    current = [];
  };
  for (const p of positives) {
    const candidate = `(${[...current, p].join(' OR ')})${suffix}`;
    if (candidate.length > MAX_RULE_LENGTH) flush();
    current.push(p);
  }
  flush();
  const own = brand.accounts.map((a) => `from:${a.handle}`);
  if (own.length > 0) {
    rules.push({ value: `(${own.join(' OR ')}) is:reply`, tag: `brand:${brand.brandId}:${rules.length}` });
  }

  return rules;
}

/** Rules to delete and to add: a diff, never wipe-and-re-add (a gap would lose tweets). */
export function diffRules(
  existing: ReadonlyArray<{ id: string; value: string; tag?: string }>,
  desired: readonly StreamRule[],
  ownsTag: (tag: string) => boolean,
): { deleteIds: string[]; add: StreamRule[] } {
  const key = (r: { value: string; tag?: string }) => `${r.tag ?? ''}\u0000${r.value}`;
  const want = new Set(desired.map(key));
  const have = new Set(existing.map(key));

  return {
    deleteIds: existing.filter((r) => ownsTag(r.tag ?? '') && !want.has(key(r))).map((r) => r.id),
    add: desired.filter((r) => !have.has(key(r))),
  };
}

export function brandOfTag(tag: string | undefined): string | null {
  const m = /^brand:([0-9a-f-]{36})(?::\d+)?$/.exec(tag ?? '');

  return m?.[1] ?? null;
}

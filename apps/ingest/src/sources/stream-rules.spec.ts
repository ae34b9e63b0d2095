import type { BrandListening } from '../accounts/brand-directory';
import type { BrandAccount, ListeningRule } from '../data/listening-rows';
import { RuleMatcher } from '../listening/rule-matcher';
import { brandOfTag, compileStreamRules, diffRules, MAX_RULE_LENGTH } from './stream-rules';

const BRAND = '0a9f2c1e-7b1d-4c55-9d3e-acbe00000001';

function brand(rules: Array<Pick<ListeningRule, 'kind' | 'value'>>): BrandListening {
  const accounts: BrandAccount[] = [
    {
      brandId: BRAND,
      id: 'a1',
      handle: 'acmecares',
      xUserId: '2',
      role: 'care',
      apiTier: 'pro',
      pollMentions: true,
      pollDms: true,
    },
  ];
  const full = rules.map((r, i) => ({ ...r, brandId: BRAND, id: `r${i}`, language: null }));

  return {
    brandId: BRAND,
    accounts,
    rules: full,
    ownHandles: new Set(['acmecares']),
    ownUserIds: new Set(['2']),
    matcher: new RuleMatcher({ accounts, rules: full, maxVariantsPerName: 3 }),
  };
}

describe('compileStreamRules', () => {
  it('ORs handles, terms and generated variants; negates own accounts and exclusions', () => {
    const [rule, own, ...rest] = compileStreamRules(
      brand([
        { kind: 'keyword', value: 'acme' },
        { kind: 'phrase', value: 'rocket skates' },
        { kind: 'exclusion', value: 'from:spammer' },
      ]),
    );
    expect(rest).toEqual([]);
    expect(rule?.tag).toBe(`brand:${BRAND}:0`);
    expect(rule?.value).toBe(
      '(@acmecares OR acme OR "rocket skates" OR akme OR acmee OR accme) -from:acmecares -from:spammer',
    );
    expect(brandOfTag(rule?.tag)).toBe(BRAND);
    // The brand's own replies, for threading replies posted outside Roost (never turned into mentions).
    expect(own).toEqual({ value: '(from:acmecares) is:reply', tag: `brand:${BRAND}:1` });
    expect(brandOfTag(own?.tag)).toBe(BRAND);
  });

  it('excludes retweets only when asked', () => {
    expect(compileStreamRules(brand([{ kind: 'keyword', value: 'acme' }]))[0]?.value).not.toContain(
      'is:retweet',
    );
    expect(compileStreamRules(brand([{ kind: 'exclusion', value: 'is:retweet' }]))[0]?.value).toContain(
      '-is:retweet',
    );
  });

  it('splits within X’s rule length', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({
      kind: 'phrase' as const,
      value: `product line number ${i}`,
    }));
    const rules = compileStreamRules(brand(many));
    expect(rules.length).toBeGreaterThan(1);
    for (const r of rules) expect(r.value.length).toBeLessThanOrEqual(MAX_RULE_LENGTH);
    expect(new Set(rules.map((r) => r.tag)).size).toBe(rules.length);
  });
});

describe('diffRules', () => {
  it('deletes only what changed among our own rules and adds only what is new', () => {
    const existing = [
      { id: '1', value: 'a', tag: `brand:${BRAND}:0` },
      { id: '2', value: 'b', tag: `brand:${BRAND}:1` },
      { id: '3', value: 'someone else', tag: 'other-app' },
    ];
    const desired = [
      { value: 'a', tag: `brand:${BRAND}:0` },
      { value: 'c', tag: `brand:${BRAND}:1` },
    ];
    expect(diffRules(existing, desired, (t) => brandOfTag(t) !== null)).toEqual({
      deleteIds: ['2'],
      add: [desired[1]],
    });
  });
});

import type { BrandAccount, ListeningRule } from '../data/listening-rows';
import { boundedEditDistance } from './fuzzy-distance';
import { misspellingVariants } from './misspelling-variants';
import { RuleMatcher, type MatchInput } from './rule-matcher';

const BRAND = '0a9f2c1e-7b1d-4c55-9d3e-acbe00000001';
const account = (handle: string, id: string): BrandAccount => ({
  brandId: BRAND,
  id,
  handle,
  xUserId: '1',
  role: 'care',
  apiTier: 'pro',
  pollMentions: true,
  pollDms: true,
});
let n = 0;
const rule = (kind: ListeningRule['kind'], value: string, language: string | null = null): ListeningRule => ({
  brandId: BRAND,
  id: `r${++n}`,
  kind,
  value,
  language,
});

const matcher = (rules: ListeningRule[], accounts: BrandAccount[] = [account('acmecares', 'a1')]) =>
  new RuleMatcher({ accounts, rules, maxVariantsPerName: 8 });
const tweet = (text: string, extra: Partial<MatchInput> = {}): MatchInput => ({
  text,
  mentions: [],
  authorHandle: 'someone',
  isRetweet: false,
  ...extra,
});
const tags = (m: RuleMatcher, t: MatchInput) =>
  m
    .match(t)
    .rules.map((r) => r.tag)
    .sort();

describe('RuleMatcher', () => {
  const rules = [
    rule('keyword', 'Roadrunner'),
    rule('keyword', 'acme'),
    rule('hashtag', '#AcmeCares'),
    rule('phrase', 'rocket skates'),
    rule('misspelling', 'akme'),
    rule('purchase_intent', 'where can I buy', 'en'),
    rule('purchase_intent', 'dónde comprar', 'es'),
    rule('keyword', 'アクメ'),
  ];
  const m = matcher(rules);

  it('records every rule a tweet matches: handle, hashtag, keyword, phrase', () => {
    expect(
      tags(m, tweet('@AcmeCares my Acme rocket skates broke #acmecares', { mentions: ['acmecares'] })),
    ).toEqual(['handle:@acmecares', 'hashtag:#AcmeCares', 'keyword:acme', 'phrase:rocket skates']);
  });

  it('matches words on boundaries, not inside other words', () => {
    expect(tags(m, tweet('the acmeish rocketskates'))).toEqual([]);
  });

  it('matches purchase-intent phrases in their language, accents folded, any language when X gave none', () => {
    expect(tags(m, tweet('¿Dónde comprar una acme?', { lang: 'es' }))).toEqual([
      'keyword:acme',
      'purchase_intent:dónde comprar',
    ]);
    expect(tags(m, tweet('donde comprar', { lang: 'en' }))).toEqual([]);
    expect(tags(m, tweet('Where can I buy one?'))).toEqual(['purchase_intent:where can I buy']);
  });

  it('matches unspaced scripts by substring', () => {
    expect(tags(m, tweet('アクメのスケートが壊れた'))).toEqual(['keyword:アクメ']);
  });

  it('catches misspellings: listed ones, generated variants, and fuzzy tokens of long names', () => {
    expect(tags(m, tweet('my akme order'))).toEqual(['misspelling:akme']);
    expect(tags(m, tweet('acmee never again'))).toEqual(['variant:acmee']);
    expect(tags(m, tweet('the Roadruner skates'))).toContain('fuzzy:roadrunner');
    expect(tags(m, tweet('roaddrunner'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(variant|fuzzy):/)]),
    );
  });

  it('keeps fuzzy matching off short names and off far tokens', () => {
    expect(tags(m, tweet('my acne is back'))).toEqual([]);
    expect(tags(m, tweet('roadrash game'))).toEqual([]);
  });

  it('applies exclusions: authors, keywords, retweets when asked', () => {
    const ex = matcher([
      ...rules,
      rule('exclusion', 'from:spammer'),
      rule('exclusion', 'giveaway'),
      rule('exclusion', 'is:retweet'),
    ]);
    expect(ex.match(tweet('acme rocks', { authorHandle: 'Spammer' })).excluded).toBe(true);
    expect(ex.match(tweet('acme giveaway now')).excluded).toBe(true);
    expect(ex.match(tweet('acme', { isRetweet: true })).excluded).toBe(true);
    expect(ex.match(tweet('acme rocks')).excluded).toBe(false);
    expect(m.match(tweet('acme', { isRetweet: true })).excluded).toBe(false);
  });

  it('keeps tags and ids within the contract (128 / 64 chars)', () => {
    const long = matcher([rule('phrase', 'x '.repeat(150))]);
    const r = long.match(tweet('x '.repeat(151))).rules;
    expect(r).toHaveLength(1);
    expect(r[0]?.tag.length).toBeLessThanOrEqual(128);
  });
});

describe('misspellingVariants', () => {
  it('is deterministic, bounded and excludes the name itself', () => {
    const v = misspellingVariants('Acme', 8);
    expect(v).toEqual(misspellingVariants('acme', 8));
    expect(v.length).toBeLessThanOrEqual(8);
    expect(v).not.toContain('acme');
    expect(v).toEqual(expect.arrayContaining(['akme', 'acmee']));
  });

  it('generates nothing for short or non-letter names', () => {
    expect(misspellingVariants('hp', 8)).toEqual([]);
    expect(misspellingVariants('3m co', 8)).toEqual([]);
  });
});

describe('boundedEditDistance', () => {
  it.each([
    ['roadrunner', 'roadrunner', 0],
    ['roadrunner', 'roadruner', 1],
    ['roadrunner', 'raodrunner', 1],
    ['roadrunner', 'roadrunnerr', 1],
    ['roadrunner', 'rodarunenr', 2],
  ])('%s vs %s = %d', (a, b, d) => {
    expect(boundedEditDistance(a, b, 2)).toBe(d);
  });

  it('gives up past the bound', () => {
    expect(boundedEditDistance('roadrunner', 'wile', 2)).toBe(3);
    expect(boundedEditDistance('abcdefgh', 'hgfedcba', 1)).toBe(2);
  });
});

import type { BrandAccount, ListeningRule } from '../data/listening-rows';
import { allowedEdits, boundedEditDistance } from './fuzzy-distance';
import { misspellingVariants } from './misspelling-variants';
import { fold, isUnspaced, ruleWords, tokenize, type TweetTokens } from './text-fold';

export interface MatchedRule {
  /** The listening rule's id (or `account:<id>` for a watched handle); at most 64 chars. */
  id: string;
  /** `<kind>:<value>` (or `variant:`, `fuzzy:`), at most 128 chars. */
  tag: string;
}

export interface MatchInput {
  text: string;
  mentions: readonly string[];
  authorHandle: string;
  isRetweet: boolean;
  lang?: string;
}

export interface MatchResult {
  /** An exclusion rule (author, keyword, retweets) applies: not a mention for this brand. */
  excluded: boolean;
  rules: MatchedRule[];
}

interface Term {
  id: string;
  tag: string;
  /** Single folded word, or a phrase (several words), or an unspaced-script string. */
  words: string[];
  mode: 'word' | 'phrase' | 'substring';
  language: string | null;
}

const tagOf = (kind: string, value: string) => `${kind}:${value}`.slice(0, 128);

function term(opts: { id: string; tag: string; value: string; language?: string | null }): Term | null {
  const words = ruleWords(opts.value);
  if (words.length === 0) return null;
  const mode = isUnspaced(opts.value) ? 'substring' : words.length === 1 ? 'word' : 'phrase';

  return {
    id: opts.id,
    tag: opts.tag,
    words: mode === 'substring' ? [fold(opts.value).trim()] : words,
    mode,
    language: opts.language ?? null,
  };
}

function hits(t: Term, tokens: TweetTokens): boolean {
  switch (t.mode) {
    case 'word':
      return tokens.wordSet.has(t.words[0] ?? '');
    case 'phrase':
      return tokens.padded.includes(` ${t.words.join(' ')} `);
    case 'substring':
      return tokens.folded.includes(t.words[0] ?? '\u0000');
  }
}

/**
 * A brand's listening rules compiled for local matching, so every mention records which rules
 * found it (X's stream tags say only "one of this brand's rules"). Same vocabulary as the X rules
 * (stream-rules.ts), plus fuzzy matching of brand names that X cannot do.
 */
export class RuleMatcher {
  private readonly handles = new Map<string, MatchedRule>();
  private readonly hashtags = new Map<string, MatchedRule>();
  private readonly terms: Term[] = [];
  private readonly fuzzy: Array<{ word: string; edits: number; rule: MatchedRule }> = [];
  private readonly excludedAuthors = new Set<string>();
  private readonly excludedTerms: Term[] = [];
  private excludeRetweets = false;

  constructor(opts: {
    accounts: readonly BrandAccount[];
    rules: readonly ListeningRule[];
    maxVariantsPerName: number;
  }) {
    for (const a of opts.accounts) {
      this.handles.set(a.handle.toLowerCase(), {
        id: `account:${a.id}`,
        tag: tagOf('handle', `@${a.handle}`),
      });
    }
    const names: Array<{ id: string; word: string }> = [];
    for (const r of opts.rules) {
      const t = this.add(r);
      if (t && r.kind === 'keyword' && t.mode === 'word') names.push({ id: r.id, word: t.words[0] ?? '' });
    }
    // After every rule is in: a generated variant that is already a rule stays that rule.
    const explicit = new Set(this.terms.filter((t) => t.mode === 'word').map((t) => t.words[0]));
    for (const n of names) {
      this.addNameVariants({ ...n, maxVariants: opts.maxVariantsPerName, skip: explicit });
    }
  }

  private add(r: ListeningRule): Term | null {
    const value = r.value.trim();
    switch (r.kind) {
      case 'handle':
        this.handles.set(value.replace(/^@/, '').toLowerCase(), { id: r.id, tag: tagOf('handle', value) });

        return null;
      case 'hashtag':
        this.hashtags.set(fold(value.replace(/^#/, '')), { id: r.id, tag: tagOf('hashtag', value) });

        return null;
      case 'exclusion': {
        const v = value.toLowerCase();
        if (v === 'is:retweet') this.excludeRetweets = true;
        else if (v.startsWith('from:')) this.excludedAuthors.add(v.slice(5).replace(/^@/, ''));
        else {
          const t = term({ id: r.id, tag: tagOf('exclusion', value), value });
          if (t) this.excludedTerms.push(t);
        }

        return null;
      }
      case 'keyword':
      case 'phrase':
      case 'misspelling':
      case 'purchase_intent': {
        const t = term({
          id: r.id,
          tag: tagOf(r.kind, value),
          value,
          language: r.kind === 'purchase_intent' ? r.language : null,
        });
        if (t) this.terms.push(t);

        return t;
      }
    }
  }

  private addNameVariants(opts: {
    id: string;
    word: string;
    maxVariants: number;
    skip: ReadonlySet<string | undefined>;
  }): void {
    const { id, word } = opts;
    for (const v of misspellingVariants(word, opts.maxVariants)) {
      if (opts.skip.has(v)) continue;
      this.terms.push({ id, tag: tagOf('variant', v), words: [v], mode: 'word', language: null });
    }
    const edits = allowedEdits(word);
    if (edits > 0) this.fuzzy.push({ word, edits, rule: { id, tag: tagOf('fuzzy', word) } });
  }

  /** Generated variants of the brand's names, for the X rules (the same ones matched here). */
  variantTerms(): string[] {
    return this.terms.filter((t) => t.tag.startsWith('variant:')).map((t) => t.words[0] ?? '');
  }

  match(input: MatchInput): MatchResult {
    const tokens = tokenize(input.text, input.mentions);
    if (this.excludeRetweets && input.isRetweet) return { excluded: true, rules: [] };
    if (this.excludedAuthors.has(input.authorHandle.toLowerCase())) return { excluded: true, rules: [] };
    if (this.excludedTerms.some((t) => hits(t, tokens))) return { excluded: true, rules: [] };
    const found = new Map<string, MatchedRule>();
    const hit = (r: MatchedRule) => found.set(r.tag, r);
    for (const m of tokens.mentions) {
      const r = this.handles.get(m);
      if (r) hit(r);
    }
    for (const h of tokens.hashtags) {
      const r = this.hashtags.get(h);
      if (r) hit(r);
    }
    const lang = input.lang?.toLowerCase();
    for (const t of this.terms) {
      if (t.language && lang && lang !== 'und' && !lang.startsWith(t.language.toLowerCase())) continue;
      if (hits(t, tokens)) hit({ id: t.id, tag: t.tag });
    }
    if (this.fuzzy.length > 0) this.matchFuzzy(tokens, hit);

    return { excluded: false, rules: [...found.values()].slice(0, 100) };
  }

  private matchFuzzy(tokens: TweetTokens, hit: (r: MatchedRule) => void): void {
    for (const f of this.fuzzy) {
      for (const w of tokens.wordSet) {
        // Same first letter and a word-like length: keeps it cheap and keeps "acne" away from "acme".
        if (
          w === f.word ||
          w[0] !== f.word[0] ||
          Math.abs(w.length - f.word.length) > f.edits ||
          w.length < 5
        ) {
          continue;
        }
        if (boundedEditDistance(w, f.word, f.edits) <= f.edits) {
          hit(f.rule);
          break;
        }
      }
    }
  }
}

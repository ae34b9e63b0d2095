import { escapeRegExp, foldText } from '../text/text-normalize';

/**
 * Two ways to find sentiment words, chosen per language:
 * - token: languages written with spaces (en, es, pt, fr, de, hi): exact Map look-up per token,
 *   bigram/trigram phrases, negation scopes over the following (or, for Hindi, preceding) tokens.
 * - substring: ja and zh have no spaces, ko and ar glue particles and clitics onto words; one
 *   precompiled alternation (longest term first) finds the terms, small regexes look around them.
 */
export interface TokenLexicon {
  readonly kind: 'token';
  readonly words: ReadonlyMap<string, number>;
  /** Looked up when `words` has nothing (code-mixing: English words in Hinglish tweets and back). */
  readonly fallback: ReadonlyMap<string, number> | null;
  /** Keys are 2 or 3 folded tokens joined by one space. */
  readonly phrases: ReadonlyMap<string, number>;
  readonly negators: ReadonlySet<string>;
  /** Negators that follow what they negate ("bekaar nahi", "ठीक नहीं"). */
  readonly postNegators: ReadonlySet<string>;
  readonly intensifiers: ReadonlyMap<string, number>;
  readonly contrast: ReadonlySet<string>;
  /** French-style elision: a token starting "n'" negates ("n'est", "n'arrive"). */
  readonly elidedNegation: boolean;
}

export interface SubstringLexicon {
  readonly kind: 'substring';
  readonly words: ReadonlyMap<string, number>;
  /** Global regex of all terms, longest first; reset lastIndex before use. */
  readonly pattern: RegExp;
  /** Tested against the few characters before a hit (anchored with $). */
  readonly negBefore: RegExp | null;
  /** Tested against the few characters after a hit (anchored with ^). */
  readonly negAfter: RegExp | null;
  readonly intensBefore: RegExp | null;
  readonly intensAfter: RegExp | null;
  /** How many characters around a hit the look-around regexes see. */
  readonly window: number;
}

export type LanguageLexicon = TokenLexicon | SubstringLexicon;

function foldedMap(entries: Record<string, number>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [key, value] of Object.entries(entries)) map.set(foldText(key.toLowerCase()), value);
  return map;
}

function foldedSet(words: readonly string[]): Set<string> {
  return new Set(words.map((w) => foldText(w.toLowerCase())));
}

export interface TokenLexiconSpec {
  words: Record<string, number>;
  phrases?: Record<string, number>;
  negators: readonly string[];
  postNegators?: readonly string[];
  intensifiers: Record<string, number>;
  contrast: readonly string[];
  elidedNegation?: boolean;
}

export function buildTokenLexicon(
  spec: TokenLexiconSpec,
  fallback: ReadonlyMap<string, number> | null = null,
): TokenLexicon {
  return {
    kind: 'token',
    words: foldedMap(spec.words),
    fallback,
    phrases: foldedMap(spec.phrases ?? {}),
    negators: foldedSet(spec.negators),
    postNegators: foldedSet(spec.postNegators ?? []),
    intensifiers: foldedMap(spec.intensifiers),
    contrast: foldedSet(spec.contrast),
    elidedNegation: spec.elidedNegation ?? false,
  };
}

export interface SubstringLexiconSpec {
  words: Record<string, number>;
  negBefore?: RegExp;
  negAfter?: RegExp;
  intensBefore?: RegExp;
  intensAfter?: RegExp;
  window?: number;
}

export function buildSubstringLexicon(spec: SubstringLexiconSpec): SubstringLexicon {
  const words = foldedMap(spec.words);
  const terms = [...words.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return {
    kind: 'substring',
    words,
    pattern: new RegExp(terms.join('|'), 'g'),
    negBefore: spec.negBefore ?? null,
    negAfter: spec.negAfter ?? null,
    intensBefore: spec.intensBefore ?? null,
    intensAfter: spec.intensAfter ?? null,
    window: spec.window ?? 4,
  };
}

import {
  CONTRAST_AFTER_WEIGHT,
  CONTRAST_BEFORE_WEIGHT,
  EXCLAMATION_BOOST,
  INTENSIFIER_SUBSTRING_BOOST,
  MAX_EXCLAMATIONS,
  NEGATED_NEGATIVE_FACTOR,
  NEGATED_POSITIVE_FACTOR,
  NEGATION_SCOPE_TOKENS,
  POST_NEGATION_SCOPE_TOKENS,
  SENTIMENT_NEUTRAL_BAND,
  SENTIMENT_NORMALISATION_ALPHA,
} from '../classify.constants';
import { SentimentModel, SentimentResult } from '../classify.types';
import { CLAUSE_BREAK, normaliseText, tokenize } from '../text/text-normalize';
import { lexiconFor } from './lexicon-registry';
import { EMOJI_RE, EMOJI_VALENCE, EMOTICON_RE, EMOTICON_VALENCE } from './lexicons/emoji.lexicon';
import { SubstringLexicon, TokenLexicon } from './sentiment-lexicon';

const EXCLAMATION_RE = /[!！]/g;

function negate(value: number): number {
  return value > 0 ? value * NEGATED_POSITIVE_FACTOR : value * NEGATED_NEGATIVE_FACTOR;
}

export function toSentimentResult(raw: number): SentimentResult {
  const score = raw === 0 ? 0 : raw / Math.sqrt(raw * raw + SENTIMENT_NORMALISATION_ALPHA);
  const rounded = Math.round(score * 1000) / 1000;
  if (rounded >= SENTIMENT_NEUTRAL_BAND) return { label: 'positive', score: rounded };
  if (rounded <= -SENTIMENT_NEUTRAL_BAND) return { label: 'negative', score: rounded };
  return { label: 'neutral', score: rounded };
}

/**
 * The default sentiment model: per-language lexicons with negation, intensifiers, contrast ("but")
 * and emoji, VADER-style. Exact Map/Set look-ups only, no fuzzy matching, so it stays in the
 * 100k tweets/s range on one core.
 */
export class LexiconSentimentModel implements SentimentModel {
  score(text: string, lang: string): SentimentResult {
    const { lower, folded } = normaliseText(text);
    const lexicon = lexiconFor(lang);
    let raw = lexicon.kind === 'token' ? scoreTokens(lexicon, folded) : scoreSubstrings(lexicon, folded);
    raw += scoreEmoji(text, lower);
    if (raw !== 0) {
      const bangs = Math.min(MAX_EXCLAMATIONS, text.match(EXCLAMATION_RE)?.length ?? 0);
      raw += Math.sign(raw) * bangs * EXCLAMATION_BOOST;
    }
    return toSentimentResult(raw);
  }
}

function lookup(lex: TokenLexicon, token: string): number | undefined {
  const direct = lex.words.get(token) ?? lex.fallback?.get(token);
  if (direct !== undefined) return direct;
  const apostrophe = token.indexOf("'");
  if (apostrophe < 0) return undefined;
  // Elision and contractions: "l'appli" → "appli", "j'adore" → "adore", "it's" → "s" (harmless).
  const rest = token.slice(apostrophe + 1);
  return lex.words.get(rest) ?? lex.fallback?.get(rest);
}

function phraseAt(lex: TokenLexicon, tokens: string[], i: number): { value: number; length: number } | null {
  if (lex.phrases.size === 0 || i + 1 >= tokens.length) return null;
  const bigram = `${tokens[i]} ${tokens[i + 1]}`;
  if (i + 2 < tokens.length) {
    const tri = lex.phrases.get(`${bigram} ${tokens[i + 2]}`);
    if (tri !== undefined) return { value: tri, length: 3 };
  }
  const bi = lex.phrases.get(bigram);
  return bi === undefined ? null : { value: bi, length: 2 };
}

function isNegator(lex: TokenLexicon, token: string): boolean {
  return lex.negators.has(token) || (lex.elidedNegation && token.startsWith("n'"));
}

function postNegated(lex: TokenLexicon, tokens: string[], i: number): boolean {
  if (lex.postNegators.size === 0) return false;
  const last = Math.min(tokens.length - 1, i + POST_NEGATION_SCOPE_TOKENS);
  for (let j = i + 1; j <= last; j++) {
    if (CLAUSE_BREAK.has(tokens[j])) return false;
    if (lex.postNegators.has(tokens[j])) return true;
  }
  return false;
}

function scoreTokens(lex: TokenLexicon, folded: string): number {
  const tokens = tokenize(folded);
  let sum = 0;
  let weight = 1;
  let negatedUntil = -1;
  let boost = 1;
  let boostUntil = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (CLAUSE_BREAK.has(token)) {
      negatedUntil = -1;
      boostUntil = -1;
      continue;
    }
    let value: number | undefined;
    let selfNegating = false;
    const phrase = phraseAt(lex, tokens, i);
    if (phrase) {
      value = phrase.value;
      // "pas reçu", "no funciona" carry their own negation; "n'ai pas reçu" must not flip it back.
      selfNegating = isNegator(lex, token);
      i += phrase.length - 1;
    } else if (isNegator(lex, token)) {
      negatedUntil = i + NEGATION_SCOPE_TOKENS;
      continue;
    } else if (lex.contrast.has(token)) {
      sum *= CONTRAST_BEFORE_WEIGHT;
      weight = CONTRAST_AFTER_WEIGHT;
      continue;
    } else {
      const intensity = lex.intensifiers.get(token);
      // "super" is an intensifier before a rated word ("super rápido") and praise on its own.
      if (intensity !== undefined && i + 1 < tokens.length && lookup(lex, tokens[i + 1]) !== undefined) {
        boost = intensity;
        boostUntil = i + 1;
        continue;
      }
      if (intensity !== undefined && i + 2 < tokens.length && lookup(lex, tokens[i + 2]) !== undefined) {
        boost = intensity;
        boostUntil = i + 2;
        continue;
      }
      value = lookup(lex, token);
    }
    if (value === undefined || value === 0) continue;
    if (i <= boostUntil) value *= boost;
    if (!selfNegating && (i <= negatedUntil || postNegated(lex, tokens, i))) value = negate(value);
    sum += value * weight;
  }
  return sum;
}

function scoreSubstrings(lex: SubstringLexicon, folded: string): number {
  let sum = 0;
  const pattern = lex.pattern;
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(folded)) !== null) {
    let value = lex.words.get(match[0]);
    if (value === undefined || value === 0) continue;
    const start = match.index;
    const end = start + match[0].length;
    const before = folded.slice(Math.max(0, start - lex.window), start);
    const after = folded.slice(end, end + lex.window);
    if (lex.intensBefore?.test(before) || lex.intensAfter?.test(after)) value *= INTENSIFIER_SUBSTRING_BOOST;
    if (lex.negBefore?.test(before) || lex.negAfter?.test(after)) value = negate(value);
    sum += value;
  }
  return sum;
}

function scoreEmoji(text: string, lower: string): number {
  let sum = 0;
  EMOJI_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = EMOJI_RE.exec(text)) !== null) sum += EMOJI_VALENCE.get(match[0]) ?? 0;
  if (lower.includes(':') || lower.includes('<3')) {
    EMOTICON_RE.lastIndex = 0;
    while ((match = EMOTICON_RE.exec(lower)) !== null) sum += EMOTICON_VALENCE.get(match[1]) ?? 0;
  }
  return sum;
}

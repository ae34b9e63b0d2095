/**
 * Text normalisation shared by the language detector, the sentiment lexicons and the intent rules.
 * Everything here is precompiled at module load; per call we do a couple of regex passes only.
 */

/** URLs, emails and @handles carry no sentiment or language (a handle like @bestbuy would read
 *  as "best"; an email's Latin letters would outvote a short Arabic sentence). */
const STRIP_RE = /https?:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w+/g;
const LATIN_EXT_RE = /[\u00C0-\u024F\u2019]/g;
const HAS_LATIN_EXT_RE = /[\u00C0-\u024F\u2019]/;
/** Arabic diacritics (harakat), tatweel, and alef/yeh variants that writers use interchangeably. */
const ARABIC_MARKS_RE = /[\u064B-\u065F\u0670\u0640]/g;
const ARABIC_VARIANTS_RE = /[\u0622\u0623\u0625\u0649]/g;
const HAS_ARABIC_RE = /[\u0600-\u06FF]/;

const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  '\u2019': "'",
};

/** Accent folding table for Latin-1 Supplement + Latin Extended-A/B, built once. */
const LATIN_FOLD: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (let code = 0xc0; code <= 0x24f; code++) {
    const ch = String.fromCharCode(code).toLowerCase();
    const base = SPECIAL_FOLDS[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
    map.set(String.fromCharCode(code), base);
  }
  map.set('\u2019', "'");
  return map;
})();

function foldLatinChar(ch: string): string {
  return LATIN_FOLD.get(ch) ?? ch;
}

function foldArabicVariant(ch: string): string {
  return ch === '\u0649' ? '\u064A' : '\u0627';
}

/**
 * Lowercase, strip Latin accents (not Hangul: NFD would split syllables into jamo), unify Arabic
 * letter variants. Used on lexicon keys at load and on text at run time, so both sides agree.
 */
export function foldText(lower: string): string {
  let out = lower;
  if (HAS_LATIN_EXT_RE.test(out)) out = out.replace(LATIN_EXT_RE, foldLatinChar);
  if (HAS_ARABIC_RE.test(out)) {
    out = out.replace(ARABIC_MARKS_RE, '').replace(ARABIC_VARIANTS_RE, foldArabicVariant);
  }
  return out;
}

export interface NormalisedText {
  /** Lowercased, URLs and handles removed, accents kept (the language detector wants them). */
  lower: string;
  /** `lower` folded (accents stripped, Arabic unified): what lexicons and intent rules match on. */
  folded: string;
}

// One-entry memo: the classifier hands the same text to the detector, the sentiment model and the
// intent model in turn; normalising it once instead of three times is ~15% of the whole budget.
let memoText: string | undefined;
let memoValue: NormalisedText | undefined;

export function normaliseText(text: string): NormalisedText {
  if (text === memoText && memoValue) return memoValue;
  const lower = text.replace(STRIP_RE, ' ').toLowerCase();
  const value = { lower, folded: foldText(lower) };
  memoText = text;
  memoValue = value;
  return value;
}

/** Words (letters, marks, digits, apostrophes) and the punctuation that ends a negation scope. */
export const TOKEN_RE = /[\p{L}\p{M}\p{N}']+|[.!?;,。！？、，؟]/gu;
export const CLAUSE_BREAK: ReadonlySet<string> = new Set([
  '.',
  '!',
  '?',
  ';',
  ',',
  '。',
  '！',
  '？',
  '、',
  '，',
  '؟',
]);

export function tokenize(folded: string): string[] {
  return folded.match(TOKEN_RE) ?? [];
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import { detect as tinyldDetect } from 'tinyld';

import { X_LANGUAGE_ALIASES, X_NON_LANGUAGES } from '../classify.constants';
import { normaliseText } from '../text/text-normalize';
import { FUNCTION_WORDS, MARKER_CHARS } from './function-words';

export interface LanguageDecision {
  language: string;
  source: 'x' | 'detector';
}

const LATIN_LANGUAGES = Object.keys(FUNCTION_WORDS);
/** word → indexes (into LATIN_LANGUAGES) of the languages it marks, built once. */
const WORD_LANGUAGES: ReadonlyMap<string, readonly number[]> = (() => {
  const map = new Map<string, number[]>();
  LATIN_LANGUAGES.forEach((lang, index) => {
    for (const word of new Set(FUNCTION_WORDS[lang])) map.set(word, [...(map.get(word) ?? []), index]);
  });
  return map;
})();
const MARKERS: ReadonlyArray<readonly [number, RegExp]> = Object.entries(MARKER_CHARS).map(
  ([lang, re]) => [LATIN_LANGUAGES.indexOf(lang), re] as const,
);
const LATIN_WORD_RE = /[a-zà-ɏ']+/g;
/** Urdu and Persian share the Arabic script but use letters Arabic does not. */
const URDU_RE = /[ٹڈڑںےۓ]/;
const PERSIAN_RE = /[پژکگی]/;

/** X's language when it gave a real one, otherwise the detector. */
export function decideLanguage(text: string, xLang: string | undefined): LanguageDecision {
  if (xLang) {
    const lower = xLang.toLowerCase();
    if (!X_NON_LANGUAGES.has(lower)) {
      const alias = X_LANGUAGE_ALIASES.get(lower) ?? lower.split('-')[0];
      return { language: alias, source: 'x' };
    }
  }
  return { language: detectLanguage(text), source: 'detector' };
}

/**
 * ISO 639-1 code of the text, or 'und'. Scripts decide most languages in one pass over the
 * characters; Latin text goes through a function-word vote (which also recognises Hinglish);
 * only what stays ambiguous falls through to tinyld, which is ~30k calls/s on its own.
 */
export function detectLanguage(text: string): string {
  const { lower } = normaliseText(text);
  let latin = 0,
    kana = 0,
    han = 0,
    hangul = 0,
    arabic = 0,
    devanagari = 0,
    cyrillic = 0,
    thai = 0,
    hebrew = 0,
    greek = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x61 && c <= 0x7a) latin++;
    } else if (c >= 0xc0 && c <= 0x24f) latin++;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) {
      hangul++;
    } else if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfeff)) {
      arabic++;
    } else if (c >= 0x900 && c <= 0x97f) devanagari++;
    else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if (c >= 0xe00 && c <= 0xe7f) thai++;
    else if (c >= 0x590 && c <= 0x5ff) hebrew++;
    else if (c >= 0x370 && c <= 0x3ff) greek++;
  }
  const letters = latin + kana + han + hangul + arabic + devanagari + cyrillic + thai + hebrew + greek;
  if (letters === 0) return 'und';
  // CJK characters carry a word's worth of meaning each, so a lower share than Latin suffices.
  const share = (n: number): number => n / letters;
  if (kana > 0 && share(kana + han) >= 0.3) return 'ja';
  if (share(hangul) >= 0.3) return 'ko';
  if (share(han) >= 0.3) return 'zh';
  if (share(arabic) >= 0.5) return URDU_RE.test(lower) ? 'ur' : PERSIAN_RE.test(lower) ? 'fa' : 'ar';
  if (share(devanagari) >= 0.5) return 'hi';
  if (share(cyrillic) >= 0.5) return fromTinyld(lower);
  if (share(thai) >= 0.5) return 'th';
  if (share(hebrew) >= 0.5) return 'he';
  if (share(greek) >= 0.5) return 'el';
  if (share(latin) >= 0.5) return detectLatin(lower);
  return fromTinyld(lower);
}

/** Counts of tinyld fall-throughs, for the eval and tests: the fast path should decide most text. */
export const latinFallbackStats = { decided: 0, fallback: 0 };

function detectLatin(lower: string): string {
  const votes = new Float64Array(LATIN_LANGUAGES.length);
  LATIN_WORD_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = LATIN_WORD_RE.exec(lower)) !== null) {
    const langs = WORD_LANGUAGES.get(match[0]);
    if (!langs) continue;
    // A word shared by several languages is worth less to each.
    for (const index of langs) votes[index] += 1 / langs.length;
  }
  for (const [index, re] of MARKERS) if (re.test(lower)) votes[index] += 1;
  let best = -1;
  let bestVotes = 0;
  let second = 0;
  for (let i = 0; i < votes.length; i++) {
    if (votes[i] > bestVotes) {
      second = bestVotes;
      bestVotes = votes[i];
      best = i;
    } else if (votes[i] > second) second = votes[i];
  }
  // A clear lead of function words decides; tinyld (n-grams) only breaks ties and empty votes,
  // where it is worth its cost (~30k calls/s on its own).
  if (best >= 0 && bestVotes >= 1 && bestVotes - second >= 1) {
    latinFallbackStats.decided++;
    return LATIN_LANGUAGES[best];
  }
  latinFallbackStats.fallback++;
  const guess = fromTinyld(lower);
  return guess !== 'und' ? guess : best >= 0 ? LATIN_LANGUAGES[best] : 'und';
}

function fromTinyld(lower: string): string {
  const code = tinyldDetect(lower);
  return code && code.length === 2 ? code : 'und';
}

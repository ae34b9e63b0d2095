import { buildEnglishLexicon, EN_WORDS } from './lexicons/en.lexicon';
import { AR_LEXICON, JA_LEXICON, KO_LEXICON, ZH_LEXICON } from './lexicons/cjk-ar.lexicon';
import { ES_LEXICON, PT_LEXICON } from './lexicons/es-pt.lexicon';
import { DE_LEXICON, FR_LEXICON } from './lexicons/fr-de.lexicon';
import { buildHindiLexicon, HINGLISH_WORDS } from './lexicons/hi.lexicon';
import { LanguageLexicon } from './sentiment-lexicon';

const EN_LEXICON = buildEnglishLexicon(new Map(Object.entries(HINGLISH_WORDS)));
const HI_LEXICON = buildHindiLexicon(EN_WORDS);

const BY_LANGUAGE: ReadonlyMap<string, LanguageLexicon> = new Map<string, LanguageLexicon>([
  ['en', EN_LEXICON],
  ['hi', HI_LEXICON],
  ['es', ES_LEXICON],
  ['pt', PT_LEXICON],
  ['fr', FR_LEXICON],
  ['de', DE_LEXICON],
  ['ja', JA_LEXICON],
  ['zh', ZH_LEXICON],
  ['ko', KO_LEXICON],
  ['ar', AR_LEXICON],
]);

/** Languages with a lexicon of their own; anything else is scored with English + emoji. */
export const SENTIMENT_LANGUAGES: readonly string[] = [...BY_LANGUAGE.keys()];

export function lexiconFor(lang: string): LanguageLexicon {
  return BY_LANGUAGE.get(lang) ?? EN_LEXICON;
}

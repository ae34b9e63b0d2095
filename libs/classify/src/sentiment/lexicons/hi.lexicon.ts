import { buildTokenLexicon, TokenLexicon } from '../sentiment-lexicon';
import { EN_CONTRAST, EN_INTENSIFIERS, EN_NEGATORS, EN_PHRASES } from './en.lexicon';

/** Hindi in Devanagari and in Latin letters (Hinglish), which X users mix freely with English. */
export const HINGLISH_WORDS: Record<string, number> = {
  bekaar: -3, bekar: -3, bakwas: -3, bakwaas: -3, ghatiya: -3, bura: -2, buri: -2, bure: -2,
  kharab: -2, kharaab: -2, pareshan: -2, pareshaan: -2, gussa: -2, nirash: -2, dhoka: -3, dhokha: -3,
  jhooth: -2, chor: -3, faltu: -2, ganda: -2, gandi: -2, thanda: -1, galat: -2, mazak: -2, wahiyat: -3,
  bekaaar: -3, pagal: -1, sharam: -2, sharm: -2, loot: -3,
  accha: 2, acha: 2, achha: 2, acchi: 2, achi: 2, acche: 2, badhiya: 3, badiya: 3, mast: 2, zabardast: 3,
  shandaar: 3, shukriya: 2, dhanyavaad: 2, dhanyawad: 2, khush: 2, mazaa: 2, maza: 2, sahi: 2, bindaas: 2,
  kamaal: 3, kamal: 3, free: 1, jhakaas: 3, theek: 1.5, thik: 1.5, badhia: 3, pyaar: 3, best: 3,
};

const DEVANAGARI_WORDS: Record<string, number> = {
  खराब: -2, ख़राब: -2, बेकार: -3, बुरा: -2, बुरी: -2, बुरे: -2, घटिया: -3, निराश: -2, परेशान: -2, गुस्सा: -2,
  बकवास: -3, धोखा: -3, लेट: -1, देरी: -2, टूटा: -2, टूटी: -2, गलत: -2, ग़लत: -2, बंद: -1, समस्या: -1,
  दिक्कत: -1, शर्म: -2, ठगी: -3, नाराज: -2, नाराज़: -2, परेशानी: -2,
  अच्छा: 2, अच्छी: 2, अच्छे: 2, बढ़िया: 3, शानदार: 3, धन्यवाद: 2, शुक्रिया: 2, मददगार: 2, बेहतरीन: 3,
  खुश: 2, तेज़: 1, तेज: 1, ठीक: 1.5, मस्त: 2, प्यार: 3, सुंदर: 2, मज़ा: 2, मजा: 2, संतुष्ट: 2, उत्कृष्ट: 3, मुफ्त: 1,
};

const HINDI_PHRASES: Record<string, number> = {
  'nahi aaya': -2, 'nahi aayi': -2, 'nahi mila': -2, 'nahi mili': -2, 'nahi hua': -1, 'nahi chal': -2,
  'nahi chala': -2, 'nahi chalta': -2, 'nahi ho raha': -2, 'nahi ho rahi': -2, 'kaam nahi': -2, 'paise kat': -2, 'kat gaye': -1,
  'नहीं आया': -2, 'नहीं आई': -2, 'नहीं मिला': -2, 'नहीं हुआ': -1, 'काम नहीं': -2, 'नहीं चल': -2,
};

const HINDI_INTENSIFIERS: Record<string, number> = {
  bahut: 1.3, bohot: 1.3, bhut: 1.3, bahot: 1.3, bilkul: 1.3, ekdum: 1.3, kaafi: 1.2, kafi: 1.2,
  zyada: 1.2, jyada: 1.2, itna: 1.2, thoda: 0.7, thodi: 0.7,
  बहुत: 1.3, बिल्कुल: 1.3, बिलकुल: 1.3, एकदम: 1.3, काफी: 1.2, ज़्यादा: 1.2, थोड़ा: 0.7,
};

export function buildHindiLexicon(fallback: ReadonlyMap<string, number>): TokenLexicon {
  return buildTokenLexicon(
    {
      words: { ...HINGLISH_WORDS, ...DEVANAGARI_WORDS },
      phrases: { ...EN_PHRASES, ...HINDI_PHRASES },
      // English negators too: code-mixed tweets say "not working" as often as "nahi chal raha".
      negators: [...EN_NEGATORS, 'mat', 'मत'],
      postNegators: ['nahi', 'nahin', 'nai', 'नहीं', 'नही', 'ना'],
      intensifiers: { ...EN_INTENSIFIERS, ...HINDI_INTENSIFIERS },
      contrast: [...EN_CONTRAST, 'lekin', 'magar', 'लेकिन', 'मगर', 'परंतु'],
    },
    fallback,
  );
}

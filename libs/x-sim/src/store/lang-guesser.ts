/**
 * A cheap stand-in for X's language detection: script first, then stop-word votes for Latin
 * text. Good enough for routing demos; callers that know the language pass it explicitly.
 */
const SCRIPT_RULES: Array<[RegExp, string]> = [
  [/[\u3040-\u30ff]/, 'ja'],
  [/[\uac00-\ud7af\u1100-\u11ff]/, 'ko'],
  [/[\u4e00-\u9fff]/, 'zh'],
  [/[\u0900-\u097f]/, 'hi'],
  [/[\u0600-\u06ff]/, 'ar'],
  [/[\u0400-\u04ff]/, 'ru'],
  [/[\u0e00-\u0e7f]/, 'th'],
];

const STOP_WORDS: Record<string, string[]> = {
  en: [
    'the',
    'is',
    'my',
    'and',
    'to',
    'you',
    'it',
    'not',
    'for',
    'with',
    'this',
    'what',
    'why',
    'how',
    'can',
    'your',
    'i',
    'me',
    'thanks',
    'help',
    'where',
    'buy',
    'love',
    'still',
    'was',
  ],
  es: [
    'el',
    'la',
    'es',
    'mi',
    'y',
    'que',
    'no',
    'por',
    'con',
    'para',
    'una',
    'pedido',
    'gracias',
    'dónde',
    'donde',
    'comprar',
    'muy',
    'está',
    'hola',
    'ayuda',
  ],
  de: [
    'der',
    'die',
    'das',
    'ist',
    'mein',
    'meine',
    'und',
    'nicht',
    'mit',
    'für',
    'ich',
    'bitte',
    'danke',
    'wo',
    'kaufen',
    'noch',
    'immer',
    'hallo',
    'bestellung',
  ],
  fr: [
    'le',
    'la',
    'est',
    'mon',
    'ma',
    'et',
    'pas',
    'pour',
    'avec',
    'je',
    'merci',
    'où',
    'acheter',
    'commande',
    'toujours',
    'bonjour',
    'très',
    'une',
    'vous',
  ],
  pt: [
    'o',
    'a',
    'é',
    'meu',
    'minha',
    'e',
    'não',
    'para',
    'com',
    'obrigado',
    'obrigada',
    'onde',
    'comprar',
    'pedido',
    'ainda',
    'olá',
    'muito',
    'você',
    'uma',
  ],
  hi: [
    'hai',
    'nahi',
    'nahin',
    'kya',
    'mera',
    'meri',
    'bhai',
    'kab',
    'kahan',
    'kaise',
    'karo',
    'yaar',
    'aap',
    'hain',
    'abhi',
    'tak',
    'bahut',
  ],
};

export function guessLang(text: string): string {
  const bare = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[@#][\p{L}\p{N}_]+/gu, ' ')
    .trim();
  if (!/\p{L}/u.test(bare)) {
    return 'zxx';
  }
  for (const [re, lang] of SCRIPT_RULES) {
    if (re.test(bare)) {
      return lang;
    }
  }
  const words = bare
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
  let best = 'und';
  let bestScore = 0;
  for (const [lang, list] of Object.entries(STOP_WORDS)) {
    const score = words.filter((w) => list.includes(w)).length;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }

  return best;
}

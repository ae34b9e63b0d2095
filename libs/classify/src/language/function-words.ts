/**
 * Function words that mark a Latin-script language in a short tweet. Only words that are rare in
 * the other listed languages are kept ("de", "que", "me", "no" are deliberately missing), and
 * Hinglish is here because no general detector knows romanised Hindi.
 */
export const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'the', 'is', 'are', 'was', 'my', 'your', 'you', 'and', 'to', 'of', 'it', 'this', 'that', 'have', 'has',
    'not', 'with', 'for', 'on', 'i', 'been', 'will', 'can', 'what', 'why', 'how', 'where', 'when', 'please',
    'thanks', 'thank', 'still', 'just', 'from', 'at', 'be', 'do', 'does', "don't", "i'm", "it's", "i've",
    'there', 'they', 'we', 'an', 'would', 'get', 'got', 'yet', 'again', 'any', 'anyone', 'our',
  ],
  es: [
    'el', 'los', 'las', 'es', 'y', 'mi', 'por', 'una', 'del', 'al', 'pero', 'muy', 'está', 'sin', 'ya', 'nadie',
    'hay', 'qué', 'cómo', 'cuándo', 'dónde', 'también', 'llevo', 'puedo', 'tengo', 'gracias', 'hoy', 'esto',
    'estoy', 'sigue', 'todavía', 'ayuda', 'quiero', 'cuánto', 'tenéis', 'habéis', 'vuestro', 'usted', 'ustedes',
    'pedido', 'llegó', 'sí', 'nos', 'otra', 'vez', 'hace', 'porque', 'mis', 'lo', 'le', 'la', 'todo', 'nueva',
  ],
  pt: [
    'não', 'você', 'vocês', 'meu', 'minha', 'com', 'uma', 'um', 'está', 'estou', 'é', 'isso', 'esse', 'essa',
    'ainda', 'já', 'pelo', 'pela', 'do', 'da', 'dos', 'das', 'na', 'em', 'mas', 'muito', 'obrigado', 'obrigada',
    'cadê', 'ao', 'há', 'foi', 'tem', 'ninguém', 'nenhum', 'quero', 'posso', 'qual', 'onde', 'seu', 'sua',
    'pedido', 'nao', 'vcs', 'e', 'ontem', 'parabéns', 'ótimo', 'ótima', 'voces', 'ele', 'ela', 'vou', 'até', 'também', 'então', 'fazer', 'agora', 'hoje',
  ],
  fr: [
    'le', 'les', 'des', 'du', 'et', 'est', 'je', "j'ai", 'ne', 'pas', 'une', 'pour', 'avec', 'mon', 'ma', 'mes',
    'vous', 'nous', "c'est", "n'est", 'qui', 'dans', 'sur', 'ce', 'plus', 'très', 'depuis', 'encore', 'merci',
    'au', 'aux', 'où', 'jamais', 'rien', 'toujours', 'suis', 'svp', 'votre', 'vos', 'bonjour', 'il', 'elle',
    'ça', 'cette', 'la', "l'", "d'un", "qu'il", 'peux', 'comment', 'pourquoi', 'quel', 'quelle',
  ],
  de: [
    'der', 'die', 'das', 'und', 'ist', 'nicht', 'ich', 'mein', 'meine', 'ein', 'eine', 'mit', 'für', 'auf',
    'den', 'dem', 'von', 'zu', 'kein', 'keine', 'bitte', 'seit', 'schon', 'wieder', 'noch', 'sie', 'ihr',
    'wie', 'wann', 'warum', 'kann', 'habe', 'hat', 'sind', 'auch', 'nach', 'bei', 'aus', 'danke', 'wo',
    'euch', 'heute', 'gibt', 'nur', 'sehr', 'mir', 'mich', 'uns', 'ich',
  ],
  it: [
    'il', 'non', 'è', 'sono', 'della', 'mio', 'mia', 'ho', 'ancora', 'grazie', 'perché', 'questo', 'questa',
    'gli', 'anche', 'che', 'e', 'ordine', 'mi', 'hanno', 'nessuno', 'più', 'cosa', 'sempre', 'ciao', 'vostro',
  ],
  nl: [
    'het', 'een', 'niet', 'ik', 'mijn', 'van', 'dat', 'op', 'voor', 'nog', 'geen', 'wel', 'bij', 'naar', 'heb',
    'zijn', 'jullie', 'bedankt', 'waarom', 'wanneer', 'hoe', 'graag', 'ook', 'maar',
  ],
  hi: [
    'hai', 'hain', 'nahi', 'nahin', 'mera', 'meri', 'mere', 'mujhe', 'kya', 'kab', 'kaise', 'kyun', 'kahan',
    'yaar', 'bhai', 'aur', 'bhi', 'tak', 'abhi', 'gaya', 'gaye', 'gayi', 'raha', 'rahi', 'rahe', 'kar', 'karo',
    'karna', 'kiya', 'diya', 'hua', 'toh', 'ek', 'bahut', 'accha', 'acha', 'bilkul', 'ka', 'ki', 'ke', 'ko',
    'aap', 'aapka', 'hum', 'yeh', 'ye', 'wo', 'woh', 'kuch', 'sab', 'sirf', 'thoda', 'bakwas', 'bekaar',
    'paise', 'wala', 'wali', 'hoon', 'tha', 'thi', 'lena', 'chahiye', 'milega', 'milegi', 'aaya', 'aayega',
    'ekdum', 'ghatiya', 'din', 'log', 'pe', 'hu', 'kitne', 'kitna', 'apna', 'apni', 'kuchh', 'bohot', 'karu',
  ],
};

/** Letters that (almost) only one of the Latin languages uses. */
export const MARKER_CHARS: Readonly<Record<string, RegExp>> = {
  es: /[ñ¿¡]/,
  pt: /[ãõ]/,
  de: /[ßäöü]/,
  fr: /[èêùëœ]/,
};

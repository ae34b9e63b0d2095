/**
 * Precompiled PII patterns. Keywords are multilingual because a customer writes "pedido", "注文番号"
 * or "رقم الطلب" just as often as "order". Every regex is global; callers reset lastIndex.
 */

export const EXCLUDED_SPAN_RE = /https?:\/\/\S+|www\.\S+|@\w+/g;

export const EMAIL_RE =
  /(?<![\w.+-])[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9_%+-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}(?![\w-])/gi;

/** 13-19 digits, optionally grouped by single spaces or dashes. */
export const CARD_CANDIDATE_RE = /(?<![\d+-]|\+ )\d(?:[ -]?\d){12,18}(?![\d-])/g;

export const IBAN_RE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g;

/** An identifier: digit groups with spaces/dashes, or one alphanumeric token with a dash or two. */
const ID = String.raw`(\d+(?:[ -]\d+)*|[A-Za-z0-9]*\d[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)`;
const NUMBER_WORD = String.raw`(?:\s*(?:no\.?|nr\.?|n[º°o]\.?|#|number|numero|número|numéro|nummer|num\.?|id|code|ref(?:erence)?|ref\.|番号|번호|号|رقم|आईडी|नंबर|:|-|is|es|é|ist|est|は|是)(?![a-zA-Z]))*`;

const ORDER_KEYWORDS = [
  'order',
  'orden',
  'pedido',
  'encomenda',
  'commande',
  'bestellnummer',
  'bestellung',
  'auftragsnummer',
  'auftrag',
  'ordine',
  'booking',
  'reservation',
  'reserva',
  'réservation',
  'buchungsnummer',
  'buchung',
  'confirmation',
  'dossier',
  'ticket',
  'case',
  'tracking',
  'awb',
  'pnr',
  'invoice',
  'factura',
  'fatura',
  'facture',
  'rechnungsnummer',
  'shipment',
  'parcel',
  'colis',
  'sendungsnummer',
  'paket',
  'envío',
  'envio',
  'rastreio',
  'suivi',
  'protocolo',
  'ऑर्डर',
  'आर्डर',
  '注文番号',
  '注文',
  '주문번호',
  '주문',
  '订单号',
  '订单',
  'رقم الطلب',
  'الطلب',
  'طلب',
];
const ACCOUNT_KEYWORDS = [
  'account',
  'acct',
  'a/c',
  'customer id',
  'customer number',
  'customer no',
  'member id',
  'membership number',
  'membership no',
  'member number',
  'user id',
  'cuenta',
  'número de cliente',
  'conta',
  'compte',
  'numéro client',
  'kundennummer',
  'kontonummer',
  'vertragsnummer',
  'konto',
  'iban',
  'खाता',
  '口座番号',
  '口座',
  '会員番号',
  '계좌번호',
  '계좌',
  '회원번호',
  '账户',
  '账号',
  '帐号',
  'رقم الحساب',
  'الحساب',
  'حساب',
];

function keywordRe(keywords: readonly string[]): RegExp {
  const alternation = [...keywords]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|');
  // The keyword must not be the tail of a longer Latin word ("recorder 123"); CJK has no boundary.
  return new RegExp(String.raw`(?<![a-zA-Z])(?:${alternation})${NUMBER_WORD}\s*${ID}(?![\w-])`, 'giu');
}

/** Capture group 1 is the identifier; the keyword is context, not PII. */
export const ORDER_RE = keywordRe(ORDER_KEYWORDS);
export const ACCOUNT_RE = keywordRe(ACCOUNT_KEYWORDS);
/** "#A7719320", "#402-8837261": a hash-prefixed id with at least five digits. */
export const HASH_ORDER_RE = /(?<![\w#])#([A-Za-z]{0,3}\d[\d-]{4,}\d)(?![\w-])/g;

/** Phone candidates: an optional +, digits, and the separators people type between them. */
export const PHONE_CANDIDATE_RE = /(?<![\w+/.,-])(?:\+\s?)?\(?\d[\d ().-]{5,22}\d(?![\w/-])/g;
export const DATE_SHAPE_RE =
  /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?)$/;

const NUMBER_FIRST_STREET = String.raw`\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][\w'.-]*\s+){0,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Terrace|Close|Crescent|Square|Sq|Highway|Hwy|Parkway|Pkwy)\b\.?`;
const FR_STREET = String.raw`\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|allée|chemin|impasse|quai|place|route)(?:\s+(?:(?:d[eu]s?|la|l'|du|le|les)\s+)*[\p{Lu}][\p{L}'-]*){1,4}`;
const STREET_FIRST = String.raw`\b(?:Calle|C\/|Avenida|Avda\.?|Plaza|Paseo|Carrera|Rua|Travessa|Alameda|Estrada|Rodovia|Via|Viale|Piazza|Corso)\s+(?:[\p{L}'.-]+\s+){0,5}?\d{1,5}[A-Za-z]?\b`;
const DE_STREET = String.raw`\b[\p{L}-]+(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer)\s+\d{1,4}[a-z]?\b`;
const POSTCODE_TAIL = String.raw`(?:,?\s+(?:\d{5}(?:-\d{4})?|\d{4,5}\s+[\p{Lu}][\p{L}-]+|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[\p{Lu}][\p{L}]+,?\s+[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[\p{Lu}][\p{L}]+(?:,?\s+[A-Z]{2}\s+\d{5})?))?`;

export interface GatedPattern {
  /** Cheap test that must pass before the costly pattern runs (most tweets have no address). */
  readonly gate: RegExp;
  readonly re: RegExp;
}

const CJK_GATE = /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af〒]/;

/** Street addresses in the conventions of the fixture languages, each with an optional postcode/city. */
export const ADDRESS_PATTERNS: readonly GatedPattern[] = [
  {
    gate: /st\b|str|ave|av\.|r(?:oa)?d\b|lane|ln\b|dr(?:ive)?\b|way|court|ct\b|pl(?:ace)?\b|terrace|close|crescent|sq(?:uare)?\b|h(?:igh)?wy|p(?:ark)?wa?y|blvd|boulevard|rue|bd\b|all[ée]e|chemin|impasse|quai|route|calle|c\/|avda|plaza|paseo|carrera|rua|travessa|alameda|estrada|rodovia|via|piazza|corso|weg|platz|gasse|ring|damm|ufer/i,
    re: new RegExp(
      `(?:${NUMBER_FIRST_STREET}|${FR_STREET}|${STREET_FIRST}|${DE_STREET})${POSTCODE_TAIL}`,
      'gu',
    ),
  },
  // ja: 東京都渋谷区神南1-2-3 / 〒150-0041
  {
    gate: CJK_GATE,
    re: /〒\s?\d{3}-?\d{4}|(?:\p{Script=Han}{1,4}[都道府県])?\p{Script=Han}{1,6}[市区町村郡][\p{Script=Han}\p{Script=Katakana}]{0,8}\d{1,4}(?:(?:丁目|番地|番|号|-|－)\d{0,4}){1,4}/gu,
  },
  // zh: 北京市朝阳区建国路88号
  { gate: CJK_GATE, re: /\p{Script=Han}{2,14}(?:路|街|道|巷|弄)\d{1,5}号(?:\d{1,4}(?:室|楼|栋))?/gu },
  // ko: 테헤란로 123, 강남대로 45-6 (not "3개": a counter after the number)
  { gate: CJK_GATE, re: /[가-힣]{2,}(?:대로|로|길)\s?\d{1,4}(?:-\d{1,4})?(?![\d가-힣])/g },
  // ar: "شارع" (street) is unambiguous; "طريق" also means "by way of" (عن طريق) and "حي" "alive",
  // so those two need a house number.
  {
    gate: /شارع|طريق|حي/,
    re: /شارع\s+(?:[\u0621-\u064A]+\s?){1,3}(?:\d{1,5})?|(?<!عن\s)(?:طريق|حي)\s+(?:[\u0621-\u064A]+\s){1,3}\d{1,5}/g,
  },
  // India: flat/house/plot numbers and PIN codes given with their keyword
  {
    gate: /flat|house|h\.?\s?no|plot|door|pin/i,
    re: /\b(?:flat|house|h\.?\s?no\.?|plot|door)\s*(?:no\.?|number|#)?\s*[\w/-]*\d[\w/-]*(?:,?\s+[\w ]{2,30}?(?:nagar|colony|sector\s*\d+|marg|road))?/gi,
  },
  { gate: /pin/i, re: /\b(?:pin\s?code|pincode|pin)\s*[:-]?\s*\d{6}\b/gi },
  // UK postcode on its own, upper case as written on envelopes
  { gate: /[A-Z]\d/, re: /\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/g },
];

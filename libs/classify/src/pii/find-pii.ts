import { PiiMatch, PiiType } from '../classify.types';
import { CARD_IIN_RE, ibanValid, luhnValid } from './checksums';
import {
  ACCOUNT_RE,
  ADDRESS_PATTERNS,
  CARD_CANDIDATE_RE,
  DATE_SHAPE_RE,
  EMAIL_RE,
  EXCLUDED_SPAN_RE,
  HASH_ORDER_RE,
  IBAN_RE,
  ORDER_RE,
  PHONE_CANDIDATE_RE,
} from './pii-patterns';

export interface FindPiiOptions {
  /** The brand's own handles: an email at the brand's domain ("help@acmecares.com") is not the
   *  customer's personal data. @handles themselves are never PII. */
  brandHandles?: readonly string[];
}

const DIGIT_RE = /\d/;
const NON_DIGIT_RE = /\D/g;
const ARABIC_STREET_RE = /شارع|طريق|حي/;
const MIN_ID_LENGTH = 5;
const MIN_ID_DIGITS = 2;

/** Claimed spans, so a stronger detector (card, email) wins over a weaker one (phone). */
class Claims {
  readonly matches: PiiMatch[] = [];
  constructor(private readonly excluded: ReadonlyArray<readonly [number, number]>) {}

  free(start: number, end: number): boolean {
    for (const [s, e] of this.excluded) if (start < e && s < end) return false;
    for (const m of this.matches) if (start < m.end && m.start < end) return false;
    return true;
  }

  claim(type: PiiType, start: number, end: number): void {
    if (end > start && this.free(start, end)) this.matches.push({ type, start, end });
  }
}

/**
 * Personal data in a tweet, with UTF-16 offsets, never the values. Order of detectors is order of
 * confidence: Luhn-checked cards, emails, IBAN/keyword accounts, keyword orders, addresses, phones.
 */
export function findPii(text: string, options: FindPiiOptions = {}): PiiMatch[] {
  const hasDigit = DIGIT_RE.test(text);
  const hasAt = text.includes('@');
  if (!hasDigit && !hasAt && !ARABIC_STREET_RE.test(text)) return [];
  const claims = new Claims(excludedSpans(text));
  if (hasAt) findEmails(text, claims, options.brandHandles);
  if (hasDigit) {
    findCards(text, claims);
    findIbans(text, claims);
    findKeyed(text, ACCOUNT_RE, 'account_number', claims);
    findKeyed(text, ORDER_RE, 'order_number', claims);
    findHashOrders(text, claims);
  }
  for (const { gate, re } of ADDRESS_PATTERNS) {
    if (!gate.test(text)) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) claims.claim('address', m.index, m.index + m[0].trimEnd().length);
  }
  if (hasDigit) findPhones(text, claims);
  return claims.matches.sort((a, b) => a.start - b.start);
}

function excludedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!text.includes('@') && !text.includes('http') && !text.includes('www.')) return spans;
  EXCLUDED_SPAN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EXCLUDED_SPAN_RE.exec(text)) !== null) {
    // "@acme" right after a word character is the domain part of an email, not a handle.
    if (m[0][0] === '@' && m.index > 0 && /[\w.+-]/.test(text[m.index - 1])) continue;
    spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

function findEmails(text: string, claims: Claims, brandHandles: readonly string[] | undefined): void {
  const brands = new Set((brandHandles ?? []).map((h) => h.replace(/^@/, '').toLowerCase()));
  EMAIL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EMAIL_RE.exec(text)) !== null) {
    const domain = m[0].slice(m[0].indexOf('@') + 1).toLowerCase();
    if (brands.has(domain.split('.')[0])) continue;
    claims.claim('email', m.index, m.index + m[0].length);
  }
}

function findCards(text: string, claims: Claims): void {
  CARD_CANDIDATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CARD_CANDIDATE_RE.exec(text)) !== null) {
    const digits = m[0].replace(NON_DIGIT_RE, '');
    if (digits.length < 13 || digits.length > 19) continue;
    if (!CARD_IIN_RE.test(digits) || /^(\d)\1+$/.test(digits) || !luhnValid(digits)) continue;
    if (!cardGrouping(m[0])) continue;
    claims.claim('card', m.index, m.index + m[0].length);
  }
}

/** Cards are written unbroken, in fours ("4111 1111 1111 1111") or Amex-style 4-6-5; a phone
 *  number like "+55 21 99876-5432" can pass Luhn by chance but never has these groups. */
function cardGrouping(candidate: string): boolean {
  const groups = candidate.split(/[ -]/);
  if (groups.length === 1) return true;
  const sizes = groups.map((g) => g.length).join(',');
  if (sizes === '4,6,5' || sizes === '4,6,4') return true;
  return groups.slice(0, -1).every((g) => g.length === 4) && groups[groups.length - 1].length <= 4;
}

function findIbans(text: string, claims: Claims): void {
  IBAN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IBAN_RE.exec(text)) !== null) {
    if (ibanValid(m[0].replace(/ /g, ''))) claims.claim('account_number', m.index, m.index + m[0].length);
  }
}

function findKeyed(text: string, re: RegExp, type: PiiType, claims: Claims): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const id = m[1];
    const compact = id.replace(/[ -]/g, '');
    if (compact.length < MIN_ID_LENGTH || compact.replace(NON_DIGIT_RE, '').length < MIN_ID_DIGITS) continue;
    if (DATE_SHAPE_RE.test(id)) continue;
    const end = m.index + m[0].length;
    claims.claim(type, end - id.length, end);
  }
}

function findHashOrders(text: string, claims: Claims): void {
  HASH_ORDER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HASH_ORDER_RE.exec(text)) !== null) {
    claims.claim('order_number', m.index + 1, m.index + m[0].length);
  }
}

/** Whether a candidate digit string is shaped like a phone number in some country's convention. */
export function looksLikePhone(candidate: string): boolean {
  if (DATE_SHAPE_RE.test(candidate)) return false;
  const digits = candidate.replace(NON_DIGIT_RE, '');
  if (candidate.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
  if (candidate.startsWith('(')) return digits.length >= 10 && digits.length <= 11;
  const groups = candidate.split(/[ ().-]+/).filter((g) => g.length > 0);
  if (groups.length >= 2) {
    // 9 digits: Spanish/French mobiles without trunk 0; 13: Indonesian/Indian with trunk.
    return digits.length >= 9 && digits.length <= 13 && groups.every((g) => g.length <= 8);
  }
  // An unseparated run is a phone only in the shapes mobiles take; anything else is an id.
  if (digits.length === 10) return /^[06-9]/.test(digits);
  if (digits.length === 11) return /^(?:1[3-9]|0)/.test(digits);
  return false;
}

function findPhones(text: string, claims: Claims): void {
  PHONE_CANDIDATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHONE_CANDIDATE_RE.exec(text)) !== null) {
    if (looksLikePhone(m[0])) claims.claim('phone', m.index, m.index + m[0].length);
  }
}

/** Luhn (mod 10) over a string of digits: every card number passes it, 90% of random numbers fail. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** IBAN mod-97 check (ISO 13616), on the compact upper-case form. */
export function ibanValid(compact: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    const value = c >= 65 ? String(c - 55) : rearranged[i];
    for (let j = 0; j < value.length; j++) remainder = (remainder * 10 + (value.charCodeAt(j) - 48)) % 97;
  }
  return remainder === 1;
}

/** Issuer prefixes of the card networks customers use (Visa, Mastercard incl. 2-series, Amex,
 *  Diners, JCB, Discover, UnionPay, Maestro/RuPay 6…): keeps Luhn-valid order numbers out. */
export const CARD_IIN_RE = /^(?:4|5[1-5]|2[2-7]|3[47]|3[0689]|35|6|50|5[6-9])/;

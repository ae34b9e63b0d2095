import { MAX_SIGNATURE_LETTERS } from './x-text.constants';

const INITIALS_RE = new RegExp(`^\\p{L}{1,${MAX_SIGNATURE_LETTERS}}$`, 'u');

/**
 * An agent's sign-off as X brand teams write it: "^AB". Accepts "ab", "AB" or "^AB".
 * Throws RangeError for anything that is not 1-4 letters, so a typo never goes out in public.
 */
export function formatSignature(initials: string): string {
  const letters = initials.trim().replace(/^\^/, '');
  if (!INITIALS_RE.test(letters)) {
    throw new RangeError(`signature must be 1-${MAX_SIGNATURE_LETTERS} letters, got "${initials}"`);
  }
  return `^${letters.toUpperCase()}`;
}

/** The text as it will be posted: the reply, one space, the signature. */
export function appendSignature(text: string, initials?: string): string {
  return initials ? `${text} ${formatSignature(initials)}` : text;
}

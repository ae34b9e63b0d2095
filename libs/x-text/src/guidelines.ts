export interface GuidelineMatch {
  code: 'GUIDELINE_VIOLATION';
  /** The banned phrase as configured. */
  phrase: string;
  /** UTF-16 offsets into the text as given (before any normalisation). */
  start: number;
  end: number;
}

const MARKS_RE = /\p{M}/gu;
const SPACE_RE = /\s/u;
const WORDISH_RE = /[\p{L}\p{N}]/u;
/** Scripts written without spaces: a banned phrase may sit inside a longer run of characters. */
const UNSPACED_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

interface Folded {
  text: string;
  /** For each folded UTF-16 unit, the original [start, end) of the character it came from. */
  starts: number[];
  ends: number[];
}

/** Case- and accent-insensitive form with a map back to the original offsets. */
function fold(input: string): Folded {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  let lastWasSpace = true;
  for (const ch of input) {
    const start = offset;
    offset += ch.length;
    if (SPACE_RE.test(ch)) {
      if (lastWasSpace) continue;
      lastWasSpace = true;
      out.push(' ');
      starts.push(start);
      ends.push(offset);
      continue;
    }
    const folded = ch.normalize('NFD').replace(MARKS_RE, '').toLowerCase();
    for (let i = 0; i < folded.length; i++) {
      out.push(folded[i]);
      starts.push(start);
      ends.push(offset);
    }
    if (folded.length > 0) lastWasSpace = false;
  }
  return { text: out.join(''), starts, ends };
}

function needsBoundary(ch: string): boolean {
  return WORDISH_RE.test(ch) && !UNSPACED_RE.test(ch);
}

/**
 * Banned phrases (a brand's "never say" list) found in a reply, whole words only where the
 * script has word boundaries; "Ärger" matches "arger", "refund" does not match "refunded".
 */
export function checkGuidelines(text: string, bannedPhrases: readonly string[]): GuidelineMatch[] {
  const haystack = fold(text);
  const matches: GuidelineMatch[] = [];
  for (const phrase of bannedPhrases) {
    const needle = fold(phrase).text.trim();
    if (needle.length === 0) continue;
    const checkStart = needsBoundary(needle[0]);
    const checkEnd = needsBoundary(needle[needle.length - 1]);
    for (let at = haystack.text.indexOf(needle); at >= 0; at = haystack.text.indexOf(needle, at + 1)) {
      const after = at + needle.length;
      if (checkStart && at > 0 && WORDISH_RE.test(haystack.text[at - 1])) continue;
      if (checkEnd && after < haystack.text.length && WORDISH_RE.test(haystack.text[after])) continue;
      matches.push({
        code: 'GUIDELINE_VIOLATION',
        phrase,
        start: haystack.starts[at],
        end: haystack.ends[after - 1],
      });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

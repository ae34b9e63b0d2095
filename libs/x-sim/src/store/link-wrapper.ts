import twitterText from 'twitter-text';
import type { UrlEntity } from '../x-sim.types';
import type { SeededRandom } from './seeded-random';

const SLUG_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SLUG_LENGTH = 10;
/** X shortens a long display_url to this many characters and an ellipsis. */
const DISPLAY_URL_MAX = 26;

export interface WrappedText {
  /** The text with every link replaced by its `https://t.co/…` alias. */
  text: string;
  /** One per link, offsets in code points of the wrapped text, as X v2 entities count. */
  urls: UrlEntity[];
}

function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) {
    n += 1;
  }

  return n;
}

/**
 * X's link wrapping: every link twitter-text finds (with or without a scheme, which is also what
 * makes each one weigh 23) is stored and served as `https://t.co/<10 chars>`, the original in
 * `expanded_url`, the scheme-less and shortened form in `display_url`.
 */
export function wrapLinks(text: string, random: SeededRandom): WrappedText {
  const found = twitterText.extractUrlsWithIndices(text);
  if (found.length === 0) {
    return { text, urls: [] };
  }
  let out = '';
  let outLength = 0;
  let from = 0;
  const urls: UrlEntity[] = [];
  for (const link of found) {
    const before = text.slice(from, link.indices[0]);
    out += before;
    outLength += codePoints(before);
    const tco = `https://t.co/${slug(random)}`;
    const expanded = /^https?:\/\//i.test(link.url) ? link.url : `http://${link.url}`;
    urls.push({
      start: outLength,
      end: outLength + tco.length,
      url: tco,
      expanded_url: expanded,
      display_url: displayUrl(expanded),
    });
    out += tco;
    outLength += tco.length;
    from = link.indices[1];
  }
  out += text.slice(from);

  return { text: out, urls };
}

function slug(random: SeededRandom): string {
  let s = '';
  for (let i = 0; i < SLUG_LENGTH; i++) {
    s += SLUG_ALPHABET[random.int(0, SLUG_ALPHABET.length - 1)];
  }

  return s;
}

function displayUrl(expanded: string): string {
  const bare = expanded.replace(/^https?:\/\//i, '').replace(/^www\./i, '');
  const chars = [...bare];

  return chars.length > DISPLAY_URL_MAX ? `${chars.slice(0, DISPLAY_URL_MAX).join('')}…` : bare;
}

/** X v2 serves tweet text HTML-escaped: `&`, `<` and `>` as `&amp;`, `&lt;`, `&gt;`. */
export function escapeTweetText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

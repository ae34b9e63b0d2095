import { extractUrlsWithIndices } from 'twitter-text';

/** A URL entity as X returns it with a post: `url` is the t.co link in the text. */
export interface XUrlEntity {
  url: string;
  expanded_url?: string;
  /** Set on the `pic.x.com` link X appends to a post with media: not part of what we wrote. */
  media_key?: string;
}

/** A post (or DM) as X returns it on reads. */
export interface XReadText {
  text: string;
  urls?: readonly XUrlEntity[];
}

const URL_MARK = '\u0000';
const T_CO = /https?:\/\/t\.co\/[A-Za-z0-9]+/g;
const X_ESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** X prefixes replies with the @handles it answers; compare what the agent wrote. */
export function postBody(text: string): string {
  return text
    .normalize('NFC')
    .replace(/^(@\w{1,15}\s+)+/, '')
    .trim();
}

/** X escapes `&`, `<` and `>` in the text it returns; once, so `&amp;amp;` was a written `&amp;`. */
export function unescapeX(text: string): string {
  return text.replace(/&(?:amp|lt|gt);/g, (m) => X_ESCAPES[m] ?? m);
}

function canonical(text: string): string {
  return postBody(text).replace(/\s+/g, ' ');
}

/** Every URL of what we sent (X's own URL rules: bare domains too) as one mark. */
function sentWithUrlMarks(text: string): string {
  let out = '';
  let at = 0;
  for (const u of extractUrlsWithIndices(text)) {
    out += text.slice(at, u.indices[0]) + URL_MARK;
    at = u.indices[1];
  }

  return canonical(out + text.slice(at));
}

/**
 * Whether X's copy of a post is the text we sent. X returns links as t.co URLs and escapes `&<>`:
 * first with the t.co links put back to their `expanded_url`, then, since X also rewrites what it
 * expands (a bare domain gains `http://`, and DMs carry no entities), with every URL on both sides
 * taken as a wildcard. The caller narrows the candidates first (same author, same parent, written
 * after the first attempt, not already another ledger row's), so the wildcard cannot pick a post
 * whose words differ.
 */
export function sameText(sent: string, read: XReadText): boolean {
  let got = unescapeX(read.text.normalize('NFC'));
  for (const u of read.urls ?? []) {
    if (u.media_key) got = got.split(u.url).join('');
  }
  const want = canonical(sent);
  let expanded = got;
  for (const u of read.urls ?? []) {
    if (u.expanded_url && !u.media_key) expanded = expanded.split(u.url).join(u.expanded_url);
  }
  if (canonical(expanded) === want) return true;

  return canonical(got.replace(T_CO, URL_MARK)) === sentWithUrlMarks(sent);
}

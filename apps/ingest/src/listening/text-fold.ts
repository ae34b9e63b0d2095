/** Lower case, compatibility-normalised, accents stripped: "Dónde" and "donde" compare equal. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Scripts written without spaces between words: match by substring, not by token. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

export function isUnspaced(text: string): boolean {
  return UNSPACED.test(text);
}

export interface TweetTokens {
  /** Folded text, for substring matching of unspaced scripts. */
  folded: string;
  /** Words (hashtag words included, @handles not), folded. */
  words: string[];
  wordSet: Set<string>;
  /** ` w1 w2 … `: phrase matching on word boundaries. */
  padded: string;
  hashtags: Set<string>;
  mentions: Set<string>;
}

const WORD = /[@#]?[\p{L}\p{N}_]+/gu;

export function tokenize(text: string, mentions: readonly string[] = []): TweetTokens {
  const folded = fold(text);
  const words: string[] = [];
  const hashtags = new Set<string>();
  const handles = new Set<string>(mentions.map((m) => m.toLowerCase()));
  for (const m of folded.matchAll(WORD)) {
    const tok = m[0];
    if (tok.startsWith('@')) {
      handles.add(tok.slice(1));
      continue;
    }
    if (tok.startsWith('#')) {
      hashtags.add(tok.slice(1));
      words.push(tok.slice(1));
      continue;
    }
    words.push(tok);
  }

  return {
    folded,
    words,
    wordSet: new Set(words),
    padded: ` ${words.join(' ')} `,
    hashtags,
    mentions: handles,
  };
}

/** Words of a rule value, folded the same way as tweets. */
export function ruleWords(value: string): string[] {
  return [...fold(value).matchAll(/[\p{L}\p{N}_]+/gu)].map((m) => m[0]);
}

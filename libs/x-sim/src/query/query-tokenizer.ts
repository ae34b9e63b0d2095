/** Letters and digits only, accents folded: X's keyword match is tokenized and case-insensitive. */
export function tokenizeText(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Scripts written without spaces: keyword matching there is by substring. */
export function isUnspacedScript(text: string): boolean {
  return /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/.test(text);
}

export type QueryToken =
  | { type: 'lparen' }
  | { type: 'rparen' }
  | { type: 'or' }
  | { type: 'neg' }
  | { type: 'phrase'; value: string }
  | { type: 'word'; value: string };

/** Splits a rule into tokens; `-` directly before a term negates it. */
export function lexQuery(query: string): QueryToken[] {
  const out: QueryToken[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(') {
      out.push({ type: 'lparen' });
      i++;
    } else if (c === ')') {
      out.push({ type: 'rparen' });
      i++;
    } else if (c === '-' && i + 1 < query.length && !/\s/.test(query[i + 1])) {
      out.push({ type: 'neg' });
      i++;
    } else if (c === '"') {
      const end = query.indexOf('"', i + 1);
      if (end < 0) {
        throw new Error('unbalanced quote');
      }
      out.push({ type: 'phrase', value: query.slice(i + 1, end) });
      i = end + 1;
    } else {
      let j = i;
      while (j < query.length && !/[\s()"]/.test(query[j])) {
        j++;
      }
      const word = query.slice(i, j);
      out.push(word === 'OR' ? { type: 'or' } : { type: 'word', value: word });
      i = j;
    }
  }

  return out;
}

import type { QueryNode } from './query.types';
import { QueryParseError } from './query.types';
import type { QueryToken } from './query-tokenizer';
import { fold, lexQuery, tokenizeText } from './query-tokenizer';

const IS_VALUES = ['retweet', 'reply', 'quote', 'verified'] as const;
const HAS_VALUES = ['mentions', 'links', 'hashtags'] as const;

/**
 * Parses X's rule grammar subset: keywords, "phrases", @mention, #hashtag, from:, to:, is:,
 * has:, lang:, conversation_id:, implicit AND, OR (binds looser than AND, as on X), `-`
 * negation and parentheses.
 */
export function parseQuery(query: string): QueryNode {
  let tokens: QueryToken[];
  try {
    tokens = lexQuery(query);
  } catch (e) {
    throw new QueryParseError(`${(e as Error).message} in "${query}"`);
  }
  let pos = 0;

  const parseOr = (): QueryNode => {
    const children = [parseAnd()];
    while (tokens[pos]?.type === 'or') {
      pos++;
      children.push(parseAnd());
    }

    return children.length === 1 ? children[0] : { kind: 'or', children };
  };

  const parseAnd = (): QueryNode => {
    const children: QueryNode[] = [];
    while (pos < tokens.length && tokens[pos].type !== 'or' && tokens[pos].type !== 'rparen') {
      children.push(parseUnary());
    }
    if (children.length === 0) {
      throw new QueryParseError(`expected a term at position ${pos} in "${query}"`);
    }

    return children.length === 1 ? children[0] : { kind: 'and', children };
  };

  const parseUnary = (): QueryNode => {
    if (tokens[pos].type === 'neg') {
      pos++;
      if (pos >= tokens.length) {
        throw new QueryParseError(`dangling "-" in "${query}"`);
      }

      return { kind: 'not', child: parsePrimary() };
    }

    return parsePrimary();
  };

  const parsePrimary = (): QueryNode => {
    const tok = tokens[pos++];
    switch (tok.type) {
      case 'lparen': {
        const inner = parseOr();
        if (tokens[pos]?.type !== 'rparen') {
          throw new QueryParseError(`missing ")" in "${query}"`);
        }
        pos++;

        return inner;
      }
      case 'phrase':
        return { kind: 'phrase', tokens: tokenizeText(tok.value), raw: fold(tok.value) };
      case 'word':
        return parseWord(tok.value);
      case 'neg':
      case 'or':
      case 'rparen':
        throw new QueryParseError(`unexpected "${tok.type}" in "${query}"`);
    }
  };

  const root = parseOr();
  if (pos < tokens.length) {
    throw new QueryParseError(`unexpected ")" in "${query}"`);
  }
  if (!hasPositiveStandalone(root)) {
    throw new QueryParseError(
      `Rules must contain a non-negation term that is not is:, has: or lang: ("${query}")`,
    );
  }

  return root;
}

function parseWord(word: string): QueryNode {
  if (word.startsWith('@') && word.length > 1) {
    return { kind: 'mention', username: word.slice(1).toLowerCase() };
  }
  if (word.startsWith('#') && word.length > 1) {
    return { kind: 'hashtag', tag: fold(word.slice(1)) };
  }
  const colon = word.indexOf(':');
  if (colon > 0 && !word.includes('://')) {
    const op = word.slice(0, colon).toLowerCase();
    const arg = word.slice(colon + 1);
    if (!arg) {
      throw new QueryParseError(`operator ${op}: needs a value`);
    }
    switch (op) {
      case 'from':
        return { kind: 'from', user: arg.replace(/^@/, '').toLowerCase() };
      case 'to':
        return { kind: 'to', user: arg.replace(/^@/, '').toLowerCase() };
      case 'lang':
        return { kind: 'lang', code: arg.toLowerCase() };
      case 'conversation_id':
        return { kind: 'conversation', id: arg };
      case 'is':
        if ((IS_VALUES as readonly string[]).includes(arg)) {
          return { kind: 'is', what: arg as (typeof IS_VALUES)[number] };
        }
        throw new QueryParseError(`unknown is: value "${arg}"`);
      case 'has':
        if ((HAS_VALUES as readonly string[]).includes(arg)) {
          return { kind: 'has', what: arg as (typeof HAS_VALUES)[number] };
        }
        throw new QueryParseError(`unknown has: value "${arg}"`);
      default:
        throw new QueryParseError(`unknown operator "${op}:"`);
    }
  }

  return { kind: 'keyword', tokens: tokenizeText(word), raw: fold(word) };
}

function hasPositiveStandalone(node: QueryNode): boolean {
  switch (node.kind) {
    case 'and':
      return node.children.some(hasPositiveStandalone);
    case 'or':
      return node.children.every(hasPositiveStandalone);
    case 'not':
    case 'is':
    case 'has':
    case 'lang':
      return false;
    case 'keyword':
    case 'phrase':
    case 'mention':
    case 'hashtag':
    case 'from':
    case 'to':
    case 'conversation':
      return true;
  }
}

/** The parsed form of an X search query or filtered-stream rule. */
export type QueryNode =
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode }
  | { kind: 'keyword'; tokens: string[]; raw: string }
  | { kind: 'phrase'; tokens: string[]; raw: string }
  | { kind: 'mention'; username: string }
  | { kind: 'hashtag'; tag: string }
  | { kind: 'from'; user: string }
  | { kind: 'to'; user: string }
  | { kind: 'is'; what: 'retweet' | 'reply' | 'quote' | 'verified' }
  | { kind: 'has'; what: 'mentions' | 'links' | 'hashtags' }
  | { kind: 'lang'; code: string }
  | { kind: 'conversation'; id: string };

export class QueryParseError extends Error {}

/** The `tweet.fields`, `user.fields`, `dm_event.fields` and `expansions` a request asked for. */
export interface FieldOptions {
  tweetFields: Set<string>;
  userFields: Set<string>;
  dmEventFields: Set<string>;
  mediaFields: Set<string>;
  expansions: Set<string>;
}

function list(query: URLSearchParams, name: string): Set<string> {
  return new Set(
    query
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export function parseFieldOptions(query: URLSearchParams): FieldOptions {
  return {
    tweetFields: list(query, 'tweet.fields'),
    userFields: list(query, 'user.fields'),
    dmEventFields: list(query, 'dm_event.fields'),
    mediaFields: list(query, 'media.fields'),
    expansions: list(query, 'expansions'),
  };
}

/**
 * Every limit of the public API in one place. They are enforced identically on HTTP (Apollo) and
 * on graphql-ws (our onSubscribe), because both transports get the same rule list and parse options.
 */

/** Deepest field nesting a document may reach (`conversations.edges.node.queue.name` is 5). */
export const MAX_DEPTH = 8;

/**
 * Introspection (`__schema`/`__type`, development only: refused in production) is measured on its
 * own budget: the standard introspection query is ~13 deep and costs ~40,000 by the estimate below,
 * yet `types { fields { type { fields … } } }` must still be bounded where introspection is on.
 */
export const MAX_INTROSPECTION_DEPTH = 15;
export const MAX_INTROSPECTION_COST = 100_000;

/** Aliased fields per document: aliases are how one request asks for the same field N times. */
export const MAX_ALIASES = 15;

/**
 * Estimated cost budget per document: each field costs 1, times the size of every list above it.
 * The console's inbox query at a full page (`first: 100`, queue, assignee, customer and messages)
 * costs about 9,600; the budget allows two such pages in one document, not fifteen.
 */
export const MAX_COST = 20_000;

/** Lists without a `first` argument count as this many items unless the field says otherwise. */
export const DEFAULT_LIST_SIZE = 10;

/** Field extension naming how many items a list field is estimated to hold (see cost-limit.rule). */
export const COST_LIST_SIZE_EXTENSION = 'costListSize';

/** Relay pagination: default and cap of `first`. */
export const FIRST_DEFAULT = 25;
export const FIRST_MAX = 100;

/**
 * Lexical tokens per document, checked by the parser before any validation runs: validation rules
 * such as OverlappingFieldsCanBeMerged are quadratic in the worst case, so size is capped first.
 */
export const MAX_TOKENS = 2_000;

/** Request body (HTTP) and message (WebSocket) size; variables included. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Operations one socket may have in flight at once (each subscription stays in flight). */
export const MAX_OPERATIONS_PER_SOCKET = 25;

/** Validated documents kept for the WebSocket path (Apollo keeps its own store for HTTP). */
export const DOCUMENT_CACHE_SIZE = 500;

/** Login attempts per e-mail + client IP in a sliding window. */
export const LOGIN_MAX_ATTEMPTS = 5;
export const LOGIN_WINDOW_MS = 60_000;

/**
 * Lookups in routing for API keys this gateway has no verdict on, per client address (IPv6: per
 * /64): a burst, then one a second. Only refused keys spend them (a valid key's token is given
 * back), so a spray of well-formed forged keys costs routing at most this, and then RATE_LIMITED.
 */
export const API_KEY_LOOKUPS_BURST = 30;
export const API_KEY_LOOKUPS_PER_SECOND = 1;

/** Live events buffered for one slow subscriber before the oldest are dropped (state stays queryable). */
export const SUBSCRIBER_BUFFER = 256;

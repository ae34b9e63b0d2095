/** X's stream heartbeat: a bare CRLF every 20 seconds when nothing else is sent. */
export const DEFAULT_HEARTBEAT_MS = 20_000;

/** X's rate-limit window. */
export const RATE_LIMIT_WINDOW_MS = 15 * 60 * 1000;

/** Per-endpoint requests per 15-minute window, close to X's published Pro-tier numbers. */
export const DEFAULT_RATE_LIMITS: Readonly<Record<string, number>> = {
  'GET /2/tweets/search/stream': 50,
  'GET /2/tweets/search/stream/rules': 450,
  'POST /2/tweets/search/stream/rules': 450,
  'GET /2/users/:id/mentions': 450,
  'GET /2/tweets/search/recent': 450,
  'GET /2/users/by/username/:username': 900,
  'GET /2/users/by': 900,
  'GET /2/users/:id': 900,
  'GET /2/users': 900,
  'GET /2/users/me': 75,
  'GET /2/tweets/:id': 900,
  'GET /2/tweets': 900,
  'POST /2/tweets': 200,
  'DELETE /2/tweets/:id': 50,
  'GET /2/dm_events': 300,
  'GET /2/dm_conversations/with/:participant_id/dm_events': 300,
  'POST /2/dm_conversations/with/:participant_id/messages': 200,
  'POST /2/compliance/jobs': 150,
  'GET /2/compliance/jobs/:id': 150,
  'GET /2/compliance/jobs': 150,
};
export const FALLBACK_RATE_LIMIT = 300;

export const MAX_RULES = 1000;
export const MAX_RULE_LENGTH = 512;
export const MAX_QUERY_LENGTH = 512;
export const MAX_TWEET_WEIGHTED_LENGTH = 280;

/** How far back X pages a user's own tweets (`GET /2/users/:id/tweets`): the 3,200 most recent. */
export const USER_TIMELINE_DEPTH = 3200;
/** How far back X pages a user's mentions (`GET /2/users/:id/mentions`): the 800 most recent. */
export const MENTIONS_TIMELINE_DEPTH = 800;
/** X's DM event lookups return events of the last 30 days. */
export const DM_EVENTS_WINDOW_MS = 30 * 86_400_000;

/** X refuses the same text from the same author in a short window; the exact window is unpublished. */
export const DEFAULT_DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

/** Bearer tokens of this form act as user context for the named handle. */
export const USER_TOKEN_PREFIX = 'sim-user:';

/** Seeded brand Acme: stable ids so tests and demo config can hard-code them. */
export const ACME_BRAND = {
  engagement: { id: '1000000000000000001', username: 'acme', name: 'Acme' },
  care: { id: '1000000000000000002', username: 'acmecares', name: 'Acme Support' },
} as const;

/** X's snowflake epoch (2010-11-04T01:42:54.657Z). */
export const TWITTER_EPOCH_MS = 1288834974657n;

export const PROBLEM_TYPE = {
  about: 'about:blank',
  invalidRequest: 'https://api.twitter.com/2/problems/invalid-request',
  notFound: 'https://api.twitter.com/2/problems/resource-not-found',
  notAuthorized: 'https://api.twitter.com/2/problems/not-authorized-for-resource',
  streaming: 'https://api.twitter.com/2/problems/streaming-connection',
  duplicateRules: 'https://api.twitter.com/2/problems/duplicate-rules',
  invalidRules: 'https://api.twitter.com/2/problems/invalid-rules',
  ruleCap: 'https://api.twitter.com/2/problems/rule-cap',
  unsupportedAuth: 'https://api.twitter.com/2/problems/unsupported-authentication',
  operationalDisconnect: 'https://api.twitter.com/2/problems/operational-disconnect',
} as const;

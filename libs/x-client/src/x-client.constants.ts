/** Hosts that twitter-api-v2 hard-codes (globals.js, readonly.js); requests to them get redirected. */
export const X_API_HOSTS: readonly string[] = ['api.x.com', 'api.twitter.com'];

/** The real API origin, used when no base URL is configured. */
export const X_API_ORIGIN = 'https://api.x.com';

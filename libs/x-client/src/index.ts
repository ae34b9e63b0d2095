export { createXClient } from './create-x-client';
export type { CreateXClientOptions } from './create-x-client';
export { BaseUrlPlugin } from './base-url.plugin';
export { parseRateLimitHeaders, msUntilReset } from './rate-limit.parser';
export type { XRateLimit } from './rate-limit.parser';
export { X_API_HOSTS, X_API_ORIGIN } from './x-client.constants';
export { readDmSendResult } from './dm-send-result';
export type { DmSendResult } from './dm-send-result';
export { fastStreamParserPush, installFastStreamParser } from './stream-parser.patch';

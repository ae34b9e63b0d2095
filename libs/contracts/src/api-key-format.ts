import { createHash } from 'node:crypto';

/** Every key starts with this, so secret scanners (and people) recognise a leaked Roost key. */
export const API_KEY_PREFIX = 'rk_';

/** The random part: 32 bytes, base64url (43 characters). */
const RANDOM = /^[A-Za-z0-9_-]{43}$/;

/** Checksum characters at the end of a key: 4 bytes of SHA-256, base64url. */
const CHECKSUM_LENGTH = 6;

/**
 * How a presented key looks before anyone asks the database: `checked` (prefix, 43 random
 * characters and a checksum that matches them), `legacy` (prefix and 43 random characters: keys
 * minted before the checksum, still honoured) or `malformed` (anything else, a wrong checksum
 * included). The checksum is public, not a signature: it refuses random and mistyped keys for
 * free (one in 2^32 passes by chance), not a forger, whom the per-address limit on failed lookups
 * bounds instead (api-key.verifier.ts).
 */
export type ApiKeyShape = 'checked' | 'legacy' | 'malformed';

export function apiKeyShape(key: string): ApiKeyShape {
  if (!key.startsWith(API_KEY_PREFIX)) return 'malformed';
  const rest = key.slice(API_KEY_PREFIX.length);
  if (RANDOM.test(rest)) return 'legacy';
  const random = rest.slice(0, -CHECKSUM_LENGTH);
  if (!RANDOM.test(random)) return 'malformed';

  return rest.slice(-CHECKSUM_LENGTH) === checksum(random) ? 'checked' : 'malformed';
}

/** A key from its random part (43 base64url characters): prefix, random part, checksum. */
export function sealApiKey(random: string): string {
  if (!RANDOM.test(random)) throw new Error('an API key is 32 random bytes, base64url');

  return `${API_KEY_PREFIX}${random}${checksum(random)}`;
}

function checksum(random: string): string {
  return createHash('sha256')
    .update(`${API_KEY_PREFIX}${random}`, 'utf8')
    .digest()
    .subarray(0, 4)
    .toString('base64url');
}

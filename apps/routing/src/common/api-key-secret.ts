import { createHash, randomBytes } from 'node:crypto';
import { API_KEY_PREFIX, sealApiKey } from '@roost/contracts';

export { API_KEY_PREFIX };

/** Characters of a key shown in listings: the marker plus 7 random characters. */
const SHOWN = API_KEY_PREFIX.length + 7;

/** SHA-256 of the whole key: the only form stored (a 256-bit random key needs no slow hash). */
export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/** A new key: 32 random bytes, base64url, with the marker in front and a checksum behind (apiKeyShape). */
export function newApiKey(): { secret: string; prefix: string; hash: Buffer } {
  const secret = sealApiKey(randomBytes(32).toString('base64url'));

  return { secret, prefix: secret.slice(0, SHOWN), hash: hashApiKey(secret) };
}

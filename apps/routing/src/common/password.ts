import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );

/**
 * OWASP Password Storage Cheat Sheet (2025) minimum for scrypt: N=2^17, r=8, p=1, which needs
 * 128 * N * r = 128 MiB per hash. Hashes made at a lower cost (N=2^14 before) still verify, and
 * login replaces them (`needsRehash`).
 */
export const SCRYPT_COST = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEYLEN = 32;

/** Node refuses scrypt above 32 MiB unless told; twice the need leaves room for its bookkeeping. */
const MAX_MEM = 2 * 128 * SCRYPT_COST.N * SCRYPT_COST.r;

/** scrypt (Node's built-in, memory-hard): `scrypt$N$r$p$salt$hash`, base64. */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p } = SCRYPT_COST;
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r, p, maxmem: MAX_MEM });

  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAX_MEM,
  });

  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A stored hash below today's cost, to replace once its password has been verified. */
export function needsRehash(stored: string): boolean {
  const [alg, n, r, p] = stored.split('$');

  return (
    alg !== 'scrypt' || Number(n) < SCRYPT_COST.N || Number(r) < SCRYPT_COST.r || Number(p) < SCRYPT_COST.p
  );
}

/** Verified at today's cost for unknown e-mails, so they answer in about the time a real one does. */
export const DUMMY_HASH = `scrypt$${SCRYPT_COST.N}$${SCRYPT_COST.r}$${SCRYPT_COST.p}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;

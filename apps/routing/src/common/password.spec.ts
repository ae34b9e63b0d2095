import { randomBytes, scryptSync } from 'node:crypto';
import { hashPassword, needsRehash, verifyPassword } from './password';

/** A hash from before the OWASP 2025 cost (N=2^14). */
function oldCostHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });

  return ['scrypt', 16384, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}

describe('password hashing', () => {
  it('hashes at the OWASP 2025 scrypt cost (N=2^17, r=8, p=1) and verifies', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', '131072', '8', '1']);
    await expect(verifyPassword('correct horse battery', stored)).resolves.toBe(true);
    await expect(verifyPassword('wrong horse battery', stored)).resolves.toBe(false);
    expect(needsRehash(stored)).toBe(false);
    // Three scrypt runs at 128 MiB each: about a second alone, several on a loaded 2-core CI runner.
  }, 30_000);

  it('still verifies a hash made at the old cost, and asks for it to be replaced', async () => {
    const stored = oldCostHash('correct horse battery');
    await expect(verifyPassword('correct horse battery', stored)).resolves.toBe(true);
    expect(needsRehash(stored)).toBe(true);
  });
});

import { apiKeyShape } from '@roost/contracts';
import { API_KEY_PREFIX, hashApiKey, newApiKey } from './api-key-secret';

describe('API key secrets', () => {
  it('are 256 random bits behind a recognisable marker, stored as their SHA-256 only', () => {
    const a = newApiKey();
    const b = newApiKey();

    expect(a.secret).toMatch(/^rk_[A-Za-z0-9_-]{49}$/);
    expect(apiKeyShape(a.secret)).toBe('checked');
    expect(a.secret.startsWith(API_KEY_PREFIX)).toBe(true);
    expect(a.secret).not.toBe(b.secret);
    expect(a.prefix).toBe(a.secret.slice(0, 10));
    expect(a.hash.equals(hashApiKey(a.secret))).toBe(true);
    expect(a.hash).toHaveLength(32);
    expect(a.hash.equals(hashApiKey(b.secret))).toBe(false);
  });
});

import { randomBytes } from 'node:crypto';
import type { RoostEnv } from '@roost/config';
import { ApiKeyRpc, DomainError, ErrorCode, sealApiKey, type ApiKeyPrincipal } from '@roost/contracts';
import type { RpcClient } from '@roost/messaging';
import { API_KEY_LOOKUPS_BURST, API_KEY_LOOKUPS_PER_SECOND } from '../common/limits/limits.constants';
import { ApiKeyVerifier } from './api-key.verifier';

const random = (): string => randomBytes(32).toString('base64url');
const PRINCIPAL: ApiKeyPrincipal = { id: 'key-1', brandId: 'brand-1', role: 'supervisor' } as ApiKeyPrincipal;

/** A routing stand-in that counts Verify lookups and knows the keys in `valid`. */
function routing(valid: ReadonlySet<string> = new Set()) {
  const asked: string[] = [];
  const rpc = {
    request: jest.fn(async (def: unknown, req: { key: string }) => {
      expect(def).toBe(ApiKeyRpc.Verify);
      asked.push(req.key);
      if (valid.has(req.key)) return PRINCIPAL;
      throw new DomainError(ErrorCode.Unauthenticated, 'invalid API key');
    }),
  } as unknown as RpcClient;

  return { rpc, asked };
}

const verifierWith = (rpc: RpcClient, cacheSeconds = 60) =>
  new ApiKeyVerifier({ auth: { apiKeyCacheSeconds: cacheSeconds } } as RoostEnv, rpc);

/** The lookups the budget allows within a run that took `ms`: the burst plus what refilled meanwhile. */
const allowedWithin = (ms: number) =>
  API_KEY_LOOKUPS_BURST + Math.ceil((ms / 1000) * API_KEY_LOOKUPS_PER_SECOND) + 1;

describe('ApiKeyVerifier against sprayed keys', () => {
  it('refuses random and mistyped keys without asking routing (shape and checksum are checked here)', async () => {
    const { rpc, asked } = routing();
    const verifier = verifierWith(rpc);
    const genuine = sealApiKey(random());
    const sprayed = [
      ...Array.from({ length: 300 }, () => `rk_${random()}${random().slice(0, 6)}`), // right shape, wrong checksum
      ...Array.from({ length: 100 }, () => random()), // no marker
      `${genuine.slice(0, -1)}${genuine.endsWith('A') ? 'B' : 'A'}`, // one character off
      'rk_short',
    ];

    for (const key of sprayed) {
      await expect(verifier.verify(key, '203.0.113.7')).resolves.toEqual({
        ok: false,
        failure: 'invalid_api_key',
      });
    }
    expect(asked).toHaveLength(0);
  });

  it('bounds lookups of well-formed forged keys per client address, then answers rate_limited without a lookup', async () => {
    const { rpc, asked } = routing();
    const verifier = verifierWith(rpc);
    const started = Date.now();
    const failures: string[] = [];
    // Forged with a valid checksum (the checksum is public) and keys of the pre-checksum shape.
    for (let i = 0; i < 200; i++) {
      const key = i % 2 === 0 ? sealApiKey(random()) : `rk_${random()}`;
      const verdict = await verifier.verify(key, '203.0.113.7');
      if (!verdict.ok) failures.push(verdict.failure);
    }

    expect(asked.length).toBeGreaterThanOrEqual(API_KEY_LOOKUPS_BURST);
    expect(asked.length).toBeLessThanOrEqual(allowedWithin(Date.now() - started));
    expect(failures).toHaveLength(200);
    expect(new Set(failures)).toEqual(new Set(['invalid_api_key', 'rate_limited']));
    expect(failures.filter((f) => f === 'rate_limited')).toHaveLength(200 - asked.length);

    // Another address has its own budget; IPv6 addresses of one /64 share one.
    await expect(verifier.verify(sealApiKey(random()), '198.51.100.1')).resolves.toEqual({
      ok: false,
      failure: 'invalid_api_key',
    });
    const v6 = Array.from(
      { length: API_KEY_LOOKUPS_BURST + 20 },
      (_, i) => `2001:db8:1:2::${(i + 1).toString(16)}`,
    );
    const before = asked.length;
    const v6Started = Date.now();
    for (const ip of v6) await verifier.verify(sealApiKey(random()), ip);
    expect(asked.length - before).toBeLessThanOrEqual(allowedWithin(Date.now() - v6Started));
    await expect(verifier.verify(sealApiKey(random()), '2001:db8:1:2:ffff::9')).resolves.toMatchObject({
      failure: 'rate_limited',
    });
  });

  it('lets valid keys through from an address that spent its budget, and valid keys spend none', async () => {
    const keys = Array.from({ length: API_KEY_LOOKUPS_BURST * 3 }, () => sealApiKey(random()));
    const { rpc } = routing(new Set(keys));
    const verifier = verifierWith(rpc);
    for (const key of keys) {
      await expect(verifier.verify(key, '192.0.2.5')).resolves.toMatchObject({ ok: true });
    }

    for (let i = 0; i < API_KEY_LOOKUPS_BURST * 2; i++) {
      await verifier.verify(sealApiKey(random()), '192.0.2.5');
    }
    // Cached: no lookup needed, so no budget needed.
    await expect(verifier.verify(keys[0] as string, '192.0.2.5')).resolves.toMatchObject({ ok: true });
  });

  it('asks once for a refused key presented again (the refusal is cached for API_KEY_CACHE_SECONDS)', async () => {
    const { rpc, asked } = routing();
    const verifier = verifierWith(rpc);
    const forged = sealApiKey(random());
    for (let i = 0; i < 50; i++) {
      await expect(verifier.verify(forged, '203.0.113.9')).resolves.toEqual({
        ok: false,
        failure: 'invalid_api_key',
      });
    }

    expect(asked).toEqual([forged]);
  });
});

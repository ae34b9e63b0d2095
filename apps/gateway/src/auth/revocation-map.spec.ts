import type { AgentAccessChangedV1 } from '@roost/contracts';
import type { AgentContext } from '../common/context/agent-context';
import { RevocationMap } from './revocation-map';

const AGENT = '7b1e6f5c-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const BRAND = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';

const caller = (issuedAtSeconds: number | undefined, kind: AgentContext['kind'] = 'agent'): AgentContext => ({
  kind,
  id: AGENT,
  brandId: BRAND,
  role: 'agent',
  initials: 'AB',
  queueIds: [],
  expiresAtMs: Number.MAX_SAFE_INTEGER,
  ...(issuedAtSeconds === undefined ? {} : { issuedAtMs: issuedAtSeconds * 1000 }),
});

const change = (active: boolean, tokensValidAfter: string | null): AgentAccessChangedV1 => ({
  schema: 1,
  brandId: BRAND,
  agentId: AGENT,
  active,
  tokensValidAfter,
});

describe('RevocationMap', () => {
  // 2026-01-01T10:00:00.400Z = 1767261600.4 s
  const revokedAt = '2026-01-01T10:00:00.400Z';
  const second = Date.parse('2026-01-01T10:00:00Z') / 1000;

  it('refuses tokens issued before the revocation, even earlier in the same second, and none of an unknown agent', () => {
    const map = new RevocationMap();
    expect(map.refused(caller(second - 5))).toBe(false);
    expect(map.apply(change(true, revokedAt))).toBe(true);
    expect(map.refused(caller(second - 5))).toBe(true);
    expect(map.refused(caller(second))).toBe(true);
    expect(map.refused(caller(second + 1))).toBe(false);
    expect(map.refused(caller(undefined))).toBe(true);
  });

  it('signs new tokens no earlier than the revocation rounded up, so they are never refused', () => {
    const map = new RevocationMap();
    map.apply(change(true, revokedAt));
    const iat = map.issuedAtSeconds(AGENT, Date.parse('2026-01-01T10:00:00.600Z'));
    expect(iat).toBe(second + 1);
    expect(map.refused(caller(iat))).toBe(false);
    expect(map.issuedAtSeconds(AGENT, Date.parse('2026-01-01T10:05:00.000Z'))).toBe(second + 300);
    expect(map.issuedAtSeconds('someone-else', 1_000_500)).toBe(1000);
  });

  it('refuses every token of an inactive agent until reactivated; the revocation never moves back', () => {
    const map = new RevocationMap();
    map.apply(change(false, revokedAt));
    expect(map.refused(caller(second + 100))).toBe(true);
    expect(map.refused(caller(second + 100, 'apiKey'))).toBe(false);
    // A late, older event does not undo the later revocation time.
    map.apply(change(true, '2026-01-01T09:00:00.000Z'));
    expect(map.refused(caller(second))).toBe(true);
    expect(map.refused(caller(second + 100))).toBe(false);
    expect(map.apply(change(true, revokedAt))).toBe(false);
  });

  it('answers the agents whose access a fresh list changed', () => {
    const map = new RevocationMap();
    map.apply(change(true, revokedAt));
    expect(map.replace([change(true, revokedAt)])).toEqual([]);
    expect(map.replace([change(false, revokedAt)])).toEqual([AGENT]);
    expect(map.replace([])).toEqual([AGENT]);
    expect(map.refused(caller(second - 5))).toBe(false);
  });
});

import { ErrorCode, DomainError } from './errors';
import { atLeast, forbidden, managesBrand, requireRole } from './role-policy';

describe('role policy', () => {
  it('orders the roles agent < supervisor < admin', () => {
    expect(atLeast('admin', 'supervisor')).toBe(true);
    expect(atLeast('supervisor', 'supervisor')).toBe(true);
    expect(atLeast('supervisor', 'admin')).toBe(false);
    expect(atLeast('agent', 'supervisor')).toBe(false);
    expect(['agent', 'supervisor', 'admin'].map((r) => managesBrand(r as 'agent'))).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('refuses with FORBIDDEN and the typed reason for the role that was needed', () => {
    expect(() => requireRole('admin', 'admin')).not.toThrow();
    expect(() => requireRole('supervisor', 'supervisor')).not.toThrow();
    const refusal = (f: () => void) => {
      try {
        f();
      } catch (e) {
        return (e as DomainError).toBody();
      }
      throw new Error('not refused');
    };
    expect(refusal(() => requireRole('supervisor', 'admin'))).toEqual({
      code: ErrorCode.Forbidden,
      message: 'admins only',
      details: { reason: 'ADMIN_REQUIRED' },
    });
    expect(refusal(() => requireRole('agent', 'supervisor'))).toMatchObject({
      code: ErrorCode.Forbidden,
      details: { reason: 'SUPERVISOR_REQUIRED' },
    });
    expect(forbidden('ROLE', 'no', { required: ['admin'] }).toBody()).toEqual({
      code: ErrorCode.Forbidden,
      message: 'no',
      details: { reason: 'ROLE', required: ['admin'] },
    });
  });
});

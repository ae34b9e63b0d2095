import { accessActions } from './agent-access';

describe('accessActions', () => {
  const admin = { id: 'a1', role: 'ADMIN' as const };

  it('offers admins deactivation and a password reset for an active agent, reactivation only for a deactivated one', () => {
    expect(accessActions(admin, { id: 'x', active: true })).toEqual({
      deactivate: true,
      reactivate: false,
      resetPassword: true,
    });
    expect(accessActions(admin, { id: 'x', active: false })).toEqual({
      deactivate: false,
      reactivate: true,
      resetPassword: false,
    });
  });

  it('offers nothing on the admin’s own row, nor to supervisors and agents', () => {
    const none = { deactivate: false, reactivate: false, resetPassword: false };
    expect(accessActions(admin, { id: 'a1', active: true })).toEqual(none);
    expect(accessActions({ id: 's', role: 'SUPERVISOR' }, { id: 'x', active: true })).toEqual(none);
    expect(accessActions({ id: 'g', role: 'AGENT' }, { id: 'x', active: false })).toEqual(none);
  });
});

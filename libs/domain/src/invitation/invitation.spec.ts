import { invitableRoles, invitationState } from './invitation';

describe('invitationState', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  const inAWeek = new Date('2026-12-14T12:00:00Z');

  it('is pending before its expiry and expired from its expiry on', () => {
    expect(invitationState({ expiresAt: inAWeek, acceptedAt: null, revokedAt: null }, now)).toBe(
      'pending',
    );
    expect(invitationState({ expiresAt: now, acceptedAt: null, revokedAt: null }, now)).toBe(
      'expired',
    );
  });

  it('stays accepted or revoked after its expiry', () => {
    const before = new Date('2026-12-01T12:00:00Z');
    expect(invitationState({ expiresAt: before, acceptedAt: before, revokedAt: null }, now)).toBe(
      'accepted',
    );
    expect(invitationState({ expiresAt: before, acceptedAt: null, revokedAt: before }, now)).toBe(
      'revoked',
    );
  });
});

describe('invitableRoles', () => {
  it('lets a publisher admin invite company admins and a company admin editors and viewers', () => {
    expect(invitableRoles('publisher_admin', 'company')).toEqual(['company_admin']);
    expect(invitableRoles('company_admin', 'company')).toEqual([
      'company_editor',
      'company_viewer',
    ]);
  });

  it('lets the operator invite the first admin of a publisher or a company', () => {
    expect(invitableRoles('platform_admin', 'publisher')).toEqual(['publisher_admin']);
    expect(invitableRoles('platform_admin', 'company')).toEqual(['company_admin']);
  });

  it('lets nobody else invite', () => {
    expect(invitableRoles('publisher_analyst', 'company')).toEqual([]);
    expect(invitableRoles('company_editor', 'company')).toEqual([]);
    expect(invitableRoles('company_viewer', 'company')).toEqual([]);
  });
});

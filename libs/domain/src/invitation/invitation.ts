import type { OrganisationKind } from '../access/organisation-kind';
import type { Role } from '../access/role';

/** How long an invitation's link is valid. */
export const INVITATION_VALID_DAYS = 7;

/** Where an invitation stands, derived from its times: nothing stores it as a word. */
export const INVITATION_STATES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

/** The times of an invitation that decide its state. */
export interface InvitationTimes {
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * The state of an invitation at `now`: accepted or revoked for good, otherwise pending until it
 * expires (an expired one can be sent again, which makes it pending with a new link).
 */
export function invitationState(times: InvitationTimes, now: Date): InvitationState {
  if (times.acceptedAt !== null) {
    return 'accepted';
  }
  if (times.revokedAt !== null) {
    return 'revoked';
  }
  return times.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

/**
 * The roles a person may be invited into by a caller of `role`: a publisher's admin brings in a
 * company's first contact as its admin, a company's admin brings in colleagues as editors or
 * viewers, and the platform's operator brings in a new tenant's first admin.
 */
export function invitableRoles(role: Role, kind: OrganisationKind): readonly Role[] {
  switch (role) {
    case 'publisher_admin':
      return ['company_admin'];
    case 'company_admin':
      return ['company_editor', 'company_viewer'];
    case 'platform_admin':
      return kind === 'publisher' ? ['publisher_admin'] : ['company_admin'];
    case 'publisher_analyst':
    case 'company_editor':
    case 'company_viewer':
      return [];
  }
}

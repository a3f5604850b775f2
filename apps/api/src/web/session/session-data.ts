import type { OrganisationKind, Role } from '@app/domain';

/**
 * The signed-in person as the session keeps it: what `AuthService.authenticate` yields for the
 * user (an Actor without API key), plus the names the page header shows.
 */
export interface SignedInUser {
  userId: string;
  tenantId: string;
  organisationKind: OrganisationKind;
  role: Role;
  name: string;
  email: string;
  organisationName: string;
  /** Epoch milliseconds of the sign-in: the session's absolute lifetime counts from here. */
  signedInAt: number;
}

declare module 'express-session' {
  // Declaration merging: express-session's SessionData is the shape of every session.
  interface SessionData {
    /** Set by a successful sign-in, in a fresh session. */
    user?: SignedInUser;
    /** The synchronizer token every form of the session posts back (see csrf.ts). */
    csrfToken?: string;
  }
}

import type { InvitationState, Role } from '@app/domain';

/** The languages a contact reads the product's mails in. */
export const CONTACT_LANGUAGES = ['de', 'en'] as const;
export type ContactLanguage = (typeof CONTACT_LANGUAGES)[number];

/** The person an invitation is for. */
export interface InviteeInput {
  email: string;
  name: string;
  language: ContactLanguage;
}

/** A company invited into a study: one the publisher knows by id, or a new one by name. */
export interface CompanyInvitationInput extends InviteeInput {
  companyId?: string;
  companyName?: string;
}

/** A colleague invited into the caller's company. */
export interface ColleagueInvitationInput extends InviteeInput {
  role: Extract<Role, 'company_editor' | 'company_viewer'>;
}

/** An invitation as its sender reads it; never its link. */
export interface InvitationView {
  id: string;
  /** The organisation that sent it. */
  senderId: string;
  /** The organisation the invitee joins. */
  organisationId: string;
  organisationName: string | null;
  studyId: string | null;
  studyName: string | null;
  email: string;
  name: string;
  role: Role;
  language: ContactLanguage;
  /** Derived from its times when it is read. */
  state: InvitationState;
  createdAt: string;
  /** When its current link was sent. */
  sentAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

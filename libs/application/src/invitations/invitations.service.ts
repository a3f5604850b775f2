import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Action,
  Actor,
  asTenantId,
  DomainError,
  DomainErrorCode,
  INVITATION_VALID_DAYS,
  invitableRoles,
  invitationState,
  notFound,
  requireAccess,
  type LocalizedMessage,
  type OrganisationKind,
  type Role,
} from '@app/domain';
import { JobQueue, QueueName } from '@app/jobs';
import {
  consumeInvitation,
  insertCompany,
  insertInvitedUser,
  invitationByHash,
  type InvitationRow,
  issueInvitation,
  OrganisationEntity,
  organisationKindOf,
  queueMail,
  renewInvitation,
  renewTenantInvitation,
  revokeInvitation,
  sentInvitation,
  sentInvitations,
  TenantDb,
  tenantInvitations,
  type TenantTx,
  userNames,
  findStudy,
  takesPart,
  insertParticipation,
  getOrganisation,
  userWithEmailExists,
  insertOrganisation,
  findCompanyNamed,
} from '@app/persistence';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { enqueueMails } from '../common/enqueue-mails';
import type { QueuedMail } from '../notifications/notification-mails';
import { hashLinkToken, isLinkToken, newLinkToken } from '../common/single-use-token';
import { PUBLIC_URL } from '../notifications/public-url';
import { PASSWORD_MIN_LENGTH } from '../organisations/organisation.types';
import { PASSWORD_RESET_TEXTS } from '../password-reset/password-reset.texts';
import type {
  ColleagueInvitationInput,
  CompanyInvitationInput,
  ContactLanguage,
  InvitationView,
  InviteeInput,
} from './invitation.types';
import { INVITATION_TEXTS as T } from './invitations.texts';

/** How long an invitation's link is valid, in seconds. */
export const INVITATION_VALID_SECONDS = INVITATION_VALID_DAYS * 24 * 3600;

/** Where an invitation's link leads: the page that takes the invitee's password. */
export const INVITATION_ACCEPT_PATH = '/invitations/accept';

/** The person an invitation is for, as its mail names them. */
export interface InvitationPreview {
  email: string;
  name: string;
}

/** What the mail of an issued link needs besides the invitee. */
interface MailContext {
  organisationName: string;
  studyName: string | null;
  inviterName: string;
}

const refused = (message: LocalizedMessage, key = 'token', rule = 'valid_invitation_token') =>
  new DomainError(DomainErrorCode.ValidationFailed, message, [{ key, rule, message }]);

export function toInvitationView(row: InvitationRow, now: Date = new Date()): InvitationView {
  return {
    id: row.id,
    senderId: row.tenantId,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    studyId: row.studyId,
    studyName: row.studyName,
    email: row.email,
    name: row.name,
    role: row.role,
    language: row.language,
    state: invitationState(row, now),
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Invitations by e-mail: a publisher brings a company's first contact into a study (creating the
 * company when it has no tenant yet), a company admin brings in colleagues, the operator a new
 * tenant's first admin. Each link is single-use, stored as its SHA-256, valid 7 days; sending an
 * invitation again replaces its link. Following the link sets the invitee's password and makes
 * the account.
 */
@Injectable()
export class InvitationsService {
  private readonly logger = new Logger(InvitationsService.name);

  constructor(
    private readonly db: TenantDb,
    @InjectQueue(QueueName.Mail) private readonly queue: JobQueue<QueueName.Mail>,
    @Inject(PUBLIC_URL) private readonly publicUrl: string,
  ) {}

  /**
   * Invites a company's first contact, as its admin, to one of the publisher's studies. A
   * company named that has no tenant yet is created; the company is enrolled in the study if
   * it is not yet.
   *
   * @throws DomainError NotFound for a study that is not the publisher's; ValidationFailed
   *   without a company, or for an id that names no company
   */
  async inviteCompany(
    actor: Actor,
    studyId: string,
    input: CompanyInvitationInput,
  ): Promise<InvitationView> {
    requireAccess(actor, Action.InvitationInviteCompany);
    const { dto, mail } = await this.db.withTenant(actor.tenantId, async (m) => {
      const study = await findStudy(m, studyId);
      if (!study) {
        throw notFound('Study', studyId);
      }
      requireAccess(actor, Action.InvitationInviteCompany, {
        thing: 'Study',
        id: studyId,
        ownerId: study.tenantId,
      });
      const companyId = await this.companyToInvite(m, input);
      if (!(await takesPart(m, studyId, companyId))) {
        await insertParticipation(m, { tenantId: actor.tenantId, studyId, companyId });
      }
      const company = await getOrganisation(m, companyId);
      return this.issue(m, actor, companyId, study.id, input, 'company_admin', {
        organisationName: company.name,
        studyName: study.name,
        inviterName: await this.inviterName(m, actor),
      });
    });
    await enqueueMails(this.queue, mail, this.logger);
    return dto;
  }

  /**
   * Invites a colleague into the caller's company as an editor or a viewer.
   *
   * @throws DomainError Conflict when the address has an account in the company already
   */
  async inviteColleague(actor: Actor, input: ColleagueInvitationInput): Promise<InvitationView> {
    requireAccess(actor, Action.InvitationInviteColleague);
    assertInvitable(actor.role, actor.organisationKind, input.role);
    const { dto, mail } = await this.db.withTenant(actor.tenantId, async (m) => {
      if (await userWithEmailExists(m, input.email)) {
        const message = T.colleagueExists(input.email);
        throw new DomainError(DomainErrorCode.Conflict, message, [
          { key: 'email', rule: 'unique', message },
        ]);
      }
      const own = await getOrganisation(m, actor.tenantId);
      return this.issue(m, actor, actor.tenantId, null, input, input.role, {
        organisationName: own.name,
        studyName: null,
        inviterName: await this.inviterName(m, actor),
      });
    });
    await enqueueMails(this.queue, mail, this.logger);
    return dto;
  }

  /**
   * Creates a tenant and invites its first admin, as the platform operator (the invitation is
   * the platform's, and so is its mail); a part of the use-case OrganisationCreate, whose
   * access OrganisationsService checked.
   */
  async createOrganisationInviting(
    actor: Actor,
    kind: Exclude<OrganisationKind, 'platform'>,
    name: string,
    admin: InviteeInput,
  ): Promise<OrganisationEntity> {
    const role: Role = kind === 'publisher' ? 'publisher_admin' : 'company_admin';
    assertInvitable(actor.role, kind, role);
    const { organisation, mail } = await this.db.withTenant(actor.tenantId, async (m) => {
      const created = await insertOrganisation(m, { kind, name });
      const issued = await this.issue(m, actor, created.id, null, admin, role, {
        organisationName: created.name,
        studyName: null,
        inviterName: await this.inviterName(m, actor),
      });
      return { organisation: created, mail: issued.mail };
    });
    await enqueueMails(this.queue, mail, this.logger);
    return organisation;
  }

  /** The invitations the caller's organisation sent, newest first, with their state. */
  list(actor: Actor): Promise<InvitationView[]> {
    requireAccess(actor, Action.InvitationRead);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const now = new Date();
      return (await sentInvitations(m)).map((row) => toInvitationView(row, now));
    });
  }

  /**
   * Sends an open invitation again with a new link, valid 7 days from now; its old link stops
   * working.
   *
   * @throws DomainError NotFound for another organisation's invitation; Conflict for one that
   *   was accepted or revoked
   */
  async resend(actor: Actor, invitationId: string): Promise<InvitationView> {
    requireAccess(actor, Action.InvitationResend);
    const { dto, mail } = await this.db.withTenant(actor.tenantId, async (m) => {
      const row = await this.ownInvitation(m, actor, Action.InvitationResend, invitationId);
      const token = newLinkToken();
      const renewed = await renewInvitation(
        m,
        invitationId,
        hashLinkToken(token),
        INVITATION_VALID_SECONDS,
      );
      if (!renewed) {
        throw new DomainError(DomainErrorCode.Conflict, T.notOpen);
      }
      const messageId = await this.queueInvitationMail(m, row, renewed.tokenId, token, {
        organisationName: row.organisationName ?? '',
        studyName: row.studyName,
        inviterName: await this.inviterName(m, actor),
      });
      const reread = await sentInvitation(m, invitationId);
      return {
        dto: toInvitationView(reread ?? row),
        mail: messageId === null ? [] : [{ tenantId: actor.tenantId, messageId }],
      };
    });
    await enqueueMails(this.queue, mail, this.logger);
    return dto;
  }

  /**
   * Revokes an open invitation: its link is refused from now on.
   *
   * @throws DomainError NotFound for another organisation's invitation; Conflict for one that
   *   was accepted or revoked
   */
  revoke(actor: Actor, invitationId: string): Promise<InvitationView> {
    requireAccess(actor, Action.InvitationRevoke);
    return this.db.withTenant(actor.tenantId, async (m) => {
      await this.ownInvitation(m, actor, Action.InvitationRevoke, invitationId);
      if (!(await revokeInvitation(m, invitationId))) {
        throw new DomainError(DomainErrorCode.Conflict, T.notOpen);
      }
      const row = await sentInvitation(m, invitationId);
      if (!row) {
        throw notFound('Invitation', invitationId);
      }
      return toInvitationView(row);
    });
  }

  /**
   * The operator sends an open invitation into a tenant again with a new link; the mail is the
   * platform's.
   *
   * @throws DomainError NotFound for an invitation that is not into that tenant; Conflict for
   *   one that was accepted or revoked
   */
  async resendIntoTenant(
    actor: Actor,
    organisationId: string,
    invitationId: string,
  ): Promise<InvitationView> {
    requireAccess(actor, Action.OrganisationInvitationResend);
    const { dto, mail } = await this.db.withTenant(actor.tenantId, async (m) => {
      const row = (await tenantInvitations(m, organisationId)).find((i) => i.id === invitationId);
      if (!row) {
        throw notFound('Invitation', invitationId);
      }
      const token = newLinkToken();
      const renewed = await renewTenantInvitation(
        m,
        invitationId,
        hashLinkToken(token),
        INVITATION_VALID_SECONDS,
      );
      if (!renewed) {
        throw new DomainError(DomainErrorCode.Conflict, T.notOpen);
      }
      const organisation = await getOrganisation(m, organisationId);
      const messageId = await this.queueInvitationMail(m, row, renewed.tokenId, token, {
        organisationName: organisation.name,
        studyName: null,
        inviterName: await this.inviterName(m, actor),
      });
      const reread = (await tenantInvitations(m, organisationId)).find(
        (i) => i.id === invitationId,
      );
      return {
        dto: toInvitationView({ ...(reread ?? row), organisationName: organisation.name }),
        mail: messageId === null ? [] : [{ tenantId: actor.tenantId, messageId }],
      };
    });
    await enqueueMails(this.queue, mail, this.logger);
    return dto;
  }

  /**
   * Refuses a token that is malformed, unknown, used, revoked or expired, without using it: the
   * page that takes the password checks it before showing the form.
   *
   * @throws DomainError ValidationFailed naming the token and why
   */
  async check(token: string): Promise<InvitationPreview> {
    const found = await this.usableToken(token);
    return { email: found.email, name: found.name };
  }

  /**
   * Accepts an invitation: uses its token and makes the invitee's account with the password, in
   * one transaction, so that a refusal changes nothing. The account's address, to sign in with.
   *
   * @throws DomainError ValidationFailed naming the token or the password and the rule
   */
  async accept(token: string, password: string): Promise<InvitationPreview> {
    const found = await this.usableToken(token);
    if (password.length < PASSWORD_MIN_LENGTH) {
      throw refused(
        PASSWORD_RESET_TEXTS.passwordTooShort(PASSWORD_MIN_LENGTH),
        'password',
        'minLength',
      );
    }
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    // The invitation is its sender's, the account the organisation's: the token is used as the
    // sender, then the account is made as the organisation it joins, in the same transaction.
    await this.db.withNewTenant(
      asTenantId(found.tenant_id),
      async (m) => {
        const organisationId = await consumeInvitation(m, found.id);
        if (organisationId === null) {
          // Another request used the token since it was checked.
          throw refused(T.tokenUsed);
        }
        return { id: organisationId };
      },
      async (m) => {
        const userId = await insertInvitedUser(m, {
          email: found.email,
          name: found.name,
          role: found.role,
          language: found.language,
          passwordHash,
        });
        if (userId === null) {
          throw refused(T.accountExists, 'email', 'unique');
        }
      },
    );
    return { email: found.email, name: found.name };
  }

  private async usableToken(token: string) {
    const found = isLinkToken(token)
      ? await this.db.withoutTenant((m) => invitationByHash(m, hashLinkToken(token)))
      : undefined;
    if (!found) {
      throw refused(T.tokenUnknown);
    }
    if (found.accepted) {
      throw refused(T.tokenUsed);
    }
    if (found.revoked) {
      throw refused(T.tokenRevoked);
    }
    if (found.expired) {
      throw refused(T.tokenExpired);
    }
    if (found.organisation_disabled) {
      throw refused(T.organisationDisabled);
    }
    return found;
  }

  /** The company a publisher invites: the one given by id, one of its name, or a new one. */
  private async companyToInvite(m: TenantTx, input: CompanyInvitationInput): Promise<string> {
    if (input.companyId !== undefined) {
      if ((await organisationKindOf(m, input.companyId)) !== 'company') {
        throw refused(T.notACompany(input.companyId), 'companyId', 'company_exists');
      }
      return input.companyId;
    }
    const name = input.companyName?.trim() ?? '';
    if (name === '') {
      throw refused(T.companyMissing, 'companyName', 'required');
    }
    // Row-level security: only the companies of the publisher's studies are found by name, so
    // the answer tells nothing about other publishers' participants.
    const known = await findCompanyNamed(m, name);
    if (known) {
      return known.id;
    }
    const id = randomUUID();
    await insertCompany(m, id, name);
    return id;
  }

  /** An invitation of the caller's organisation found by id, or not found. */
  private async ownInvitation(
    m: TenantTx,
    actor: Actor,
    action: Action,
    invitationId: string,
  ): Promise<InvitationRow> {
    const row = await sentInvitation(m, invitationId);
    if (!row) {
      throw notFound('Invitation', invitationId);
    }
    requireAccess(actor, action, { thing: 'Invitation', id: invitationId, ownerId: row.tenantId });
    return row;
  }

  /** Writes an invitation (or renews the open one of the address) and its mail. */
  private async issue(
    m: TenantTx,
    actor: Actor,
    organisationId: string,
    studyId: string | null,
    invitee: InviteeInput,
    role: Role,
    context: MailContext,
  ): Promise<{ dto: InvitationView; mail: QueuedMail[] }> {
    const token = newLinkToken();
    const issued = await issueInvitation(m, {
      organisationId,
      studyId,
      email: invitee.email,
      name: invitee.name,
      role,
      language: invitee.language,
      tokenHash: hashLinkToken(token),
      invitedBy: actor.userId,
      validSeconds: INVITATION_VALID_SECONDS,
    });
    const row = await sentInvitation(m, issued.id);
    if (!row) {
      throw new Error(`the invitation ${issued.id} just written is not readable`);
    }
    const messageId = await this.queueInvitationMail(m, row, issued.tokenId, token, context);
    return {
      dto: toInvitationView({
        ...row,
        organisationName: row.organisationName ?? context.organisationName,
      }),
      mail: messageId === null ? [] : [{ tenantId: actor.tenantId, messageId }],
    };
  }

  /** The mail of one link of an invitation: once per link (its token id). */
  private queueInvitationMail(
    m: TenantTx,
    invitee: { email: string; name: string; language: ContactLanguage },
    tokenId: string,
    token: string,
    context: MailContext,
  ): Promise<string | null> {
    return queueMail(m, {
      recipient: invitee.email,
      language: invitee.language,
      purpose: 'invitation',
      objectId: tokenId,
      params: {
        name: invitee.name,
        organisationName: context.organisationName,
        studyName: context.studyName ?? '',
        inviterName: context.inviterName,
        validDays: String(INVITATION_VALID_DAYS),
      },
      secretParams: { link: `${this.publicUrl}${INVITATION_ACCEPT_PATH}?token=${token}` },
    });
  }

  /** Who the mail says invites: the user and the organisation, or the organisation for a key. */
  private async inviterName(m: TenantTx, actor: Actor): Promise<string> {
    const names = actor.userId === null ? null : await userNames(m, actor.userId);
    if (names) {
      return `${names.name} (${names.organisationName})`;
    }
    const own = await getOrganisation(m, actor.tenantId);
    return own.name;
  }
}

function assertInvitable(inviter: Role, kind: OrganisationKind, role: Role): void {
  if (!invitableRoles(inviter, kind).includes(role)) {
    const allowed = invitableRoles(inviter, kind).join(', ');
    const message = {
      de: `role: Sie können niemanden als ${role} einladen; möglich: ${allowed}.`,
      en: `role: You cannot invite anyone as ${role}; possible: ${allowed}.`,
    };
    throw refused(message, 'role', 'invitable_role');
  }
}

import { Injectable } from '@nestjs/common';
import {
  Action,
  Actor,
  asTenantId,
  DomainError,
  DomainErrorCode,
  notFound,
  OrganisationKind,
  requireAccess,
  Role,
  rolesFor,
} from '@app/domain';
import {
  OrganisationEntity,
  TenantDb,
  tenantInvitations,
  tenantUsers,
  UserEntity,
  insertOrganisation,
  organisationsByName,
  organisationNames,
  saveOrganisation,
  findOrganisation,
  usersByEmail,
  userWithEmailExists,
  insertUser,
} from '@app/persistence';
import * as argon2 from 'argon2';
import type { TenantTx } from '@app/persistence';
import type {
  NewOrganisationInput,
  NewUserInput,
  OrganisationView,
  TenantUserView,
  UserView,
} from './organisation.types';
import { ROLE_REFUSALS } from '../common/roles.texts';
import type { InvitationView } from '../invitations/invitation.types';
import { InvitationsService, toInvitationView } from '../invitations/invitations.service';
import { ORGANISATION_TEXTS } from './organisations.texts';

function toOrganisationView(o: OrganisationEntity): OrganisationView {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    createdAt: o.createdAt.toISOString(),
    disabledAt: o.disabledAt?.toISOString() ?? null,
  };
}

function toUserView(u: UserEntity): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    createdAt: u.createdAt.toISOString(),
  };
}

/** Tenants (for the platform operator) and the users of one's own organisation. */
@Injectable()
export class OrganisationsService {
  constructor(
    private readonly db: TenantDb,
    private readonly invitations: InvitationsService,
  ) {}

  /**
   * Creates a publisher or company with its first administrator, in one transaction: an
   * account with the given password, or, without one, an invitation mailed to the person.
   */
  async createOrganisation(actor: Actor, input: NewOrganisationInput): Promise<OrganisationView> {
    requireAccess(actor, Action.OrganisationCreate);
    const { password, language, ...admin } = input.admin;
    if (password === undefined) {
      return toOrganisationView(
        await this.invitations.createOrganisationInviting(actor, input.kind, input.name, {
          ...admin,
          language: language ?? 'de',
        }),
      );
    }
    // The first user is written as the new tenant: the platform gets no standing access to
    // other tenants' users.
    return this.db.withNewTenant(
      actor.tenantId,
      (m) => insertOrganisation(m, { kind: input.kind, name: input.name }),
      async (m, organisation) => {
        const adminRole: Role = input.kind === 'publisher' ? 'publisher_admin' : 'company_admin';
        await this.insertUser(m, organisation.id, { ...admin, password }, adminRole);
        return toOrganisationView(organisation);
      },
    );
  }

  listOrganisations(actor: Actor): Promise<OrganisationView[]> {
    requireAccess(actor, Action.OrganisationRead);
    return this.db.withTenant(actor.tenantId, async (m) =>
      (await organisationsByName(m)).map(toOrganisationView),
    );
  }

  /**
   * The names of the organisations the caller sees (row-level security: its own, a company's
   * publishers, a publisher's participants), for pages that name them: a part of the page's
   * use-case, which checked the caller's access, not one of its own.
   */
  organisationNames(actor: Actor): Promise<Map<string, string>> {
    return this.db.withTenant(actor.tenantId, organisationNames);
  }

  /**
   * Disables a tenant, as the platform operator: its users can no longer sign in, and their
   * sessions, access tokens and API keys stop working at their next request.
   *
   * @throws DomainError NotFound for no organisation of that id; InvalidState for the platform
   */
  disableOrganisation(actor: Actor, organisationId: string): Promise<OrganisationView> {
    requireAccess(actor, Action.OrganisationDisable);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const organisation = await this.organisationOrNotFound(
        m,
        actor,
        Action.OrganisationDisable,
        organisationId,
      );
      if (organisation.kind === 'platform') {
        throw new DomainError(DomainErrorCode.InvalidState, ORGANISATION_TEXTS.platformStays);
      }
      if (organisation.disabledAt === null) {
        organisation.disabledAt = new Date();
        await saveOrganisation(m, organisation);
      }
      return toOrganisationView(organisation);
    });
  }

  /** A tenant's users, as the platform operator sees them (no password hashes). */
  tenantUsers(actor: Actor, organisationId: string): Promise<TenantUserView[]> {
    requireAccess(actor, Action.OrganisationMembersRead);
    return this.db.withTenant(actor.tenantId, async (m) => {
      await this.organisationOrNotFound(m, actor, Action.OrganisationMembersRead, organisationId);
      return (await tenantUsers(m, organisationId)).map((u) => ({
        id: u.id,
        email: u.email,
        name: u.name,
        role: u.role,
        createdAt: u.createdAt.toISOString(),
        disabledAt: u.disabledAt?.toISOString() ?? null,
      }));
    });
  }

  /** The invitations into a tenant, whoever sent them, as the platform operator sees them. */
  tenantInvitations(actor: Actor, organisationId: string): Promise<InvitationView[]> {
    requireAccess(actor, Action.OrganisationMembersRead);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const organisation = await this.organisationOrNotFound(
        m,
        actor,
        Action.OrganisationMembersRead,
        organisationId,
      );
      const now = new Date();
      return (await tenantInvitations(m, organisationId)).map((row) =>
        toInvitationView({ ...row, organisationName: organisation.name }, now),
      );
    });
  }

  /** One organisation the caller sees (the operator sees every one), or not found. */
  getOrganisation(actor: Actor, organisationId: string): Promise<OrganisationView> {
    requireAccess(actor, Action.OrganisationRead);
    return this.db.withTenant(actor.tenantId, async (m) =>
      toOrganisationView(
        await this.organisationOrNotFound(m, actor, Action.OrganisationRead, organisationId),
      ),
    );
  }

  private async organisationOrNotFound(
    m: TenantTx,
    actor: Actor,
    action: Action,
    organisationId: string,
  ): Promise<OrganisationEntity> {
    const organisation = await findOrganisation(m, organisationId);
    if (!organisation) {
      throw notFound('Organisation', organisationId);
    }
    // The operator acts on every tenant; row-level security lets it see them all.
    requireAccess(actor, action, {
      thing: 'Organisation',
      id: organisationId,
      ownerId: actor.organisationKind === 'platform' ? actor.tenantId : organisation.id,
    });
    return organisation;
  }

  listUsers(actor: Actor): Promise<UserView[]> {
    requireAccess(actor, Action.UserRead);
    return this.db.withTenant(actor.tenantId, async (m) => (await usersByEmail(m)).map(toUserView));
  }

  async createUser(actor: Actor, input: NewUserInput, role: Role): Promise<UserView> {
    requireAccess(actor, Action.UserCreate);
    assertRoleFits(actor.organisationKind, role);
    return this.db.withTenant(actor.tenantId, async (m) =>
      toUserView(await this.insertUser(m, actor.tenantId, input, role)),
    );
  }

  private async insertUser(
    m: TenantTx,
    tenantId: string,
    input: NewUserInput,
    role: Role,
  ): Promise<UserEntity> {
    // Only the organisation's own users count (row-level security): whether the address has an
    // account elsewhere is none of this organisation's business, and the answer must not tell.
    if (await userWithEmailExists(m, input.email)) {
      throw new DomainError(
        DomainErrorCode.Conflict,
        {
          de: `Ein Benutzer mit der E-Mail-Adresse ${input.email} existiert in dieser Organisation schon.`,
          en: `A user with the e-mail address ${input.email} exists already in this organisation.`,
        },
        [
          {
            key: 'email',
            rule: 'unique',
            message: {
              de: 'email wird in dieser Organisation schon verwendet.',
              en: 'email is already in use in this organisation.',
            },
          },
        ],
      );
    }
    return insertUser(m, {
      tenantId: asTenantId(tenantId),
      email: input.email,
      name: input.name,
      role,
      passwordHash: await argon2.hash(input.password, { type: argon2.argon2id }),
      preferredLanguage: 'de',
    });
  }
}

function assertRoleFits(kind: OrganisationKind, role: Role): void {
  if (!rolesFor(kind).includes(role)) {
    throw new DomainError(DomainErrorCode.ValidationFailed, ROLE_REFUSALS.userRole(kind, role), [
      {
        key: 'role',
        rule: 'role_of_organisation',
        message: ROLE_REFUSALS.roleOneOf(rolesFor(kind)),
      },
    ]);
  }
}

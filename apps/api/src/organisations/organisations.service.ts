import { Injectable } from '@nestjs/common';
import {
  Action,
  Actor,
  asTenantId,
  DomainError,
  DomainErrorCode,
  OrganisationKind,
  requireAccess,
  Role,
  rolesFor,
} from '@app/domain';
import { OrganisationEntity, TenantDb, UserEntity } from '@app/persistence';
import * as argon2 from 'argon2';
import type { TenantTx } from '@app/persistence';
import {
  CreateOrganisationDto,
  NewUserDto,
  OrganisationDto,
  UserDto,
} from './dto/organisation.dto';
import { ROLE_REFUSALS } from '../common/roles.texts';

function toOrganisationDto(o: OrganisationEntity): OrganisationDto {
  return { id: o.id, kind: o.kind, name: o.name, createdAt: o.createdAt.toISOString() };
}

function toUserDto(u: UserEntity): UserDto {
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
  constructor(private readonly db: TenantDb) {}

  /** Creates a publisher or company with its first administrator, in one transaction. */
  async createOrganisation(actor: Actor, input: CreateOrganisationDto): Promise<OrganisationDto> {
    requireAccess(actor, Action.OrganisationCreate);
    // The first user is written as the new tenant: the platform gets no standing access to
    // other tenants' users.
    return this.db.withNewTenant(
      actor.tenantId,
      (m) => m.save(m.create(OrganisationEntity, { kind: input.kind, name: input.name })),
      async (m, organisation) => {
        const adminRole: Role = input.kind === 'publisher' ? 'publisher_admin' : 'company_admin';
        await this.insertUser(m, organisation.id, input.admin, adminRole);
        return toOrganisationDto(organisation);
      },
    );
  }

  listOrganisations(actor: Actor): Promise<OrganisationDto[]> {
    requireAccess(actor, Action.OrganisationRead);
    return this.db.withTenant(actor.tenantId, async (m) =>
      (await m.find(OrganisationEntity, { order: { name: 'ASC' } })).map(toOrganisationDto),
    );
  }

  /**
   * The names of the organisations the caller sees (row-level security: its own, a company's
   * publishers, a publisher's participants), for pages that name them: a part of the page's
   * use-case, which checked the caller's access, not one of its own.
   */
  organisationNames(actor: Actor): Promise<Map<string, string>> {
    return this.db.withTenant(
      actor.tenantId,
      async (m) => new Map((await m.find(OrganisationEntity)).map((o) => [o.id, o.name])),
    );
  }

  listUsers(actor: Actor): Promise<UserDto[]> {
    requireAccess(actor, Action.UserRead);
    return this.db.withTenant(actor.tenantId, async (m) =>
      (await m.find(UserEntity, { order: { email: 'ASC' } })).map(toUserDto),
    );
  }

  async createUser(actor: Actor, input: NewUserDto, role: Role): Promise<UserDto> {
    requireAccess(actor, Action.UserCreate);
    assertRoleFits(actor.organisationKind, role);
    return this.db.withTenant(actor.tenantId, async (m) =>
      toUserDto(await this.insertUser(m, actor.tenantId, input, role)),
    );
  }

  private async insertUser(
    m: TenantTx,
    tenantId: string,
    input: NewUserDto,
    role: Role,
  ): Promise<UserEntity> {
    // Only the organisation's own users count (row-level security): whether the address has an
    // account elsewhere is none of this organisation's business, and the answer must not tell.
    if (await m.existsBy(UserEntity, { email: input.email })) {
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
    const user = m.create(UserEntity, {
      tenantId: asTenantId(tenantId),
      email: input.email,
      name: input.name,
      role,
      passwordHash: await argon2.hash(input.password, { type: argon2.argon2id }),
      preferredLanguage: 'de',
    });
    return m.save(user);
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

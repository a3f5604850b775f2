import type { Role } from '@app/domain';
import type { TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

/** An invitation as its sender (or the operator) lists it: never its token or hash. */
export interface InvitationRow {
  id: string;
  /** The organisation that sent it. */
  tenantId: string;
  /** The organisation the invitee joins. */
  organisationId: string;
  organisationName: string | null;
  studyId: string | null;
  studyName: string | null;
  email: string;
  name: string;
  role: Role;
  language: 'de' | 'en';
  createdAt: Date;
  sentAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

/** What an invitation is issued with; its token's hash comes from the caller. */
export interface NewInvitation {
  organisationId: string;
  studyId: string | null;
  email: string;
  name: string;
  role: Role;
  language: 'de' | 'en';
  tokenHash: string;
  invitedBy: string | null;
  validSeconds: number;
}

/** An issued link: the invitation and the id of its token, the object of its mail. */
export interface IssuedInvitation {
  id: string;
  tokenId: string;
}

const COLUMNS = `
  i.id, i.tenant_id AS "tenantId", i.organisation_id AS "organisationId",
  o.name AS "organisationName", i.study_id AS "studyId", s.name AS "studyName",
  i.email::text AS email, i.name, i.role, i.language, i.created_at AS "createdAt",
  i.sent_at AS "sentAt", i.expires_at AS "expiresAt", i.accepted_at AS "acceptedAt",
  i.revoked_at AS "revokedAt"`;

const FROM = `
  FROM invitations i
  LEFT JOIN organisations o ON o.id = i.organisation_id
  LEFT JOIN studies s ON s.id = i.study_id`;

/**
 * Issues an invitation of the caller's tenant, or, when one to the same address and
 * organisation is still open (not accepted, not revoked, expired or not), gives that one the new
 * token, expiry and token id: its old link stops working.
 */
export async function issueInvitation(
  m: TenantTx,
  invitation: NewInvitation,
): Promise<IssuedInvitation> {
  const [row] = await managerOf(m).query<IssuedInvitation[]>(
    `INSERT INTO invitations (tenant_id, organisation_id, study_id, email, name, role, language,
                              token_hash, token_id, invited_by, expires_at)
     VALUES (app_current_tenant(), $1, $2, $3, $4, $5, $6, $7, gen_random_uuid(), $8,
             now() + make_interval(secs => $9))
     ON CONFLICT (tenant_id, organisation_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL
     DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, language = EXCLUDED.language,
                   study_id = coalesce(EXCLUDED.study_id, invitations.study_id),
                   token_hash = EXCLUDED.token_hash, token_id = EXCLUDED.token_id,
                   invited_by = EXCLUDED.invited_by, sent_at = now(),
                   expires_at = EXCLUDED.expires_at
     RETURNING id, token_id AS "tokenId"`,
    [
      invitation.organisationId,
      invitation.studyId,
      invitation.email,
      invitation.name,
      invitation.role,
      invitation.language,
      invitation.tokenHash,
      invitation.invitedBy,
      invitation.validSeconds,
    ],
  );
  return row;
}

/** The invitations the caller's tenant sent, newest first. */
export function sentInvitations(m: TenantTx): Promise<InvitationRow[]> {
  return managerOf(m).query<InvitationRow[]>(
    `SELECT ${COLUMNS} ${FROM} ORDER BY i.created_at DESC, i.id`,
  );
}

/** An invitation the caller's tenant sent; undefined for another tenant's or none. */
export async function sentInvitation(m: TenantTx, id: string): Promise<InvitationRow | undefined> {
  const [row] = await managerOf(m).query<InvitationRow[]>(
    `SELECT ${COLUMNS} ${FROM} WHERE i.id = $1`,
    [id],
  );
  return row;
}

/**
 * Gives an open invitation of the caller's tenant a new token (its old link stops working), or
 * null when it was accepted or revoked meanwhile.
 */
export async function renewInvitation(
  m: TenantTx,
  id: string,
  tokenHash: string,
  validSeconds: number,
): Promise<IssuedInvitation | null> {
  const [rows] = await managerOf(m).query<[IssuedInvitation[], number]>(
    `UPDATE invitations
        SET token_hash = $2, token_id = gen_random_uuid(), sent_at = now(),
            expires_at = now() + make_interval(secs => $3)
      WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL
      RETURNING id, token_id AS "tokenId"`,
    [id, tokenHash, validSeconds],
  );
  return rows[0] ?? null;
}

/** Revokes an open invitation of the caller's tenant; false when it was accepted or revoked. */
export async function revokeInvitation(m: TenantTx, id: string): Promise<boolean> {
  const [, count] = await managerOf(m).query<[unknown, number]>(
    `UPDATE invitations SET revoked_at = now()
      WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL`,
    [id],
  );
  return count === 1;
}

/**
 * Accepts an invitation of the caller's tenant if it is open and unexpired, in one statement,
 * so that of two requests with the same link one wins; the organisation it brings its invitee
 * into, or null.
 */
export async function consumeInvitation(m: TenantTx, id: string): Promise<string | null> {
  const [rows] = await managerOf(m).query<[{ organisation_id: string }[], number]>(
    `UPDATE invitations SET accepted_at = now()
      WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
      RETURNING organisation_id`,
    [id],
  );
  return rows[0]?.organisation_id ?? null;
}

/**
 * Adds a company as a publisher. The row is not returned: a publisher sees a company only once
 * it takes part in one of its studies, which the caller enrols it in next.
 */
export async function insertCompany(m: TenantTx, id: string, name: string): Promise<void> {
  await managerOf(m).query(
    `INSERT INTO organisations (id, kind, name) VALUES ($1, 'company', $2)`,
    [id, name],
  );
}

/** A user of the caller's tenant who accepted an invitation; null when the address is taken. */
export async function insertInvitedUser(
  m: TenantTx,
  user: { email: string; name: string; role: Role; language: 'de' | 'en'; passwordHash: string },
): Promise<string | null> {
  const rows = await managerOf(m).query<{ id: string }[]>(
    `INSERT INTO users (tenant_id, email, name, role, password_hash, preferred_language)
     VALUES (app_current_tenant(), $1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, email) DO NOTHING
     RETURNING id`,
    [user.email, user.name, user.role, user.passwordHash, user.language],
  );
  return rows[0]?.id ?? null;
}

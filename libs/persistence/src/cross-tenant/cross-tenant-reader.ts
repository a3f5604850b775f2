import {
  Answers,
  ApiKeyScope,
  benchmarkKpis,
  Catalogue,
  FrozenInputs,
  kpiVector,
  PeerGroupFilter,
  PeerGroupRequestDecision,
  PeerGroupRequestTally,
  Role,
  WorkFailure,
} from '@app/domain';
import type { WorkKind } from '@app/jobs';
import type { InvitationRow, IssuedInvitation } from '../invitations/invitations';
import type { PeerGroupRow } from '../snapshots/snapshot-reader';
import { columnsOfVectors, decodeValues, unpackUnits } from '../snapshots/frozen-inputs';
import { type NoTenantTx, type TenantRead, tenantRead, type TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

/*
 * The cross-tenant reader: the one door through which the application reaches what row-level
 * security keeps from a tenant. Each function here calls one of the database's
 * security-definer functions, which decide in SQL what they release; lint refuses their names
 * in any other file, so a new way across tenants has to be added here, in plain sight.
 */

/** An account an e-mail address may sign in to, as `auth_find_user` returns it. */
export interface LoginAccount {
  id: string;
  tenant_id: string;
  role: Role;
  password_hash: string;
  disabled_at: Date | null;
}

/** An API key as `auth_find_api_key` returns it. */
export interface StoredApiKey {
  id: string;
  tenant_id: string;
  role: Role;
  secret_hash: string;
  revoked_at: Date | null;
  scopes: ApiKeyScope[];
}

/**
 * The accounts of an e-mail address in every organisation, through the security-definer door
 * that works with no tenant set (sign-in comes before any tenant is known).
 */
export function loginAccounts(m: NoTenantTx, email: string): Promise<LoginAccount[]> {
  return managerOf(m).query<LoginAccount[]>('SELECT * FROM auth_find_user($1)', [email]);
}

/** The API key of a prefix, through the security-definer door that works with no tenant set. */
export async function apiKeyByPrefix(
  m: NoTenantTx,
  prefix: string,
): Promise<StoredApiKey | undefined> {
  const [key] = await managerOf(m).query<StoredApiKey[]>('SELECT * FROM auth_find_api_key($1)', [
    prefix,
  ]);
  return key;
}

/** A reset token as `auth_find_password_reset` finds it by its hash. */
export interface FoundPasswordReset {
  id: string;
  tenant_id: string;
  user_id: string;
  expired: boolean;
  used: boolean;
}

/** The reset token of a hash in any organisation, through the door that needs no tenant. */
export async function passwordResetByHash(
  m: NoTenantTx,
  tokenHash: string,
): Promise<FoundPasswordReset | undefined> {
  const [row] = await managerOf(m).query<FoundPasswordReset[]>(
    'SELECT * FROM auth_find_password_reset($1)',
    [tokenHash],
  );
  return row;
}

/** An invitation as `auth_find_invitation` finds it by its token's hash. */
export interface FoundInvitation {
  id: string;
  tenant_id: string;
  organisation_id: string;
  email: string;
  name: string;
  role: Role;
  language: 'de' | 'en';
  expired: boolean;
  accepted: boolean;
  revoked: boolean;
  organisation_disabled: boolean;
}

/** The invitation of a token's hash in any organisation, through the door that needs no tenant. */
export async function invitationByHash(
  m: NoTenantTx,
  tokenHash: string,
): Promise<FoundInvitation | undefined> {
  const [row] = await managerOf(m).query<FoundInvitation[]>(
    'SELECT * FROM auth_find_invitation($1)',
    [tokenHash],
  );
  return row;
}

/** A user of a tenant as the operator sees it: no password hash. */
export interface TenantUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  disabledAt: Date | null;
}

/**
 * The users of any tenant, for the platform operator only (`platform_tenant_users` answers
 * nothing to another caller).
 */
export function tenantUsers(m: TenantTx, organisationId: string): Promise<TenantUserRow[]> {
  return managerOf(m).query<TenantUserRow[]>(
    `SELECT id, email, name, role, created_at AS "createdAt", disabled_at AS "disabledAt"
       FROM platform_tenant_users($1)`,
    [organisationId],
  );
}

/**
 * The invitations into any tenant, whoever sent them, for the platform operator only
 * (`platform_tenant_invitations`); the organisation's name is the caller's to add.
 */
export function tenantInvitations(m: TenantTx, organisationId: string): Promise<InvitationRow[]> {
  return managerOf(m).query<InvitationRow[]>(
    `SELECT id, tenant_id AS "tenantId", organisation_id AS "organisationId",
            NULL AS "organisationName", study_id AS "studyId", NULL AS "studyName", email, name,
            role, language, created_at AS "createdAt", sent_at AS "sentAt",
            expires_at AS "expiresAt", accepted_at AS "acceptedAt", revoked_at AS "revokedAt"
       FROM platform_tenant_invitations($1)`,
    [organisationId],
  );
}

/** An invitation the operator renewed, with what its mail needs. */
export interface RenewedInvitation extends IssuedInvitation {
  organisationId: string;
  email: string;
  name: string;
  role: Role;
  language: 'de' | 'en';
}

/**
 * Gives an open invitation of any tenant a new token, for the platform operator only
 * (`platform_renew_invitation`); null when there is no open invitation of that id.
 */
export async function renewTenantInvitation(
  m: TenantTx,
  invitationId: string,
  tokenHash: string,
  validSeconds: number,
): Promise<RenewedInvitation | null> {
  const [row] = await managerOf(m).query<RenewedInvitation[]>(
    `SELECT id, organisation_id AS "organisationId", email, name, role, language,
            token_id AS "tokenId"
       FROM platform_renew_invitation($1, $2, $3)`,
    [invitationId, tokenHash, validSeconds],
  );
  return row ?? null;
}

/**
 * A snapshot, report or mail of any tenant that is queued or running, as `unfinished_work` has
 * it.
 */
export interface UnfinishedWorkRow {
  kind: WorkKind;
  id: string;
  tenant_id: string;
  state: string;
  attempts: number;
  error: WorkFailure | null;
}

/** The unfinished snapshots, reports and mails of every tenant, for the job reconciler. */
export function unfinishedWorkRows(m: NoTenantTx): Promise<UnfinishedWorkRow[]> {
  return managerOf(m).query<UnfinishedWorkRow[]>('SELECT * FROM unfinished_work()');
}

/** The database's hash of a cycle's accepted submissions; only its publisher gets one. */
export async function sourceHash(m: TenantTx, cycleId: string): Promise<string> {
  const [row] = await managerOf(m).query<{ hash: string }[]>(
    'SELECT benchmark_source_hash($1) AS hash',
    [cycleId],
  );
  return row.hash;
}

/** What `benchmark_source` returns: one row for the whole cycle. */
interface SourceRow {
  hash: string;
  units: string;
  /** The KPI vectors, unit after unit, as base64. */
  vectors: string;
  /** The units without a current KPI vector, and their answers. */
  missing: string[];
  missing_answers: string[];
}

/** The accepted submissions of a cycle, and their hash as `sourceHash` has it. */
export interface SourceRead {
  sourceHash: string;
  inputs: FrozenInputs;
}

/**
 * The accepted submissions of a cycle as value columns: the stored KPI vectors, and for units
 * without a current one their answers derived here. Read with their hash in one statement, so
 * the two describe the same state and the submissions are joined and sorted once.
 */
export async function readSource(
  m: TenantTx,
  cycleId: string,
  catalogue: Catalogue,
): Promise<SourceRead> {
  const kpis = benchmarkKpis(catalogue);
  const [row] = await managerOf(m).query<SourceRow[]>('SELECT * FROM benchmark_source($1, $2)', [
    cycleId,
    kpis.length * 8,
  ]);
  const units = unpackUnits(row.units);
  const vectors = Buffer.from(row.vectors, 'base64');
  if (row.missing.length > 0) {
    const indexOf = new Map(units.unitIds.map((id, u) => [id, u]));
    row.missing.forEach((unitId, i) => {
      const answers = JSON.parse(row.missing_answers[i]) as Answers;
      kpiVector(catalogue, answers).copy(
        vectors,
        (indexOf.get(unitId) as number) * kpis.length * 8,
      );
    });
  }
  const inputs: FrozenInputs = {
    ...units,
    kpiKeys: kpis.map((k) => k.key),
    values: columnsOfVectors(vectors, kpis.length, units.unitIds.length),
  };
  return { sourceHash: row.hash, inputs };
}

interface FrozenInputsRow {
  units: string;
  kpi_keys: string[];
  kpi_values: Buffer;
}

/**
 * The frozen inputs of a snapshot through `benchmark_frozen_inputs`: for its publisher, or for a
 * participant once it is published. Callers compute positions and custom groups from them and
 * release only what disclosure control lets through; null when the caller may not read them.
 */
export async function readFrozenInputs(
  m: TenantTx,
  snapshotId: string,
): Promise<FrozenInputs | null> {
  const [row] = await managerOf(m).query<FrozenInputsRow[]>(
    'SELECT * FROM benchmark_frozen_inputs($1)',
    [snapshotId],
  );
  if (!row) {
    return null;
  }
  const units = unpackUnits(row.units);
  return {
    ...units,
    kpiKeys: row.kpi_keys,
    values: decodeValues(row.kpi_values, row.kpi_keys.length, units.unitIds.length),
  };
}

/**
 * Whether the caller may read a snapshot's frozen inputs: the check of
 * `benchmark_frozen_inputs`, without the values.
 */
export async function frozenInputsReadable(m: TenantTx, snapshotId: string): Promise<boolean> {
  const [row] = await managerOf(m).query<{ readable: boolean }[]>(
    'SELECT benchmark_frozen_inputs_readable($1) AS readable',
    [snapshotId],
  );
  return row.readable;
}

/** A snapshot, the access check of its frozen inputs and one of its peer groups, as one row. */
export interface SnapshotGroupAccessRow {
  cycle_id: string;
  state: string;
  progress: number;
  readable: boolean;
  /** Null when the snapshot has no peer group of that id. */
  peer_group: PeerGroupRow | null;
}

/**
 * A snapshot the caller sees, whether it may read its frozen inputs (the check of
 * `frozenInputsReadable`) and one of its peer groups, as one statement: all that a request for
 * published benchmarks reads once its caches hold the rest (`SnapshotReader.open`).
 */
export function snapshotGroupAccess(
  snapshotId: string,
  peerGroupId: string,
): TenantRead<SnapshotGroupAccessRow> {
  return tenantRead<SnapshotGroupAccessRow>(
    'tenant_snapshot_group_access',
    snapshotId,
    peerGroupId,
  );
}

/**
 * The kind of any organisation (`organisation_kind`, a security-definer door: a publisher
 * enrols a company it cannot see yet); null when there is none of that id.
 */
export async function organisationKindOf(
  m: TenantTx,
  organisationId: string,
): Promise<string | null> {
  const [row] = await managerOf(m).query<{ kind: string | null }[]>(
    'SELECT organisation_kind($1) AS kind',
    [organisationId],
  );
  return row?.kind ?? null;
}

/** A request for a custom peer group, as the release ledger records it. */
export interface PeerGroupRequestRecord {
  snapshotId: string;
  peerGroupId: string;
  filter: PeerGroupFilter;
  /** The snapshot's units the filter selects. */
  n: number;
  decision: PeerGroupRequestDecision;
  /** The rule of a refusal; null otherwise. */
  rule: string | null;
  /** Who asked: a user or an API key of the transaction's tenant. */
  userId: string | null;
  apiKeyId: string | null;
}

/**
 * Records a request in the release ledger, inside the caller's transaction, as the
 * transaction's tenant (`peer_group_request_record`: a company writes rows it cannot read).
 */
export async function recordPeerGroupRequest(
  m: TenantTx,
  record: PeerGroupRequestRecord,
): Promise<void> {
  await managerOf(m).query('SELECT peer_group_request_record($1, $2, $3, $4, $5, $6, $7, $8)', [
    record.snapshotId,
    record.peerGroupId,
    JSON.stringify(record.filter),
    record.n,
    record.decision,
    record.rule,
    record.userId,
    record.apiKeyId,
  ]);
}

/** The transaction's tenant's own requests on a snapshot, counted by decision and rule. */
export async function ownPeerGroupRequestTallies(
  m: TenantTx,
  snapshotId: string,
): Promise<PeerGroupRequestTally[]> {
  return managerOf(m).query<PeerGroupRequestTally[]>(
    'SELECT decision, rule, requests FROM peer_group_request_tally($1)',
    [snapshotId],
  );
}

/** An open cycle of some publisher: the worker's notification pass acts as its tenant. */
export interface OpenCycleRef {
  id: string;
  tenant_id: string;
}

/** Every open cycle of every publisher, ids only, for the reminder and digest pass. */
export function openCyclesOfEveryTenant(m: NoTenantTx): Promise<OpenCycleRef[]> {
  return managerOf(m).query<OpenCycleRef[]>('SELECT id, tenant_id FROM notification_open_cycles()');
}

/** A person a mail about a unit of a cycle goes to, as `notification_contacts` releases them. */
export interface NotificationContact {
  unitId: string;
  unitName: string;
  userId: string;
  email: string;
  name: string;
  language: 'de' | 'en';
}

/**
 * The people of the cycle's participating companies a mail of `purpose` goes to, per unit: the
 * active company admins and editors (every active user for `report_ready`), less those who
 * switched the purpose off. Empty unless the caller's tenant runs the cycle.
 */
export async function notificationContacts(
  m: TenantTx,
  cycleId: string,
  purpose: string,
): Promise<NotificationContact[]> {
  const rows = await managerOf(m).query<
    {
      unit_id: string;
      unit_name: string;
      user_id: string;
      email: string;
      name: string;
      language: 'de' | 'en';
    }[]
  >('SELECT * FROM notification_contacts($1, $2)', [cycleId, purpose]);
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    userId: r.user_id,
    email: r.email,
    name: r.name,
    language: r.language,
  }));
}

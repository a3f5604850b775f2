import type {
  LedgerEntry,
  PeerGroupFilter,
  PeerGroupRequestDecision,
  PeerGroupRequestTally,
} from '@app/domain';
import type { EntityManager } from 'typeorm';

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
  m: EntityManager,
  record: PeerGroupRequestRecord,
): Promise<void> {
  await m.query('SELECT peer_group_request_record($1, $2, $3, $4, $5, $6, $7, $8)', [
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
  m: EntityManager,
  snapshotId: string,
): Promise<PeerGroupRequestTally[]> {
  return m.query<PeerGroupRequestTally[]>(
    'SELECT decision, rule, requests FROM peer_group_request_tally($1)',
    [snapshotId],
  );
}

interface LedgerRow {
  peer_group_id: string;
  filter: PeerGroupFilter;
  n: number;
  decision: PeerGroupRequestDecision;
  rule: string | null;
  requester_tenant_id: string;
  organisation_name: string | null;
  requested_at: Date;
}

/**
 * Every request on a snapshot in the order they came, with the requesting organisation's name.
 * Row-level security gives rows to the snapshot's publisher only; anyone else reads none.
 */
export async function peerGroupLedger(
  m: EntityManager,
  snapshotId: string,
): Promise<LedgerEntry[]> {
  const rows = await m.query<LedgerRow[]>(
    `SELECT r.peer_group_id, r.filter, r.n, r.decision, r.rule, r.requester_tenant_id,
            o.name AS organisation_name, r.requested_at
       FROM peer_group_requests r LEFT JOIN organisations o ON o.id = r.requester_tenant_id
      WHERE r.snapshot_id = $1
      ORDER BY r.requested_at, r.id`,
    [snapshotId],
  );
  return rows.map((row) => ({
    peerGroupId: row.peer_group_id,
    filter: row.filter,
    n: row.n,
    decision: row.decision,
    rule: row.rule,
    organisationId: row.requester_tenant_id,
    // An organisation the publisher no longer sees (its participation ended) keeps its id.
    organisationName: row.organisation_name ?? row.requester_tenant_id,
    requestedAt: row.requested_at.toISOString(),
  }));
}

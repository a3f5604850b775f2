import type { LedgerEntry, PeerGroupFilter, PeerGroupRequestDecision } from '@app/domain';
import type { TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

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
export async function peerGroupLedger(m: TenantTx, snapshotId: string): Promise<LedgerEntry[]> {
  const rows = await managerOf(m).query<LedgerRow[]>(
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

import type { CellTally, StatisticTally } from '@app/domain';
import type { TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

/** A snapshot's cells counted per peer group, released (rule null) or by the rule that suppressed them. */
export async function snapshotCellTallies(m: TenantTx, snapshotId: string): Promise<CellTally[]> {
  return managerOf(m).query<CellTally[]>(
    `SELECT peer_group_id AS "peerGroupId", suppressed->>'rule' AS rule, count(*)::int AS cells
       FROM snapshot_cells WHERE snapshot_id = $1
      GROUP BY peer_group_id, suppressed->>'rule'`,
    [snapshotId],
  );
}

/** The statistics withheld from a snapshot's released cells, per peer group, statistic and rule. */
export async function snapshotStatisticTallies(
  m: TenantTx,
  snapshotId: string,
): Promise<StatisticTally[]> {
  return managerOf(m).query<StatisticTally[]>(
    `SELECT c.peer_group_id AS "peerGroupId", s->>'statistic' AS statistic, s->>'rule' AS rule,
            count(*)::int AS count
       FROM snapshot_cells c CROSS JOIN LATERAL jsonb_array_elements(c.suppressed_statistics) s
      WHERE c.snapshot_id = $1
      GROUP BY c.peer_group_id, s->>'statistic', s->>'rule'`,
    [snapshotId],
  );
}

import type { TrendData } from '@app/domain';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { TrendEntity } from '../entities';
import { managerOf, type TenantTx } from '../tenant/tenant-tx';

/** A trend the caller sees; null for another's or none. */
export function findTrend(tx: TenantTx, trendId: string): Promise<TrendEntity | null> {
  return managerOf(tx).findOneBy(TrendEntity, { id: trendId });
}

/**
 * A trend that exists (a report names it): a missing one throws TypeORM's
 * EntityNotFoundError, an internal error.
 */
export function getTrend(tx: TenantTx, trendId: string): Promise<TrendEntity> {
  return managerOf(tx).findOneByOrFail(TrendEntity, { id: trendId });
}

/**
 * A trend locked for its computation until the transaction ends. FOR UPDATE passes the update
 * policy, so it finds the trend only while it has no data: null once it has.
 */
export function lockTrendToCompute(tx: TenantTx, trendId: string): Promise<TrendEntity | null> {
  return managerOf(tx).findOne(TrendEntity, {
    where: { id: trendId },
    lock: { mode: 'pessimistic_write' },
  });
}

/** What names a trend: its study and years, without its data. */
export function trendNaming(
  tx: TenantTx,
  trendId: string,
): Promise<Pick<TrendEntity, 'id' | 'studyId' | 'years'>> {
  return managerOf(tx).findOneOrFail(TrendEntity, {
    where: { id: trendId },
    select: { id: true, studyId: true, years: true },
  });
}

/** Stores a trend's computed data with the manifest they were computed under. */
export async function storeTrendData(
  tx: TenantTx,
  trendId: string,
  computed: {
    data: TrendData;
    manifest: Record<string, unknown>;
    manifestHash: string;
    computedAt: Date;
  },
): Promise<void> {
  // The manifest is JSON of any shape: TypeORM's partial type of a JSON column cannot say so.
  const columns = computed as QueryDeepPartialEntity<TrendEntity>;
  await managerOf(tx).update(TrendEntity, { id: trendId }, columns);
}

import type { ApiClient } from './api-client';
import { until } from './waiting';

/**
 * A study with a published snapshot, as its publisher makes one through the api: computes the
 * snapshot of an open cycle (whose submissions the spec has made), waits for the worker, closes
 * the cycle and publishes it with that snapshot. Returns the snapshot's id.
 */
export async function publishSnapshot(publisher: ApiClient, cycleId: string): Promise<string> {
  const { snapshotId } = await publisher.startSnapshot(cycleId);
  const snapshot = await until(
    () => publisher.snapshot(snapshotId),
    ({ state }) => state === 'done' || state === 'failed',
  );
  if (snapshot.state !== 'done') {
    throw new Error(`snapshot ${snapshotId} of cycle ${cycleId} failed: ${snapshot.error}`);
  }
  await publisher.closeCycle(cycleId);
  await publisher.publishCycle(cycleId, snapshotId);
  return snapshotId;
}

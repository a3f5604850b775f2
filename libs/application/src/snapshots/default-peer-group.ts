import { BenchmarkUnitProfile } from '@app/domain';
import type { PeerGroupView } from './snapshot.types';

/**
 * The group a unit's benchmark view and its position history open with: the narrowest released group the report uses too
 * (industry and size band, then industry, then all participants), else the first released.
 * Groups are found by their filters, not their ids, because a size band may be folded with
 * others, in the study (`sizeBand:L,XL`) or within an industry (`industry:telecom;sizeBand:S,M`).
 */
export function defaultPeerGroup(
  groups: readonly PeerGroupView[],
  profile: Pick<BenchmarkUnitProfile, 'industry' | 'sizeBand'>,
): PeerGroupView | undefined {
  const candidates: ReadonlyArray<ReadonlyArray<'industry' | 'sizeBand'>> = [
    ['industry', 'sizeBand'],
    ['industry'],
    [],
  ];
  for (const dimensions of candidates) {
    const group = groups.find(
      (g) =>
        g.released &&
        g.kind !== 'custom' &&
        Object.keys(g.filter).length === dimensions.length &&
        dimensions.every((d) => g.filter[d]?.includes(profile[d])),
    );
    if (group) {
      return group;
    }
  }
  return groups.find((g) => g.released);
}

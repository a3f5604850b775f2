import { ALL_PEER_GROUP_ID, BenchmarkUnitProfile, peerGroupId } from '@app/domain';
import type { PeerGroupView } from './snapshot.types';

/**
 * The group a unit's benchmark view and its position history open with: the narrowest released group the report uses too
 * (industry and size band, then industry, then all participants), else the first released.
 */
export function defaultPeerGroup(
  groups: readonly PeerGroupView[],
  profile: Pick<BenchmarkUnitProfile, 'industry' | 'sizeBand'>,
): PeerGroupView | undefined {
  const candidates = [
    peerGroupId({ industry: [profile.industry], sizeBand: [profile.sizeBand] }),
    peerGroupId({ industry: [profile.industry] }),
    ALL_PEER_GROUP_ID,
  ];
  for (const id of candidates) {
    const group = groups.find((g) => g.id === id && g.released);
    if (group) {
      return group;
    }
  }
  return groups.find((g) => g.released);
}

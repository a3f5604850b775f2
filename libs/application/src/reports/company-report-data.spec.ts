import { peerGroupDefinition, PeerGroupFilter } from '@app/domain';
import type { StoredPeerGroup } from '@app/persistence';
import { reportPeerGroup } from './company-report-data';

const PROFILE = {
  industry: 'telecom',
  country: 'DE',
  sizeBand: 'XL',
  customerType: 'b2c',
  sourcing: 'inhouse',
};

function group(filter: PeerGroupFilter, n: number, released = true): StoredPeerGroup {
  const kind = Object.keys(filter).length === 0 ? 'all' : 'dimension';
  return { ...peerGroupDefinition(filter, kind), n, released, ordinal: 0 };
}

describe('reportPeerGroup', () => {
  it('takes the industry and size band (a folded band counts) when it has members for quartiles', () => {
    const pair = group({ industry: ['telecom'], sizeBand: ['L', 'XL'] }, 20);
    const groups = [group({}, 168), group({ industry: ['telecom'] }, 26), pair];
    expect(reportPeerGroup(groups, PROFILE, 20)?.id).toBe(pair.id);
  });

  it('takes the industry when the industry and size band has fewer members than quartiles need', () => {
    const groups = [
      group({}, 168),
      group({ industry: ['telecom'] }, 26),
      group({ industry: ['telecom'], sizeBand: ['L', 'XL'] }, 14),
    ];
    expect(reportPeerGroup(groups, PROFILE, 20)?.id).toBe('industry:telecom');
  });

  it('falls back to the narrowest released group when none is large enough', () => {
    const groups = [
      group({}, 12),
      group({ industry: ['telecom'] }, 9, false),
      group({ industry: ['telecom'], sizeBand: ['L', 'XL'] }, 6),
    ];
    expect(reportPeerGroup(groups, PROFILE, 20)?.id).toBe('industry:telecom;sizeBand:L,XL');
  });

  it('never takes a group the unit is not a member of, nor a custom one', () => {
    const groups = [
      { ...group({ industry: ['banking'] }, 40) },
      { ...group({ sizeBand: ['XL'], industry: ['telecom'] }, 30), kind: 'custom' as const },
      group({}, 168),
    ];
    expect(reportPeerGroup(groups, PROFILE, 20)?.id).toBe('all');
  });
});

import { createPeerGroup, createUnitProfiles, TestKpi } from './benchmark-test-factories';
import { BenchmarkUnitProfile, PeerGroupFilter } from './peer-group';
import { addCustomGroup } from './snapshot-engine';
import {
  ALL,
  cellOf,
  decisions,
  DIFFERENCING,
  GROUP_AUDIT,
  range,
  snapshot,
  TELECOM,
  withheld,
} from './snapshot-engine.test-util';

describe('addCustomGroup', () => {
  /** 30 units: 0..11 telecom, 12..13 banking, 14..29 retail; the first `abroad` in AT. */
  function thirtyUnits(abroad = 0): BenchmarkUnitProfile[] {
    return createUnitProfiles(30, (i) => ({
      industry: i < 12 ? 'telecom' : i < 14 ? 'banking' : 'retail',
      country: i < abroad ? 'AT' : 'DE',
    }));
  }
  const everyone: TestKpi = { key: 'a', values: range(1, 30) };
  // KPI b: units 0..13 (with thirtyUnits, the 12 telecom units and the 2 banking units).
  const firstFourteen: TestKpi = {
    key: 'b',
    values: range(0, 29).map((u) => (u < 14 ? u + 1 : Number.NaN)),
  };
  const snapshotOf = (
    profiles: BenchmarkUnitProfile[],
    extra: PeerGroupFilter[] = [],
    kpis: TestKpi[] = [everyone, firstFourteen],
  ) => snapshot({ profiles, kpis, peerGroups: [ALL, ...extra] });

  it('refuses a group of fewer than min_n units', () => {
    const state = snapshotOf(thirtyUnits());
    expect(addCustomGroup(state, createPeerGroup({ industry: ['banking'] }))).toEqual({
      released: false,
      rule: 'min_n',
      reason: {
        de: 'die Gruppe hat weniger als 5 Einheiten',
        en: 'the group has fewer than 5 units',
      },
    });
    expect(state.groups).toHaveLength(1);
  });

  it.each([1, 2, 3, 4, 5])(
    'refuses a group that is a released one less %i units, leaving the state unchanged',
    (difference) => {
      // all − DE is the AT units, for KPI a and for KPI b. With 5 of them, each of the 5 would
      // learn the sum of the other 4.
      const state = snapshotOf(thirtyUnits(difference));
      const before = JSON.stringify(state.groups);
      expect(addCustomGroup(state, createPeerGroup({ country: ['DE'] }))).toEqual({
        released: false,
        ...GROUP_AUDIT,
      });
      expect(JSON.stringify(state.groups)).toBe(before);
      expect(state.group('country:DE')).toBeUndefined();
    },
  );

  it('accepts a group that is a released one less 6 units', () => {
    const state = snapshotOf(thirtyUnits(6));
    const outcome = addCustomGroup(state, createPeerGroup({ country: ['DE'] }));
    expect(outcome.released).toBe(true);
    expect(state.group('country:DE')?.n).toBe(24);
    // a: units 6..29, values 7..30: (465 − 21) / 24. b: units 6..13, values 7..14.
    expect(cellOf(state, 'country:DE', 'a')).toMatchObject({ n: 24, mean: 18.5 });
    expect(cellOf(state, 'country:DE', 'b')).toMatchObject({ n: 8, mean: 10.5 });
  });

  it('accepts a group with the same members as a released one, with the same cells', () => {
    const state = snapshotOf(thirtyUnits());
    const outcome = addCustomGroup(state, createPeerGroup({ country: ['DE'] }));
    expect(outcome.released).toBe(true);
    if (outcome.released) {
      expect(outcome.group).toMatchObject({ id: 'country:DE', kind: 'custom', n: 30 });
      expect(outcome.group.cells).toEqual(state.group('all')?.cells);
    }
  });

  it('returns a group already in the snapshot without adding it again', () => {
    const state = snapshotOf(thirtyUnits());
    const outcome = addCustomGroup(state, createPeerGroup(ALL));
    expect(outcome).toEqual({ released: true, group: state.group('all') });
    expect(state.groups).toHaveLength(1);
  });

  it('decides the cells of an accepted group per KPI', () => {
    const state = snapshotOf(thirtyUnits());
    // a: telecom is 18 units less than all. b: 12 contributors against 14 in all.
    const outcome = addCustomGroup(state, createPeerGroup(TELECOM));
    expect(outcome.released).toBe(true);
    expect(cellOf(state, 'industry:telecom', 'a')).toMatchObject({ n: 12, mean: 6.5 });
    expect(cellOf(state, 'industry:telecom', 'b')).toEqual(withheld('b', DIFFERENCING));
  });

  describe('the chain of two requests inside a released group', () => {
    // Units 0..5 telecom DE (A), 6..11 telecom AT (B), 12 telecom CH, 13..29 retail DE.
    // Predefined: all and telecom. telecom − A − B is unit 12; with KPI b (units 0..13),
    // all − A − B is units 12 and 13.
    const profiles = createUnitProfiles(30, (i) => ({
      industry: i <= 12 ? 'telecom' : 'retail',
      country: i <= 5 || i >= 13 ? 'DE' : i <= 11 ? 'AT' : 'CH',
    }));
    const a = createPeerGroup({ industry: ['telecom'], country: ['DE'] });
    const b = createPeerGroup({ industry: ['telecom'], country: ['AT'] });

    it('refuses the second half, though it is 7 or more units from every released group', () => {
      const state = snapshotOf(profiles, [TELECOM]);
      expect(decisions(state)).toEqual({
        all: { a: 'released', b: 'released' },
        // b: all − telecom is unit 13.
        'industry:telecom': { a: 'released', b: 'differencing' },
      });
      const first = addCustomGroup(state, a);
      expect(first.released).toBe(true);
      expect(cellOf(state, a.id, 'a')).toMatchObject({ n: 6, mean: 3.5 });
      expect(cellOf(state, a.id, 'b')).toMatchObject({ n: 6, mean: 3.5 });
      expect(addCustomGroup(state, b)).toEqual({ released: false, ...GROUP_AUDIT });
      expect(state.groups.map((g) => g.id)).toEqual(['all', 'industry:telecom', a.id]);
    });

    it('judges the second half alone as harmless', () => {
      const state = snapshotOf(profiles, [TELECOM]);
      expect(addCustomGroup(state, b).released).toBe(true);
      // Units 6..11.
      expect(cellOf(state, b.id, 'a')).toMatchObject({ n: 6, mean: 9.5 });
    });
  });

  describe('a refused request', () => {
    // Units 0..2 AT, 3..5 CH, 6..29 DE.
    const profiles = createUnitProfiles(30, (i) => ({
      country: i < 3 ? 'AT' : i < 6 ? 'CH' : 'DE',
    }));
    const deCh = createPeerGroup({ country: ['DE', 'CH'] });
    const atCh = createPeerGroup({ country: ['AT', 'CH'] });

    it('leaves the state unchanged and is refused again when asked again', () => {
      // DE + CH is all less the 3 AT units.
      const state = snapshotOf(profiles);
      const before = JSON.stringify(state.groups);
      expect(addCustomGroup(state, deCh)).toEqual({ released: false, ...GROUP_AUDIT });
      expect(JSON.stringify(state.groups)).toBe(before);
      expect(addCustomGroup(state, deCh)).toEqual({ released: false, ...GROUP_AUDIT });
    });

    it('judges AT + CH on its own: all less it is 24 units, for b 8', () => {
      const state = snapshotOf(profiles);
      expect(addCustomGroup(state, atCh).released).toBe(true);
      // a: units 0..5. b: the same 6 units of its 14.
      expect(cellOf(state, atCh.id, 'a')).toMatchObject({ n: 6, mean: 3.5 });
      expect(cellOf(state, atCh.id, 'b')).toMatchObject({ n: 6, mean: 3.5 });
    });

    it('leaves later requests judged as if it had never been asked', () => {
      // Had DE + CH been released, AT + CH would give away the 3 CH units as
      // (DE + CH) + (AT + CH) − all; since it was refused, AT + CH is as harmless as before.
      const asked = snapshotOf(profiles);
      expect(addCustomGroup(asked, deCh).released).toBe(false);
      expect(addCustomGroup(asked, atCh).released).toBe(true);
      const neverAsked = snapshotOf(profiles);
      expect(addCustomGroup(neverAsked, atCh).released).toBe(true);
      expect(asked.groups).toEqual(neverAsked.groups);
    });

    it('ignores predefined groups without any released cell', () => {
      // The AT group's cells are all withheld for min_n: AT + CH is judged against "all" only.
      // Had AT been released, AT + CH − AT would be the 3 CH units.
      const state = snapshotOf(profiles, [{ country: ['AT'] }]);
      expect(state.group('country:AT')?.cells.every((c) => c.suppressed?.rule === 'min_n')).toBe(
        true,
      );
      expect(addCustomGroup(state, atCh).released).toBe(true);
    });
  });

  it('releases a group whose cells are withheld by the p% rule: only membership refuses', () => {
    // KPI a: telecom units 1000, 500 and ten times 1 (rest 10 < 100: fails the p% rule), the
    // 18 others 100 each (all: rest 1810, passes). KPI b: telecom's cell is refused by the
    // audit (all − telecom is the 2 banking units). Refusing the group would tell that its
    // a-cell failed a value-based rule; so it is released, with both cells withheld.
    const dominated: TestKpi = {
      key: 'a',
      values: range(0, 29).map((u) => (u === 0 ? 1000 : u === 1 ? 500 : u < 12 ? 1 : 100)),
    };
    const state = snapshotOf(thirtyUnits(), [], [dominated, firstFourteen]);
    const outcome = addCustomGroup(state, createPeerGroup(TELECOM));
    expect(outcome.released).toBe(true);
    expect(decisions(state)['industry:telecom']).toEqual({ a: 'p_percent', b: 'differencing' });
    // Its failing sum stays protected: banking + retail = all − telecom would give it away,
    // and its KPI b cell has 2 contributors.
    expect(
      addCustomGroup(state, createPeerGroup({ industry: ['banking', 'retail'] })),
    ).toMatchObject({ released: false });
    expect(state.groups).toHaveLength(2);
  });

  it('gives the same cells as computing the accepted groups with the predefined ones', () => {
    // Units 0..6 telecom AT, 7..11 telecom DE, 12..13 banking DE, 14..29 retail DE.
    const profiles = thirtyUnits(7);
    const incremental = snapshotOf(profiles);
    const requests: PeerGroupFilter[] = [
      // a: 18 units less than all. b: all − telecom is the 2 banking units.
      TELECOM,
      // The members alone give it away: telecom + banking − telecom is the 2 banking units.
      { industry: ['telecom', 'banking'] },
      // With all and telecom, DE splits telecom into AT (7) and DE (5): each of the 5 would
      // learn the sum of the other 4.
      { country: ['DE'] },
      // All − telecom − retail is the 2 banking units.
      { industry: ['retail'] },
      // The same units as retail.
      { industry: ['retail'], country: ['DE'] },
    ];
    const outcomes = requests.map((filter) => {
      const outcome = addCustomGroup(incremental, createPeerGroup(filter));
      return outcome.released ? decisions(incremental)[outcome.group.id] : outcome.rule;
    });
    expect(outcomes).toEqual([
      { a: 'released', b: 'differencing' },
      'differencing',
      'differencing',
      'differencing',
      'differencing',
    ]);
    const rebuilt = snapshotOf(profiles, requests.slice(0, 1));
    expect(rebuilt.groups).toEqual(incremental.groups);
  });
});

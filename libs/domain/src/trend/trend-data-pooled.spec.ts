import { createBenchmarkInput, createUnitProfiles } from '../benchmark/benchmark-test-factories';
import { computeSnapshot } from '../benchmark/snapshot-engine';
import { SUPPRESSION_REASONS } from '../benchmark/suppression-reasons';
import { DEFAULT_DISCLOSURE_POLICY } from '../disclosure/disclosure-policy';
import { SeededRandom } from '../demo/seeded-random';
import { computeTrendData } from './trend-data';
import { TrendFigure } from './trend-disclosure';
import { TrendCycle, TrendInput, TrendKpi, TrendUnit } from './trend-input';
import { released } from './trend-data.test-util';

const UPSELL: TrendKpi = {
  key: 'upsell_contact_share',
  boolean: false,
  polarity: 'higher_is_better',
  weightKey: 'contacts_total',
};
const NPS: TrendKpi = { key: 'nps', boolean: false, polarity: 'higher_is_better' };

/**
 * A unit, its own company's only one, with an upsell share (%) and its total contacts, the
 * weight; null: not given.
 */
function createVolumeUnit(id: string, share: number | null, contacts: number | null): TrendUnit {
  return {
    id,
    company: `company of ${id}`,
    profile: { industry: 'telecom', sizeBand: 'L', country: 'AT' },
    values: { upsell_contact_share: share, contacts_total: contacts, nps: 20 },
  };
}

/**
 * A study that lets one unit carry up to 40 % of a pooled figure's weight (the default: 25 %).
 */
const VOLUME_POLICY = { ...DEFAULT_DISCLOSURE_POLICY, maxWeightSharePercent: 40 };

/**
 * P1..P5 with upsell shares 10, 20, .., 50 % in every year. Contacts 1..5 in 2023, 5 each in
 * 2024, and 1, 1, 1, 1, 10 in 2025; P6 (60 %) gives no contacts in 2023 and 0 in 2024. Under
 * `VOLUME_POLICY`.
 */
function createVolumeStudy(): TrendInput {
  const shares = [10, 20, 30, 40, 50];
  const cycle = (year: number, contacts: number[], sixth: number | null): TrendCycle => ({
    year,
    units: [
      ...shares.map((share, i) => createVolumeUnit(`P${i + 1}`, share, contacts[i])),
      createVolumeUnit('P6', 60, sixth),
    ],
  });
  return {
    cycles: [
      cycle(2023, [1, 2, 3, 4, 5], null),
      cycle(2024, [5, 5, 5, 5, 5], 0),
      cycle(2025, [1, 1, 1, 1, 10], null),
    ],
    kpis: [UPSELL, NPS],
    policy: VOLUME_POLICY,
  };
}

/** The value of a released pooled figure; an absent or a withheld one fails the test. */
function releasedPooled(figure: TrendFigure<number> | undefined): number {
  if (figure === undefined) {
    throw new Error('no pooled figure');
  }
  return released(figure);
}

describe('the pooled figure of the trend data', () => {
  const [upsell, nps] = computeTrendData(createVolumeStudy()).kpis;

  it('weights the values by their volume over the units that give both', () => {
    // 2023: (10·1 + 20·2 + 30·3 + 40·4 + 50·5) / (1 + 2 + 3 + 4 + 5) = 550 / 15 = 36.67; P6 has
    // no contacts, so the figure rests on 5 units while the distribution rests on 6. P5 carries
    // 5 of 15 contacts, 33 % ≤ 40 %; the p% rule: 15 − 5 − 4 = 6 ≥ 0.5.
    expect(upsell.cycles[0].pooled).toEqual({ released: true, n: 5, value: 550 / 15 });
    expect(upsell.cycles[0].distribution).toMatchObject({ released: true, n: 6 });
    // 2024: equal weights, the plain mean of 10..50; P6's 0 contacts leave it out.
    expect(upsell.cycles[1].pooled).toEqual({ released: true, n: 5, value: 30 });
  });

  it('withholds the figure of a cycle in which one unit carries most of the volume', () => {
    // 2025: 10 of 14 contacts are P5's, 71 % > 40 % (the p% rule passes: 14 − 10 − 1 = 3 ≥ 1).
    expect(upsell.cycles[2].pooled).toEqual({
      released: false,
      suppression: SUPPRESSION_REASONS.dominance(VOLUME_POLICY),
    });
    expect(upsell.cycles[2].distribution.released).toBe(true);
  });

  it('withholds by dominance a figure in which one unit carries a third under the default', () => {
    // 2023: P5's 5 of 15 contacts are 33 % > 25 %.
    const data = computeTrendData({ ...createVolumeStudy(), policy: DEFAULT_DISCLOSURE_POLICY });
    expect(data.kpis[0].cycles[0].pooled).toEqual({
      released: false,
      suppression: SUPPRESSION_REASONS.dominance(DEFAULT_DISCLOSURE_POLICY),
    });
    expect(data.kpis[0].cycles[1].pooled).toEqual({ released: true, n: 5, value: 30 });
  });

  it('gives the change of the pooled figure only between two released ones', () => {
    expect(upsell.changes[0].pooledChange).toEqual({
      released: true,
      n: 5,
      value: { from: 550 / 15, to: 30, points: 30 - 550 / 15 },
    });
    expect(upsell.changes[1].pooledChange).toEqual({
      released: false,
      suppression: SUPPRESSION_REASONS.dominance(VOLUME_POLICY),
    });
  });

  it('gives a KPI without a weight no pooled figure at all', () => {
    expect(Object.keys(nps.cycles[0])).toEqual(['year', 'distribution']);
    expect(Object.keys(nps.changes[0])).toEqual(['fromYear', 'toYear', 'all', 'panel']);
  });

  it('withholds the figure of fewer than minN units with a weight', () => {
    const study = createVolumeStudy();
    const data = computeTrendData({ ...study, policy: { ...study.policy, minN: 6 } });
    expect(data.kpis[0].cycles[1].pooled).toEqual({
      released: false,
      suppression: SUPPRESSION_REASONS.minNPooled({ ...study.policy, minN: 6 }),
    });
  });

  it('reads the weight alike whether or not it is a reported KPI itself', () => {
    const study = createVolumeStudy();
    const contacts: TrendKpi = { key: 'contacts_total', boolean: false, polarity: 'neutral' };
    const data = computeTrendData({ ...study, kpis: [UPSELL, contacts, NPS] });
    expect(data.kpis[0]).toEqual(upsell);
    expect(data.kpis[1].cycles[0].distribution).toMatchObject({ released: true, n: 5 });
  });

  it('gives the pooled figure the snapshot gives, to the bit', () => {
    const random = new SeededRandom(11);
    const shares = Array.from({ length: 300 }, () => Math.round(random.normal(8, 3) * 10) / 10);
    const contacts = shares.map(() =>
      random.next() < 0.9 ? Math.round(random.logNormal(50000, 0.8)) : Number.NaN,
    );
    const snapshot = computeSnapshot(
      createBenchmarkInput({
        profiles: createUnitProfiles(shares.length),
        kpis: [
          { key: 'upsell_contact_share', values: shares, weightKey: 'contacts_total' },
          { key: 'contacts_total', values: contacts, benchmarked: false },
        ],
        peerGroups: [{}],
      }),
    );
    // Ids that sort like the snapshot's unit indices, so both add the terms in one order.
    const units = shares.map((share, i) =>
      createVolumeUnit(
        `u${String(i).padStart(3, '0')}`,
        share,
        Number.isNaN(contacts[i]) ? null : contacts[i],
      ),
    );
    const trend = computeTrendData({
      cycles: [{ year: 2024, units }],
      kpis: [UPSELL],
      policy: DEFAULT_DISCLOSURE_POLICY,
    });
    const pooled = trend.kpis[0].cycles[0].pooled;
    expect(pooled).toMatchObject({ released: true, n: contacts.filter((c) => c > 0).length });
    expect(releasedPooled(pooled)).toBe(snapshot.group('all')?.cells[0].pooled);
  });

  it('does not depend on the order of the units, to the bit', () => {
    const random = new SeededRandom(12);
    const units = Array.from({ length: 300 }, (_, i) =>
      createVolumeUnit(
        `u${i}`,
        Math.round(random.normal(8, 3) * 10) / 10,
        Math.round(random.logNormal(50000, 0.8)),
      ),
    );
    const shuffled = [...units];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    const pooledOf = (cycleUnits: TrendUnit[]): TrendFigure<number> | undefined =>
      computeTrendData({
        cycles: [{ year: 2024, units: cycleUnits }],
        kpis: [UPSELL],
        policy: DEFAULT_DISCLOSURE_POLICY,
      }).kpis[0].cycles[0].pooled;
    expect(pooledOf(shuffled)).toEqual(pooledOf(units));
    expect(pooledOf([...units].reverse())).toEqual(pooledOf(units));
  });

  it('refuses a weight that is a bug of the caller', () => {
    const study = createVolumeStudy();
    const yes: TrendKpi = { key: 'contacts_total', boolean: true, polarity: 'neutral' };
    expect(() =>
      computeTrendData({ ...study, kpis: [{ ...UPSELL, weightKey: UPSELL.key }] }),
    ).toThrow(RangeError);
    expect(() => computeTrendData({ ...study, kpis: [UPSELL, yes] })).toThrow(RangeError);
    const unit = createVolumeUnit('P1', 10, 1);
    for (const contacts of [true, Number.POSITIVE_INFINITY]) {
      const units = [{ ...unit, values: { ...unit.values, contacts_total: contacts } }];
      expect(() => computeTrendData({ ...study, cycles: [{ year: 2024, units }] })).toThrow(
        RangeError,
      );
    }
    const policy = { ...study.policy, maxWeightSharePercent: 0 };
    expect(() => computeTrendData({ ...study, policy })).toThrow(RangeError);
    // Without a weighted KPI the pooled parameters play no part.
    expect(() => computeTrendData({ ...study, kpis: [NPS], policy })).not.toThrow();
  });
});

import { adoptionChanges, adoptionChangesOfColumns } from './adoption';

const cycle = (entries: Record<string, boolean | null>): Map<string, boolean | null> =>
  new Map(Object.entries(entries));

describe('adoptionChanges', () => {
  // Cycle 1: A yes, B no, C no, D no (1 of 4 = 25 %).
  // Cycle 2: A yes, B yes, C no, D leaves, E yes, F no (3 of 5 = 60 %; +35 points).
  // Panel A, B, C: 1 of 3 (33.3 %) -> 2 of 3 (66.7 %): +33.3 points, B adopted the practice.
  const series = adoptionChanges([
    cycle({ A: true, B: false, C: false, D: false }),
    cycle({ A: true, B: true, C: false, E: true, F: false, G: null }),
  ]);

  it('gives the share of yes per cycle among the units that answered', () => {
    expect(series.cycles).toEqual([
      { n: 4, yes: 1, share: 25 },
      { n: 5, yes: 3, share: 60 },
    ]);
  });

  it('gives the change in percentage points over all participants and over the panel', () => {
    const [change] = series.changes;
    expect(change.all.points).toBe(35);
    expect(change.panel.n).toBe(3);
    expect(change.panel.from).toEqual({ n: 3, yes: 1, share: 100 / 3 });
    expect(change.panel.to).toEqual({ n: 3, yes: 2, share: 200 / 3 });
    expect(change.panel.points).toBeCloseTo(100 / 3, 12);
  });

  it('gives 13 of 100 as exactly 13 %', () => {
    const answers = Array.from({ length: 100 }, (_, i) => i < 13);
    const [summary] = adoptionChanges([new Map(answers.map((yes, i) => [`u${i}`, yes]))]).cycles;
    expect(summary?.share).toBe(13);
  });

  it('has no share and no change where nobody answered', () => {
    const result = adoptionChanges([cycle({ A: null }), cycle({ A: true })]);
    expect(result.cycles[0]).toBeNull();
    expect(result.changes[0].all.points).toBeNull();
    expect(result.changes[0].panel).toEqual({ n: 0, from: null, to: null, points: null });
  });

  it('refuses an answer other than 0 or 1', () => {
    expect(() => adoptionChangesOfColumns([Float64Array.from([1, 0, 2])])).toThrow(RangeError);
  });
});

import { changeOf, panelChanges } from './panel-change';

const cycle = (entries: Record<string, number | null>): Map<string, number | null> =>
  new Map(Object.entries(entries));

describe('panelChanges', () => {
  // Five units A..E report the same values in all three cycles. F and G (high values) join in
  // cycle 2 and leave again; H and I (low values) join in cycle 3.
  //   cycle 1: A 10, B 20, C 30, D 40, E 50
  //   cycle 2: A..E as before, F 60, G 70
  //   cycle 3: A..E as before, H 5, I 8
  // All participants, linear quantiles (h = (n − 1) p):
  //   cycle 1: 10 20 30 40 50, n 5: P25 h 1 -> 20, median h 2 -> 30, P75 h 3 -> 40, mean 150/5 = 30
  //   cycle 2: 10 20 30 40 50 60 70, n 7: P25 h 1.5 -> 25, median h 3 -> 40, P75 h 4.5 -> 55,
  //            mean 280/7 = 40
  //   cycle 3: 5 8 10 20 30 40 50, n 7: P25 h 1.5 -> 9, median h 3 -> 20, P75 h 4.5 -> 35,
  //            mean 163/7
  // Median over all: 30 -> 40 (+10, +33.3 %) -> 20 (−20, −50 %), although no unit changed.
  // The panel of each pair is A..E (F and G have no cycle-3 value, H and I no cycle-2 value):
  // 10 20 30 40 50 on both sides, so every panel change is 0.
  const series = panelChanges([
    cycle({ A: 10, B: 20, C: 30, D: 40, E: 50 }),
    cycle({ A: 10, B: 20, C: 30, D: 40, E: 50, F: 60, G: 70 }),
    cycle({ H: 5, A: 10, B: 20, C: 30, D: 40, E: 50, I: 8 }),
  ]);
  const panelOfAToE = { n: 5, p25: 20, median: 30, p75: 40, mean: 30 };
  const noChange = { absolute: 0, percent: 0 };

  it('computes each cycle over all participants', () => {
    expect(series.cycles).toEqual([
      { n: 5, p25: 20, median: 30, p75: 40, mean: 30 },
      { n: 7, p25: 25, median: 40, p75: 55, mean: 40 },
      { n: 7, p25: 9, median: 20, p75: 35, mean: 163 / 7 },
    ]);
  });

  it('moves the all-participant median by the sample alone', () => {
    const [first, second] = series.changes;
    expect(first.all.change?.median.absolute).toBe(10);
    expect(first.all.change?.median.percent).toBeCloseTo(100 / 3, 12);
    expect(second.all.change?.median).toEqual({ absolute: -20, percent: -50 });
    // P25 25 -> 9 (−16, −64 %); mean 40 -> 163/7 (−117/7, i.e. −41.79 %).
    expect(second.all.change?.p25).toEqual({ absolute: -16, percent: -64 });
    expect(second.all.change?.mean.absolute).toBeCloseTo(-117 / 7, 12);
    expect(second.all.change?.mean.percent).toBeCloseTo((-117 / 7 / 40) * 100, 12);
  });

  it('shows no change over the balanced panel', () => {
    for (const change of series.changes) {
      expect(change.panel).toEqual({
        n: 5,
        from: panelOfAToE,
        to: panelOfAToE,
        change: { p25: noChange, median: noChange, p75: noChange, mean: noChange },
      });
    }
    expect(series.changes.map(({ from, to }) => [from, to])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('leaves a unit without a value out of the panel and the cycle', () => {
    // B has no value in cycle 2: the panel is A, C (20 -> 24 and 40 -> 44); all: 20, 30, 40 -> 24, 44.
    const [change] = panelChanges([
      cycle({ A: 20, B: 30, C: 40 }),
      cycle({ A: 24, B: null, C: 44, D: Number.NaN }),
    ]).changes;
    expect(change.all.to?.n).toBe(2);
    expect(change.panel.n).toBe(2);
    // Panel medians 30 -> 34: +4, +13.33 %.
    expect(change.panel.change?.median.absolute).toBe(4);
    expect(change.panel.change?.median.percent).toBeCloseTo(40 / 3, 12);
  });

  it('has no change where a side has no values', () => {
    const [change] = panelChanges([cycle({ A: 1 }), cycle({ B: 2 })]).changes;
    expect(change.panel).toEqual({ n: 0, from: null, to: null, change: null });
    expect(change.all.change).not.toBeNull();
    const [empty] = panelChanges([cycle({}), cycle({ B: 2 })]).changes;
    expect(empty.all).toEqual({
      from: null,
      to: { n: 1, p25: 2, median: 2, p75: 2, mean: 2 },
      change: null,
    });
  });

  it('uses the study quantile method', () => {
    // local_mean: the median of 10..50 is the mean of 20, 30, 40 = 30; P25 (h = 1) of 10, 20, 30 = 20.
    const [summary] = panelChanges(
      [cycle({ A: 10, B: 20, C: 30, D: 40, E: 50 })],
      'local_mean',
    ).cycles;
    expect(summary).toEqual({ n: 5, p25: 20, median: 30, p75: 40, mean: 30 });
  });

  it('refuses an infinite value', () => {
    expect(() => panelChanges([cycle({ A: Number.POSITIVE_INFINITY })])).toThrow(RangeError);
  });
});

describe('changeOf', () => {
  it('gives the absolute and the relative change', () => {
    expect(changeOf(20, 26)).toEqual({ absolute: 6, percent: 30 });
  });

  it('has no per cent change from a base of 0', () => {
    expect(changeOf(0, 5)).toEqual({ absolute: 5, percent: null });
  });

  it('measures the per cent change against the size of a negative base', () => {
    // NPS −10 -> −5: up by 5 points, i.e. by half of the base's size.
    expect(changeOf(-10, -5)).toEqual({ absolute: 5, percent: 50 });
  });
});

import { DEFAULT_DISCLOSURE_POLICY, DisclosurePolicy } from '../disclosure/disclosure-policy';
import { SeededRandom } from '../demo/seeded-random';
import {
  discloseChange,
  discloseFigure,
  disclosePanels,
  mapFigure,
  TrendFigure,
} from './trend-disclosure';

const policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY; // minN 5
const MIN_N = {
  rule: 'min_n',
  reason: { de: 'weniger als 5 Vergleichseinheiten', en: 'fewer than 5 peers' },
};
const DIFFERENCING = {
  rule: 'differencing',
  reason: {
    de: 'würde zusammen mit einer anderen Zahl desselben Jahres weniger als 5 Einheiten durch Differenzbildung offenlegen',
    en: 'would reveal fewer than 5 units by difference with another figure of the same cycle',
  },
};

/** Aligned columns from the sets of units present per cycle (value 1 each). */
function presence(unitCount: number, cycles: ReadonlyArray<readonly number[]>): Float64Array[] {
  return cycles.map((units) => {
    const column = new Float64Array(unitCount).fill(Number.NaN);
    units.forEach((u) => (column[u] = 1));
    return column;
  });
}
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('discloseFigure', () => {
  it('withholds a figure of 4 units without computing it and releases one of 5', () => {
    const compute = jest.fn(() => 42);
    const withheld = discloseFigure(4, compute, policy);
    expect(withheld).toEqual({ released: false, suppression: MIN_N });
    expect(withheld).not.toHaveProperty('value');
    expect(withheld).not.toHaveProperty('n');
    expect(compute).not.toHaveBeenCalled();
    expect(discloseFigure(5, compute, policy)).toEqual({ released: true, n: 5, value: 42 });
  });

  it('withholds a figure whose units differ from a released one by 1 to 4', () => {
    for (const difference of [1, 4]) {
      expect(discloseFigure(20, () => 1, policy, [0, difference])).toEqual({
        released: false,
        suppression: DIFFERENCING,
      });
    }
    expect(discloseFigure(20, () => 1, policy, [0, 5, 12]).released).toBe(true);
  });

  it('applies the frequency rule before differencing', () => {
    expect(discloseFigure(3, () => 1, policy, [1])).toEqual({
      released: false,
      suppression: MIN_N,
    });
  });

  it('follows the policy minN', () => {
    const strict = { ...policy, minN: 10 };
    expect(discloseFigure(9, () => 1, strict).released).toBe(false);
    expect(discloseFigure(10, () => 1, strict).released).toBe(true);
  });
});

describe('discloseChange', () => {
  const released = (n: number, value: number): TrendFigure<number> => ({
    released: true,
    n,
    value,
  });
  const withheld = discloseFigure(2, () => 0, policy);

  it('releases a change of two released figures, resting on the smaller n', () => {
    expect(discloseChange(released(8, 10), released(6, 13), (a, b) => b - a)).toEqual({
      released: true,
      n: 6,
      value: 3,
    });
  });

  it('withholds a change when either side is withheld', () => {
    const combine = jest.fn((a: number, b: number) => b - a);
    expect(discloseChange(withheld, released(8, 1), combine)).toEqual(withheld);
    expect(discloseChange(released(8, 1), withheld, combine)).toEqual(withheld);
    expect(combine).not.toHaveBeenCalled();
  });
});

describe('mapFigure', () => {
  it('transforms a released value and keeps a withheld figure withheld', () => {
    expect(mapFigure({ released: true, n: 7, value: 2 }, (v) => v * 3)).toEqual({
      released: true,
      n: 7,
      value: 6,
    });
    const withheld = discloseFigure(1, () => 2, policy);
    expect(mapFigure(withheld, (v) => v * 3)).toEqual(withheld);
  });
});

describe('disclosePanels', () => {
  it('releases a panel of the same units as both cycles', () => {
    const [panel] = disclosePanels(presence(10, [range(0, 9), range(0, 9)]), policy, () => 'x');
    expect(panel).toEqual({ released: true, n: 10, value: 'x' });
  });

  it('withholds a panel when a single unit joins (its value = difference of two sums)', () => {
    const [panel] = disclosePanels(presence(11, [range(0, 9), range(0, 10)]), policy, () => 'x');
    expect(panel).toEqual({ released: false, suppression: DIFFERENCING });
  });

  it('withholds a panel when 4 units leave and releases it when 5 leave', () => {
    const four = disclosePanels(presence(20, [range(0, 19), range(0, 15)]), policy, () => 'x');
    expect(four[0].released).toBe(false);
    const five = disclosePanels(presence(20, [range(0, 19), range(0, 14)]), policy, () => 'x');
    expect(five[0]).toEqual({ released: true, n: 15, value: 'x' });
  });

  it('withholds a panel that differs from the previous released panel by 2 units', () => {
    // Cycle 0: 0..19; cycle 1: 0..25 (6 join); cycle 2: 1..19 and 25 (6 leave: 0, 20..24).
    // Panel 0-1 is 0..19 (differs from cycle 1 by 6): released. Panel 1-2 is 1..19 and 25: it
    // differs from each cycle by 6 and 0 but from panel 0-1 by {0, 25}, 2 units, in cycle 1.
    const columns = presence(26, [range(0, 19), range(0, 25), [...range(1, 19), 25]]);
    const [first, second] = disclosePanels(columns, policy, (i) => i);
    expect(first).toEqual({ released: true, n: 20, value: 0 });
    expect(second).toEqual({ released: false, suppression: DIFFERENCING });
  });

  it('does not judge a panel against a withheld one', () => {
    // Panel 0-1 (0..4 of 0..5 and 0..4) is withheld; panel 1-2 (0..4) equals cycles 1 and 2.
    const columns = presence(6, [range(0, 5), range(0, 4), range(0, 4)]);
    const [first, second] = disclosePanels(columns, policy, (i) => i);
    expect(first.released).toBe(false);
    expect(second).toEqual({ released: true, n: 5, value: 1 });
  });
});

describe('no trend figure rests on fewer than minN units', () => {
  it('never carries a value or an n below minN, over random figures and panels', () => {
    const random = new SeededRandom(11);
    for (let trial = 0; trial < 200; trial++) {
      const minN = random.int(1, 8);
      const strict = { ...policy, minN };
      const figures: Array<TrendFigure<number>> = [
        discloseFigure(random.int(0, 12), () => 1, strict),
        ...disclosePanels(
          Array.from({ length: 4 }, () =>
            Float64Array.from({ length: 15 }, () => (random.next() < 0.7 ? 1 : Number.NaN)),
          ),
          strict,
          () => 1,
        ),
      ];
      for (const figure of figures) {
        if (figure.released) {
          expect(figure.n).toBeGreaterThanOrEqual(minN);
        } else {
          expect(Object.keys(figure).sort()).toEqual(['released', 'suppression']);
        }
      }
    }
  });
});

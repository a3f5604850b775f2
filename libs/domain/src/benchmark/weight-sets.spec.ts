import { KpiPlan } from './snapshot-input';
import { blockAndAlone, WeightSet } from './weight-sets';

const range = (from: number, to: number): Int32Array =>
  Int32Array.from({ length: to - from }, (_, i) => from + i);

const set = (key: string, units: Int32Array): WeightSet => ({
  p: 0,
  plan: {} as KpiPlan,
  units,
  key,
});

describe('blockAndAlone', () => {
  it('judges alone a set that lies within fewer than minN units of an earlier one', () => {
    const a = set('a', range(0, 12));
    // 2 units fewer than a: the two units' sum would be known.
    const b = set('b', range(0, 10));
    const c = set('c', range(20, 32));
    // 6 fewer than a, but 4 fewer than b.
    const d = set('d', range(0, 6));
    // 5 fewer than a (minN): the difference is a sum of five, which may be released.
    const e = set('e', range(0, 7));
    const { block, alone } = blockAndAlone([a, b, c, d, set('f', range(25, 40))], 5);
    expect(block.map((s) => s.key)).toEqual(['a', 'c', 'f']);
    expect(alone.map((s) => s.key)).toEqual(['b', 'd']);
    expect(blockAndAlone([a, e], 5).alone).toEqual([]);
  });

  it('sees a set that is not inside the other as no reason to judge it alone', () => {
    // 0..9 and 1..10 differ by two units, but neither holds the other.
    const { alone } = blockAndAlone([set('a', range(0, 10)), set('b', range(1, 11))], 5);
    expect(alone).toEqual([]);
  });
});

import { alignCycles } from './cycle-columns';

describe('alignCycles', () => {
  it('gives every unit one slot in every cycle, NaN where it has no value', () => {
    const { unitIds, columns } = alignCycles(
      [
        new Map<string, number | null>([
          ['A', 1],
          ['B', null],
        ]),
        new Map<string, number | null>([
          ['C', 3],
          ['A', 2],
        ]),
      ],
      (value) => value,
    );
    expect(unitIds).toEqual(['A', 'B', 'C']);
    expect(Array.from(columns[0])).toEqual([1, Number.NaN, Number.NaN]);
    expect(Array.from(columns[1])).toEqual([2, Number.NaN, 3]);
  });

  it('converts values and refuses infinite ones', () => {
    const { columns } = alignCycles([new Map([['A', true]])], (yes) => (yes ? 1 : 0));
    expect(Array.from(columns[0])).toEqual([1]);
    expect(() => alignCycles([new Map([['A', 1 / 0]])], (value) => value)).toThrow(RangeError);
  });
});

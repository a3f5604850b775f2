import { ValueSortWorkspace } from './value-sort-workspace';

/** Sorts with the workspace; the ids are 10 × the position, ascending as callers pass them. */
function sortWith(values: number[]): { ids: number[]; sorted: number[] } {
  const workspace = new ValueSortWorkspace(values.length);
  workspace.values.set(values);
  values.forEach((_, i) => (workspace.ids[i] = 10 * i));
  const ids = Array.from(workspace.sortIdsByValue(values.length));
  return { ids, sorted: Array.from(workspace.sortedValues.subarray(0, values.length)) };
}

/** The order every correct sort must give: by value, ties by id. */
function expectedOrder(values: number[]): number[] {
  return values
    .map((value, i) => ({ value, id: 10 * i }))
    .sort((a, b) => a.value - b.value || a.id - b.id)
    .map((entry) => entry.id);
}

describe('ValueSortWorkspace', () => {
  it('orders a few values by value, equal values by id', () => {
    expect(sortWith([3, -1, 3, 0, -1])).toEqual({
      ids: [10, 40, 30, 0, 20],
      sorted: [-1, -1, 0, 3, 3],
    });
  });

  it('treats -0 as 0 and returns it as 0', () => {
    const { ids, sorted } = sortWith([0, -0, -1]);
    expect(ids).toEqual([20, 0, 10]);
    expect(Object.is(sorted[2], 0)).toBe(true);
  });

  // Each family takes another path of the radix sort: ordered by the upper 32 bits alone,
  // short runs sharing them, long runs, and so many that it sorts by all 64 bits.
  const families: Array<[string, (i: number) => number]> = [
    ['integers with many ties', (i) => (i * 7919) % 300],
    ['negative and positive decimals', (i) => (((i * 7919) % 20011) - 10000) / 100],
    ['values 1e-9 apart', (i) => 1000 + ((i * 31) % 7) * 1e-9],
    ['amounts of millions with cents', (i) => 1_000_000 + ((i * 7919) % 100_003) / 100],
    ['short runs', (i) => (i % 100 < 3 ? Math.floor(i / 100) + 0.5 + (3 - (i % 100)) * 1e-12 : i)],
    ['one long run', (i) => (i % 50 === 0 ? 1 + (i % 3) * 1e-12 : i)],
  ];

  it.each(families)('sorts 3000 %s like a comparison sort', (_name, value) => {
    const values = Array.from({ length: 3000 }, (_, i) => value(i));
    const { ids, sorted } = sortWith(values);
    expect(ids).toEqual(expectedOrder(values));
    expect(sorted).toEqual(ids.map((id) => values[id / 10]));
  });

  it.each([1, 511, 512, 513])('sorts %i values on both sides of the radix threshold', (count) => {
    const values = Array.from({ length: count }, (_, i) => ((i * 37) % 101) - 50.5);
    expect(sortWith(values).ids).toEqual(expectedOrder(values));
  });
});

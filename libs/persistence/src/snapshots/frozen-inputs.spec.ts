import {
  columnsOfVectors,
  decodeValues,
  encodeValues,
  packUnits,
  unpackUnits,
} from './frozen-inputs';

describe('frozen inputs', () => {
  it('round-trips values, NaN and negative zero included, KPI after KPI', () => {
    const values = [Float64Array.from([1.5, NaN, -3]), Float64Array.from([0.1 + 0.2, -0, 1e300])];
    const buffer = encodeValues(values, 3);
    expect(buffer.length).toBe(2 * 3 * 8);
    // KPI-major: the second KPI's first value sits after the first KPI's three values.
    expect(buffer.readDoubleLE(3 * 8)).toBe(0.1 + 0.2);
    const back = decodeValues(buffer, 2, 3);
    expect(Array.from(back[0])).toEqual([1.5, NaN, -3]);
    expect(Object.is(back[1][1], -0)).toBe(true);
    expect(back[1][2]).toBe(1e300);
  });

  it('reads values at any offset of a larger buffer, KPI after KPI and unit after unit', () => {
    const values = [Float64Array.from([1.5, NaN]), Float64Array.from([-0, 7])];
    const encoded = encodeValues(values, 2);
    for (const offset of [0, 3, 8]) {
      const shifted = Buffer.alloc(encoded.length + offset);
      encoded.copy(shifted, offset);
      const back = decodeValues(shifted.subarray(offset), 2, 2);
      expect(Array.from(back[0])).toEqual([1.5, NaN]);
      expect(Object.is(back[1][0], -0)).toBe(true);
      // The same bytes as vectors: unit 0 holds (1.5, NaN), unit 1 holds (-0, 7).
      const columns = columnsOfVectors(shifted.subarray(offset), 2, 2);
      expect(Array.from(columns[0])).toEqual([1.5, -0]);
      expect(Array.from(columns[1])).toEqual([NaN, 7]);
    }
  });

  it('refuses a buffer of the wrong length', () => {
    expect(() => decodeValues(Buffer.alloc(8), 2, 3)).toThrow('expected 48');
  });

  it('round-trips packed units, and none', () => {
    const profiles = [
      { industry: 'telecom', country: 'DE', sizeBand: 'L', customerType: 'b2c', sourcing: 'mixed' },
      {
        industry: 'banking',
        country: 'AT',
        sizeBand: 'S',
        customerType: 'b2b',
        sourcing: 'inhouse',
      },
    ];
    const packed = packUnits(['u1', 'u2'], ['c1', 'c2'], profiles);
    expect(unpackUnits(packed)).toEqual({
      unitIds: ['u1', 'u2'],
      unitTenants: ['c1', 'c2'],
      profiles,
    });
    expect(unpackUnits('')).toEqual({ unitIds: [], unitTenants: [], profiles: [] });
  });

  it('lays vectors of several units out as one column per KPI', () => {
    const vectors = Buffer.alloc(2 * 3 * 8);
    [1, 2, 3, 4, 5, 6].forEach((v, i) => vectors.writeDoubleLE(v, i * 8));
    // Unit 0 holds (1, 2, 3), unit 1 holds (4, 5, 6).
    expect(columnsOfVectors(vectors, 3, 2).map((c) => Array.from(c))).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });
});

import { DEFAULT_DISCLOSURE_POLICY } from '../disclosure/disclosure-policy';
import { kpiPlans, setKey } from './snapshot-input';

describe('setKey', () => {
  const keyOf = (units: number, members: readonly number[]) => {
    const bits = new Uint16Array(Math.ceil(units / 16));
    for (const u of members) {
      bits[Math.floor(u / 16)] |= 2 ** (u % 16);
    }
    return setKey(bits);
  };

  it('gives equal sets equal keys and different sets different keys', () => {
    expect(keyOf(40, [0, 15, 16, 39])).toBe(keyOf(40, [39, 16, 15, 0]));
    const keys = [
      keyOf(40, []),
      keyOf(40, [0]),
      keyOf(40, [15]),
      keyOf(40, [16]),
      keyOf(40, [39]),
      keyOf(40, [15, 16]),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps every 16 bits, lone surrogates and zeros too', () => {
    // Units 11..15 set: 0xf800, a lone surrogate's code unit; units 16..31 none: a zero.
    const surrogate = keyOf(48, [11, 12, 13, 14, 15]);
    expect(surrogate.length).toBe(3);
    expect([...Array(3).keys()].map((i) => surrogate.charCodeAt(i))).toEqual([0xf800, 0, 0]);
    expect(surrogate).not.toBe(keyOf(48, [11, 12, 13, 14]));
  });

  it('tells sets apart beyond the first slice of a string', () => {
    const units = 16 * 4096 * 2 + 5;
    expect(keyOf(units, [units - 1])).not.toBe(keyOf(units, [units - 2]));
    expect(keyOf(units, [70000])).toBe(keyOf(units, [70000]));
    expect(keyOf(units, [70000]).length).toBe(Math.ceil(units / 16));
  });
});

describe('kpiPlans', () => {
  it('marks a KPI complete when every unit has a value, and gives equal sets of units equal ids', () => {
    const profile = {
      industry: 'telecom',
      country: 'DE',
      sizeBand: 'small',
      customerType: 'b2c',
      sourcing: 'inhouse',
    };
    const plans = kpiPlans({
      profiles: [profile, profile, profile],
      owners: ['a', 'b', 'c'],
      kpis: [
        { key: 'all', boolean: false, benchmarked: true },
        { key: 'gap', boolean: false, benchmarked: true, weightKey: 'weight' },
        { key: 'weight', boolean: false, benchmarked: true },
      ],
      values: [Float64Array.of(1, 2, 3), Float64Array.of(1, NaN, 3), Float64Array.of(4, 5, 0)],
      peerGroups: [],
      policy: DEFAULT_DISCLOSURE_POLICY,
    });
    expect(plans.map((p) => p.complete)).toEqual([true, false, true]);
    // all and weight: every unit; gap: units 0 and 2; gap's pooled figure: unit 0 alone.
    expect(plans.map((p) => p.valueMask)).toEqual([0, 1, 0]);
    expect(plans[1].pooledMask).toBe(2);
  });
});

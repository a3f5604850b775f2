import { FrozenInputs, unitIndex, viewerIn } from './frozen-inputs';

function inputsOf(unitIds: string[]): FrozenInputs {
  return {
    unitIds,
    unitTenants: unitIds.map(() => 't'),
    profiles: [],
    kpiKeys: [],
    values: [],
  };
}

describe('unitIndex', () => {
  it("gives a unit's index in the inputs, and -1 for a unit not in them", () => {
    const inputs = inputsOf(['u-a', 'u-b', 'u-c']);
    expect(unitIndex(inputs, 'u-c')).toBe(2);
    expect(unitIndex(inputs, 'u-a')).toBe(0);
    expect(unitIndex(inputs, 'u-x')).toBe(-1);
  });

  it('answers for each inputs from its own units', () => {
    const earlier = inputsOf(['u-a', 'u-b']);
    const later = inputsOf(['u-b', 'u-a']);
    expect(unitIndex(earlier, 'u-b')).toBe(1);
    expect(unitIndex(later, 'u-b')).toBe(0);
  });
});

describe('viewerIn', () => {
  // Three units: a and c belong to company t1, b to t2. KPI x: a and b supplied it; KPI y: c only.
  const inputs: FrozenInputs = {
    unitIds: ['u-a', 'u-b', 'u-c'],
    unitTenants: ['t1', 't2', 't1'],
    profiles: [],
    kpiKeys: ['x', 'y'],
    values: [Float64Array.from([1, 2, NaN]), Float64Array.from([NaN, NaN, 3])],
  };
  const supplied = (viewer: ReturnType<typeof viewerIn>) =>
    viewer.kind === 'participant' ? [...viewer.supplied].sort() : 'publisher';

  it('gives a company what any of its units supplied, and a unit what it supplied itself', () => {
    expect(supplied(viewerIn(inputs, { kind: 'company', tenantId: 't1' }))).toEqual(['x', 'y']);
    expect(supplied(viewerIn(inputs, { kind: 'company', tenantId: 't2' }))).toEqual(['x']);
    expect(supplied(viewerIn(inputs, { kind: 'unit', unitId: 'u-c' }))).toEqual(['y']);
  });

  it('gives a company without units in the inputs nothing, and a publisher everything', () => {
    expect(supplied(viewerIn(inputs, { kind: 'company', tenantId: 't3' }))).toEqual([]);
    expect(supplied(viewerIn(inputs, { kind: 'unit', unitId: 'u-x' }))).toEqual([]);
    expect(supplied(viewerIn(inputs, { kind: 'publisher' }))).toBe('publisher');
  });
});

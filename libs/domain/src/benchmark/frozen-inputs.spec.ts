import { FrozenInputs, unitIndex } from './frozen-inputs';

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

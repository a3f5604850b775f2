import {
  DEFAULT_DISCLOSURE_POLICY,
  disclosurePolicyOf,
  effectiveDisclosurePolicy,
} from './disclosure-policy';

describe('disclosurePolicyOf', () => {
  it('gives the defaults for an empty stored policy', () => {
    expect(disclosurePolicyOf({})).toEqual(DEFAULT_DISCLOSURE_POLICY);
  });

  it('keeps valid parameters and the local_mean method', () => {
    expect(
      disclosurePolicyOf({
        minN: 7,
        minNTails: 12,
        minNQuantiles: 25,
        pPercent: 15,
        maxWeightSharePercent: 30,
        quantileMethod: 'local_mean',
        foldBelowN: 8,
        maxCustomGroupsPerParticipant: 3,
      }),
    ).toEqual({
      minN: 7,
      minNTails: 12,
      minNQuantiles: 25,
      pPercent: 15,
      maxWeightSharePercent: 30,
      quantileMethod: 'local_mean',
      foldBelowN: 8,
      maxCustomGroupsPerParticipant: 3,
    });
  });

  it('replaces unusable values by the defaults', () => {
    expect(
      disclosurePolicyOf({ minN: 0, minNTails: 2.5, pPercent: 'x', maxWeightSharePercent: 101 }),
    ).toEqual(DEFAULT_DISCLOSURE_POLICY);
  });

  it('never lets the tails go below the general threshold', () => {
    expect(disclosurePolicyOf({ minN: 12 }).minNTails).toBe(12);
  });

  it('never lets the quantiles go below the general threshold', () => {
    expect(disclosurePolicyOf({ minN: 25 }).minNQuantiles).toBe(25);
  });
});

describe('effectiveDisclosurePolicy', () => {
  it("takes the manifest's policy over the study's", () => {
    expect(effectiveDisclosurePolicy({ minN: 7 }, { minN: 9 }).minN).toBe(7);
  });

  it("takes the study's policy when the manifest holds none", () => {
    expect(effectiveDisclosurePolicy(undefined, { minN: 9 }).minN).toBe(9);
    expect(effectiveDisclosurePolicy(null, { minN: 9 }).minN).toBe(9);
  });
});

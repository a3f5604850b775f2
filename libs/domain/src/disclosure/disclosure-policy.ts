/** The disclosure-control parameters a study publishes its benchmarks under. */
export interface DisclosurePolicy {
  /**
   * No statistic of a group of fewer units is released, and no participant may be able to
   * compute, from everything released in a snapshot and its own values, the value of another
   * unit or a sum over fewer than this many other units (the release audit).
   */
  minN: number;
  /** P10 and P90 need at least this many units. */
  minNTails: number;
  /**
   * Small groups: a cell with fewer contributors releases n and the mean only, no quantile, so
   * that no released quantile is (or pins down) one contributor's raw value.
   */
  minNQuantiles: number;
  /** p% rule: the total less the two largest contributors must reach p % of the largest. */
  pPercent: number;
  /** No single unit may carry more than this share (%) of a pooled figure's weight. */
  maxWeightSharePercent: number;
  /** `linear` (percentile_cont, PERCENTILE.INC) or `local_mean` (mean of the 3 nearest). */
  quantileMethod: 'linear' | 'local_mean';
  /**
   * Category folding: a size band at either end with fewer units than this is merged into its
   * neighbour (a lone XL unit goes into "L, XL") before any peer group is formed.
   */
  foldBelowN: number;
  /** Custom peer groups one participant may ask for per snapshot (released or refused). */
  maxCustomGroupsPerParticipant: number;
}

/** The defaults of DESIGN.md, in line with the statistical agencies' practice. */
export const DEFAULT_DISCLOSURE_POLICY: DisclosurePolicy = {
  minN: 5,
  minNTails: 10,
  minNQuantiles: 20,
  pPercent: 10,
  maxWeightSharePercent: 25,
  quantileMethod: 'linear',
  foldBelowN: 10,
  maxCustomGroupsPerParticipant: 20,
};

function positiveInteger(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : fallback;
}

function percentBetween(value: unknown, fallback: number): number {
  return typeof value === 'number' && value >= 0 && value <= 100 ? value : fallback;
}

/**
 * The policy a study stores (JSON), with the defaults for every parameter it leaves out or
 * holds in an unusable form, so the engine never runs with a half-read policy. The tails and
 * the quantiles can never be released below the general frequency threshold.
 */
export function disclosurePolicyOf(stored: Readonly<Record<string, unknown>>): DisclosurePolicy {
  const minN = positiveInteger(stored.minN, DEFAULT_DISCLOSURE_POLICY.minN);
  return {
    minN,
    minNTails: Math.max(
      minN,
      positiveInteger(stored.minNTails, DEFAULT_DISCLOSURE_POLICY.minNTails),
    ),
    minNQuantiles: Math.max(
      minN,
      positiveInteger(stored.minNQuantiles, DEFAULT_DISCLOSURE_POLICY.minNQuantiles),
    ),
    pPercent: percentBetween(stored.pPercent, DEFAULT_DISCLOSURE_POLICY.pPercent),
    maxWeightSharePercent: percentBetween(
      stored.maxWeightSharePercent,
      DEFAULT_DISCLOSURE_POLICY.maxWeightSharePercent,
    ),
    quantileMethod: stored.quantileMethod === 'local_mean' ? 'local_mean' : 'linear',
    foldBelowN: positiveInteger(stored.foldBelowN, DEFAULT_DISCLOSURE_POLICY.foldBelowN),
    maxCustomGroupsPerParticipant: positiveInteger(
      stored.maxCustomGroupsPerParticipant,
      DEFAULT_DISCLOSURE_POLICY.maxCustomGroupsPerParticipant,
    ),
  };
}

/**
 * The stored policy an output was disclosed under: the one frozen into its manifest (a
 * snapshot's or a trend's), so that a change of the study's policy afterwards changes nothing
 * already computed; the study's own for a manifest that holds none. Raw, for a report that
 * lists every parameter stored; `effectiveDisclosurePolicy` reads it.
 */
export function storedPolicyInForce(
  manifestPolicy: unknown,
  studyPolicy: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  return typeof manifestPolicy === 'object' &&
    manifestPolicy !== null &&
    !Array.isArray(manifestPolicy)
    ? (manifestPolicy as Readonly<Record<string, unknown>>)
    : studyPolicy;
}

/** The policy an output was disclosed under (`storedPolicyInForce`), ready for the engine. */
export function effectiveDisclosurePolicy(
  manifestPolicy: unknown,
  studyPolicy: Readonly<Record<string, unknown>>,
): DisclosurePolicy {
  return disclosurePolicyOf(storedPolicyInForce(manifestPolicy, studyPolicy));
}

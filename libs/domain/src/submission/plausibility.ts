import { Answers, Catalogue, KpiValues } from '../catalogue/catalogue';
import { KpiItemDefinition } from '../catalogue/catalogue-definition';
import { SubmissionWarning } from './submission-warning';

/**
 * A unit's figure rarely doubles or halves from one year to the next; when it does, it is far
 * more often a changed definition or a typo (a missing zero) than a real change, so it is worth
 * a comment. Exactly twice or half is still accepted.
 */
export const PREVIOUS_CYCLE_DEVIATION_FACTOR = 2;

/**
 * Tukey's "far out" fences: beyond 3 IQR from the quartiles a value is an extreme outlier even
 * in skewed distributions such as contact volumes or costs. The usual 1.5 IQR would flag a
 * good share of honest answers and teach submitters to comment warnings away.
 */
export const BENCHMARK_FENCE_IQR_FACTOR = 3;

/** The quartiles of one KPI in the last published benchmark; `null` where it was suppressed. */
export interface BenchmarkQuartiles {
  p25: number | null;
  p75: number | null;
}

/** What the plausibility checks compare the answers with. */
export interface PlausibilityContext {
  /** The same unit's answers in the previous cycle; its numeric inputs are all that is read. */
  previousValues?: Answers;
  /** The previous published benchmark of the unit's peer group, by KPI key. */
  previousBenchmark?: Readonly<Record<string, BenchmarkQuartiles>>;
}

const NUMERIC_TYPES: readonly string[] = ['number', 'integer', 'percent', 'currency'];

const isNumeric = (item: KpiItemDefinition): boolean => NUMERIC_TYPES.includes(item.type);

const finite = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function previousCycleWarning(
  item: KpiItemDefinition,
  value: number,
  previous: number,
): SubmissionWarning | undefined {
  // From or to zero there is no ratio; a channel opened this year is not implausible.
  if (value === 0 || previous === 0) {
    return undefined;
  }
  // Magnitudes, so that a score such as NPS that moves from -10 to -30 is compared fairly.
  const ratio = Math.abs(value) / Math.abs(previous);
  if (ratio > PREVIOUS_CYCLE_DEVIATION_FACTOR || ratio < 1 / PREVIOUS_CYCLE_DEVIATION_FACTOR) {
    return { key: item.key, rule: 'previous_cycle_deviation', params: { value, previous } };
  }
  return undefined;
}

/**
 * The far-out fences of a KPI, clipped to the item's hard bounds (0..100 for a percent) so that
 * a message never names a range such as "-200 % to 90 %"; clipping changes no outcome, since a
 * value beyond a hard bound is an error already.
 */
export function benchmarkFences(
  item: KpiItemDefinition,
  quartiles: BenchmarkQuartiles,
): { lower: number; upper: number } | undefined {
  const { p25, p75 } = quartiles;
  if (!finite(p25) || !finite(p75)) {
    return undefined;
  }
  const iqr = p75 - p25;
  let lower = p25 - BENCHMARK_FENCE_IQR_FACTOR * iqr;
  let upper = p75 + BENCHMARK_FENCE_IQR_FACTOR * iqr;
  const min = item.min ?? (item.type === 'percent' ? 0 : undefined);
  const max = item.max ?? (item.type === 'percent' ? 100 : undefined);
  if (min !== undefined) {
    lower = Math.max(lower, min);
  }
  if (max !== undefined) {
    upper = Math.min(upper, max);
  }
  return { lower, upper };
}

/**
 * Warnings for answers that are valid but implausible; each needs a comment before submitting.
 * `previous_cycle_deviation`: a numeric input more than `PREVIOUS_CYCLE_DEVIATION_FACTOR` times
 * above or below the unit's previous-cycle value (both non-zero). `benchmark_range`: a numeric
 * input or derived KPI outside the previous benchmark's fences
 * [P25 − 3·IQR, P75 + 3·IQR]. Warnings come in questionnaire order, as data with the figures
 * found (`warningMessage` makes the sentence). `derived`: the derived KPIs of `values`, when the
 * caller has computed them already.
 */
export function plausibilityWarnings(
  catalogue: Catalogue,
  values: Answers,
  context: PlausibilityContext,
  derived: KpiValues = catalogue.derive(values),
): SubmissionWarning[] {
  const warnings: SubmissionWarning[] = [];
  for (const item of catalogue.items) {
    if (!isNumeric(item)) {
      continue;
    }
    const isDerived = item.formula !== undefined;
    const value = isDerived ? derived[item.key] : values[item.key];
    if (!finite(value)) {
      continue;
    }
    const previous = context.previousValues?.[item.key];
    if (!isDerived && finite(previous)) {
      const warning = previousCycleWarning(item, value, previous);
      if (warning) {
        warnings.push(warning);
      }
    }
    const quartiles = context.previousBenchmark?.[item.key];
    const fences = quartiles && benchmarkFences(item, quartiles);
    if (fences && (value < fences.lower || value > fences.upper)) {
      warnings.push({ key: item.key, rule: 'benchmark_range', params: { value, ...fences } });
    }
  }
  return warnings;
}

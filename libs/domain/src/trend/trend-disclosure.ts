import { Suppression } from '../benchmark/benchmark-cell';
import { SUPPRESSION_REASONS } from '../benchmark/suppression-reasons';
import { DisclosurePolicy } from '../disclosure/disclosure-policy';

/** A figure of the trend data that is released: its value and the number of units behind it. */
export interface ReleasedFigure<T> {
  readonly released: true;
  /** The number of units the figure rests on; never below the policy's `minN`. */
  readonly n: number;
  readonly value: T;
}

/** A withheld figure: only why. Like a suppressed snapshot cell it carries no value, no n. */
export interface SuppressedFigure {
  readonly released: false;
  readonly suppression: Suppression;
}

/**
 * Every figure of the trend data (a median, a share, a change, a count, a correlation) is one of
 * these. The union is the guarantee that a withheld figure cannot be read: `value` exists only
 * after checking `released`, and `discloseFigure` does not even compute it for a withheld one.
 */
export type TrendFigure<T> = ReleasedFigure<T> | SuppressedFigure;

/** The trend report's own reasons; the frequency rule's is the snapshot's (`SUPPRESSION_REASONS`). */
export const TREND_SUPPRESSION_REASONS = {
  /** A figure whose units differ from those of a released figure of the same cycle by a few. */
  differencing(policy: DisclosurePolicy): Suppression {
    const n = policy.minN;
    return {
      rule: 'differencing',
      reason: {
        de: `würde zusammen mit einer anderen Zahl desselben Jahres weniger als ${n} Einheiten durch Differenzbildung offenlegen`,
        en: `would reveal fewer than ${n} units by difference with another figure of the same cycle`,
      },
    };
  },

  /** A count withheld so that a withheld count cannot be recovered from the total. */
  complement(policy: DisclosurePolicy): Suppression {
    const n = policy.minN;
    return {
      rule: 'differencing',
      reason: {
        de: `würde zusammen mit der Gesamtzahl eine zurückgehaltene Zahl unter ${n} offenlegen`,
        en: `would reveal a withheld count below ${n} by difference from the total`,
      },
    };
  },
} as const;

/** A withheld figure with the given reason (a copy, so that figures share no objects). */
export function suppressedFigure(suppression: Suppression): SuppressedFigure {
  return {
    released: false,
    suppression: { rule: suppression.rule, reason: { ...suppression.reason } },
  };
}

/**
 * A figure resting on n units under the study's policy: withheld with `min_n` below `minN`
 * units, and with `differencing` when its units differ from those of an earlier released figure
 * of the same item and cycle by 1 to `minN` − 1 units (their values would follow from the
 * difference of the two sums). P10 and P90 are not part of the trend data, so `minNTails` plays
 * no part.
 *
 * @param n the number of units the figure rests on
 * @param compute the figure's value; called only when it is released
 * @param differences the sizes of the symmetric differences between this figure's units and
 *   those of each released figure it must be judged against
 */
export function discloseFigure<T>(
  n: number,
  compute: () => T,
  policy: DisclosurePolicy,
  differences: readonly number[] = [],
): TrendFigure<T> {
  if (n < policy.minN) {
    return suppressedFigure(SUPPRESSION_REASONS.minN(policy));
  }
  if (differences.some((difference) => difference > 0 && difference < policy.minN)) {
    return suppressedFigure(TREND_SUPPRESSION_REASONS.differencing(policy));
  }
  return { released: true, n, value: compute() };
}

/**
 * The change between two figures: released only if both are, resting on the smaller of their
 * n; otherwise withheld for the reason of the first withheld side.
 */
export function discloseChange<A, B, C>(
  from: TrendFigure<A>,
  to: TrendFigure<B>,
  combine: (from: A, to: B) => C,
): TrendFigure<C> {
  if (!from.released) {
    return suppressedFigure(from.suppression);
  }
  if (!to.released) {
    return suppressedFigure(to.suppression);
  }
  return { released: true, n: Math.min(from.n, to.n), value: combine(from.value, to.value) };
}

/** The same figure with its value transformed; a withheld figure stays withheld. */
export function mapFigure<T, U>(
  figure: TrendFigure<T>,
  transform: (value: T) => U,
): TrendFigure<U> {
  return figure.released
    ? { released: true, n: figure.n, value: transform(figure.value) }
    : suppressedFigure(figure.suppression);
}

/** The number of units with a value in `a`, and in `b` and `c` where given. */
function countPresent(a: Float64Array, b: Float64Array | null, c: Float64Array | null): number {
  let result = 0;
  for (let u = 0; u < a.length; u++) {
    if (a[u] === a[u] && (b === null || b[u] === b[u]) && (c === null || c[u] === c[u])) {
      result++;
    }
  }
  return result;
}

/**
 * The balanced panels of one item (pair i: the units with a value in cycles i and i + 1) under
 * the policy. A panel's figures show its units' values of both cycles next to the figures over
 * all participants of each cycle, so besides `minN` it must differ from every released set of
 * the same cycle by 0 or at least `minN` units: in cycle i from all participants (by the
 * leavers) and from the panel of pair i − 1 if released, in cycle i + 1 from all participants
 * (by the joiners). Otherwise one joiner's value would be the difference of two sums. The
 * figures over all participants come first (they are what the snapshot releases anyway), the
 * panels in cycle order.
 *
 * @param columns the item's values per cycle, aligned by unit (NaN: no value)
 * @param compute pair i's value, called only for a released panel
 * @returns one figure per pair of consecutive cycles, resting on the panel's units
 */
export function disclosePanels<T>(
  columns: readonly Float64Array[],
  policy: DisclosurePolicy,
  compute: (pair: number) => T,
): Array<TrendFigure<T>> {
  const everyone = columns.map((column) => countPresent(column, null, null));
  const figures: Array<TrendFigure<T>> = [];
  let previousSize = 0;
  for (let i = 0; i + 1 < columns.length; i++) {
    const size = countPresent(columns[i], columns[i + 1], null);
    const differences = [everyone[i] - size, everyone[i + 1] - size];
    if (i > 0 && figures[i - 1].released) {
      // Both panels lie within cycle i's participants; they share the units of all three cycles.
      const shared = countPresent(columns[i - 1], columns[i], columns[i + 1]);
      differences.push(previousSize + size - 2 * shared);
    }
    figures.push(discloseFigure(size, () => compute(i), policy, differences));
    previousSize = size;
  }
  return figures;
}

import { foldSizeBands } from '../benchmark/peer-group';
import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import {
  COUNTRIES,
  Country,
  INDUSTRIES,
  Industry,
  SIZE_BANDS,
  UnitProfile,
} from '../profile/unit-profile';
import {
  discloseFigure,
  suppressedFigure,
  TREND_SUPPRESSION_REASONS,
  TrendFigure,
} from './trend-disclosure';

/** The profile dimensions participation is broken down by. */
export type ParticipationProfile = Pick<UnitProfile, 'industry' | 'sizeBand' | 'country'>;

/** The number of a cycle's units in one category of a dimension. */
export interface BreakdownCell<K extends string> {
  category: K;
  units: TrendFigure<number>;
}

/** Who took part in a cycle. */
export interface CycleParticipation {
  year: number;
  units: TrendFigure<number>;
  /** Only the categories with at least one unit, in the order of the profile's lists. */
  byIndustry: Array<BreakdownCell<Industry>>;
  /**
   * The size bands as the cycle's snapshot forms its peer groups: a band folded with its
   * neighbour is one category named by its bands as the peer-group list names it (`L, XL`), so
   * that the trend's counts and the snapshot's groups agree.
   */
  bySizeBand: Array<BreakdownCell<string>>;
  byCountry: Array<BreakdownCell<Country>>;
  /**
   * The size bands folded into one category in this cycle (`[['L', 'XL']]`), each of two or more
   * bands in size order; empty when none was. Absent from trend data computed before folding.
   */
  foldedSizeBands?: string[][];
}

/**
 * The counts of one dimension's categories under the policy. A category of fewer than `minN`
 * units is withheld (`min_n`). Beside a released total, the sum of the withheld counts follows
 * from the total less the others: while that sum is below `minN` (a single withheld count, or
 * several small ones together), the smallest released count is withheld, too (`differencing`).
 * Then only a sum of at least `minN` units can be derived.
 *
 * @param order the known categories in display order; others follow in code-point order
 * @param categories one entry per unit
 * @param totalReleased whether the count of all units is published
 */
export function participationBreakdown<K extends string>(
  order: readonly K[],
  categories: readonly K[],
  totalReleased: boolean,
  policy: DisclosurePolicy,
): Array<BreakdownCell<K>> {
  const counts = new Map<K, number>();
  for (const category of categories) {
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  const known = new Set<K>(order);
  const present = [
    ...order.filter((category) => counts.has(category)),
    ...[...counts.keys()].filter((category) => !known.has(category)).sort(),
  ];
  const cells = present.map((category): BreakdownCell<K> => {
    const n = counts.get(category) ?? 0;
    return { category, units: discloseFigure(n, () => n, policy) };
  });
  if (totalReleased) {
    // The total less the released counts is the sum of the withheld ones. While that is a count
    // of 1 to minN − 1 units (one withheld category, or a few small ones), the smallest released
    // count is withheld as well; ties go to the first in display order.
    let withheldSum = 0;
    cells.forEach(({ category, units }) => {
      withheldSum += units.released ? 0 : (counts.get(category) ?? 0);
    });
    while (withheldSum > 0 && withheldSum < policy.minN) {
      let smallest = -1;
      let smallestCount = Number.POSITIVE_INFINITY;
      cells.forEach(({ units }, i) => {
        if (units.released && units.n < smallestCount) {
          smallest = i;
          smallestCount = units.n;
        }
      });
      if (smallest < 0) {
        break;
      }
      cells[smallest] = {
        category: cells[smallest].category,
        units: suppressedFigure(TREND_SUPPRESSION_REASONS.complement(policy)),
      };
      withheldSum += smallestCount;
    }
  }
  return cells;
}

/** The name of a folded band of a dimension, as `peerGroupLabel` lists a filter's values. */
export function foldedCategory(values: readonly string[]): string {
  return values.join(', ');
}

/**
 * A cycle's participation: the number of units and its breakdown by industry, size band and
 * country, each count under the policy (see `participationBreakdown`). The size bands are
 * folded as the snapshot of the cycle folds them (`foldSizeBands` over the cycle's units with
 * the policy's `foldBelowN`): a lone XL unit is counted in "L, XL", never on its own.
 *
 * @param profiles one per unit of the cycle
 */
export function cycleParticipation(
  year: number,
  profiles: readonly ParticipationProfile[],
  policy: DisclosurePolicy,
): CycleParticipation {
  const units = discloseFigure(profiles.length, () => profiles.length, policy);
  const bands =
    foldSizeBands(profiles, policy.foldBelowN).sizeBand ?? SIZE_BANDS.map((band) => [band]);
  const bandOf = new Map<string, string>();
  for (const band of bands) {
    for (const value of band) {
      bandOf.set(value, foldedCategory(band));
    }
  }
  return {
    year,
    units,
    byIndustry: participationBreakdown(
      INDUSTRIES,
      profiles.map((p) => p.industry),
      units.released,
      policy,
    ),
    // A value no band knows (not one of the size bands) keeps its own category.
    bySizeBand: participationBreakdown(
      bands.map(foldedCategory),
      profiles.map((p) => bandOf.get(p.sizeBand) ?? p.sizeBand),
      units.released,
      policy,
    ),
    byCountry: participationBreakdown(
      COUNTRIES,
      profiles.map((p) => p.country),
      units.released,
      policy,
    ),
    foldedSizeBands: bands.filter((band) => band.length > 1).map((band) => [...band]),
  };
}

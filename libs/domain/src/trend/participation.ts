import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import {
  COUNTRIES,
  Country,
  INDUSTRIES,
  Industry,
  SIZE_BANDS,
  SizeBand,
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
  bySizeBand: Array<BreakdownCell<SizeBand>>;
  byCountry: Array<BreakdownCell<Country>>;
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

/**
 * A cycle's participation: the number of units and its breakdown by industry, size band and
 * country, each count under the policy (see `participationBreakdown`).
 *
 * @param profiles one per unit of the cycle
 */
export function cycleParticipation(
  year: number,
  profiles: readonly ParticipationProfile[],
  policy: DisclosurePolicy,
): CycleParticipation {
  const units = discloseFigure(profiles.length, () => profiles.length, policy);
  return {
    year,
    units,
    byIndustry: participationBreakdown(
      INDUSTRIES,
      profiles.map((p) => p.industry),
      units.released,
      policy,
    ),
    bySizeBand: participationBreakdown(
      SIZE_BANDS,
      profiles.map((p) => p.sizeBand),
      units.released,
      policy,
    ),
    byCountry: participationBreakdown(
      COUNTRIES,
      profiles.map((p) => p.country),
      units.released,
      policy,
    ),
  };
}

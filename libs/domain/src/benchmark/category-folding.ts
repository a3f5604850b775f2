import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import { PROFILE_DIMENSIONS } from '../profile/unit-profile';
import {
  BenchmarkUnitProfile,
  foldFailingBands,
  foldingOf,
  foldSizeBands,
  PeerGroupFolding,
  StandsAlone,
  unitBands,
} from './peer-group';

/**
 * A category stands alone when its units belong to at least `minN` companies and at least
 * `minN` of them lie outside any one company. A member company knows its own units' values, so
 * a sum over a category that fails gives one company the sum of fewer than `minN` others: no
 * cell of it can be released, and beside a released total it costs a neighbour's cell as well
 * (the total less the neighbours is the category). Depends on membership only.
 *
 * @param owners the company of each unit, any id
 */
export function standingAlone(owners: readonly string[], minN: number): StandsAlone {
  // Companies as indices, and one count per company reset after each call: a study may have
  // 100,000 units, and every band of every dimension and pair is asked about.
  const index = new Map<string, number>();
  const company = Int32Array.from(owners, (owner) => {
    const known = index.get(owner);
    if (known !== undefined) {
      return known;
    }
    index.set(owner, index.size);
    return index.size - 1;
  });
  const counts = new Int32Array(index.size);
  return (members) => {
    let companies = 0;
    let largest = 0;
    for (const u of members) {
      const count = ++counts[company[u]];
      companies += count === 1 ? 1 : 0;
      largest = Math.max(largest, count);
    }
    for (const u of members) {
      counts[company[u]] = 0;
    }
    return companies >= minN && members.length - largest >= minN;
  };
}

/**
 * The category folding of a snapshot, before any peer group is formed: the size bands by the
 * policy's `foldBelowN` (`foldSizeBands`), and in every other dimension the values that do not
 * stand alone (`standingAlone`) combined, as `foldFailingBands` does. A dimension whose values
 * all stand alone keeps them, and so does one the profiles leave out: the trend's participation
 * folds its three dimensions by the same rule. Depends on the units' profiles and companies,
 * never on values.
 */
export function foldCategories(
  units: ReadonlyArray<Pick<BenchmarkUnitProfile, 'sizeBand'> & Partial<BenchmarkUnitProfile>>,
  standsAlone: StandsAlone,
  policy: Pick<DisclosurePolicy, 'foldBelowN'>,
): PeerGroupFolding {
  let folding: PeerGroupFolding = foldSizeBands(units, policy.foldBelowN);
  for (const dimension of PROFILE_DIMENSIONS) {
    if (dimension !== 'sizeBand') {
      const bands = foldFailingBands(dimension, unitBands(units, dimension), standsAlone);
      folding = { ...folding, ...foldingOf(dimension, bands) };
    }
  }
  return folding;
}

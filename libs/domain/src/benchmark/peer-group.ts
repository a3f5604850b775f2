import { LocalizedText } from '../catalogue/catalogue-definition';
import { DomainError, DomainErrorCode, LocalizedProblem } from '../errors/domain-error';
import {
  COUNTRIES,
  CUSTOMER_TYPES,
  INDUSTRIES,
  PROFILE_DIMENSIONS,
  ProfileDimension,
  SIZE_BANDS,
  SOURCINGS,
} from '../profile/unit-profile';
import { PEER_GROUP_FILTER_TEXTS as T } from './peer-group.texts';

/**
 * What the benchmark engine needs of a unit's profile: its value of every peer-group dimension.
 * A `UnitProfile` is one; the strings are not narrowed so that a profile with a value the
 * current lists do not know still counts in "all" instead of breaking a snapshot.
 */
export interface BenchmarkUnitProfile {
  industry: string;
  country: string;
  sizeBand: string;
  customerType: string;
  sourcing: string;
}

/**
 * The units of a peer group: per dimension the values allowed (alternatives), and a unit must
 * match every dimension listed. The empty filter is all units.
 */
export type PeerGroupFilter = Partial<Record<ProfileDimension, readonly string[]>>;

/** `all`, one dimension value, a predefined pair of dimension values, or a requested group. */
export type PeerGroupKind = 'all' | 'dimension' | 'pair' | 'custom';

/** A peer group a snapshot is computed for. */
export interface PeerGroupDefinition {
  /** The canonical id of the filter (`peerGroupId`); equal filters, equal ids. */
  id: string;
  kind: PeerGroupKind;
  filter: PeerGroupFilter;
  label: LocalizedText;
}

/** The id of the group of all units, the empty filter. */
export const ALL_PEER_GROUP_ID = 'all';

/** Every dimension's values in their canonical order, the order of ids and labels. */
export const PROFILE_DIMENSION_VALUES: Readonly<Record<ProfileDimension, readonly string[]>> = {
  industry: INDUSTRIES,
  country: COUNTRIES,
  sizeBand: SIZE_BANDS,
  customerType: CUSTOMER_TYPES,
  sourcing: SOURCINGS,
};

/** The dimensions' names as reports and pages show them. */
export const PROFILE_DIMENSION_LABELS: Readonly<Record<ProfileDimension, LocalizedText>> = {
  industry: { de: 'Branche', en: 'Industry' },
  country: { de: 'Land', en: 'Country' },
  sizeBand: { de: 'Größenklasse', en: 'Size band' },
  customerType: { de: 'Kundentyp', en: 'Customer type' },
  sourcing: { de: 'Betriebsmodell', en: 'Sourcing' },
};

const ALL_LABEL: LocalizedText = { de: 'Alle Teilnehmer', en: 'All participants' };

const isDimension = (key: string): key is ProfileDimension =>
  (PROFILE_DIMENSIONS as readonly string[]).includes(key);

function invalidFilter(problems: LocalizedProblem[]): DomainError {
  const first = problems[0];
  return new DomainError(
    DomainErrorCode.ValidationFailed,
    T.invalid(first.key, first.message),
    problems,
  );
}

/**
 * Checks a peer-group filter from outside (a request body, a stored custom group) and returns it
 * in canonical form: dimensions in `PROFILE_DIMENSIONS` order, each dimension's values
 * deduplicated and in the order of its value list. Problems are reported per dimension with the
 * rules `not_an_object`, `unknown_dimension`, `not_an_array`, `empty` and `unknown_value`.
 *
 * @throws DomainError `ValidationFailed` with every problem found
 */
export function validatePeerGroupFilter(input: unknown): PeerGroupFilter {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalidFilter([
      {
        key: 'filter',
        rule: 'not_an_object',
        message: T.notAnObject,
      },
    ]);
  }
  const record = input as Record<string, unknown>;
  const problems: LocalizedProblem[] = [];
  for (const key of Object.keys(record)) {
    const values = record[key];
    if (!isDimension(key)) {
      problems.push({
        key,
        rule: 'unknown_dimension',
        message: T.unknownDimension(key, PROFILE_DIMENSIONS),
      });
    } else if (!Array.isArray(values)) {
      problems.push({ key, rule: 'not_an_array', message: T.notAnArray(key) });
    } else if (values.length === 0) {
      problems.push({
        key,
        rule: 'empty',
        message: T.empty(key),
      });
    } else {
      const allowed = PROFILE_DIMENSION_VALUES[key];
      for (const value of values as unknown[]) {
        if (typeof value !== 'string' || !allowed.includes(value)) {
          problems.push({
            key,
            rule: 'unknown_value',
            message: T.unknownValue(key, value, allowed),
          });
        }
      }
    }
  }
  if (problems.length > 0) {
    throw invalidFilter(problems);
  }
  const filter: PeerGroupFilter = {};
  for (const dimension of PROFILE_DIMENSIONS) {
    // Own keys only, as checked above: an inherited property is no part of the filter.
    if (Object.prototype.hasOwnProperty.call(record, dimension)) {
      const values = record[dimension] as string[];
      filter[dimension] = PROFILE_DIMENSION_VALUES[dimension].filter((value) =>
        values.includes(value),
      );
    }
  }
  return filter;
}

/**
 * The canonical id of a filter: `all` for the empty filter, otherwise `dimension:v1,v2` per
 * dimension, joined with `;`, dimensions and values in canonical order, e.g.
 * `industry:telecom,utilities;sizeBand:L`.
 *
 * @throws DomainError `ValidationFailed` for an unknown dimension or value
 */
export function peerGroupId(filter: PeerGroupFilter): string {
  const canonical = validatePeerGroupFilter(filter);
  const parts = PROFILE_DIMENSIONS.flatMap((dimension) => {
    const values = canonical[dimension];
    return values === undefined ? [] : [`${dimension}:${values.join(',')}`];
  });
  return parts.length === 0 ? ALL_PEER_GROUP_ID : parts.join(';');
}

/**
 * The filter of a peer-group id, the inverse of `peerGroupId`. Dimensions and values may come in
 * any order; `peerGroupId(parsePeerGroupId(id))` is the canonical spelling.
 *
 * @throws DomainError `ValidationFailed` naming a malformed part, a repeated or unknown dimension
 *   or an unknown value
 */
export function parsePeerGroupId(id: string): PeerGroupFilter {
  if (id === ALL_PEER_GROUP_ID) {
    return {};
  }
  // A Map, not an object literal, so that a part such as `__proto__:x` is a key like any other.
  const record = new Map<string, string[]>();
  const problems: LocalizedProblem[] = [];
  for (const part of id.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 1) {
      problems.push({
        key: part,
        rule: 'malformed',
        message: T.malformed(part),
      });
      continue;
    }
    const dimension = part.slice(0, colon);
    if (record.has(dimension)) {
      problems.push({
        key: dimension,
        rule: 'duplicate_dimension',
        message: T.duplicateDimension(dimension, id),
      });
      continue;
    }
    record.set(dimension, part.slice(colon + 1).split(','));
  }
  if (problems.length > 0) {
    throw invalidFilter(problems);
  }
  return validatePeerGroupFilter(Object.fromEntries(record));
}

/**
 * The name of a peer group, e.g. "Branche: telecom, utilities · Größenklasse: L". Values are
 * shown by their codes.
 */
export function peerGroupLabel(filter: PeerGroupFilter): LocalizedText {
  const canonical = validatePeerGroupFilter(filter);
  const dimensions = PROFILE_DIMENSIONS.filter((dimension) => canonical[dimension] !== undefined);
  if (dimensions.length === 0) {
    return { ...ALL_LABEL };
  }
  const text = (language: keyof LocalizedText): string =>
    dimensions
      .map(
        (dimension) =>
          `${PROFILE_DIMENSION_LABELS[dimension][language]}: ${(canonical[dimension] ?? []).join(', ')}`,
      )
      .join(' · ');
  return { de: text('de'), en: text('en') };
}

/** A peer group of the given kind for a filter, with its canonical filter, id and label. */
export function peerGroupDefinition(
  filter: PeerGroupFilter,
  kind: PeerGroupKind = 'custom',
): PeerGroupDefinition {
  const canonical = validatePeerGroupFilter(filter);
  return { id: peerGroupId(canonical), kind, filter: canonical, label: peerGroupLabel(canonical) };
}

/** Whether a unit belongs to a peer group: for every dimension filtered, one of its values. */
export function matchesPeerGroup(profile: BenchmarkUnitProfile, filter: PeerGroupFilter): boolean {
  return PROFILE_DIMENSIONS.every((dimension) => {
    const values = filter[dimension];
    return values === undefined || values.includes(profile[dimension]);
  });
}

/**
 * Categories merged into one band before peer groups are formed, per dimension: each entry
 * lists the values of one band in value order. A dimension without an entry keeps its values.
 */
export type PeerGroupFolding = Partial<Record<ProfileDimension, ReadonlyArray<readonly string[]>>>;

/** Whether the units (indices) of a category could have a cell released on their own. */
export type StandsAlone = (members: readonly number[]) => boolean;

/** A band of a dimension's values (in value order) and the units in it. */
export interface UnitBand {
  values: string[];
  units: number[];
}

const merged = (dimension: ProfileDimension, a: UnitBand, b: UnitBand): UnitBand => {
  const order = PROFILE_DIMENSION_VALUES[dimension];
  return {
    values: [...a.values, ...b.values].sort((x, y) => order.indexOf(x) - order.indexOf(y)),
    units: [...a.units, ...b.units],
  };
};

/**
 * Folds the bands that do not stand alone until every band does or one is left. Size bands,
 * the one ordered dimension, fold as `foldSizeBands` does: the smallest failing band into its
 * smaller neighbour. The values of another dimension have no neighbours: the failing bands are
 * combined into one (the "other" category), which joins the smallest band that stands alone if
 * it still fails, unless that would leave one band of everyone (then nothing is folded). Bands
 * are given and returned in value order.
 */
export function foldFailingBands(
  dimension: ProfileDimension,
  bands: readonly UnitBand[],
  standsAlone: StandsAlone,
): UnitBand[] {
  const result = [...bands];
  if (dimension === 'sizeBand') {
    for (;;) {
      const failing = result
        .map((band, i) => ({ i, size: band.units.length }))
        .filter(({ i }) => !standsAlone(result[i].units))
        .sort((a, b) => a.size - b.size || a.i - b.i);
      if (result.length < 2 || failing.length === 0) {
        return result;
      }
      const smallest = failing[0].i;
      const [left, right] = [smallest - 1, smallest + 1];
      const into =
        right >= result.length ||
        (left >= 0 && result[left].units.length <= result[right].units.length)
          ? left
          : right;
      const [first, second] = into < smallest ? [into, smallest] : [smallest, into];
      result.splice(first, 2, merged(dimension, result[first], result[second]));
    }
  }
  const failing = result.filter((band) => !standsAlone(band.units));
  if (result.length < 2 || failing.length === 0) {
    return result;
  }
  let rest = failing.reduce((a, b) => merged(dimension, a, b));
  const others = result.filter((band) => standsAlone(band.units));
  if (!standsAlone(rest.units) && others.length < 2) {
    // Joined to the one other band it would make a band of everyone, no peer group at all.
    return result;
  }
  if (!standsAlone(rest.units)) {
    const smallest = others.reduce((a, b) => (b.units.length < a.units.length ? b : a));
    others.splice(others.indexOf(smallest), 1);
    rest = merged(dimension, smallest, rest);
  }
  const order = PROFILE_DIMENSION_VALUES[dimension];
  return [...others, rest].sort((a, b) => order.indexOf(a.values[0]) - order.indexOf(b.values[0]));
}

/** The values of a dimension that some unit has, in value order, each a band with its units. */
export function unitBands(
  units: ReadonlyArray<Partial<BenchmarkUnitProfile>>,
  dimension: ProfileDimension,
): UnitBand[] {
  const values = PROFILE_DIMENSION_VALUES[dimension];
  const bands = values.map((value) => ({ values: [value], units: [] as number[] }));
  const index = new Map(values.map((value, i) => [value, i]));
  units.forEach((unit, u) => {
    const i = index.get(unit[dimension] ?? '');
    if (i !== undefined) {
      bands[i].units.push(u);
    }
  });
  return bands.filter((band) => band.units.length > 0);
}

/** The folding of one dimension's bands: none unless some band holds more than one value. */
export function foldingOf(
  dimension: ProfileDimension,
  bands: readonly UnitBand[],
): PeerGroupFolding {
  return bands.some((band) => band.values.length > 1)
    ? { [dimension]: bands.map((band) => band.values) }
    : {};
}

/**
 * Category folding of the size bands, the one ordered dimension: a band with fewer than
 * `foldBelowN` units is merged into its smaller neighbour (a lone XL unit into "L, XL"), again
 * and again until every band has that many or one band is left (`foldFailingBands`). Bands
 * without units are left out. The result depends on the units' profiles only, never on their
 * values.
 */
export function foldSizeBands(
  units: ReadonlyArray<Pick<BenchmarkUnitProfile, 'sizeBand'>>,
  foldBelowN: number,
): PeerGroupFolding {
  const bands = unitBands(units, 'sizeBand');
  return foldingOf(
    'sizeBand',
    foldFailingBands('sizeBand', bands, (members) => members.length >= foldBelowN),
  );
}

/**
 * The peer groups a snapshot is computed for, in priority order: when two groups would reveal
 * units by their difference, the earlier one is released (see the snapshot engine). The order
 * is "all"; then for each of `dimensions` each value (or folded band) that some unit has, in
 * the dimension's value order; then for each pair of `pairs` each combination of values (or
 * bands) that some unit has, ordered by the pair's first dimension, then its second. Groups
 * with no unit are left out because they could never be released anyway.
 *
 * @param dimensions the dimensions whose values form groups of their own
 * @param pairs dimension pairs whose value combinations form groups, e.g. industry x size band
 * @param units the profiles of the snapshot's units
 * @param folding bands of values that form one group instead of one per value
 * @param standsAlone when given, the pairs are folded too: within each band of a pair's first
 *   dimension, the bands of its second whose units there do not stand alone are folded
 *   (`foldFailingBands`: telecom's few S units count with its M units in
 *   `industry:telecom;sizeBand:S,M`), and a first band left with one band of the second gets
 *   no pair group. A pair cell that could never be released would otherwise cost a
 *   neighbour's cell too, their difference from the first band's group.
 */
export function predefinedPeerGroups(
  dimensions: readonly ProfileDimension[],
  pairs: ReadonlyArray<readonly [ProfileDimension, ProfileDimension]>,
  units: readonly BenchmarkUnitProfile[],
  folding: PeerGroupFolding = {},
  standsAlone?: StandsAlone,
): PeerGroupDefinition[] {
  const groups: PeerGroupDefinition[] = [peerGroupDefinition({}, 'all')];
  // The bands of each dimension (a value alone unless folded) as a band index per value.
  const bandsOf = (dimension: ProfileDimension): ReadonlyArray<readonly string[]> =>
    folding[dimension] ?? PROFILE_DIMENSION_VALUES[dimension].map((value) => [value]);
  // Band indices per unit and dimension (-1: a value no band knows), once: a study may have
  // 100,000 units.
  const codes = new Map<ProfileDimension, Int8Array>();
  const codesOf = (dimension: ProfileDimension): Int8Array => {
    let column = codes.get(dimension);
    if (column === undefined) {
      const index = new Map<string, number>();
      bandsOf(dimension).forEach((band, i) => band.forEach((value) => index.set(value, i)));
      column = new Int8Array(units.length);
      for (let u = 0; u < units.length; u++) {
        column[u] = index.get(units[u][dimension]) ?? -1;
      }
      codes.set(dimension, column);
    }
    return column;
  };
  const present = (dimension: ProfileDimension): Array<readonly string[]> => {
    const column = codesOf(dimension);
    const seen = new Uint8Array(bandsOf(dimension).length);
    for (let u = 0; u < column.length; u++) {
      if (column[u] >= 0) {
        seen[column[u]] = 1;
      }
    }
    return bandsOf(dimension).filter((_, i) => seen[i] === 1);
  };
  for (const dimension of dimensions) {
    for (const band of present(dimension)) {
      groups.push(peerGroupDefinition({ [dimension]: band }, 'dimension'));
    }
  }
  for (const [first, second] of pairs) {
    if (first === second) {
      throw new RangeError(`peer group pair ${first} x ${second} repeats a dimension`);
    }
    const a = codesOf(first);
    const b = codesOf(second);
    const combinations = bandsOf(first).map(() => bandsOf(second).map((): number[] => []));
    for (let u = 0; u < units.length; u++) {
      if (a[u] >= 0 && b[u] >= 0) {
        combinations[a[u]][b[u]].push(u);
      }
    }
    bandsOf(first).forEach((firstBand, i) => {
      const present = bandsOf(second).flatMap((values, j) =>
        combinations[i][j].length > 0 ? [{ values: [...values], units: combinations[i][j] }] : [],
      );
      const bands =
        standsAlone === undefined ? present : foldFailingBands(second, present, standsAlone);
      // Folded into one band, the pair's group would be the first band's own: left out. (A first
      // band whose units were all in one band to begin with keeps its group, as without folding.)
      if (bands.length < present.length && bands.length < 2) {
        return;
      }
      for (const { values } of bands) {
        groups.push(peerGroupDefinition({ [first]: firstBand, [second]: values }, 'pair'));
      }
    });
  }
  return groups;
}

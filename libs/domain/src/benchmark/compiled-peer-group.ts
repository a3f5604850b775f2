import { PROFILE_DIMENSIONS } from '../profile/unit-profile';
import { PeerGroupFilter, PROFILE_DIMENSION_VALUES } from './peer-group';
import { ProfileCodes } from './profile-codes';

/**
 * How many of `units` have, in every column k, a code whose bit is set in masks[k] (and, with
 * `values`, a value that is not NaN). With `into`, the matching units are also written to its
 * start, in order (it may be `units` itself). A hand-written loop: it runs over every group's
 * units.
 */
function countMatching(
  units: Int32Array,
  columns: readonly Uint8Array[],
  masks: readonly number[],
  values: Float64Array | null,
  into: Int32Array | null,
): number {
  let count = 0;
  units: for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (values !== null && values[u] !== values[u]) {
      continue;
    }
    for (let k = 0; k < columns.length; k++) {
      if ((masks[k] & (1 << columns[k][u])) === 0) {
        continue units;
      }
    }
    if (into !== null) {
      into[count] = u;
    }
    count++;
  }
  return count;
}

/** A peer group's filter as one bit mask of allowed values per filtered dimension. */
export class CompiledPeerGroup {
  /** Indices into `PROFILE_DIMENSIONS` of the filtered dimensions. */
  readonly dimensions: number[] = [];
  /** Per dimension index: the mask of allowed value codes, or 0 when not filtered. */
  readonly masks = new Int32Array(PROFILE_DIMENSIONS.length);
  /** The member units, ascending. */
  readonly members: Int32Array;

  constructor(
    filter: PeerGroupFilter,
    private readonly profiles: ProfileCodes,
  ) {
    PROFILE_DIMENSIONS.forEach((dimension, d) => {
      const values = filter[dimension];
      if (values !== undefined) {
        this.dimensions.push(d);
        for (const value of values) {
          this.masks[d] |= 1 << PROFILE_DIMENSION_VALUES[dimension].indexOf(value);
        }
      }
    });
    this.members = this.findMembers();
  }

  /**
   * Starts from the units of the filtered dimension with the fewest of them and keeps those that
   * match the other dimensions, instead of testing every unit against every group.
   */
  private findMembers(): Int32Array {
    const profiles = this.profiles;
    if (this.dimensions.length === 0) {
      return Int32Array.from({ length: profiles.unitCount }, (_, u) => u);
    }
    const allowed = (d: number): number[] =>
      PROFILE_DIMENSION_VALUES[PROFILE_DIMENSIONS[d]]
        .map((_, code) => code)
        .filter((code) => (this.masks[d] & (1 << code)) !== 0);
    const candidates = (d: number): Int32Array[] =>
      allowed(d).map((code) => profiles.unitsWith(d, code));
    const size = (lists: Int32Array[]): number =>
      lists.reduce((total, list) => total + list.length, 0);
    let narrowest = this.dimensions[0];
    for (const d of this.dimensions) {
      if (size(candidates(d)) < size(candidates(narrowest))) {
        narrowest = d;
      }
    }
    const lists = candidates(narrowest);
    const units = new Int32Array(size(lists));
    let filled = 0;
    for (const list of lists) {
      units.set(list, filled);
      filled += list.length;
    }
    if (lists.length > 1) {
      units.sort();
    }
    const others = this.dimensions.filter((d) => d !== narrowest);
    const columns = others.map((d) => profiles.codes[d]);
    const masks = others.map((d) => this.masks[d]);
    const count = countMatching(units, columns, masks, null, units);
    return units.slice(0, count);
  }

  /** Whether every possible member of this group is one of `other`, from the filters alone. */
  within(other: CompiledPeerGroup): boolean {
    return other.dimensions.every(
      (d) => this.masks[d] !== 0 && (this.masks[d] & ~other.masks[d]) === 0,
    );
  }

  /** Whether no unit can be in both groups, from the filters alone. */
  disjoint(other: CompiledPeerGroup): boolean {
    return this.dimensions.some(
      (d) => other.masks[d] !== 0 && (this.masks[d] & other.masks[d]) === 0,
    );
  }

  /** Whether unit u is a member, from its profile codes. */
  has(u: number): boolean {
    return this.dimensions.every((d) => (this.masks[d] & (1 << this.profiles.codes[d][u])) !== 0);
  }
}

import { PROFILE_DIMENSIONS } from '../profile/unit-profile';
import { BenchmarkUnitProfile, PROFILE_DIMENSION_VALUES } from './peer-group';

/** The code of a profile value no list knows: no filter's mask has this bit. */
const UNKNOWN_CODE = 31;

/**
 * The units' profiles as small integer codes per dimension (the index in the dimension's value
 * list), so that testing a unit against a filter is a few bit operations instead of string
 * comparisons.
 */
export class ProfileCodes {
  /** codes[d][u]: the value index of unit u in dimension d of `PROFILE_DIMENSIONS`. */
  readonly codes: Uint8Array[];
  private readonly byCode: Array<{ start: Int32Array; units: Int32Array } | undefined> = [];

  constructor(readonly profiles: readonly BenchmarkUnitProfile[]) {
    this.codes = PROFILE_DIMENSIONS.map((dimension) => {
      const index = new Map(PROFILE_DIMENSION_VALUES[dimension].map((value, i) => [value, i]));
      const codes = new Uint8Array(profiles.length);
      for (let u = 0; u < profiles.length; u++) {
        codes[u] = index.get(profiles[u][dimension]) ?? UNKNOWN_CODE;
      }
      return codes;
    });
  }

  get unitCount(): number {
    return this.profiles.length;
  }

  /** The units whose dimension d has the given code, ascending (a view, not a copy). */
  unitsWith(d: number, code: number): Int32Array {
    let index = this.byCode[d];
    if (index === undefined) {
      // A counting sort of the units by code, made once per dimension and kept.
      const codes = this.codes[d];
      const start = new Int32Array(UNKNOWN_CODE + 2);
      for (let u = 0; u < codes.length; u++) {
        start[codes[u] + 1]++;
      }
      for (let c = 0; c <= UNKNOWN_CODE; c++) {
        start[c + 1] += start[c];
      }
      const fill = start.slice();
      const units = new Int32Array(codes.length);
      for (let u = 0; u < codes.length; u++) {
        units[fill[codes[u]]++] = u;
      }
      index = { start, units };
      this.byCode[d] = index;
    }
    return index.units.subarray(index.start[code], index.start[code + 1]);
  }
}

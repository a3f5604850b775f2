import { IN_SPAN, PseudoCholesky } from './audit-arithmetic';

/** A sum withheld by the p% rule that no release may make computable. */
export interface ProtectedSet {
  members: Int32Array;
  /** Per unit, 1 for a member. */
  inSet: Uint8Array;
  /** ‖(I − P) 1_T‖². */
  residual: number;
  /** ⟨q_k, 1_T⟩ per basis vector. */
  coordinates: number[];
  /** The audit's history before the set was protected (to take the protection back). */
  historyBefore: number;
}

/** What `protectedSetsStayHidden` reads of its audit. */
export interface ProtectedSetsAudit {
  readonly protectedSets: readonly ProtectedSet[];
  readonly atomOf: Int32Array;
  readonly rows: Float64Array;
  readonly stride: number;
  readonly rank: number;
  readonly companyStart: Int32Array;
  readonly companyUnits: Int32Array;
  /** Σ_{u∈T} direction(u): the set's indicator along a candidate direction. */
  along(members: Int32Array, direction: Float64Array): number;
}

/**
 * Whether, with `direction` added, no company could compute a protected sum, or the sum of
 * its units other than the company's own (what the p% rule protects from the second
 * largest contributor): ‖(I − P_c) x‖² > 0 for x = 1_T less the company's units, with
 * P_c the projector once the company's own values are known (`PseudoCholesky` of its
 * units, as in the search for exposed sets).
 */
export function protectedSetsStayHidden(
  audit: ProtectedSetsAudit,
  direction: Float64Array,
): boolean {
  return audit.protectedSets.every((set) => {
    const along = audit.along(set.members, direction);
    const tolerance = IN_SPAN * set.members.length;
    if (set.residual - along * along <= tolerance) {
      return false;
    }
    const entry = (a: number, b: number): number => {
      let sum = direction[a] * direction[b];
      for (let k = 0, x = a * audit.stride, y = b * audit.stride; k < audit.rank; k++) {
        sum += audit.rows[x + k] * audit.rows[y + k];
      }
      return sum;
    };
    // (P 1_T) at a unit of atom a, and ‖P 1_T‖².
    const towardSet = (a: number): number => {
      let sum = direction[a] * along;
      for (let k = 0, x = a * audit.stride; k < audit.rank; k++) {
        sum += audit.rows[x + k] * set.coordinates[k];
      }
      return sum;
    };
    const inside = set.members.length - set.residual + along * along;
    const tried = new Set<number>();
    for (let c = 0; c + 1 < audit.companyStart.length; c++) {
      const units = audit.companyUnits.subarray(audit.companyStart[c], audit.companyStart[c + 1]);
      if (units.length === 1) {
        // Companies of one unit in the same atom, in or out of the set, know the same.
        const key = audit.atomOf[units[0]] * 2 + set.inSet[units[0]];
        if (tried.has(key)) {
          continue;
        }
        tried.add(key);
      }
      const k = units.length;
      const atoms = Int32Array.from(units, (u) => audit.atomOf[u]);
      const own = Array.from(units, (u) => set.inSet[u] === 1);
      const gram = new Float64Array(k * k);
      for (let a = 0; a < k; a++) {
        for (let b = 0; b <= a; b++) {
          const value = (a === b ? 1 : 0) - entry(atoms[a], atoms[b]);
          gram[a * k + b] = value;
          gram[b * k + a] = value;
        }
      }
      // x = 1_T less the company's units in T: xᵀ P x and (P x) at the company's units.
      let quadratic = inside;
      let ownInSet = 0;
      const toward = new Float64Array(k);
      for (let a = 0; a < k; a++) {
        toward[a] = towardSet(atoms[a]);
      }
      for (let a = 0; a < k; a++) {
        if (own[a]) {
          ownInSet++;
          quadratic -= 2 * toward[a];
          for (let b = 0; b < k; b++) {
            if (own[b]) {
              quadratic += a === b ? entry(atoms[a], atoms[a]) : -gram[a * k + b];
            }
          }
        }
      }
      const projected = new Float64Array(k);
      for (let a = 0; a < k; a++) {
        projected[a] = toward[a];
        for (let b = 0; b < k; b++) {
          if (own[b]) {
            projected[a] -= a === b ? entry(atoms[a], atoms[a]) : -gram[a * k + b];
          }
        }
      }
      const gain = new PseudoCholesky(gram, k).squaredSolution(projected);
      if (set.members.length - ownInSet - quadratic - gain <= tolerance) {
        return false;
      }
    }
    return true;
  });
}

// Bound once: a global lookup of Math inside the hot loops costs far more under Jest's sandbox.
const { sqrt } = Math;

/**
 * Tolerances of the floating-point arithmetic. A released set whose residual (after projecting
 * onto the span of what is released) is this small relative to its size adds nothing new; a
 * leverage this close to the threshold counts as reaching it, so rounding can only refuse.
 */
export const IN_SPAN = 1e-9;
export const LEVERAGE_SLACK = 1e-9;
/**
 * An upper bound of a unit's leverage once a company knows its own values (`Attacker`'s exact
 * h + pᵀ G⁺ p), from the unit's leverage h, reach = ‖p‖² = Σ_{w∈c} P[u, w]² and own =
 * Σ_{w∈c} h_w. G = I − P_cc has on its range no eigenvalue below 1 − λ_max(P_cc), and
 * λ_max(P_cc) ≤ trace(P_cc) = own (P_cc is positive semidefinite), so pᵀ G⁺ p ≤ ‖p‖² / (1 − own).
 * It is given only where 1 − own is at least `LIFT_CONDITION` (Infinity elsewhere): then no
 * pivot of G is near `PIVOT` and the exact computation is accurate to far better than
 * `LIFT_MARGIN`, the margin below the limit at which the audit trusts the bound to pass a
 * company over (so it passes over only companies the exact computation would find below it).
 */
export function liftedLeverageBound(leverage: number, reach: number, own: number): number {
  return 1 - own >= LIFT_CONDITION ? leverage + reach / (1 - own) : Infinity;
}
export const LIFT_CONDITION = 1e-6;
export const LIFT_MARGIN = 1e-7;
/** A pivot of the attacker's Gram matrix this small is a direction it can already compute. */
export const PIVOT = 1e-10;
/** Projector entries below this are zero; row sums within this of their target are candidates. */
export const NONZERO = 1e-10;
export const ROW_SUM = 1e-7;
/**
 * A new direction whose residual keeps less than this share of the set's squared length is
 * orthogonalised a second time (Kahan's "twice is enough" when the first pass cancels much).
 * One pass leaves the direction at a cosine of about ε·‖1_T‖/‖residual‖ ≤ 100 ε with the basis
 * (ε the rounding unit). What that costs in accuracy, with Qᵀ W Q = I + E: a leverage read off
 * the rows differs from the projector's by at most ‖E‖₂ · h ≤ ‖E‖_F, and so does a projector
 * entry, relative to √(h_a h_b). Measured at 100,000 units after 500 custom groups (57 audits,
 * ranks up to about 300): ‖E‖_F ≤ 8.9e-11 (largest entry 2.3e-11), a tenth of LEVERAGE_SLACK
 * and below NONZERO. At 1e-2 it was 6.9e-12, but the second pass (one more sweep over every
 * atom's row) ran in many more releases: custom-group requests took 15–30 % longer at their p95
 * and the disclosure state a fifth longer to build, with the same decisions.
 */
export const REORTHOGONALISE = 1e-4;
/** Projector rows an audit keeps between releases. */
export const KEPT_ROWS = 64;
/** Directions (columns of the basis) an audit keeps, the last appended, to bring rows up to date. */
export const KEPT_COLUMNS = 32;
/**
 * The exposure check looks up an atom's projector entries one by one until they number the
 * atoms / ROW_AFTER_LOOKUPS, then computes its row: most candidate atoms are tried by a few
 * dozen companies of one to three units, a few dozen dot products against a row of all atoms.
 */
export const ROW_AFTER_LOOKUPS = 4;
/**
 * The work (atoms scanned) the exact searches around hot units may take for one release; past
 * it the release is refused, so that a study of many small atoms cannot stall the snapshot.
 */
export const SEARCH_BUDGET = 150_000;

/**
 * A Cholesky factorisation L Lᵀ = G of a positive semidefinite k × k matrix that skips the
 * pivots below `PIVOT` (directions of G's null space), and solves L y = v over the kept ones:
 * for v in G's range, ‖y‖² = vᵀ G⁺ v.
 */
export class PseudoCholesky {
  private readonly kept: Uint8Array;

  constructor(
    private readonly factor: Float64Array,
    private readonly k: number,
  ) {
    const gram = factor;
    this.kept = new Uint8Array(k);
    for (let j = 0; j < k; j++) {
      let pivot = gram[j * k + j];
      for (let t = 0; t < j; t++) {
        if (this.kept[t]) {
          pivot -= gram[j * k + t] * gram[j * k + t];
        }
      }
      if (pivot <= PIVOT) {
        continue;
      }
      this.kept[j] = 1;
      const root = sqrt(pivot);
      gram[j * k + j] = root;
      for (let i = j + 1; i < k; i++) {
        let value = gram[i * k + j];
        for (let t = 0; t < j; t++) {
          if (this.kept[t]) {
            value -= gram[i * k + t] * gram[j * k + t];
          }
        }
        gram[i * k + j] = value / root;
      }
    }
  }

  /** Solves L y = v into `into` (at `offset`), returning ‖y‖². */
  solveArray(v: Float64Array, into: Float64Array, offset: number): number {
    const { k, kept, factor } = this;
    let squared = 0;
    for (let j = 0; j < k; j++) {
      if (kept[j]) {
        let value = v[j];
        for (let t = 0; t < j; t++) {
          if (kept[t]) {
            value -= factor[j * k + t] * into[offset + t];
          }
        }
        value /= factor[j * k + j];
        into[offset + j] = value;
        squared += value * value;
      }
    }
    return squared;
  }

  squaredSolution(v: Float64Array): number {
    return this.solveArray(v, new Float64Array(this.k), 0);
  }
}

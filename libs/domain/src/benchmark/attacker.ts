import { IN_SPAN, LEVERAGE_SLACK, NONZERO, PseudoCholesky, ROW_SUM } from './audit-arithmetic';
import { AtomProjector } from './atom-projector';
import { AttackerScratch } from './attacker-scratch';

// Bound once: a global lookup of Math inside the hot loops costs far more under Jest's sandbox.
const { abs, max, sqrt } = Math;

/**
 * What one company knows, as the update of the projector: P_c[u, v] = P[u, v] + s_u · s_v for
 * units u, v of others, with s_u = L⁻¹ p_u, p_u = (P[u, w])_{w ∈ c} and L Lᵀ = I − P_cc
 * (Cholesky, skipping the directions the company can compute already: p has no part along
 * them). The entries depend on the atoms only.
 */
export class Attacker {
  private readonly k: number;
  private readonly atoms: Int32Array;
  /** P rows of the company's atoms, once every atom is needed. */
  private rows: Float64Array[] | null = null;
  private readonly factor: PseudoCholesky;
  private readonly p: Float64Array;
  /** This attacker's mark in the scratch: entries with another mark are not computed yet. */
  private readonly mark: number;
  private everything: { leverage: Float64Array; root: Float64Array; remaining: Int32Array } | null =
    null;

  constructor(
    units: Int32Array,
    atomOf: Int32Array,
    private readonly sizes: Int32Array,
    private readonly projector: AtomProjector,
    /** Per atom, s_a (k entries each) and the attacked leverage, shared by one release's attackers. */
    private readonly scratch: AttackerScratch,
  ) {
    const k = units.length;
    this.k = k;
    this.mark = ++scratch.marks;
    this.atoms = Int32Array.from(units, (u) => atomOf[u]);
    const gram = new Float64Array(k * k);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b <= a; b++) {
        const value = (a === b ? 1 : 0) - projector.entry(this.atoms[a], this.atoms[b]);
        gram[a * k + b] = value;
        gram[b * k + a] = value;
      }
    }
    this.factor = new PseudoCholesky(gram, k);
    this.p = new Float64Array(k);
  }

  /** The units of the atom that are not the company's. */
  remaining(atom: number): number {
    let remaining = this.sizes[atom];
    for (let j = 0; j < this.k; j++) {
      if (this.atoms[j] === atom) {
        remaining--;
      }
    }
    return remaining;
  }

  /** The leverage of a unit of the atom once the company knows its own values. */
  leverage(atom: number): number {
    const { scratch, k } = this;
    if (scratch.mark[atom] !== this.mark) {
      scratch.mark[atom] = this.mark;
      // s_a = L⁻¹ p_a, p_a[j] = P[a, atom of unit j].
      for (let j = 0; j < k; j++) {
        this.p[j] =
          this.rows === null ? this.projector.entry(atom, this.atoms[j]) : this.rows[j][atom];
      }
      scratch.attacked[atom] =
        this.projector.leverage[atom] + this.factor.solveArray(this.p, scratch.s, atom * k);
    }
    return scratch.attacked[atom];
  }

  /** Every atom's attacked leverage, its square root and its units not the company's. */
  all(): { leverage: Float64Array; root: Float64Array; remaining: Int32Array } {
    if (this.everything === null) {
      const m = this.projector.leverage.length;
      this.rows = Array.from(this.atoms, (atom) => this.projector.row(atom));
      const remaining = this.sizes.slice(0, m);
      for (const atom of this.atoms) {
        remaining[atom]--;
      }
      const root = new Float64Array(m);
      for (let a = 0; a < m; a++) {
        root[a] = sqrt(this.leverage(a));
      }
      this.everything = { leverage: this.scratch.attacked, root, remaining };
    }
    return this.everything;
  }

  /** P_c between a unit of atom a and another unit of atom b. */
  entry(a: number, b: number): number {
    this.leverage(a);
    this.leverage(b);
    const { k, scratch } = this;
    let sum = this.projector.entry(a, b);
    for (let j = 0, x = a * k, y = b * k; j < k; j++) {
      sum += scratch.s[x + j] * scratch.s[y + j];
    }
    return sum;
  }

  /** P_c between a unit of atom a and a unit of every atom. */
  row(a: number): Float64Array {
    this.all();
    const row = this.projector.row(a).slice();
    const { k } = this;
    const s = this.scratch.s;
    for (let b = 0; b < row.length; b++) {
      for (let j = 0, x = a * k, y = b * k; j < k; j++) {
        row[b] += s[x + j] * s[y + j];
      }
    }
    return row;
  }
}

/**
 * Whether the attacker can compute the sum over some set T of fewer than `minN` of others'
 * units that holds the (remaining) units of `atom`. T is a union of whole atoms (the span is
 * constant on them) whose indicator x satisfies P_c x = x, so in the row of a unit u of
 * `atom`: Σ_{v∈T} P_c[u, v] = 1. Sets of up to minN − 1 units are searched for that row sum
 * among the atoms with a nonzero entry (a part of T without any is a computable set of its
 * own, found from its own hot unit); ‖P_c 1_T‖ ≤ Σ_{v∈T} √h_v prunes the candidates, and each
 * one left is checked exactly.
 */
export function smallSetAround(
  attacker: Attacker,
  atom: number,
  minN: number,
  atomCount: number,
): boolean {
  const { leverage, root, remaining } = attacker.all();
  const own = remaining[atom];
  const budget = minN - 1 - own;
  if (budget < 0) {
    return false;
  }
  if (budget > 3) {
    // Sets of more than 4 units (a policy with minN above 5) are not searched: a hot unit
    // counts as exposed.
    return true;
  }
  const ownReach = own * root[atom];
  const target = 1 - own * leverage[atom];
  // Whether units of this reach can make a set of this size computable at all.
  const reaches = (reach: number, size: number): boolean =>
    ownReach + reach >= sqrt(own + size) - LEVERAGE_SLACK;
  // The largest √leverage of a unit that may join the set.
  let widest = 0;
  for (let a = 0; a < atomCount; a++) {
    if (a !== atom && remaining[a] >= 1 && remaining[a] <= budget) {
      widest = max(widest, root[a]);
    }
  }
  const row = attacker.row(atom);
  const items: SetItem[] = [];
  for (let a = 0; a < atomCount; a++) {
    const size = remaining[a];
    if (a === atom || size < 1 || size > budget || abs(row[a]) <= NONZERO) {
      continue;
    }
    const reach = size * root[a];
    const room = (budget - size) * widest;
    // A unit x of atom a in T has Σ_{v∈T} P_c[x, v] = 1 too; the partners other than
    // `atom` add at most √h_x · Σ √h_v to it (P_c is positive semidefinite).
    const rest = 1 - own * row[a] - size * leverage[a];
    if (abs(rest) <= root[a] * room + ROW_SUM && reaches(reach + room, size)) {
      items.push({ atom: a, weight: size * row[a], size, reach });
    }
  }
  items.sort((a, b) => a.weight - b.weight);
  const computable = (atoms: number[]): boolean => {
    let total = 0;
    let inside = 0;
    for (const a of atoms) {
      total += remaining[a];
      for (const b of atoms) {
        inside += remaining[a] * remaining[b] * attacker.entry(a, b);
      }
    }
    return total - inside <= IN_SPAN * total;
  };
  if (abs(target) <= ROW_SUM && computable([atom])) {
    return true;
  }
  const single = items.some(
    (item) =>
      abs(item.weight - target) <= ROW_SUM &&
      reaches(item.reach, item.size) &&
      computable([atom, item.atom]),
  );
  if (single) {
    return true;
  }
  const pair = (a: SetItem, b: SetItem): boolean =>
    reaches(a.reach + b.reach, a.size + b.size) && computable([atom, a.atom, b.atom]);
  if (budget >= 2 && pairsSumming(items, 0, target, budget, pair)) {
    return true;
  }
  if (budget === 3) {
    // Three more atoms in a budget of 3: single units only.
    const singles = items.filter((item) => item.size === 1);
    return singles.some(
      (first, i) =>
        reaches(first.reach + 2 * widest, 3) &&
        pairsSumming(
          singles,
          i + 1,
          target - first.weight,
          2,
          (a, b) =>
            reaches(first.reach + a.reach + b.reach, 3) &&
            computable([atom, first.atom, a.atom, b.atom]),
        ),
    );
  }
  return false;
}

/**
 * An atom that may complete a computable set: its row entry times its size, its size, and
 * size × √leverage, what its units can add to ‖P_c 1_T‖ at most.
 */
interface SetItem {
  atom: number;
  weight: number;
  size: number;
  reach: number;
}

/**
 * Whether `check` holds for some pair of items (from index `from` on, sorted by weight) whose
 * weights add up to `target` within the tolerance and whose sizes fit the budget: two pointers
 * over the sorted weights, every pair within the tolerance tried.
 */
function pairsSumming(
  items: readonly SetItem[],
  from: number,
  target: number,
  budget: number,
  check: (a: SetItem, b: SetItem) => boolean,
): boolean {
  let high = items.length - 1;
  for (let low = from; low < high; low++) {
    while (high > low && items[low].weight + items[high].weight > target + ROW_SUM) {
      high--;
    }
    for (let j = high; j > low && items[low].weight + items[j].weight >= target - ROW_SUM; j--) {
      if (items[low].size + items[j].size <= budget && check(items[low], items[j])) {
        return true;
      }
    }
  }
  return false;
}

// Bound once: a global lookup of Math inside the hot loops costs far more under Jest's sandbox.
const { abs, max, min, sqrt } = Math;

/**
 * Tolerances of the floating-point arithmetic. A released set whose residual (after projecting
 * onto the span of what is released) is this small relative to its size adds nothing new; a
 * leverage this close to the threshold counts as reaching it, so rounding can only refuse.
 */
const IN_SPAN = 1e-9;
const LEVERAGE_SLACK = 1e-9;
/** A pivot of the attacker's Gram matrix this small is a direction it can already compute. */
const PIVOT = 1e-10;
/** Projector entries below this are zero; row sums within this of their target are candidates. */
const NONZERO = 1e-10;
const ROW_SUM = 1e-7;
/**
 * A new direction whose residual keeps less than this share of the set's squared length is
 * orthogonalised a second time (Kahan's "twice is enough" when the first pass cancels much).
 * One pass loses orthogonality of about ε‖1_T‖/‖residual‖, so at 1 % the basis stays
 * orthonormal to about 1e-12 (measured at 100,000 units: 1.8e-12 after 306 directions), far
 * inside the tolerances above, with a third of the work for sets that differ from the span
 * in a few percent of their units (the pooled figures' weights).
 */
const REORTHOGONALISE = 1e-2;
/** Projector rows an audit keeps between releases. */
const KEPT_ROWS = 64;
/**
 * The work (atoms scanned) the exact searches around hot units may take for one release; past
 * it the release is refused, so that a study of many small atoms cannot stall the snapshot.
 */
const SEARCH_BUDGET = 150_000;

/**
 * What the audit says to a set: released, or refused because a participant could then compute
 * a value or a small sum of others (`differencing`, in the general sense of any combination of
 * released sums), or because it would reveal a cell withheld by the p% rule (`secondary`).
 */
export type AuditVerdict = 'released' | 'differencing' | 'secondary';

/** A sum withheld by the p% rule that no release may make computable. */
interface ProtectedSet {
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

/**
 * Verdicts shared by the audits of one snapshot. Many KPIs have the same contributors and so
 * see the same sets in the same order; an audit's history (every set released or protected,
 * by exact key) is interned to a number, and a verdict is remembered per history and set. A
 * step without a key starts a history of its own that nothing shares.
 */
export class ReleaseMemo {
  readonly start = 0;
  private readonly histories = new Map<string, number>();
  private readonly verdicts = new Map<string, AuditVerdict>();
  private readonly holders = new Map<number, SumAudit>();
  private fresh = 0;

  next(history: number, step: string | undefined): number {
    if (step === undefined) {
      return --this.fresh;
    }
    const key = `${history}|${step}`;
    let id = this.histories.get(key);
    if (id === undefined) {
      id = this.histories.size + 1;
      this.histories.set(key, id);
    }
    return id;
  }

  /** The audit that last took on this history, if it has not moved on (see `hold`). */
  holder(history: number): SumAudit | undefined {
    return this.holders.get(history);
  }

  /** Records an audit as at a history; a fresh (unshared) history is not recorded. */
  hold(history: number, audit: SumAudit): void {
    if (history >= 0) {
      this.holders.set(history, audit);
    }
  }

  /** The audit leaves the history. */
  leave(history: number, audit: SumAudit): void {
    if (this.holders.get(history) === audit) {
      this.holders.delete(history);
    }
  }

  verdict(history: number, key: string): AuditVerdict | undefined {
    return history < 0 ? undefined : this.verdicts.get(`${history}|${key}`);
  }

  remember(history: number, key: string, verdict: AuditVerdict): void {
    if (history >= 0) {
      this.verdicts.set(`${history}|${key}`, verdict);
    }
  }
}

/**
 * The linear audit of released sums over one family of unknowns: one KPI's values, or the
 * products value x weight of a pooled figure. Every released figure of the family is a sum of
 * the unknowns over a set of units (a mean times its n, a share of "yes" times n, a pooled
 * figure's numerator or weight). The attacker is a participant: it knows its own units' values
 * and every released sum, across all groups and all participants' requests (colluding
 * requesters are assumed), and solves the linear equations.
 *
 * What must hold, for every participant (company) c and every unit u of another company: no
 * value and no sum over fewer than `minN` units of other companies can be computed. The audit
 * holds a sufficient condition that can be checked exactly and fast:
 *
 *   the leverage of every such u, the diagonal entry of the projector onto the span of the
 *   released indicator vectors together with the unit vectors of c's own units, is below
 *   1 / (minN − 1).
 *
 * Why it suffices: a set T of t ≤ minN − 1 other units has its sum determined exactly when its
 * indicator lies in that span, i.e. when ‖P 1_T‖² = t. But ‖P 1_T‖ ≤ Σ_{u∈T} ‖P e_u‖ = Σ √h_u
 * < t / √(minN − 1) ≤ √t. One unit alone (t = 1) is the case of leverage 1.
 *
 * How it is computed: every vector in the span of released indicators is constant on an
 * "atom", the units with the same membership in every released set, so the projector is kept
 * per atom (at most the cells of the profile dimensions' cross-classification, whatever the
 * number of units): an orthonormal basis of the span in the inner product weighted by the
 * atoms' sizes, each atom holding its coordinates. A unit's leverage is the squared length of
 * its atom's row. An attacker's knowledge is a low-rank update: with c's units w,
 * h_u(c) = h_u + pᵀ (I − P_cc)⁺ p with p_w = P_uw (one unit: h_u + P_uw² / (1 − h_w)), and
 * by Cauchy–Schwarz h_u(c) ≤ h_u / (1 − Σ_w h_w), which rules out almost every attacker at
 * once; the few left are computed exactly.
 *
 * The decisions depend on who contributes to which set, never on the values (the
 * simulatable-auditing principle: a refusal reveals nothing about values). Sets can also be
 * protected (a cell withheld by the value-based p% rule): a release that would make a protected
 * set's sum computable is refused, which is the secondary suppression of that cell.
 */
export class SumAudit {
  /** The threshold every leverage stays below. */
  private readonly limit: number;
  private readonly atomOf: Int32Array;
  private sizes: Int32Array;
  /** Per atom, its leverage (per unit): the squared length of its row. */
  private leverages: Float64Array;
  /** Per atom, its coordinates in the orthonormal basis: `stride` entries, `rank` used. */
  private rows: Float64Array;
  private stride: number;
  private atomCount = 1;
  private rank = 0;
  private readonly committedRows: CommittedRows;
  /** Per company, its units (CSR: `companyUnits[companyStart[c] .. companyStart[c + 1]]`). */
  private readonly companyStart: Int32Array;
  private readonly companyUnits: Int32Array;
  private readonly largestCompany: number;
  /** Per company, its floor in the release being judged (see `floorOf`). */
  private readonly floors: Float64Array;
  private readonly protectedSets: ProtectedSet[] = [];
  /** What was released and protected so far, as an id of the memo (see `ReleaseMemo`). */
  private history: number;
  /** The last dry run's set (by key), when it was judged, and the direction it would add. */
  private judged: {
    key: string;
    history: number;
    atoms: number;
    direction: Float64Array | null;
  } | null = null;

  /**
   * @param owners owners[u]: the company (0-based index) of unit u
   * @param minN the policy's minimum number of other units a computable sum must cover
   * @param memo verdicts shared by the audits of one snapshot: audits with the same history
   *   give the same verdict to the same set, which saves the search for each copy
   */
  constructor(
    owners: Int32Array,
    private readonly minN: number,
    private readonly memo: ReleaseMemo = new ReleaseMemo(),
  ) {
    this.history = memo.start;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the rows' view of this audit
    const audit = this;
    this.committedRows = new CommittedRows({
      get rows() {
        return audit.rows;
      },
      get stride() {
        return audit.stride;
      },
      get rank() {
        return audit.rank;
      },
      get atomCount() {
        return audit.atomCount;
      },
      get capacity() {
        return audit.sizes.length;
      },
    });
    const units = owners.length;
    // Leverage below 1/(minN − 1); with minN = 1 every sum may be known, nothing is audited.
    this.limit = minN <= 1 ? Infinity : 1 / (minN - 1);
    this.atomOf = new Int32Array(units);
    this.sizes = new Int32Array(16);
    this.sizes[0] = units;
    this.leverages = new Float64Array(16);
    this.stride = 8;
    this.rows = new Float64Array(16 * this.stride);
    let companies = 0;
    for (let u = 0; u < units; u++) {
      companies = max(companies, owners[u] + 1);
    }
    this.companyStart = new Int32Array(companies + 1);
    for (let u = 0; u < units; u++) {
      this.companyStart[owners[u] + 1]++;
    }
    let largest = 0;
    for (let c = 0; c < companies; c++) {
      largest = max(largest, this.companyStart[c + 1]);
      this.companyStart[c + 1] += this.companyStart[c];
    }
    this.largestCompany = largest;
    this.floors = new Float64Array(companies);
    const fill = this.companyStart.slice(0, companies);
    this.companyUnits = new Int32Array(units);
    for (let u = 0; u < units; u++) {
      this.companyUnits[fill[owners[u]]++] = u;
    }
  }

  /**
   * Releases the sum over `members` (unit indices, each once) if no participant could then
   * compute a value or a sum over fewer than `minN` other units (else `differencing`), and no
   * protected set's sum (else `secondary`). A refused set changes nothing of what is released;
   * with `dryRun` nothing is released either way. `key` names the set exactly (equal keys,
   * equal members) so that the verdict can be shared through the memo; without one it is not.
   */
  release(members: Int32Array, dryRun = false, key?: string): AuditVerdict {
    if (this.limit === Infinity) {
      return 'released';
    }
    const known = key === undefined ? undefined : this.memo.verdict(this.history, key);
    if (known !== undefined && (dryRun || known !== 'released')) {
      // Judged before on the same history (the same span): the same verdict.
      return known;
    }
    if (known === 'released') {
      // Another audit with this history released the set already (another KPI with the same
      // contributors): its state is this one's after the release, copied instead of computed.
      const next = this.memo.next(this.history, `R${key}`);
      const holder = this.memo.holder(next);
      if (holder !== undefined && holder !== this && holder.history === next) {
        this.copyFrom(holder);
        this.moveTo(next);
        return known;
      }
    }
    // A release after its own dry run (nothing released, protected or split since) takes the
    // direction the dry run found: the pooled figures judge both their sums before releasing.
    const judged = this.judged;
    const direction =
      !dryRun &&
      judged !== null &&
      judged.key === key &&
      judged.history === this.history &&
      judged.atoms === this.atomCount
        ? judged.direction
        : this.newDirection(members);
    this.judged =
      dryRun && key !== undefined
        ? { key, history: this.history, atoms: this.atomCount, direction }
        : null;
    let verdict: AuditVerdict;
    if (direction === null) {
      // Its sum is computable already: releasing it tells nothing new.
      verdict = 'released';
    } else if (known !== undefined) {
      verdict = known;
    } else if (!this.protectedSetsStayHidden(direction)) {
      verdict = 'secondary';
    } else {
      verdict = this.exposes(direction) ? 'differencing' : 'released';
    }
    if (key !== undefined && known === undefined) {
      this.memo.remember(this.history, key, verdict);
    }
    if (!dryRun && verdict === 'released') {
      if (direction !== null) {
        this.append(direction);
      }
      this.moveTo(this.memo.next(this.history, key === undefined ? undefined : `R${key}`));
    }
    return verdict;
  }

  /** How many sets are protected; `unprotectFrom` drops those protected after such a count. */
  get protectedCount(): number {
    return this.protectedSets.length;
  }

  unprotectFrom(count: number): void {
    if (count < this.protectedSets.length) {
      this.moveTo(this.protectedSets[count].historyBefore);
      this.protectedSets.length = count;
    }
  }

  /**
   * Protects the sum over `members`: no later release may make it computable. Returns false
   * when it is computable already (from what was released before). `key` as for `release`.
   */
  protect(members: Int32Array, key?: string): boolean {
    if (members.length === 0) {
      return true;
    }
    const coordinates = this.coordinatesOf(members);
    const residual = members.length - coordinates.reduce((sum, c) => sum + c * c, 0);
    if (residual <= IN_SPAN * members.length) {
      return false;
    }
    const inSet = new Uint8Array(this.atomOf.length);
    members.forEach((u) => (inSet[u] = 1));
    this.protectedSets.push({
      members: members.slice(),
      inSet,
      residual,
      coordinates,
      historyBefore: this.history,
    });
    this.moveTo(this.memo.next(this.history, key === undefined ? undefined : `P${key}`));
    return true;
  }

  /** Takes on a history, as the memo's holder of it (the audit another may copy). */
  private moveTo(history: number): void {
    this.memo.leave(this.history, this);
    this.history = history;
    this.memo.hold(history, this);
  }

  /** Becomes a copy of `other` (with the same history: the same sets released and protected). */
  private copyFrom(other: SumAudit): void {
    this.atomOf.set(other.atomOf);
    this.sizes = other.sizes.slice();
    this.leverages = other.leverages.slice();
    this.rows = other.rows.slice();
    this.stride = other.stride;
    this.atomCount = other.atomCount;
    this.rank = other.rank;
    this.protectedSets.length = 0;
    for (const set of other.protectedSets) {
      this.protectedSets.push({ ...set, coordinates: set.coordinates.slice() });
    }
    this.committedRows.clear();
    this.judged = null;
  }

  /**
   * Moves the members into atoms of their own (one per atom they came from) and returns the
   * new orthonormal direction, per atom, that their indicator adds to the span; null when it
   * lies in the span already.
   */
  private newDirection(members: Int32Array): Float64Array | null {
    this.split(members);
    const { atomCount: m, rank, stride, rows, sizes } = this;
    const inside = new Uint8Array(m);
    for (let i = 0; i < members.length; i++) {
      inside[this.atomOf[members[i]]] = 1;
    }
    // The set's coordinates c = Qᵀ W 1_T, from the atoms inside it (whole atoms after the split).
    const coordinates = new Float64Array(rank);
    for (let a = 0; a < m; a++) {
      if (inside[a] === 1) {
        for (let k = 0, base = a * stride; k < rank; k++) {
          coordinates[k] += sizes[a] * rows[base + k];
        }
      }
    }
    // With an orthonormal basis ‖(I − P) 1_T‖² = |T| − ‖c‖²: a set in the span (most of the
    // pooled figures' weights) is told apart before anything the size of all atoms is computed.
    let outside = members.length;
    for (let k = 0; k < rank; k++) {
      outside -= coordinates[k] * coordinates[k];
    }
    if (outside <= IN_SPAN * members.length) {
      return null;
    }
    const residual = new Float64Array(m);
    for (let a = 0; a < m; a++) {
      let dot = 0;
      for (let k = 0, base = a * stride; k < rank; k++) {
        dot += rows[base + k] * coordinates[k];
      }
      residual[a] = inside[a] - dot;
    }
    // Gram–Schmidt, once more when the first pass cancelled most of the vector (see
    // REORTHOGONALISE): that keeps the basis orthonormal to rounding.
    let norm = this.weightedNorm(residual);
    if (norm < REORTHOGONALISE * members.length) {
      this.subtractProjection(residual);
      norm = this.weightedNorm(residual);
    }
    if (norm <= IN_SPAN * members.length) {
      return null;
    }
    const scale = 1 / sqrt(norm);
    for (let i = 0; i < m; i++) {
      residual[i] *= scale;
    }
    return residual;
  }

  /** Gives every atom that is partly in `members` a new atom for its members. */
  private split(members: Int32Array): void {
    const before = this.atomCount;
    const count = new Int32Array(before);
    for (let i = 0; i < members.length; i++) {
      count[this.atomOf[members[i]]]++;
    }
    const target = new Int32Array(before).fill(-1);
    for (let a = 0; a < before; a++) {
      if (count[a] > 0 && count[a] < this.sizes[a]) {
        target[a] = this.newAtom(a);
      }
    }
    for (let i = 0; i < members.length; i++) {
      const u = members[i];
      const to = target[this.atomOf[u]];
      if (to >= 0) {
        this.sizes[this.atomOf[u]]--;
        this.sizes[to]++;
        this.atomOf[u] = to;
      }
    }
  }

  /** A new, empty atom with the coordinates of atom `from` (a split keeps the span). */
  private newAtom(from: number): number {
    const a = this.atomCount++;
    if (a >= this.sizes.length) {
      const capacity = this.sizes.length * 2;
      const sizes = new Int32Array(capacity);
      sizes.set(this.sizes);
      const leverages = new Float64Array(capacity);
      leverages.set(this.leverages);
      const rows = new Float64Array(capacity * this.stride);
      rows.set(this.rows);
      this.sizes = sizes;
      this.leverages = leverages;
      this.rows = rows;
    }
    this.rows.copyWithin(a * this.stride, from * this.stride, from * this.stride + this.rank);
    this.leverages[a] = this.leverages[from];
    this.sizes[a] = 0;
    this.committedRows.split(from, a);
    return a;
  }

  /** vector −= Σ_k q_k ⟨q_k, vector⟩ in the size-weighted inner product over atoms. */
  private subtractProjection(vector: Float64Array): void {
    const { rank, stride, rows, sizes } = this;
    if (rank === 0) {
      return;
    }
    const projection = new Float64Array(rank);
    for (let i = 0; i < this.atomCount; i++) {
      const weight = sizes[i] * vector[i];
      if (weight !== 0) {
        const base = i * stride;
        for (let k = 0; k < rank; k++) {
          projection[k] += weight * rows[base + k];
        }
      }
    }
    for (let i = 0; i < this.atomCount; i++) {
      const base = i * stride;
      let dot = 0;
      for (let k = 0; k < rank; k++) {
        dot += rows[base + k] * projection[k];
      }
      vector[i] -= dot;
    }
  }

  private weightedNorm(vector: Float64Array): number {
    let norm = 0;
    for (let i = 0; i < this.atomCount; i++) {
      norm += this.sizes[i] * vector[i] * vector[i];
    }
    return norm;
  }

  /** ⟨q_k, 1_T⟩ for every basis vector q_k: the set's indicator in the basis of the span. */
  private coordinatesOf(members: Int32Array): number[] {
    const coordinates = new Array<number>(this.rank).fill(0);
    for (let i = 0; i < members.length; i++) {
      const base = this.atomOf[members[i]] * this.stride;
      for (let k = 0; k < this.rank; k++) {
        coordinates[k] += this.rows[base + k];
      }
    }
    return coordinates;
  }

  /** Σ_{u∈T} direction(u): the set's indicator along a candidate direction. */
  private along(members: Int32Array, direction: Float64Array): number {
    let along = 0;
    for (let i = 0; i < members.length; i++) {
      along += direction[this.atomOf[members[i]]];
    }
    return along;
  }

  /**
   * Whether, with `direction` added, no company could compute a protected sum, or the sum of
   * its units other than the company's own (what the p% rule protects from the second
   * largest contributor): ‖(I − P_c) x‖² > 0 for x = 1_T less the company's units, with
   * P_c the projector once the company's own values are known (`PseudoCholesky` of its
   * units, as in the search for exposed sets).
   */
  private protectedSetsStayHidden(direction: Float64Array): boolean {
    return this.protectedSets.every((set) => {
      const along = this.along(set.members, direction);
      const tolerance = IN_SPAN * set.members.length;
      if (set.residual - along * along <= tolerance) {
        return false;
      }
      const entry = (a: number, b: number): number => {
        let sum = direction[a] * direction[b];
        for (let k = 0, x = a * this.stride, y = b * this.stride; k < this.rank; k++) {
          sum += this.rows[x + k] * this.rows[y + k];
        }
        return sum;
      };
      // (P 1_T) at a unit of atom a, and ‖P 1_T‖².
      const towardSet = (a: number): number => {
        let sum = direction[a] * along;
        for (let k = 0, x = a * this.stride; k < this.rank; k++) {
          sum += this.rows[x + k] * set.coordinates[k];
        }
        return sum;
      };
      const inside = set.members.length - set.residual + along * along;
      const tried = new Set<number>();
      for (let c = 0; c + 1 < this.companyStart.length; c++) {
        const units = this.companyUnits.subarray(this.companyStart[c], this.companyStart[c + 1]);
        if (units.length === 1) {
          // Companies of one unit in the same atom, in or out of the set, know the same.
          const key = this.atomOf[units[0]] * 2 + set.inSet[units[0]];
          if (tried.has(key)) {
            continue;
          }
          tried.add(key);
        }
        const k = units.length;
        const atoms = Int32Array.from(units, (u) => this.atomOf[u]);
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

  private append(direction: Float64Array): void {
    if (this.rank === this.stride) {
      const stride = this.stride * 2;
      const rows = new Float64Array(this.sizes.length * stride);
      for (let i = 0; i < this.atomCount; i++) {
        rows.set(this.rows.subarray(i * this.stride, i * this.stride + this.rank), i * stride);
      }
      this.rows = rows;
      this.stride = stride;
    }
    for (let i = 0; i < this.atomCount; i++) {
      this.rows[i * this.stride + this.rank] = direction[i];
      this.leverages[i] += direction[i] * direction[i];
    }
    for (const set of this.protectedSets) {
      const along = this.along(set.members, direction);
      set.residual -= along * along;
      set.coordinates.push(along);
    }
    this.rank++;
  }

  /**
   * Whether adding `direction` to the span would let some company compute a value or a sum
   * over fewer than `minN` units of others. A unit can only be part of such a set if its
   * leverage, with the attacker's own units known, reaches 1 / (minN − 1) (see the class
   * comment): those "hot" units are found through the Cauchy–Schwarz bound, and for each the
   * sets around it are searched exactly.
   */
  private exposes(direction: Float64Array): boolean {
    const m = this.atomCount;
    const limit = this.limit - LEVERAGE_SLACK;
    const leverage = new Float64Array(m);
    let highest = 0;
    for (let i = 0; i < m; i++) {
      if (this.sizes[i] > 0) {
        leverage[i] = this.leverages[i] + direction[i] * direction[i];
        highest = max(highest, leverage[i]);
      }
    }
    // h(c) ≤ h / (1 − Σ_{w∈c} h_w) ≤ highest / (1 − largestCompany · highest).
    const known = this.largestCompany * highest;
    if (known < 1 && highest < limit * (1 - known)) {
      return false;
    }
    // An atom below a company's floor stays below the limit whatever the company knows (the
    // bound above, with the company's own leverage): only atoms at or above the lowest floor of
    // all companies are candidates, sorted by leverage.
    const companies = this.companyStart.length - 1;
    const floors = this.floors;
    let lowestFloor = limit;
    for (let c = 0; c < companies; c++) {
      floors[c] = this.floorOf(c, leverage, limit);
      lowestFloor = min(lowestFloor, floors[c]);
    }
    let candidateCount = 0;
    const candidates = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      if (this.sizes[i] > 0 && leverage[i] >= lowestFloor) {
        candidates[candidateCount++] = i;
      }
    }
    const byLeverage = candidates
      .subarray(0, candidateCount)
      .sort((a, b) => leverage[b] - leverage[a]);
    const projector = new AtomProjector(this.committedRows, direction, leverage);
    let scratch: AttackerScratch | null = null;
    // Companies of one unit in the same atom know the same: each such atom is tried once.
    const triedAtom = new Uint8Array(m);
    let searched = 0;
    for (let c = 0; c < companies; c++) {
      const floor = floors[c];
      if (candidateCount === 0 || leverage[byLeverage[0]] < floor) {
        continue;
      }
      const units = this.companyUnits.subarray(this.companyStart[c], this.companyStart[c + 1]);
      if (units.length === 1) {
        const own = this.atomOf[units[0]];
        if (triedAtom[own] === 1) {
          continue;
        }
        triedAtom[own] = 1;
      }
      let attacker: Attacker | null = null;
      for (let r = 0; r < candidateCount && leverage[byLeverage[r]] >= floor; r++) {
        const atom = byLeverage[r];
        scratch ??= new AttackerScratch(m, this.largestCompany);
        attacker ??= new Attacker(units, this.atomOf, this.sizes, projector, scratch);
        if (attacker.remaining(atom) > 0 && attacker.leverage(atom) >= limit) {
          // The search is bounded: past the budget the set counts as exposed, which can only
          // refuse more (and depends on who contributes alone, as every decision here does).
          searched += m;
          if (searched > SEARCH_BUDGET || this.smallSetAround(attacker, atom)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The leverage below which company c's knowledge cannot lift an atom to the limit:
   * limit · (1 − Σ_{w∈c} h_w), or 0 when the company's own leverage reaches 1.
   */
  private floorOf(c: number, leverage: Float64Array, limit: number): number {
    let own = 0;
    for (let i = this.companyStart[c]; i < this.companyStart[c + 1]; i++) {
      own += leverage[this.atomOf[this.companyUnits[i]]];
    }
    return own < 1 ? limit * (1 - own) : 0;
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
  private smallSetAround(attacker: Attacker, atom: number): boolean {
    const { leverage, root, remaining } = attacker.all();
    const own = remaining[atom];
    const budget = this.minN - 1 - own;
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
    for (let a = 0; a < this.atomCount; a++) {
      if (a !== atom && remaining[a] >= 1 && remaining[a] <= budget) {
        widest = max(widest, root[a]);
      }
    }
    const row = attacker.row(atom);
    const items: SetItem[] = [];
    for (let a = 0; a < this.atomCount; a++) {
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

/**
 * The projector onto the span with a candidate direction added, between atoms: P[a, b] for a
 * unit of atom a and another unit of atom b. Rows are computed when first asked for and kept
 * for the one release being judged.
 */
class AtomProjector {
  private readonly cache = new Map<number, Float64Array>();

  constructor(
    private readonly committed: CommittedRows,
    private readonly direction: Float64Array,
    /** Per atom, P[a, a]: the leverage with the direction. */
    readonly leverage: Float64Array,
  ) {}

  /** P[a, b], from a row kept already or by one dot product. */
  entry(a: number, b: number): number {
    return this.committed.entry(a, b) + this.direction[a] * this.direction[b];
  }

  row(a: number): Float64Array {
    let row = this.cache.get(a);
    if (row === undefined) {
      const m = this.leverage.length;
      const direction = this.direction;
      row = this.committed.row(a).slice(0, m);
      const along = direction[a];
      for (let b = 0; b < m; b++) {
        row[b] += along * direction[b];
      }
      this.cache.set(a, row);
    }
    return row;
  }
}

/**
 * Rows of the projector onto what is released, between atoms, kept across releases for the
 * atoms searched around recently (a bounded number). A kept row says up to which rank and atom
 * count it holds; it is brought up to date when read, adding only the directions released since
 * (O(atoms) each, instead of O(atoms × rank) to compute it again) and computing the entries of
 * atoms split off since. Rows that are never read again cost nothing per release.
 */
class CommittedRows {
  private readonly kept = new Map<number, KeptRow>();

  constructor(private readonly audit: SumAuditRows) {}

  clear(): void {
    this.kept.clear();
  }

  /** P[a, b], from a kept row that is up to date, else by one dot product. */
  entry(a: number, b: number): number {
    const { rows, stride, rank, atomCount } = this.audit;
    const row = this.kept.get(a);
    if (row !== undefined && row.rank === rank && row.atoms === atomCount) {
      return row.values[b];
    }
    const other = this.kept.get(b);
    if (other !== undefined && other.rank === rank && other.atoms === atomCount) {
      return other.values[a];
    }
    let sum = 0;
    for (let k = 0, x = a * stride, y = b * stride; k < rank; k++) {
      sum += rows[x + k] * rows[y + k];
    }
    return sum;
  }

  row(a: number): Float64Array {
    let row = this.kept.get(a);
    if (row === undefined) {
      row = { values: new Float64Array(this.audit.capacity), rank: 0, atoms: 0 };
      this.kept.set(a, row);
      if (this.kept.size > KEPT_ROWS) {
        this.kept.delete(this.kept.keys().next().value as number);
      }
    } else {
      // Most recently used last.
      this.kept.delete(a);
      this.kept.set(a, row);
    }
    return this.current(a, row);
  }

  /**
   * Atom `to` was split off atom `from`: its coordinates are a copy of `from`'s, so a kept row
   * of `from` is its row too, valid to the same rank and atom count.
   */
  split(from: number, to: number): void {
    const parent = this.kept.get(from);
    if (parent !== undefined) {
      this.kept.set(to, { ...parent, values: parent.values.slice() });
    }
  }

  /**
   * The kept row of atom a, up to date. Entries of atoms that existed when it was last brought
   * up to date need only the directions added since: a split copies the parent's coordinates
   * and changes no atom's own, so their older terms still hold.
   */
  private current(a: number, row: KeptRow): Float64Array {
    const { rows, stride, rank, atomCount, capacity } = this.audit;
    if (row.rank === rank && row.atoms === atomCount) {
      return row.values;
    }
    if (row.values.length < capacity) {
      const grown = new Float64Array(capacity);
      grown.set(row.values);
      row.values = grown;
    }
    const values = row.values;
    const x = a * stride;
    for (let b = 0; b < row.atoms; b++) {
      let sum = values[b];
      for (let k = row.rank, y = b * stride; k < rank; k++) {
        sum += rows[x + k] * rows[y + k];
      }
      values[b] = sum;
    }
    for (let b = row.atoms; b < atomCount; b++) {
      let sum = 0;
      for (let k = 0, y = b * stride; k < rank; k++) {
        sum += rows[x + k] * rows[y + k];
      }
      values[b] = sum;
    }
    row.rank = rank;
    row.atoms = atomCount;
    return values;
  }
}

/** A kept row: P[a, b] for every atom b below `atoms`, over the first `rank` directions. */
interface KeptRow {
  values: Float64Array;
  rank: number;
  atoms: number;
}

/** What `CommittedRows` reads of its audit. */
interface SumAuditRows {
  readonly rows: Float64Array;
  readonly stride: number;
  readonly rank: number;
  readonly atomCount: number;
  readonly capacity: number;
}

/**
 * What one company knows, as the update of the projector: P_c[u, v] = P[u, v] + s_u · s_v for
 * units u, v of others, with s_u = L⁻¹ p_u, p_u = (P[u, w])_{w ∈ c} and L Lᵀ = I − P_cc
 * (Cholesky, skipping the directions the company can compute already: p has no part along
 * them). The entries depend on the atoms only.
 */
class Attacker {
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
 * Buffers the attackers of one release share, one after the other: per atom the vector s_a
 * (up to the largest company's number of units), the attacked leverage, and the mark of the
 * attacker that computed them.
 */
class AttackerScratch {
  readonly s: Float64Array;
  readonly attacked: Float64Array;
  readonly mark: Int32Array;
  marks = 0;

  constructor(atoms: number, largestCompany: number) {
    this.s = new Float64Array(atoms * largestCompany);
    this.attacked = new Float64Array(atoms);
    this.mark = new Int32Array(atoms);
  }
}

/**
 * A Cholesky factorisation L Lᵀ = G of a positive semidefinite k × k matrix that skips the
 * pivots below `PIVOT` (directions of G's null space), and solves L y = v over the kept ones:
 * for v in G's range, ‖y‖² = vᵀ G⁺ v.
 */
class PseudoCholesky {
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

import {
  IN_SPAN,
  LEVERAGE_SLACK,
  LIFT_MARGIN,
  liftedLeverageBound,
  REORTHOGONALISE,
  ROW_AFTER_LOOKUPS,
  SEARCH_BUDGET,
} from './audit-arithmetic';
import { AtomProjector } from './atom-projector';
import { Attacker, smallSetAround } from './attacker';
import { AttackerScratch } from './attacker-scratch';
import { CommittedRows } from './committed-rows';
import { ProtectedSet, protectedSetsStayHidden } from './protected-set';
import { ReleaseMemo } from './release-memo';

export { ReleaseMemo } from './release-memo';

// Bound once: a global lookup of Math inside the hot loops costs far more under Jest's sandbox.
const { max, min, sqrt } = Math;

/**
 * Σ_k rows[base + k] · vector[k] over the first `rank` entries: an atom's row of the basis
 * against a vector of coordinates. Four running sums instead of one, because a single sum
 * waits on each addition before the next (the loop over rank is the audit's hottest).
 */
function dotRow(rows: Float64Array, base: number, vector: Float64Array, rank: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < rank; k += 4) {
    s0 += rows[base + k] * vector[k];
    s1 += rows[base + k + 1] * vector[k + 1];
    s2 += rows[base + k + 2] * vector[k + 2];
    s3 += rows[base + k + 3] * vector[k + 3];
  }
  for (; k < rank; k++) {
    s0 += rows[base + k] * vector[k];
  }
  return s0 + s1 + (s2 + s3);
}

/**
 * Who owns which units, as the exposure check reads it: the same for every audit of a snapshot
 * (one per family of unknowns, some fifty), so made once per owners array (`companyIndexOf`).
 */
interface CompanyIndex {
  /** Per company, its units (CSR: `companyUnits[companyStart[c] .. companyStart[c + 1]]`). */
  companyStart: Int32Array;
  companyUnits: Int32Array;
  /** Per unit, where it is in `companyUnits`. */
  companyPlace: Int32Array;
  largestCompany: number;
  /**
   * companiesFrom[k]: the companies of at least k units, in company order (k from 1 to the
   * largest company), for the exposure check when only companies that large may reach the limit.
   */
  companiesFrom: Int32Array[];
  /**
   * Per company, in the release being judged: its own leverage Σ_{w∈c} h_w, and its floor,
   * the leverage below which its knowledge cannot lift an atom to the limit: limit · (1 − own)
   * (h(c) ≤ h / (1 − own), see the class comment), or 0 when its own leverage reaches 1.
   * Scratch of one exposure check at a time, which the audits sharing the index take in turn.
   */
  owns: Float64Array;
  floors: Float64Array;
}

const companyIndexes = new WeakMap<Int32Array, CompanyIndex>();

function companyIndexOf(owners: Int32Array): CompanyIndex {
  const known = companyIndexes.get(owners);
  if (known !== undefined) {
    return known;
  }
  const units = owners.length;
  let companies = 0;
  for (let u = 0; u < units; u++) {
    companies = max(companies, owners[u] + 1);
  }
  const companyStart = new Int32Array(companies + 1);
  for (let u = 0; u < units; u++) {
    companyStart[owners[u] + 1]++;
  }
  let largest = 0;
  for (let c = 0; c < companies; c++) {
    largest = max(largest, companyStart[c + 1]);
    companyStart[c + 1] += companyStart[c];
  }
  const from: number[][] = Array.from({ length: largest + 1 }, () => []);
  for (let c = 0; c < companies; c++) {
    for (let k = 1; k <= companyStart[c + 1] - companyStart[c]; k++) {
      from[k].push(c);
    }
  }
  const fill = companyStart.slice(0, companies);
  const companyUnits = new Int32Array(units);
  const companyPlace = new Int32Array(units);
  for (let u = 0; u < units; u++) {
    companyPlace[u] = fill[owners[u]];
    companyUnits[fill[owners[u]]++] = u;
  }
  const index: CompanyIndex = {
    companyStart,
    companyUnits,
    companyPlace,
    largestCompany: largest,
    companiesFrom: from.map((list) => Int32Array.from(list)),
    owns: new Float64Array(companies),
    floors: new Float64Array(companies),
  };
  companyIndexes.set(owners, index);
  return index;
}

/**
 * Per-atom buffers of one release, kept from one release to the next and grown with the atoms'
 * capacity: made anew, several arrays of every atom per release, they had the collector mark
 * the whole heap more often at 100,000 units. Each is handed out for the atoms in use, cleared.
 */
class ReleaseBuffers {
  private capacity = 0;
  private doubles = new Float64Array(0);
  private counts = new Int32Array(0);
  private targets = new Int32Array(0);
  private candidates = new Int32Array(0);
  private lookups = new Int32Array(0);
  private marks = new Uint8Array(0);
  private tried = new Uint8Array(0);

  /** Room for `atoms`, at least: the audit's capacity, so that it grows as seldom as it does. */
  reserve(atoms: number): void {
    if (atoms > this.capacity) {
      this.capacity = atoms;
      this.doubles = new Float64Array(atoms);
      this.counts = new Int32Array(atoms);
      this.targets = new Int32Array(atoms);
      this.candidates = new Int32Array(atoms);
      this.lookups = new Int32Array(atoms);
      this.marks = new Uint8Array(atoms);
      this.tried = new Uint8Array(atoms);
    }
  }

  /** The split's members per atom (zeros) and new atoms (−1 for none). */
  split(atoms: number): { count: Int32Array; target: Int32Array } {
    return {
      count: this.counts.fill(0, 0, atoms).subarray(0, atoms),
      target: this.targets.fill(-1, 0, atoms).subarray(0, atoms),
    };
  }

  /** The marks of the atoms inside a set (zeros). */
  inside(atoms: number): Uint8Array {
    return this.marks.fill(0, 0, atoms).subarray(0, atoms);
  }

  /** The exposure check's leverages, candidates, tried atoms (zeros) and lookups (zeros). */
  exposure(atoms: number): {
    leverage: Float64Array;
    candidates: Int32Array;
    triedAtom: Uint8Array;
    lookups: Int32Array;
  } {
    return {
      leverage: this.doubles.subarray(0, atoms),
      candidates: this.candidates.subarray(0, atoms),
      triedAtom: this.tried.fill(0, 0, atoms).subarray(0, atoms),
      lookups: this.lookups.fill(0, 0, atoms).subarray(0, atoms),
    };
  }
}

/**
 * What the audit says to a set: released, or refused because a participant could then compute
 * a value or a small sum of others (`differencing`, in the general sense of any combination of
 * released sums), or because it would reveal a cell withheld by the p% rule (`secondary`).
 */
export type AuditVerdict = 'released' | 'differencing' | 'secondary';

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
  /** Who owns which units (see `CompanyIndex`), shared by the audits of the same owners. */
  private readonly companyStart: Int32Array;
  private readonly companyUnits: Int32Array;
  private readonly companyPlace: Int32Array;
  private readonly largestCompany: number;
  private readonly companiesFrom: Int32Array[];
  private readonly owns: Float64Array;
  private readonly floors: Float64Array;
  /**
   * The atom of each unit in `companyUnits`' order (`atomOf` by company): the exposure check
   * adds up every company's leverage, which read in company order through `atomOf` cost a
   * cache miss per unit.
   */
  private readonly companyAtoms: Int32Array;
  private readonly protectedSets: ProtectedSet[] = [];
  private scratch: AttackerScratch | null = null;
  private readonly buffers = new ReleaseBuffers();
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
    const index = companyIndexOf(owners);
    this.companyStart = index.companyStart;
    this.companyUnits = index.companyUnits;
    this.companyPlace = index.companyPlace;
    this.largestCompany = index.largestCompany;
    this.companiesFrom = index.companiesFrom;
    this.owns = index.owns;
    this.floors = index.floors;
    this.companyAtoms = new Int32Array(units);
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
    this.companyAtoms.set(other.companyAtoms);
    if (this.sizes.length === other.sizes.length && this.stride === other.stride) {
      // Into this audit's own buffers, of the same shape (as they mostly are): only the atoms in
      // use, and no new buffers of tens of megabytes for the collector.
      this.sizes.set(other.sizes);
      this.leverages.set(other.leverages);
      this.rows.set(other.rows.subarray(0, other.atomCount * other.stride));
    } else {
      this.sizes = other.sizes.slice();
      this.leverages = other.leverages.slice();
      this.rows = other.rows.slice();
      this.stride = other.stride;
    }
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
    const inside = this.split(members);
    const { atomCount: m, rank, stride, rows, sizes } = this;
    // The set's coordinates c = Qᵀ W 1_T, from the atoms inside it (whole atoms after the split),
    // four atoms' rows at a time: one load and store of each coordinate per four products.
    const insideAtoms: number[] = [];
    for (let a = 0; a < m; a++) {
      if (inside[a] === 1) {
        insideAtoms.push(a);
      }
    }
    const coordinates = new Float64Array(rank);
    let i = 0;
    for (; i + 3 < insideAtoms.length; i += 4) {
      const [a, b, c, d] = [
        insideAtoms[i],
        insideAtoms[i + 1],
        insideAtoms[i + 2],
        insideAtoms[i + 3],
      ];
      const [x, y, z, w] = [a * stride, b * stride, c * stride, d * stride];
      const [sa, sb, sc, sd] = [sizes[a], sizes[b], sizes[c], sizes[d]];
      for (let k = 0; k < rank; k++) {
        coordinates[k] +=
          sa * rows[x + k] + sb * rows[y + k] + (sc * rows[z + k] + sd * rows[w + k]);
      }
    }
    for (; i < insideAtoms.length; i++) {
      const a = insideAtoms[i];
      for (let k = 0, base = a * stride; k < rank; k++) {
        coordinates[k] += sizes[a] * rows[base + k];
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
    // Gram–Schmidt, once more when the first pass cancelled most of the vector (see
    // REORTHOGONALISE): that keeps the basis orthonormal to rounding. `outside` is the residual's
    // norm before it is computed (equal to three digits and more), so when it calls for the
    // second pass its projection Qᵀ W r is gathered in the first pass's sweep over the rows, each
    // row read once for both (should the norm call for it alone, it is gathered after).
    const residual = new Float64Array(m);
    const gathered = outside < REORTHOGONALISE * members.length ? new Float64Array(rank) : null;
    if (gathered === null) {
      for (let a = 0; a < m; a++) {
        residual[a] = inside[a] - dotRow(rows, a * stride, coordinates, rank);
      }
    } else {
      this.residualGathering(inside, coordinates, residual, gathered);
    }
    let norm = this.weightedNorm(residual);
    if (norm < REORTHOGONALISE * members.length) {
      this.subtractProjection(residual, gathered ?? this.projectionOf(residual));
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

  /**
   * The first Gram–Schmidt pass's residual 1_T − Q c into `residual`, and its projection
   * Qᵀ W r into `gathered` in the same sweep over the rows. Two atoms at a time: each
   * coordinate of the projection is loaded and stored once for both, and takes their two
   * products in atom order, as one atom at a time would (the same sums to the bit).
   */
  private residualGathering(
    inside: Uint8Array,
    coordinates: Float64Array,
    residual: Float64Array,
    gathered: Float64Array,
  ): void {
    const { atomCount: m, rank, stride, rows, sizes } = this;
    let a = 0;
    for (; a + 1 < m; a += 2) {
      const x = a * stride;
      const y = x + stride;
      const first = inside[a] - dotRow(rows, x, coordinates, rank);
      const second = inside[a + 1] - dotRow(rows, y, coordinates, rank);
      residual[a] = first;
      residual[a + 1] = second;
      const u = sizes[a] * first;
      const v = sizes[a + 1] * second;
      if (u !== 0 && v !== 0) {
        for (let k = 0; k < rank; k++) {
          gathered[k] = gathered[k] + u * rows[x + k] + v * rows[y + k];
        }
      } else if (u !== 0 || v !== 0) {
        const [weight, base] = u !== 0 ? [u, x] : [v, y];
        for (let k = 0; k < rank; k++) {
          gathered[k] += weight * rows[base + k];
        }
      }
    }
    for (; a < m; a++) {
      const base = a * stride;
      const value = inside[a] - dotRow(rows, base, coordinates, rank);
      residual[a] = value;
      const weight = sizes[a] * value;
      if (weight !== 0) {
        for (let k = 0; k < rank; k++) {
          gathered[k] += weight * rows[base + k];
        }
      }
    }
  }

  /**
   * Gives every atom that is partly in `members` a new atom for its members, and returns per
   * atom (after the split) 1 for the atoms inside the set: the whole ones and the new ones.
   */
  private split(members: Int32Array): Uint8Array {
    const before = this.atomCount;
    // Room for every atom the split may add (one per atom before it).
    this.buffers.reserve(max(this.sizes.length, 2 * before));
    const { count, target } = this.buffers.split(before);
    for (let i = 0; i < members.length; i++) {
      count[this.atomOf[members[i]]]++;
    }
    for (let a = 0; a < before; a++) {
      if (count[a] > 0 && count[a] < this.sizes[a]) {
        target[a] = this.newAtom(a);
      }
    }
    const inside = this.buffers.inside(this.atomCount);
    for (let a = 0; a < before; a++) {
      if (target[a] >= 0) {
        inside[target[a]] = 1;
      } else if (count[a] > 0) {
        inside[a] = 1;
      }
    }
    if (this.atomCount === before) {
      // Whole atoms only (as most sets are, once their groups have been released in a family).
      return inside;
    }
    for (let i = 0; i < members.length; i++) {
      const u = members[i];
      const to = target[this.atomOf[u]];
      if (to >= 0) {
        this.sizes[this.atomOf[u]]--;
        this.sizes[to]++;
        this.atomOf[u] = to;
        this.companyAtoms[this.companyPlace[u]] = to;
      }
    }
    return inside;
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
      // The same room per atom, for the rows' next growth (see `append`).
      const rows = new Float64Array(capacity * (this.rows.length / this.sizes.length));
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

  /** ⟨q_k, vector⟩ for every basis vector q_k, in the size-weighted inner product over atoms. */
  private projectionOf(vector: Float64Array): Float64Array {
    const { rank, stride, rows, sizes } = this;
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
    return projection;
  }

  /** vector −= Σ_k q_k ⟨q_k, vector⟩, given the projection (`projectionOf`). */
  private subtractProjection(vector: Float64Array, projection: Float64Array): void {
    const { rank, stride, rows } = this;
    for (let i = 0; i < this.atomCount; i++) {
      vector[i] -= dotRow(rows, i * stride, projection, rank);
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

  /** Whether no protected set's sum becomes computable with `direction` added (see there). */
  private protectedSetsStayHidden(direction: Float64Array): boolean {
    return protectedSetsStayHidden(
      {
        protectedSets: this.protectedSets,
        atomOf: this.atomOf,
        rows: this.rows,
        stride: this.stride,
        rank: this.rank,
        companyStart: this.companyStart,
        companyUnits: this.companyUnits,
        along: (members, toward) => this.along(members, toward),
      },
      direction,
    );
  }

  private append(direction: Float64Array): void {
    if (this.rank === this.stride) {
      // A quarter more room, not twice: the passes over every atom's row (the audit's hottest
      // loops) stream the rows' used part, and at 100,000 units a row of 306 coordinates in a
      // stride of 512 took them more than twice as long as a stride near the rank (the gaps
      // break the stream into pages the prefetcher starts anew). A multiple of 8: rows start on
      // a cache line. The buffer itself still grows twofold, and the rows are spread out within
      // it while it has room: a new buffer of tens of megabytes per step would have the
      // collector mark the whole heap more often.
      const stride = this.stride + max(8, (this.stride >> 2) & ~7);
      const capacity = this.sizes.length;
      if (this.rows.length >= capacity * stride) {
        // From the last row back, so that no row is overwritten before it is moved.
        for (let i = this.atomCount - 1; i > 0; i--) {
          this.rows.copyWithin(i * stride, i * this.stride, i * this.stride + this.rank);
        }
      } else {
        const rows = new Float64Array(capacity * this.stride * 2);
        for (let i = 0; i < this.atomCount; i++) {
          rows.set(this.rows.subarray(i * this.stride, i * this.stride + this.rank), i * stride);
        }
        this.rows = rows;
      }
      this.stride = stride;
    }
    for (let i = 0; i < this.atomCount; i++) {
      this.rows[i * this.stride + this.rank] = direction[i];
      this.leverages[i] += direction[i] * direction[i];
    }
    this.committedRows.appended(this.rank, direction, this.atomCount);
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
   * comment): those "hot" units are found through the Cauchy–Schwarz bound and the tighter
   * `liftedLeverageBound` before the exact leverage, and for each the sets around it are
   * searched exactly.
   */
  private exposes(direction: Float64Array): boolean {
    const m = this.atomCount;
    const limit = this.limit - LEVERAGE_SLACK;
    this.buffers.reserve(this.sizes.length);
    const { leverage, candidates, triedAtom, lookups } = this.buffers.exposure(m);
    let highest = 0;
    for (let i = 0; i < m; i++) {
      leverage[i] = this.leverages[i] + direction[i] * direction[i];
      if (this.sizes[i] > 0) {
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
    // the companies that may reach the limit are candidates, sorted by leverage. A company of k
    // units has own ≤ S_k, k copies of `highest` added up as its units' leverages are (rounding
    // is monotone), so its floor is at least limit · (1 − S_k): companies smaller than the first
    // size whose bound comes down to `highest` are passed over without reading their units.
    let reachingSize = 0;
    let bound = 0;
    for (let k = 1; k <= this.largestCompany && reachingSize === 0; k++) {
      bound += highest;
      if (bound >= 1 || highest >= limit * (1 - bound)) {
        reachingSize = k;
      }
    }
    if (reachingSize === 0) {
      return false;
    }
    const reaching = this.companiesFrom[reachingSize];
    const { floors, owns, companyStart, companyAtoms } = this;
    let lowestFloor = limit;
    // The companies whose floor the highest leverage reaches: no atom reaches the floor of the
    // others, whom the search below would pass over one by one (at 100,000 units about a
    // hundred of 60,000 companies are left).
    const lifting: number[] = [];
    for (let i = 0; i < reaching.length; i++) {
      const c = reaching[i];
      // Σ_{w∈c} h_w over its units in unit order, as a pass over all units adds them.
      let own = 0;
      for (let j = companyStart[c]; j < companyStart[c + 1]; j++) {
        own += leverage[companyAtoms[j]];
      }
      owns[c] = own;
      floors[c] = own < 1 ? limit * (1 - own) : 0;
      lowestFloor = min(lowestFloor, floors[c]);
      if (floors[c] <= highest) {
        lifting.push(c);
      }
    }
    let candidateCount = 0;
    for (let i = 0; i < m; i++) {
      if (this.sizes[i] > 0 && leverage[i] >= lowestFloor) {
        candidates[candidateCount++] = i;
      }
    }
    const byLeverage = candidates
      .subarray(0, candidateCount)
      .sort((a, b) => leverage[b] - leverage[a]);
    const projector = new AtomProjector(this.committedRows, direction, leverage);
    if (this.scratch === null || this.scratch.atoms < m) {
      this.scratch = new AttackerScratch(this.sizes.length, this.largestCompany);
    }
    const scratch = this.scratch;
    // Every hot unit is searched around, and past the search budget the release counts as
    // exposed whatever the searches would find. So the hot units are found first (the cheap
    // part), and searched only when their searches fit in the budget: the same verdict as
    // searching each when found, without the searches of a release that runs out of budget.
    const searches = Math.floor(SEARCH_BUDGET / m);
    const hot: Array<{ company: number; atom: number }> = [];
    // `triedAtom`: companies of one unit in the same atom know the same, so each such atom is
    // tried once. `lookups`: per atom, the projector entries `mayLift` looked up one by one in
    // this release.
    for (const c of lifting) {
      const floor = floors[c];
      if (candidateCount === 0 || leverage[byLeverage[0]] < floor) {
        continue;
      }
      // Read before the company's units are taken as an array: most companies are of one unit
      // and passed over here, and a view per company costs an allocation each (tens of
      // thousands per release at 100,000 units).
      if (companyStart[c + 1] - companyStart[c] === 1) {
        const own = companyAtoms[companyStart[c]];
        if (triedAtom[own] === 1) {
          continue;
        }
        triedAtom[own] = 1;
      }
      const units = this.unitsOf(c);
      let attacker: Attacker | null = null;
      for (let r = 0; r < candidateCount && leverage[byLeverage[r]] >= floor; r++) {
        const atom = byLeverage[r];
        if (!this.mayLift(units, atom, projector, owns[c], limit, lookups)) {
          continue;
        }
        attacker ??= new Attacker(units, this.atomOf, this.sizes, projector, scratch);
        if (attacker.remaining(atom) > 0 && attacker.leverage(atom) >= limit) {
          // The search is bounded: past the budget the set counts as exposed, which can only
          // refuse more (and depends on who contributes alone, as every decision here does).
          if (hot.length === searches) {
            return true;
          }
          hot.push({ company: c, atom });
        }
      }
    }
    // The attackers share the scratch one after the other, so each searching company's is made
    // anew; a company's hot atoms are consecutive, and searched with one attacker (what it
    // computed for one atom holds for the next: the same numbers, not computed again).
    let searching: { company: number; attacker: Attacker } | null = null;
    return hot.some(({ company, atom }) => {
      if (searching?.company !== company) {
        searching = {
          company,
          attacker: new Attacker(
            this.unitsOf(company),
            this.atomOf,
            this.sizes,
            projector,
            scratch,
          ),
        };
      }
      return smallSetAround(searching.attacker, atom, this.minN, m);
    });
  }

  /** The units of company c. */
  private unitsOf(c: number): Int32Array {
    return this.companyUnits.subarray(this.companyStart[c], this.companyStart[c + 1]);
  }

  /**
   * Whether the company (its units, their leverage `own`) may lift a unit of `atom` to the
   * limit: false only where `liftedLeverageBound` says it cannot, so that no Attacker (its Gram
   * matrix and factor, O(k² · rank)) is made for it. The Cauchy–Schwarz floor (`floors`) bounds
   * each P[atom, w]² by h_atom · h_w; the atom's row (kept across releases, see
   * `CommittedRows`) gives the entries themselves; for a company of one unit the bound is the
   * exact lift P[atom, w]² / (1 − h_w), so an Attacker is made only for one that is hot. The
   * bound is trusted with a margin far above the rounding of the exact computation, so the hot
   * units, and so the verdicts, are those of the exact computation. The entries are looked up
   * one by one (a dot product over the rank each, where the row is one per atom) unless the
   * atom's row is at hand or its lookups in this release (`lookups`) have come to a share of the
   * atoms that the row repays (`ROW_AFTER_LOOKUPS`): an entry is the same number either way.
   */
  private mayLift(
    units: Int32Array,
    atom: number,
    projector: AtomProjector,
    own: number,
    limit: number,
    lookups: Int32Array,
  ): boolean {
    let reach = 0;
    if (projector.holdsRow(atom) || lookups[atom] >= this.atomCount / ROW_AFTER_LOOKUPS) {
      const row = projector.row(atom);
      for (let j = 0; j < units.length; j++) {
        const entry = row[this.atomOf[units[j]]];
        reach += entry * entry;
      }
    } else {
      lookups[atom] += units.length;
      for (let j = 0; j < units.length; j++) {
        const entry = projector.entry(atom, this.atomOf[units[j]]);
        reach += entry * entry;
      }
    }
    return liftedLeverageBound(projector.leverage[atom], reach, own) >= limit - LIFT_MARGIN;
  }
}

/**
 * Buffers the attackers share, one after the other: per atom the vector s_a (up to the largest
 * company's number of units), the attacked leverage, and the mark of the attacker that computed
 * them. An audit keeps them from one release to the next (each attacker's mark is new, so what
 * an earlier one left is never read), instead of buffers of atoms × largest company per release.
 */
export class AttackerScratch {
  readonly s: Float64Array;
  readonly attacked: Float64Array;
  readonly mark: Int32Array;
  marks = 0;

  constructor(
    /** How many atoms it has room for. */
    readonly atoms: number,
    largestCompany: number,
  ) {
    this.s = new Float64Array(atoms * largestCompany);
    this.attacked = new Float64Array(atoms);
    this.mark = new Int32Array(atoms);
  }
}

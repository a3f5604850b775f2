/** What the exposure check (`exposure-check.test-util.ts`) is given and what it answers. */

/** One released linear equation: the sum of the unknowns of these units is known to everyone. */
export interface ReleasedSum {
  /** Where the figure comes from, for messages (e.g. `n × mean of k1 in industry:telecom`). */
  label: string;
  /** The units whose values the sum adds up (indices into `SumLedger.owners`). */
  units: readonly number[];
}

/** Everything released of one family of unknowns in a snapshot, to anyone. */
export interface SumLedger {
  /** owners[u]: the company of unit u; a company knows the values of all of its units. */
  owners: readonly string[];
  sums: readonly ReleasedSum[];
  /** No other unit's value and no sum over fewer than this many other units may be determined. */
  minN: number;
}

/** A set of other units whose sum (or, for one unit, value) an attacker can compute. */
export interface Exposure {
  attacker: string;
  /** The exposed units, ascending; none of them is the attacker's. */
  units: number[];
}

/** How an attacker computes an exposed sum: Σ coefficient x released sum, less its own values. */
export interface ExposureProof {
  terms: Array<{ label: string; coefficient: string }>;
}

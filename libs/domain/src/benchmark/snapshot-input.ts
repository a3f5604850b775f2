import { BenchmarkInput } from './benchmark-input';
import { hasValidPooledParameters } from './pooled-figure';

/** A benchmarked KPI resolved against the input: its values and those of its weight. */
export interface KpiPlan {
  key: string;
  boolean: boolean;
  /** The index of the KPI in the input (its family of unknowns in the release audit). */
  kpiIndex: number;
  values: Float64Array;
  /** The weight's values for the pooled figure; null for a KPI without one or a yes/no KPI. */
  weights: Float64Array | null;
  weightIndex: number;
  /** No value below 0: the p% rule applies to the sum behind its mean. */
  nonNegative: boolean;
  /** Every unit has a value: a group's contributors are its members. */
  complete: boolean;
  /** Ids of the units with a value, and with a value and a weight > 0 (equal sets, equal ids). */
  valueMask: number;
  pooledMask: number;
}

/**
 * The benchmarked KPIs of the input, resolved: their values, their weight's, and the ids of
 * the units with a value (equal sets of units, equal ids). One pass over each KPI's values
 * finds all it needs of them.
 */
export function kpiPlans(input: BenchmarkInput): KpiPlan[] {
  const indexByKey = new Map(input.kpis.map((kpi, k) => [kpi.key, k]));
  const units = input.profiles.length;
  const masks = new Map<string, number>();
  const maskId = (bits: Uint16Array): number => {
    const key = setKey(bits);
    let id = masks.get(key);
    if (id === undefined) {
      id = masks.size;
      masks.set(key, id);
    }
    return id;
  };
  return input.kpis.flatMap((kpi, k) => {
    if (!kpi.benchmarked) {
      return [];
    }
    const weightIndex = kpi.weightKey === undefined ? undefined : indexByKey.get(kpi.weightKey);
    const pooled = !kpi.boolean && weightIndex !== undefined;
    const values = input.values[k];
    const weights = pooled ? input.values[weightIndex] : null;
    // The units with a value, and those with a value and a weight > 0, sixteen to an element.
    const withValue = new Uint16Array(Math.ceil(units / 16));
    const withWeight = weights === null ? null : new Uint16Array(withValue.length);
    let nonNegative = true;
    let complete = true;
    for (let u = 0; u < units; u++) {
      const value = values[u];
      if (value !== value) {
        complete = false;
        continue;
      }
      withValue[u >> 4] |= 1 << (u & 15);
      if (value < 0) {
        nonNegative = false;
      }
      if (withWeight !== null && (weights as Float64Array)[u] > 0) {
        withWeight[u >> 4] |= 1 << (u & 15);
      }
    }
    const valueMask = maskId(withValue);
    return [
      {
        key: kpi.key,
        boolean: kpi.boolean,
        kpiIndex: k,
        values,
        weights,
        weightIndex: pooled ? weightIndex : -1,
        nonNegative,
        complete,
        valueMask,
        pooledMask: withWeight === null ? -1 : maskId(withWeight),
      },
    ];
  });
}

/** How many code units `setKey` makes a string of at a time. */
const SET_KEY_SLICE = 4096;

/**
 * An exact key of a set of units given as bits, unit u at bit u % 16 of bits[u / 16] (among
 * sets of as many units): a UTF-16 code unit per element (any 16 bits, lone surrogates too,
 * survive in a string), a sixteenth of the length of one character per unit, which took half a
 * second per snapshot of 100,000 units to build.
 */
export function setKey(bits: Uint16Array): string {
  // In slices: a call takes only so many arguments.
  const parts: string[] = [];
  for (let i = 0; i < bits.length; i += SET_KEY_SLICE) {
    parts.push(String.fromCharCode(...bits.subarray(i, i + SET_KEY_SLICE)));
  }
  return parts.join('');
}

/**
 * Caller bugs (inconsistent arrays, an unknown weight key, an infinite value, a nonsensical
 * policy) are RangeErrors, not domain errors: nobody's request can be refused for them.
 */
export function checkInput(input: BenchmarkInput): void {
  const { policy, kpis, values, profiles } = input;
  const positiveInteger = (value: number): boolean => Number.isInteger(value) && value >= 1;
  if (
    !positiveInteger(policy.minN) ||
    !positiveInteger(policy.minNTails) ||
    !positiveInteger(policy.minNQuantiles) ||
    !hasValidPooledParameters(policy) ||
    (policy.quantileMethod !== 'linear' && policy.quantileMethod !== 'local_mean')
  ) {
    throw new RangeError(`invalid disclosure policy ${JSON.stringify(policy)}`);
  }
  if (input.owners.length !== profiles.length) {
    throw new RangeError(`${profiles.length} units but ${input.owners.length} owners`);
  }
  if (values.length !== kpis.length) {
    throw new RangeError(`${kpis.length} KPIs but ${values.length} value arrays`);
  }
  const keys = new Set<string>();
  kpis.forEach((kpi, k) => {
    if (keys.has(kpi.key)) {
      throw new RangeError(`KPI ${kpi.key} appears twice`);
    }
    keys.add(kpi.key);
    const column = values[k];
    if (column.length !== profiles.length) {
      throw new RangeError(
        `KPI ${kpi.key} has ${column.length} values for ${profiles.length} units`,
      );
    }
    for (let u = 0; u < column.length; u++) {
      const value = column[u];
      // value - value is NaN for NaN and both infinities; NaN alone means "not supplied".
      if (value - value !== 0 && value === value) {
        throw new RangeError(`KPI ${kpi.key} of unit ${u} is ${value}`);
      }
    }
  });
  for (const kpi of kpis) {
    if (kpi.weightKey !== undefined && (kpi.weightKey === kpi.key || !keys.has(kpi.weightKey))) {
      throw new RangeError(`KPI ${kpi.key} is weighted by unknown KPI ${kpi.weightKey}`);
    }
  }
}

/** The company of each unit as a small integer, in order of first appearance. */
export function ownerIndices(owners: readonly string[]): Int32Array {
  const index = new Map<string, number>();
  return Int32Array.from(owners, (owner) => {
    let i = index.get(owner);
    if (i === undefined) {
      i = index.size;
      index.set(owner, i);
    }
    return i;
  });
}

import type { Answers, Catalogue, KpiValues } from '../catalogue/catalogue';
import type { BenchmarkKpi } from './benchmark-input';

/**
 * The KPIs a snapshot holds values of, in the order of KPI vectors and frozen inputs: every
 * item of the catalogue but choices, in catalogue order.
 */
export function benchmarkKpis(catalogue: Catalogue): BenchmarkKpi[] {
  return catalogue.items
    .filter((item) => item.type !== 'choice')
    .map((item) => ({
      key: item.key,
      boolean: item.type === 'boolean',
      benchmarked: item.benchmarked !== false,
      ...(item.weightKey ? { weightKey: item.weightKey } : {}),
    }));
}

/** A yes/no answer counts as 1 or 0; anything that is not a finite number is missing. */
function numeric(value: unknown): number {
  if (typeof value === 'boolean') {
    return value ? 1 : 0;
  }
  return typeof value === 'number' && Number.isFinite(value) ? value : NaN;
}

/**
 * Where a catalogue's values sit in its KPI vectors: its benchmark KPIs, and the slots of its
 * numeric inputs (neither yes/no nor derived), which plausibility reads.
 */
interface VectorLayout {
  kpis: readonly BenchmarkKpi[];
  numericInputs: readonly { key: string; slot: number }[];
}

/** A catalogue never changes, so its layout is worked out once for all its vectors. */
const LAYOUTS = new WeakMap<Catalogue, VectorLayout>();

function layoutOf(catalogue: Catalogue): VectorLayout {
  let layout = LAYOUTS.get(catalogue);
  if (!layout) {
    const kpis = benchmarkKpis(catalogue);
    layout = {
      kpis,
      numericInputs: kpis.flatMap((kpi, slot) =>
        kpi.boolean || catalogue.item(kpi.key)?.formula !== undefined
          ? []
          : [{ key: kpi.key, slot }],
      ),
    };
    LAYOUTS.set(catalogue, layout);
  }
  return layout;
}

/**
 * One submission's KPIs (inputs as answered, derived ones computed) as little-endian float64 in
 * the order of `benchmarkKpis`: what `submissions.kpi_vector` holds. `derived`: the answers'
 * derived KPIs, when the caller has computed them already.
 */
export function kpiVector(
  catalogue: Catalogue,
  answers: Answers,
  derived: KpiValues = catalogue.derive(answers),
): Buffer {
  const { kpis } = layoutOf(catalogue);
  const buffer = Buffer.alloc(kpis.length * 8);
  kpis.forEach((kpi, k) => {
    const value = kpi.key in derived ? derived[kpi.key] : answers[kpi.key];
    buffer.writeDoubleLE(numeric(value), k * 8);
  });
  return buffer;
}

/**
 * The numeric inputs a KPI vector of the catalogue holds (items of type number, integer,
 * percent or currency whose value is finite), by key: all that plausibility compares with a
 * unit's previous cycle, read from 8 bytes a KPI instead of the answers' JSON. Undefined for a
 * vector of another length, which is no vector of this catalogue.
 */
export function numericInputsOf(
  catalogue: Catalogue,
  vector: Buffer,
): Record<string, number> | undefined {
  const { kpis, numericInputs } = layoutOf(catalogue);
  if (vector.length !== kpis.length * 8) {
    return undefined;
  }
  const inputs: Record<string, number> = {};
  for (const { key, slot } of numericInputs) {
    const value = vector.readDoubleLE(slot * 8);
    if (Number.isFinite(value)) {
      inputs[key] = value;
    }
  }
  return inputs;
}

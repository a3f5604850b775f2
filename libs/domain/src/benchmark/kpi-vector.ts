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

/** A catalogue never changes, so its benchmark KPIs are listed once for all its vectors. */
const KPIS_OF = new WeakMap<Catalogue, readonly BenchmarkKpi[]>();

function kpisOf(catalogue: Catalogue): readonly BenchmarkKpi[] {
  let kpis = KPIS_OF.get(catalogue);
  if (!kpis) {
    kpis = benchmarkKpis(catalogue);
    KPIS_OF.set(catalogue, kpis);
  }
  return kpis;
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
  const kpis = kpisOf(catalogue);
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
  const kpis = kpisOf(catalogue);
  if (vector.length !== kpis.length * 8) {
    return undefined;
  }
  const inputs: Record<string, number> = {};
  kpis.forEach((kpi, k) => {
    if (kpi.boolean || catalogue.item(kpi.key)?.formula !== undefined) {
      return;
    }
    const value = vector.readDoubleLE(k * 8);
    if (Number.isFinite(value)) {
      inputs[kpi.key] = value;
    }
  });
  return inputs;
}

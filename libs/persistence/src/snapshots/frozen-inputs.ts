import type { Answers, BenchmarkKpi, BenchmarkUnitProfile, Catalogue } from '@app/domain';

/** The inputs a snapshot was computed from, as stored in `snapshot_inputs`. */
export interface FrozenInputs {
  unitIds: string[];
  /** The company that owns each unit. */
  unitTenants: string[];
  profiles: BenchmarkUnitProfile[];
  kpiKeys: string[];
  /** values[k][u]: KPI k of unit u; NaN where the unit did not supply it. */
  values: Float64Array[];
}

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
 * One submission's KPIs (inputs as answered, derived ones computed) as little-endian float64 in
 * the order of `benchmarkKpis`: what `submissions.kpi_vector` holds.
 */
export function kpiVector(catalogue: Catalogue, answers: Answers): Buffer {
  const derived = catalogue.derive(answers);
  const kpis = benchmarkKpis(catalogue);
  const buffer = Buffer.alloc(kpis.length * 8);
  kpis.forEach((kpi, k) => {
    const value = kpi.key in derived ? derived[kpi.key] : answers[kpi.key];
    buffer.writeDoubleLE(numeric(value), k * 8);
  });
  return buffer;
}

/**
 * Units packed as `id,company,industry,country,sizeBand,customerType,sourcing`, joined by `;`:
 * ids and codes never contain either character, and one string of 100,000 units is read far
 * faster than seven arrays.
 */
export function packUnits(
  unitIds: readonly string[],
  unitTenants: readonly string[],
  profiles: readonly BenchmarkUnitProfile[],
): string {
  return profiles
    .map((p, u) =>
      [
        unitIds[u],
        unitTenants[u],
        p.industry,
        p.country,
        p.sizeBand,
        p.customerType,
        p.sourcing,
      ].join(','),
    )
    .join(';');
}

export function unpackUnits(
  packed: string,
): Pick<FrozenInputs, 'unitIds' | 'unitTenants' | 'profiles'> {
  const unitIds: string[] = [];
  const unitTenants: string[] = [];
  const profiles: BenchmarkUnitProfile[] = [];
  if (packed !== '') {
    for (const unit of packed.split(';')) {
      const [id, tenant, industry, country, sizeBand, customerType, sourcing] = unit.split(',');
      unitIds.push(id);
      unitTenants.push(tenant);
      profiles.push({ industry, country, sizeBand, customerType, sourcing });
    }
  }
  return { unitIds, unitTenants, profiles };
}

/** KPI vectors of `units` units laid end to end (unit after unit) as value columns. */
export function columnsOfVectors(vectors: Buffer, kpis: number, units: number): Float64Array[] {
  checkLength(vectors, kpis, units);
  const columns = Array.from({ length: kpis }, () => new Float64Array(units));
  for (let u = 0; u < units; u++) {
    for (let k = 0; k < kpis; k++) {
      columns[k][u] = vectors.readDoubleLE((u * kpis + k) * 8);
    }
  }
  return columns;
}

/**
 * The values as one buffer of little-endian float64, KPI after KPI: written and read in one
 * piece, with no per-value text conversion, and NaN survives the round trip.
 */
export function encodeValues(values: readonly Float64Array[], units: number): Buffer {
  const buffer = Buffer.alloc(values.length * units * 8);
  values.forEach((column, k) => {
    for (let u = 0; u < units; u++) {
      buffer.writeDoubleLE(column[u], (k * units + u) * 8);
    }
  });
  return buffer;
}

export function decodeValues(buffer: Buffer, kpis: number, units: number): Float64Array[] {
  checkLength(buffer, kpis, units);
  const values: Float64Array[] = [];
  for (let k = 0; k < kpis; k++) {
    const column = new Float64Array(units);
    for (let u = 0; u < units; u++) {
      column[u] = buffer.readDoubleLE((k * units + u) * 8);
    }
    values.push(column);
  }
  return values;
}

function checkLength(buffer: Buffer, kpis: number, units: number): void {
  if (buffer.length !== kpis * units * 8) {
    throw new Error(
      `KPI values hold ${buffer.length} bytes, expected ${kpis * units * 8} for ${kpis} KPIs x ${units} units`,
    );
  }
}

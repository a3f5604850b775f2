import type { BenchmarkUnitProfile, FrozenInputs } from '@app/domain';

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

/**
 * Whether this machine keeps float64 little-endian, as the stored values are: then a typed
 * array's bytes are the stored bytes, copied in one piece (a snapshot of 100,000 units moves
 * 4.9 million values each way, which `readDoubleLE`/`writeDoubleLE` took one call each for).
 */
const LITTLE_ENDIAN = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f;

/**
 * Little-endian float64 bytes as doubles, to be read only: a view of them where they are aligned
 * as a Float64Array needs, else a copy.
 */
function doublesOf(bytes: Buffer): Float64Array {
  if (LITTLE_ENDIAN && bytes.byteOffset % 8 === 0) {
    return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8);
  }
  const doubles = new Float64Array(bytes.length / 8);
  if (LITTLE_ENDIAN) {
    new Uint8Array(doubles.buffer).set(bytes);
  } else {
    for (let i = 0; i < doubles.length; i++) {
      doubles[i] = bytes.readDoubleLE(i * 8);
    }
  }
  return doubles;
}

/** KPI vectors of `units` units laid end to end (unit after unit) as value columns. */
export function columnsOfVectors(vectors: Buffer, kpis: number, units: number): Float64Array[] {
  checkLength(vectors, kpis, units);
  const all = doublesOf(vectors);
  const columns = Array.from({ length: kpis }, () => new Float64Array(units));
  for (let u = 0; u < units; u++) {
    for (let k = 0; k < kpis; k++) {
      columns[k][u] = all[u * kpis + k];
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
    if (LITTLE_ENDIAN) {
      buffer.set(new Uint8Array(column.buffer, column.byteOffset, units * 8), k * units * 8);
    } else {
      for (let u = 0; u < units; u++) {
        buffer.writeDoubleLE(column[u], (k * units + u) * 8);
      }
    }
  });
  return buffer;
}

export function decodeValues(buffer: Buffer, kpis: number, units: number): Float64Array[] {
  checkLength(buffer, kpis, units);
  const all = doublesOf(buffer);
  return Array.from({ length: kpis }, (_, k) => all.slice(k * units, (k + 1) * units));
}

function checkLength(buffer: Buffer, kpis: number, units: number): void {
  if (buffer.length !== kpis * units * 8) {
    throw new Error(
      `KPI values hold ${buffer.length} bytes, expected ${kpis * units * 8} for ${kpis} KPIs x ${units} units`,
    );
  }
}

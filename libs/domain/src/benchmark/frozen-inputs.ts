import type { Catalogue } from '../catalogue/catalogue';
import type { BenchmarkCell } from './benchmark-cell';
import { CellViewer, suppliedKpis } from './give-to-get';
import { BenchmarkUnitProfile, matchesPeerGroup, PeerGroupDefinition } from './peer-group';
import { unitPosition, UnitPosition } from './position';

/** The inputs a snapshot was computed from, as frozen beside its cells. */
export interface FrozenInputs {
  unitIds: string[];
  /** The company that owns each unit. */
  unitTenants: string[];
  profiles: BenchmarkUnitProfile[];
  kpiKeys: string[];
  /** values[k][u]: KPI k of unit u; NaN where the unit did not supply it. */
  values: Float64Array[];
}

/** Each frozen inputs' units by id, made at the first look-up: inputs are never changed. */
const unitIndexes = new WeakMap<FrozenInputs, Map<string, number>>();
/**
 * Each frozen inputs' units by company, made at the first look-up: the benchmarks of a company
 * are read for every request, where a pass over a study's 10,000 units' owners cost more than
 * the give-to-get check itself.
 */
const companyUnits = new WeakMap<FrozenInputs, Map<string, number[]>>();

function unitsOfCompany(inputs: FrozenInputs, tenantId: string): readonly number[] {
  let byCompany = companyUnits.get(inputs);
  if (byCompany === undefined) {
    byCompany = new Map();
    for (let u = 0; u < inputs.unitTenants.length; u++) {
      const units = byCompany.get(inputs.unitTenants[u]);
      if (units === undefined) {
        byCompany.set(inputs.unitTenants[u], [u]);
      } else {
        units.push(u);
      }
    }
    companyUnits.set(inputs, byCompany);
  }
  return byCompany.get(tenantId) ?? [];
}

/**
 * The index of a unit in the inputs, -1 when it is not in them; a map look-up, where a search
 * of a study's 10,000 units took most of a position request.
 */
export function unitIndex(inputs: FrozenInputs, unitId: string): number {
  let index = unitIndexes.get(inputs);
  if (index === undefined) {
    index = new Map(inputs.unitIds.map((id, u) => [id, u]));
    unitIndexes.set(inputs, index);
  }
  return index.get(unitId) ?? -1;
}

/**
 * Who a snapshot's cells are read for. A participant is named by its id, not by a unit's index,
 * so that the same audience resolves in each snapshot's own inputs: a unit's index, and what it
 * supplied, differ from one cycle to the next. `unit`: an output about one unit (its report,
 * positions, its benchmark page, its plausibility ranges); `company`: an output of the company
 * that names no unit (the API's benchmarks list).
 */
export type CellAudience =
  { kind: 'publisher' } | { kind: 'unit'; unitId: string } | { kind: 'company'; tenantId: string };

/** A unit's position in one KPI's cell. */
export type KpiPosition = { kpiKey: string; cell: BenchmarkCell } & UnitPosition;

/**
 * The audience as give-to-get (`cellsSeenBy`) reads it: what it supplied to the snapshot whose
 * inputs these are; a company supplied what any of its units did.
 */
export function viewerIn(inputs: FrozenInputs, audience: CellAudience): CellViewer {
  if (audience.kind === 'publisher') {
    return { kind: 'publisher' };
  }
  const units =
    audience.kind === 'unit'
      ? [unitIndex(inputs, audience.unitId)]
      : unitsOfCompany(inputs, audience.tenantId);
  return { kind: 'participant', supplied: suppliedKpis(inputs.kpiKeys, inputs.values, units) };
}

/**
 * The position of unit `u` of the inputs in each cell, against the group's members who
 * supplied the KPI. Only released figures come out: `unitPosition` gives none for a
 * suppressed cell.
 */
export function positionsIn(
  inputs: FrozenInputs,
  catalogue: Catalogue,
  group: Pick<PeerGroupDefinition, 'filter'>,
  cells: readonly BenchmarkCell[],
  u: number,
): KpiPosition[] {
  const members: number[] = [];
  inputs.profiles.forEach((profile, i) => {
    if (matchesPeerGroup(profile, group.filter)) {
      members.push(i);
    }
  });
  return cells.map((cell) => {
    const k = inputs.kpiKeys.indexOf(cell.kpiKey);
    const column = k >= 0 ? inputs.values[k] : new Float64Array(0);
    const value = k >= 0 ? column[u] : NaN;
    const peers = Float64Array.from(
      members.map((i) => column[i]).filter((v) => !Number.isNaN(v)),
    ).sort();
    const position = unitPosition({
      value: Number.isNaN(value) ? null : value,
      peerValuesSorted: peers,
      polarity: catalogue.item(cell.kpiKey)?.polarity ?? 'neutral',
      cell,
    });
    return { kpiKey: cell.kpiKey, ...position, cell };
  });
}

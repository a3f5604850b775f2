import { BenchmarkCell, KpiItemDefinition, UnitPosition } from '@app/domain';
import { CompanyReportInput } from './company-report-model';

type PositionOf = { kpiKey: string } & UnitPosition;

/** The item, cell and position of one KPI the report shows. */
export interface ReportKpi {
  item: KpiItemDefinition;
  cell: BenchmarkCell;
  position: PositionOf | null;
  /** Catalogue order, the tie-break of every ranking. */
  order: number;
}

export const isFiniteNumber = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** The KPIs the report shows, in area and catalogue order: every item the peer group has a cell of. */
export function reportKpis(input: CompanyReportInput): ReportKpi[] {
  const cells = new Map(input.cells.map((cell) => [cell.kpiKey, cell]));
  const positions = new Map(input.positions.map((position) => [position.kpiKey, position]));
  const kpis: ReportKpi[] = [];
  input.catalogue.items.forEach((item, order) => {
    const cell = cells.get(item.key);
    if (cell && item.type !== 'choice') {
      kpis.push({ item, cell, position: positions.get(item.key) ?? null, order });
    }
  });
  return kpis;
}

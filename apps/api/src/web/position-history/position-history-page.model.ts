import type { Catalogue } from '@app/domain';
import {
  formatPercent,
  KPI_AREA_LABELS,
  NO_VALUE,
  POLARITY_LABELS,
  rankHistoryChart,
  unitLabel,
} from '@app/reporting';
import type { Language } from '../../common/request-context';
import type { PositionHistoryDto } from '../../position-history/dto/position-history.dto';
import type { KpiPositionDto } from '../../snapshots/dto/snapshot.dto';
import { peerGroupName, ruleName } from '../benchmarks/benchmark-view.model';
import type { BenchmarksTexts } from '../benchmarks/benchmarks.texts';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import type { PositionHistoryTexts } from './position-history.texts';

type Chart = ReturnType<typeof rankHistoryChart>;

/** A KPI in one cycle: the rank in words, or why there is none. */
export interface HistoryCell {
  year: number;
  /** "besser als 72 % der Gruppe", the withheld rule and reason, or why there is no rank. */
  text: string;
  quartile: string | null;
  quartileHint: string | null;
  /** The cell is withheld by the disclosure policy (the text says by which rule and why). */
  withheld: boolean;
}

/** One KPI over the cycles: its small chart and its cells per cycle. */
export interface HistoryKpi {
  id: string;
  label: string;
  /** Unit and better direction, e.g. "Tage · höher ist besser". */
  meta: string;
  caption: string;
  chart: Chart;
  cells: HistoryCell[];
}

/** One area of the questionnaire: the small multiples of its KPIs. */
export interface HistoryArea {
  id: string;
  title: string;
  kpis: HistoryKpi[];
}

/** A published cycle: its year and the peer group the unit is placed in. */
export interface HistoryYear {
  year: number;
  peerGroup: string;
  /** The unit's benchmark view of that cycle; null when the unit is not in it. */
  benchmarkHref: string | null;
}

/** The page's figures. */
export interface PositionHistoryModel {
  years: HistoryYear[];
  areas: HistoryArea[];
}

/** What the page is built from: the service's answer and the study's catalogue. */
export interface PositionHistoryState {
  language: Language;
  texts: PositionHistoryTexts;
  benchmarkTexts: BenchmarksTexts;
  catalogue: Catalogue;
  history: PositionHistoryDto;
}

function cellOf(
  state: PositionHistoryState,
  year: PositionHistoryDto['years'][number],
  position: KpiPositionDto | undefined,
  neutral: boolean,
): { cell: HistoryCell; rank: number | null } {
  const { language, texts, benchmarkTexts } = state;
  const none = { year: year.year, quartile: null, quartileHint: null, withheld: false };
  const without = (text: string, withheld = false) => ({
    cell: { ...none, text, withheld },
    rank: null,
  });
  if (year.peerGroup === null) {
    return without(texts.notInYear);
  }
  if (position === undefined) {
    return without(NO_VALUE);
  }
  const { suppressed } = position.cell;
  if (suppressed !== null) {
    const rule = ruleName(suppressed.rule, language);
    return without(fill(texts.withheld, { rule, reason: suppressed.reason }), true);
  }
  const rank = position.percentileRank;
  if (rank === null || !Number.isFinite(rank)) {
    return without(texts.noValue);
  }
  const quartile = position.quartile;
  return {
    cell: {
      ...none,
      text: fill(neutral ? benchmarkTexts.aboveShare : benchmarkTexts.betterThan, {
        percent: formatPercent(rank, language),
      }),
      quartile: quartile === null ? null : fill(benchmarkTexts.quartile, { quartile }),
      quartileHint: quartile === null ? null : fill(benchmarkTexts.quartileHint, { quartile }),
    },
    rank,
  };
}

/**
 * A unit's year over year: per area of the questionnaire, per KPI with a percentile rank (yes/no
 * and choice items have none), a small chart of the rank per published cycle on one scale and
 * the same in words, each cycle's figure exactly as that cycle's position gives it: a withheld
 * cell with its rule and reason, a cycle without the unit as such. Pure: the controller gives it
 * what the services returned.
 */
export function positionHistoryModel(state: PositionHistoryState): PositionHistoryModel {
  const { language, texts, benchmarkTexts, catalogue, history } = state;
  const byYear = history.years.map((year) => ({
    year,
    positions: new Map(year.positions.map((p) => [p.kpiKey, p])),
  }));
  const shown = new Set(history.years.flatMap((y) => y.positions.map((p) => p.kpiKey)));
  const areas = catalogue.areas().flatMap((area): HistoryArea[] => {
    const kpis = catalogue.items
      .filter(
        (item) =>
          item.area === area &&
          shown.has(item.key) &&
          item.type !== 'boolean' &&
          item.type !== 'choice',
      )
      .map((item): HistoryKpi => {
        const label = item.label[language];
        const ranked = byYear.map(({ year, positions }) =>
          cellOf(state, year, positions.get(item.key), item.polarity === 'neutral'),
        );
        const cells = ranked.map(({ cell }) => cell);
        const summary = cells.map((c) => `${c.year}: ${c.text}`).join('; ');
        return {
          id: `kpi-${item.key}`,
          label,
          meta: [unitLabel(item, language), POLARITY_LABELS[item.polarity][language]]
            .filter((part) => part !== null && part !== '')
            .join(' · '),
          caption: fill(texts.kpiCaption, { kpi: label }),
          chart: rankHistoryChart({
            points: ranked.map(({ cell, rank }) => ({ year: cell.year, rank })),
            title: `${label}: ${summary}`,
          }),
          cells,
        };
      });
    return kpis.length === 0
      ? []
      : [{ id: `area-${area}`, title: KPI_AREA_LABELS[area][language], kpis }];
  });
  return {
    years: history.years.map((year) => ({
      year: year.year,
      benchmarkHref:
        year.peerGroup === null ? null : pagePaths.benchmarks(year.snapshotId, history.unitId),
      peerGroup:
        year.peerGroup === null
          ? texts.notIncludedYear
          : `${peerGroupName(year.peerGroup, language, benchmarkTexts)} (${fill(benchmarkTexts.n, { n: year.peerGroup.n })})`,
    })),
    areas,
  };
}

import {
  ALL_PEER_GROUP_ID,
  BenchmarkUnitProfile,
  Catalogue,
  CUSTOM_GROUP_LIMIT_RULE,
  matchesPeerGroup,
  PROFILE_DIMENSION_LABELS,
  PROFILE_DIMENSION_VALUES,
  PROFILE_DIMENSIONS,
  ProfileDimension,
  SuppressionRule,
} from '@app/domain';
import {
  COUNTRY_LABELS,
  formatFigure,
  formatFigureWithUnit,
  formatGapToTopQuartile,
  formatPercent,
  INDUSTRY_LABELS,
  KPI_AREA_LABELS,
  NO_VALUE,
  percentileStripChart,
  POLARITY_LABELS,
  SIZE_BAND_LABELS,
  SUPPRESSION_RULE_LABELS,
  unitLabel,
  yesShareBar,
} from '@app/reporting';
import type { Language } from '../../common/request-context';
import type {
  BenchmarkCellDto,
  KpiPositionDto,
  PeerGroupDto,
} from '../../snapshots/dto/snapshot.dto';
import { fill } from '../views/localized';
import type { BenchmarksTexts } from './benchmarks.texts';

type Chart = ReturnType<typeof percentileStripChart>;

/** One KPI of the view: the unit's value against its peer group. */
export interface BenchmarkRow {
  key: string;
  id: string;
  label: string;
  /** Unit, better direction and n, e.g. "Tage · höher ist besser · n = 12". */
  meta: string;
  yesNo: boolean;
  value: string;
  p25: string;
  median: string;
  p75: string;
  /** "besser als 72 % der Gruppe"; "–" without a position. */
  position: string;
  quartile: string | null;
  quartileHint: string | null;
  gap: string;
  chart: Chart | null;
  shareBar: Chart | null;
  yesShare: string | null;
  /** Why the cell is withheld, in words (rule and reason); null when released. */
  suppressed: string | null;
}

/** One area of the view. */
export interface BenchmarkArea {
  id: string;
  title: string;
  rows: BenchmarkRow[];
}

/** An entry of the peer group selector. */
export interface PeerGroupOption {
  value: string;
  label: string;
  selected: boolean;
}

/** A dimension of the custom peer group form, with its values as checkboxes. */
export interface FilterDimension {
  dimension: ProfileDimension;
  legend: string;
  options: { id: string; name: string; value: string; label: string; checked: boolean }[];
}

/** What the view is built from: the services' answers and the unit's profile. */
export interface BenchmarkViewState {
  language: Language;
  texts: BenchmarksTexts;
  catalogue: Catalogue;
  /** The unit's profile, to list the groups it belongs to first. */
  profile: BenchmarkUnitProfile;
  /** The released peer groups of the snapshot. */
  groups: readonly PeerGroupDto[];
  group: PeerGroupDto;
  /** The unit's positions in the group; null when it is not a member or not in the snapshot. */
  positions: readonly KpiPositionDto[] | null;
  /** The group's cells, used when there are no positions. */
  cells: readonly BenchmarkCellDto[];
  /** The values ticked in the custom group form; default: the shown group's filter. */
  filter?: Readonly<Record<string, readonly string[]>>;
}

/** The view's areas, the selector and the custom group form. */
export interface BenchmarkViewModel {
  groupLabel: string;
  groupSize: string;
  areas: BenchmarkArea[];
  ownGroups: PeerGroupOption[];
  otherGroups: PeerGroupOption[];
  dimensions: FilterDimension[];
}

/** A value of a profile dimension as a person reads it (`Telekommunikation`, `Deutschland`). */
export function dimensionValueLabel(
  dimension: ProfileDimension,
  value: string,
  language: Language,
  texts: BenchmarksTexts,
  long = false,
): string {
  switch (dimension) {
    case 'industry':
      return (
        (INDUSTRY_LABELS as Record<string, { de: string; en: string } | undefined>)[value]?.[
          language
        ] ?? value
      );
    case 'country':
      return (
        (COUNTRY_LABELS as Record<string, { de: string; en: string } | undefined>)[value]?.[
          language
        ] ?? value
      );
    case 'sizeBand':
      return long
        ? ((SIZE_BAND_LABELS as Record<string, { de: string; en: string } | undefined>)[value]?.[
            language
          ] ?? value)
        : value;
    case 'customerType':
      return (texts.customerTypes as Record<string, string | undefined>)[value] ?? value;
    case 'sourcing':
      return (texts.sourcings as Record<string, string | undefined>)[value] ?? value;
  }
}

/**
 * A peer group's name from its filter, with the values in words ("Branche: Telekommunikation ·
 * Größenklasse: M"); the group of all participants keeps the service's name.
 */
export function peerGroupName(
  group: Pick<PeerGroupDto, 'id' | 'label' | 'filter'>,
  language: Language,
  texts: BenchmarksTexts,
): string {
  if (group.id === ALL_PEER_GROUP_ID) {
    return group.label;
  }
  const parts = PROFILE_DIMENSIONS.flatMap((dimension) => {
    const values = group.filter[dimension];
    return values === undefined || values.length === 0
      ? []
      : [
          `${PROFILE_DIMENSION_LABELS[dimension][language]}: ${values
            .map((v) => dimensionValueLabel(dimension, v, language, texts))
            .join(', ')}`,
        ];
  });
  return parts.length === 0 ? group.label : parts.join(' · ');
}

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** A suppression rule's name in the language (`Mindestanzahl`), or its code when it has none. */
export function ruleName(rule: string, language: Language): string {
  const labels = SUPPRESSION_RULE_LABELS as Record<string, { de: string; en: string } | undefined>;
  return labels[rule as SuppressionRule]?.[language] ?? rule;
}

/**
 * A refused custom peer group's rule and reason in words. A reason that names another peer
 * group by its id ("differs from peer group industry:telecom") names it as the selector does.
 */
export function refusalText(
  problem: { rule: string; message: string },
  language: Language,
  texts: BenchmarksTexts,
  groups: readonly Pick<PeerGroupDto, 'id' | 'label' | 'filter'>[] = [],
): string {
  const [open, close] = language === 'de' ? ['„', '“'] : ["'", "'"];
  const reason = problem.message
    .replace(/\.$/, '')
    .replace(/(Vergleichsgruppe|peer group) ([\w:;,]+[\w])/g, (match, word: string, id: string) => {
      const named = groups.find((g) => g.id === id);
      return named ? `${word} ${open}${peerGroupName(named, language, texts)}${close}` : match;
    });
  const rule =
    problem.rule === CUSTOM_GROUP_LIMIT_RULE
      ? texts.customGroupLimitRule
      : ruleName(problem.rule, language);
  return fill(texts.refusedRule, { rule, reason });
}

function row(
  state: BenchmarkViewState,
  cell: BenchmarkCellDto,
  position: KpiPositionDto | null,
): BenchmarkRow | null {
  const { language, texts, catalogue } = state;
  const item = catalogue.item(cell.kpiKey);
  if (!item || item.type === 'choice') {
    return null;
  }
  const yesNo = item.type === 'boolean';
  const own = isFiniteNumber(position?.value) ? position.value : null;
  const figure = (v: number | null): string => (v === null ? NO_VALUE : formatFigure(v, language));
  const label = item.label[language];
  const meta = [
    unitLabel(item, language),
    POLARITY_LABELS[item.polarity][language],
    cell.n === null ? null : fill(texts.n, { n: formatFigure(cell.n, language) }),
  ]
    .filter((part) => part !== null)
    .join(' · ');
  const result: BenchmarkRow = {
    key: item.key,
    id: `kpi-${item.key}`,
    label,
    meta,
    yesNo,
    value: own === null ? NO_VALUE : yesNo ? (own === 1 ? texts.yes : texts.no) : figure(own),
    p25: NO_VALUE,
    median: NO_VALUE,
    p75: NO_VALUE,
    position: NO_VALUE,
    quartile: null,
    quartileHint: null,
    gap: NO_VALUE,
    chart: null,
    shareBar: null,
    yesShare: null,
    suppressed: null,
  };
  if (cell.suppressed !== null) {
    result.suppressed = fill(texts.notReleased, {
      rule: ruleName(cell.suppressed.rule, language),
      reason: cell.suppressed.reason,
    });
    return result;
  }
  if (yesNo) {
    if (isFiniteNumber(cell.mean)) {
      const share = formatPercent(cell.mean, language);
      result.yesShare = fill(texts.yesShare, { percent: share });
      result.shareBar = yesShareBar({
        share: cell.mean,
        shareLabel: share,
        title: `${label}: ${result.yesShare}`,
      });
    }
    return result;
  }
  result.p25 = figure(cell.p25);
  result.median = figure(cell.p50);
  result.p75 = figure(cell.p75);
  const rank = position?.percentileRank ?? null;
  if (isFiniteNumber(rank)) {
    result.position = fill(item.polarity === 'neutral' ? texts.aboveShare : texts.betterThan, {
      percent: formatPercent(rank, language),
    });
  }
  const quartile = position?.quartile ?? null;
  if (quartile !== null) {
    result.quartile = fill(texts.quartile, { quartile });
    result.quartileHint = fill(texts.quartileHint, { quartile });
  }
  result.gap = formatGapToTopQuartile(position?.gapToTopQuartile ?? null, item.polarity, language);
  if (cell.p25 !== null && cell.p50 !== null && cell.p75 !== null) {
    const tails = cell.suppressedStatistics.some(
      (s) => s.statistic === 'p10' || s.statistic === 'p90',
    );
    const valueLabel = own === null ? '' : formatFigureWithUnit(own, item, language);
    result.chart = percentileStripChart({
      p10: tails ? null : cell.p10,
      p25: cell.p25,
      p50: cell.p50,
      p75: cell.p75,
      p90: tails ? null : cell.p90,
      value: own,
      valueLabel,
      title: `${label}: ${texts.columns.value} ${valueLabel || NO_VALUE}, ${texts.columns.median} ${formatFigureWithUnit(cell.p50, item, language)}`,
    });
  }
  return result;
}

/**
 * The benchmark view of a unit: per area of the questionnaire the unit's position per KPI in
 * the peer group (value, P25, median, P75, percentile rank, quartile, gap to the top quartile
 * and the strip chart the report draws), withheld cells with their rule and reason; the
 * released peer groups for the selector, the unit's own first; and the custom group form with
 * every dimension's values. Pure: the controller gives it what the services returned.
 */
export function benchmarkViewModel(state: BenchmarkViewState): BenchmarkViewModel {
  const { language, texts, catalogue, group } = state;
  const positions = new Map((state.positions ?? []).map((p) => [p.kpiKey, p]));
  const cells = state.positions ? state.positions.map((p) => p.cell) : state.cells;
  const byKey = new Map(cells.map((cell) => [cell.kpiKey, cell]));
  const areas = catalogue.areas().flatMap((area): BenchmarkArea[] => {
    const rows = catalogue.items
      .filter((item) => item.area === area && byKey.has(item.key))
      .flatMap((item) => {
        const cell = byKey.get(item.key);
        const built = cell ? row(state, cell, positions.get(item.key) ?? null) : null;
        return built ? [built] : [];
      });
    return rows.length === 0
      ? []
      : [{ id: `area-${area}`, title: KPI_AREA_LABELS[area][language], rows }];
  });
  const option = (g: PeerGroupDto): PeerGroupOption => ({
    value: g.id,
    label: `${peerGroupName(g, language, texts)} (${fill(texts.n, { n: formatFigure(g.n, language) })})`,
    selected: g.id === group.id,
  });
  const released = state.groups.filter((g) => g.released);
  const own = (g: PeerGroupDto): boolean => matchesPeerGroup(state.profile, g.filter);
  const ticked = state.filter ?? group.filter;
  return {
    groupLabel: peerGroupName(group, language, texts),
    groupSize: fill(texts.peerGroupSize, { n: formatFigure(group.n, language) }),
    areas,
    ownGroups: released.filter(own).map(option),
    otherGroups: released.filter((g) => !own(g)).map(option),
    dimensions: PROFILE_DIMENSIONS.map((dimension) => ({
      dimension,
      legend: PROFILE_DIMENSION_LABELS[dimension][language],
      options: PROFILE_DIMENSION_VALUES[dimension].map((value) => ({
        id: `filter-${dimension}-${value}`,
        name: `filter[${dimension}][]`,
        value,
        label: dimensionValueLabel(dimension, value, language, texts, true),
        checked: (ticked[dimension] ?? []).includes(value),
      })),
    })),
  };
}

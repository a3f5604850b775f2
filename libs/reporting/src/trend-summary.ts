import { changeOf } from '@app/domain';
import { formatFigureWithUnit } from './report-format.util';
import {
  DriftClause,
  MovementText,
  PooledShareText,
  TREND_REPORT_SENTENCES as T,
} from './trend-report-sentences';
import { TrendModelContext, weightNoun } from './trend-report-context';
import {
  NBSP,
  changeText,
  direction,
  oneDecimal,
  shareText,
  signedPoints,
  trendReportYears,
} from './trend-figure-format.util';
import { TrendSummary } from './trend-report-model';

/** The summary names at most this many KPIs and this many practices. */
const MAX_MOVEMENTS = 5;
const MAX_ADOPTION_MOVEMENTS = 3;
/** A drift below this share of the KPI's scale (or of its earlier value) reads "almost steady". */
const STEADY_SHARE = 0.02;

/** A candidate of the summary with the size it is ranked by. */
interface RankedMovement {
  magnitude: number;
  order: number;
  text: MovementText;
}

function topMovements(candidates: RankedMovement[], count: number): MovementText[] {
  return candidates
    .filter((candidate) => candidate.magnitude > 0)
    .sort((a, b) => b.magnitude - a.magnitude || a.order - b.order)
    .slice(0, count)
    .map((candidate) => candidate.text);
}

/**
 * A change of the median in interquartile ranges of the earlier cycle: comparable across KPIs
 * of any unit and scale. A per cent change is not: it explodes near a base of 0 (an eNPS from 7
 * to 13 is +86 %) and means nothing on a scale that crosses 0. Null without a spread.
 */
function changeInSpreads(absolute: number, earlier: { p25: number; p75: number }): number | null {
  const spread = earlier.p75 - earlier.p25;
  return spread > 0 ? absolute / spread : null;
}

/**
 * The KPIs whose median moved most in the latest change, measured in interquartile ranges of
 * the earlier cycle (`changeInSpreads`), in the balanced panel where it is released, otherwise
 * over all participants. Raw volumes (`benchmarked: false`) grow with the units' size and say
 * nothing on their own; the drift KPIs have a sentence of their own.
 */
function kpiMovements(ctx: TrendModelContext): MovementText[] {
  const { language, withheld } = ctx;
  const drift = new Set(ctx.input.trend.drift.kpiKeys);
  const candidates = ctx.input.trend.kpis.flatMap((trend, order): RankedMovement[] => {
    const item = ctx.item(trend.kpiKey);
    const change = trend.changes.at(-1);
    if (!item || item.benchmarked === false || drift.has(trend.kpiKey) || !change) {
      return [];
    }
    const all = withheld.released(change.all);
    const panel = withheld.released(change.panel);
    const from = withheld.released(trend.cycles[trend.cycles.length - 2].distribution);
    const to = withheld.released(trend.cycles[trend.cycles.length - 1].distribution);
    const rankedBy =
      panel !== null
        ? changeInSpreads(panel.value.change.median.absolute, panel.value.from)
        : all !== null && from !== null
          ? changeInSpreads(all.value.median.absolute, from.value)
          : null;
    if (rankedBy === null) {
      return [];
    }
    const label = ctx.label(trend.kpiKey);
    const panelN = panel === null ? '' : ctx.fig(panel.n);
    let text: MovementText;
    if (all !== null && from !== null && to !== null) {
      text = {
        label,
        what: 'median',
        basis: 'all',
        direction: direction(all.value.median.absolute),
        from: ctx.fig(from.value.median),
        to: formatFigureWithUnit(to.value.median, item, language),
        change: changeText(all.value.median, item, language),
        panel:
          panel === null
            ? null
            : { n: panelN, change: changeText(panel.value.change.median, item, language) },
        panelN,
      };
    } else if (panel !== null) {
      text = {
        label,
        what: 'median',
        basis: 'panel',
        direction: direction(panel.value.change.median.absolute),
        from: ctx.fig(panel.value.from.median),
        to: formatFigureWithUnit(panel.value.to.median, item, language),
        change: changeText(panel.value.change.median, item, language),
        panel: null,
        panelN,
      };
    } else {
      return [];
    }
    return [{ magnitude: Math.abs(rankedBy), order, text }];
  });
  return topMovements(candidates, MAX_MOVEMENTS);
}

/** The practices whose share of yes moved most in the latest change, in percentage points. */
function adoptionMovements(ctx: TrendModelContext): MovementText[] {
  const { language, withheld } = ctx;
  const percentItem = { unit: '%' };
  const points = (value: number): string =>
    changeText({ absolute: value, percent: null }, percentItem, language);
  const candidates = ctx.input.trend.adoption.flatMap((trend, order): RankedMovement[] => {
    const change = trend.changes.at(-1);
    if (!ctx.item(trend.kpiKey) || !change) {
      return [];
    }
    const all = withheld.released(change.all);
    const panel = withheld.released(change.panel);
    const from = withheld.released(trend.cycles[trend.cycles.length - 2].share);
    const to = withheld.released(trend.cycles[trend.cycles.length - 1].share);
    const label = ctx.label(trend.kpiKey);
    const panelN = panel === null ? '' : ctx.fig(panel.n);
    const oneDecimal = (share: number): string => ctx.fig(Math.round(share * 10) / 10);
    if (all !== null && from !== null && to !== null) {
      return [
        {
          magnitude: Math.abs(panel?.value.points ?? all.value),
          order,
          text: {
            label,
            what: 'share',
            basis: 'all',
            direction: direction(all.value),
            from: oneDecimal(from.value),
            to: shareText(to.value, language),
            change: points(all.value),
            panel: panel === null ? null : { n: panelN, change: points(panel.value.points) },
            panelN,
          },
        },
      ];
    }
    if (panel !== null) {
      return [
        {
          magnitude: Math.abs(panel.value.points),
          order,
          text: {
            label,
            what: 'share',
            basis: 'panel',
            direction: direction(panel.value.points),
            from: oneDecimal(panel.value.from),
            to: shareText(panel.value.to, language),
            change: points(panel.value.points),
            panel: null,
            panelN,
          },
        },
      ];
    }
    return [];
  });
  return topMovements(candidates, MAX_ADOPTION_MOVEMENTS);
}

/**
 * The drift KPIs' medians from the first to the last cycle in one sentence; a KPI without a
 * released median in both is left out of it (its table shows why).
 */
function driftSentence(ctx: TrendModelContext): string | null {
  const { language, withheld } = ctx;
  const { drift, years } = ctx.input.trend;
  if (years.length < 2 || drift.cycles.length < 2) {
    return null;
  }
  const first = drift.cycles[0];
  const last = drift.cycles[drift.cycles.length - 1];
  const clauses = drift.kpiKeys.flatMap((key, k): DriftClause[] => {
    const item = ctx.item(key);
    const from = withheld.released(first.medians[k]);
    const to = withheld.released(last.medians[k]);
    if (!item || from === null || to === null) {
      return [];
    }
    const change = changeOf(from.value, to.value);
    const scale =
      item.min !== undefined && item.max !== undefined && item.max > item.min
        ? item.max - item.min
        : Math.abs(from.value);
    const steady = Math.abs(change.absolute) < STEADY_SHARE * scale || change.absolute === 0;
    return [
      {
        label: ctx.label(key),
        direction: steady ? 'steady' : change.absolute > 0 ? 'up' : 'down',
        from: ctx.fig(from.value),
        to: formatFigureWithUnit(to.value, item, language),
        change: changeText(change, item, language),
      },
    ];
  });
  return clauses.length === 0
    ? null
    : T.drift(clauses, String(first.year), String(last.year), language);
}

/**
 * The pooled shares of the latest cycle: every weighted KPI in % whose weight counts something
 * (contacts, employees, customers) and whose pooled figure is released there, in the order of
 * the trend data, with its change in points where that is released too.
 */
function pooledShares(ctx: TrendModelContext): string[] {
  const { language, withheld } = ctx;
  return ctx.input.trend.kpis.flatMap((trend): string[] => {
    const item = ctx.item(trend.kpiKey);
    const latest = trend.cycles.at(-1);
    const noun = weightNoun(ctx, trend.kpiKey);
    if (!item || item.unit !== '%' || item.benchmarked === false || !latest || noun === null) {
      return [];
    }
    const pooled = latest.pooled === undefined ? null : withheld.released(latest.pooled);
    if (pooled === null) {
      return [];
    }
    const lastChange = trend.changes.at(-1);
    const change =
      lastChange?.pooledChange === undefined ? null : withheld.released(lastChange.pooledChange);
    const text: PooledShareText = {
      label: ctx.label(trend.kpiKey),
      share: `${oneDecimal(pooled.value, language)}${NBSP}%`,
      weightNoun: noun,
      year: String(latest.year),
      n: ctx.fig(pooled.n),
      change:
        change === null || lastChange === undefined
          ? null
          : {
              points: T.points(
                signedPoints(change.value.points, language),
                Math.round(Math.abs(change.value.points) * 10) / 10,
                language,
              ),
              fromYear: String(lastChange.fromYear),
            },
    };
    return [T.pooledShare(text, language)];
  });
}

export function summary(ctx: TrendModelContext): TrendSummary {
  const { input, language, withheld } = ctx;
  const { years, participation } = input.trend;
  const counts = participation.flatMap((cycle) => {
    const units = withheld.released(cycle.units);
    return units === null ? [] : [T.countOfYear(ctx.fig(units.value), String(cycle.year))];
  });
  const intro = T.intro(
    input.study.name,
    trendReportYears(years),
    years.length === 1,
    counts,
    language,
  );
  if (years.length < 2) {
    const pooled = pooledShares(ctx);
    return {
      intro,
      movementsLead: null,
      movements: [],
      noMovements: null,
      adoptionLead: null,
      adoption: [],
      drift: null,
      pooledLead: pooled.length === 0 ? null : T.pooledLead(String(years.at(-1)), language),
      pooled,
      noChange: T.noChange(language),
    };
  }
  const from = String(years[years.length - 2]);
  const to = String(years[years.length - 1]);
  const movements = kpiMovements(ctx).map((m) => T.movement(m, language));
  const adoption = adoptionMovements(ctx).map((m) => T.movement(m, language));
  const drift = driftSentence(ctx);
  // After the movements, so that footnote marks keep counting in the order of the page.
  const pooled = pooledShares(ctx);
  return {
    intro,
    movementsLead: T.movementsLead(from, to, language),
    movements,
    noMovements: movements.length === 0 ? T.noMovements(language) : null,
    adoptionLead: adoption.length === 0 ? null : T.adoptionLead(from, to, language),
    adoption,
    drift,
    pooledLead: pooled.length === 0 ? null : T.pooledLead(to, language),
    pooled,
    noChange: null,
  };
}

import { formatFigure, NO_VALUE } from '@app/reporting';
import type { Language } from '../../common/request-context';
import type {
  CellSummaryDto,
  DisclosureReportDto,
  RuleCountDto,
} from '../../disclosure-reports/dto/disclosure-report.dto';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import type { DisclosureReportsTexts, DisclosureRuleName } from './disclosure-reports.texts';

/** A share (0..1) as a percentage with one decimal (`97,3 %`), or the no-value sign. */
export function shareText(share: number | null, language: Language): string {
  return share === null
    ? NO_VALUE
    : `${formatFigure(Math.round(share * 1000) / 10, language)}\u00a0%`;
}

/** A rule in words with its code (`Mindestgröße (min_n)`); an unknown rule by its code. */
export function ruleText(rule: string | null, texts: DisclosureReportsTexts): string {
  if (rule === null || rule === '') {
    return NO_VALUE;
  }
  const name = (texts.rule as Partial<Record<string, string>>)[rule];
  return name === undefined ? rule : `${name} (${rule})`;
}

function parameterValue(value: number | string | boolean, language: Language): string {
  return typeof value === 'number' ? formatFigure(value, language) : String(value);
}

function lookup<T extends string>(table: Record<T, string>, key: string): string {
  return (table as Partial<Record<string, string>>)[key] ?? key;
}

function summaryModel(summary: CellSummaryDto, language: Language, t: DisclosureReportsTexts) {
  const byRule = (r: RuleCountDto) => ({
    rule: ruleText(r.rule, t),
    count: r.count,
    share: shareText(r.share, language),
  });
  return {
    groups: summary.groups,
    cells: summary.cells,
    released: summary.released,
    releasedShare: shareText(summary.releasedShare, language),
    suppressed: summary.suppressed,
    suppressedShare: shareText(
      summary.cells === 0 ? null : summary.suppressed / summary.cells,
      language,
    ),
    suppressedByRule: summary.suppressedByRule.map(byRule),
    statisticsWithheld: summary.statisticsWithheld.map((s) => ({
      statistic: lookup(t.statistic, s.statistic),
      rule: ruleText(s.rule, t),
      count: s.count,
    })),
  };
}

/** The model of `disclosure-reports/report.hbs`. */
export function disclosureReportPageModel(
  report: DisclosureReportDto,
  cycle: { id: string; year: number },
  language: Language,
  t: DisclosureReportsTexts,
) {
  const limit = report.policy.maxCustomGroupsPerParticipant;
  const decisions = new Map(report.requests.byDecision.map((d) => [d.decision, d.count]));
  return {
    title: fill(t.title, { year: cycle.year }),
    backLabel: fill(t.backToCycle, { year: cycle.year }),
    cycleHref: pagePaths.cycle(cycle.id),
    statusHref: pagePaths.snapshotStatus(report.snapshotId),
    computedAt: report.computedAt,
    manifestHash: report.manifestHash,
    publishedText: report.published ? t.published : t.notPublished,
    utility: {
      standardCellsReleased: shareText(report.utility.standardCellsReleasedShare, language),
      unitsWithPeerGroupLabel: fill(t.utility.unitsWithPeerGroup, {
        minN: report.utility.usefulPeerGroupMinN,
      }),
      unitsWithPeerGroup: shareText(report.utility.unitsWithUsefulPeerGroupShare, language),
      unitsOf: fill(t.utility.unitsOf, {
        count: formatFigure(report.utility.unitsWithUsefulPeerGroup, language),
        units: formatFigure(report.utility.units, language),
      }),
    },
    rules: report.rules.map((r) => {
      const parameters = Object.fromEntries(
        Object.entries(r.parameters).map(([key, value]) => [key, parameterValue(value, language)]),
      );
      const meaning = t.policy.meaning[r.rule as DisclosureRuleName];
      return {
        rule: ruleText(r.rule, t),
        parameters: Object.entries(parameters)
          .map(([key, value]) => `${key} = ${value}`)
          .join(', '),
        meaning: meaning === undefined ? '' : fill(meaning, parameters),
      };
    }),
    standard: summaryModel(report.standard, language, t),
    custom: summaryModel(report.custom, language, t),
    folding: report.folding.map((f) => ({
      dimension: f.dimension,
      values: f.values.join(', '),
      label: f.label,
    })),
    requests: {
      total: report.requests.requests,
      released: decisions.get('released') ?? 0,
      alreadyReleased: decisions.get('already_released') ?? 0,
      refused: decisions.get('refused') ?? 0,
      refusedByRule: report.requests.refusedByRule.map((r) => ({
        rule: ruleText(r.rule, t),
        count: r.count,
        share: shareText(r.share, language),
      })),
      requesters: report.requests.requesters.map((r) => ({
        organisation: r.organisationName,
        requests: r.requests,
        counted: fill(t.requests.countedOf, { counted: r.counted, limit }),
      })),
      ledger: report.ledger.map((e) => ({
        requestedAt: e.requestedAt,
        organisation: e.organisationName,
        peerGroupId: e.peerGroupId,
        n: e.n,
        decision: lookup(t.decision, e.decision),
        refused: e.decision === 'refused',
        rule: ruleText(e.rule, t),
      })),
    },
    groups: report.groups.map((g) => ({
      id: g.id,
      label: g.label,
      kind: lookup(t.kind, g.kind),
      n: g.n,
      cellsReleased: g.cellsReleased,
      cellsSuppressed: g.cellsSuppressed,
      byRule: g.suppressedByRule
        .map((r) => `${r.rule} ${formatFigure(r.count, language)}`)
        .join(' · '),
      statisticsWithheld: g.statisticsWithheld,
    })),
  };
}

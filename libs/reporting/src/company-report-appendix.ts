import { Suppression } from '@app/domain';
import { formulaForReader, unitLabel } from './report-format.util';
import { REPORT_SENTENCES as T } from './report-sentences';
import { POLARITY_LABELS, REPORT_WORDS, SUPPRESSION_RULE_LABELS } from './report-texts';
import { CompanyReportInput, ReportAppendix, ReportSuppressedCell } from './company-report-model';
import { ReportKpi } from './company-report-kpis';
import { percentilesWithheld } from './company-report-sections';

export function appendix(input: CompanyReportInput, kpis: readonly ReportKpi[]): ReportAppendix {
  const { catalogue, language } = input;
  const words = REPORT_WORDS[language];
  const labelOf = (key: string): string | undefined => catalogue.item(key)?.label[language];
  const suppressed: ReportSuppressedCell[] = [];
  for (const { item, cell } of kpis) {
    const entry = (what: string, suppression: Suppression): ReportSuppressedCell => ({
      kpi: item.label[language],
      what,
      rule: SUPPRESSION_RULE_LABELS[suppression.rule][language],
      reason: suppression.reason[language],
    });
    const percentiles = item.type === 'boolean' ? undefined : percentilesWithheld(cell);
    if (cell.suppressed !== null) {
      suppressed.push(entry(words.suppressedWholeCell, cell.suppressed));
    } else if (percentiles !== undefined) {
      suppressed.push(entry(words.suppressedPercentiles, percentiles));
    } else {
      const tails = cell.suppressedStatistics.find(
        (s) => s.statistic === 'p10' || s.statistic === 'p90',
      );
      if (tails) {
        suppressed.push(entry(words.suppressedTails, tails));
      }
    }
  }
  return {
    definitions: kpis.map(({ item }) => ({
      label: item.label[language],
      meta: [unitLabel(item, language), POLARITY_LABELS[item.polarity][language]]
        .filter((part) => part !== null)
        .join(' · '),
      help: item.help[language],
      formula:
        item.formula === undefined
          ? null
          : `${words.formulaLabel}: ${formulaForReader(item.formula, labelOf, language)}`,
    })),
    method: T.method(input.policy, language),
    rules: T.rules(input.policy, input.folding, language),
    suppressed,
    noneSuppressed: suppressed.length === 0 ? T.noneSuppressed(language) : null,
  };
}

import { participationFolding } from '@app/domain';
import { TREND_REPORT_SENTENCES as T } from './trend-report-sentences';
import { categoryLabels, INDUSTRY_LABELS, SUPPRESSION_RULE_LABELS } from './report-texts';
import { TrendModelContext } from './trend-report-context';
import { TrendAppendix } from './trend-report-model';
import { capitalized } from './trend-figure-format.util';

export function appendix(ctx: TrendModelContext): TrendAppendix {
  const { input, language, withheld } = ctx;
  const names: Record<string, string> = {
    min_n: `${capitalized(SUPPRESSION_RULE_LABELS.min_n[language])} (min_n)`,
    min_n_tails: `${capitalized(SUPPRESSION_RULE_LABELS.min_n_tails[language])} (min_n_tails)`,
    p_percent: `${capitalized(SUPPRESSION_RULE_LABELS.p_percent[language])} (p)`,
    dominance: `${capitalized(SUPPRESSION_RULE_LABELS.dominance[language])}`,
    quantile_method: language === 'de' ? 'Quantilmethode' : 'Quantile method',
    small_group: `${capitalized(SUPPRESSION_RULE_LABELS.small_group[language])} (min_n_quantiles)`,
    folding:
      language === 'de'
        ? 'Zusammenlegung von Größenklassen (fold_below_n)'
        : 'Folding of size bands (fold_below_n)',
    custom_group_limit:
      language === 'de'
        ? 'Eigene Vergleichsgruppen (max_custom_groups)'
        : 'Custom peer groups (max_custom_groups)',
  };
  const groups = withheld.appendix();
  // Each cycle's folded bands, industries by their labels as the participation tables name
  // them, quoted since a label may hold "und"/"and"; none known for trend data computed before
  // folding.
  const quoted = (label: string): string => (language === 'de' ? `„${label}“` : `“${label}”`);
  const cycles = input.trend.participation;
  const folds = cycles.map(participationFolding);
  const folding = folds.every((bands) => bands !== null)
    ? {
        categories: cycles.every((cycle) => cycle.folded !== undefined),
        years: cycles.map((cycle, c) => ({
          year: cycle.year,
          bands: (folds[c] ?? []).map(({ dimension, values }) => ({
            dimension,
            values:
              dimension === 'industry'
                ? categoryLabels(INDUSTRY_LABELS, values, language).map(quoted)
                : values,
          })),
        })),
      }
    : null;
  const pooled = input.trend.kpis.some((trend) =>
    trend.cycles.some((cycle) => cycle.pooled !== undefined),
  );
  return {
    panel: T.methodPanel(language),
    correlation: T.methodCorrelation(language),
    percentiles: T.methodPercentiles(input.policy, language),
    pooled: pooled ? T.methodPooled(language) : null,
    rules: T.trendRules(input.policy, folding, language),
    parameters: T.parameters(input.policy, pooled, folding !== null, language).map((parameter) => ({
      ...parameter,
      name: names[parameter.name] ?? parameter.name,
    })),
    withheld: groups,
    noneWithheld: groups.length === 0 ? T.noneWithheld(language) : null,
  };
}

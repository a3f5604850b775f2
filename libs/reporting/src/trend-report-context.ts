import { KpiItemDefinition } from '@app/domain';
import { ReportLanguage, unitLabel } from './report-format.util';
import { POOLED_WEIGHT_NOUNS, TrendReportWords } from './report-texts';
import { TrendReportInput } from './trend-report-model';
import { WithheldFigures } from './trend-withheld-figures';

/** Units whose words count things, so that "of all <unit>" names what a weight adds up. */
const COUNTED_UNITS = new Set(['contacts', 'customers', 'persons', 'agents', 'complaints']);

/** Everything the builders share. */
export interface TrendModelContext {
  input: TrendReportInput;
  language: ReportLanguage;
  words: TrendReportWords;
  withheld: WithheldFigures;
  item: (key: string) => KpiItemDefinition | undefined;
  label: (key: string) => string;
  fig: (value: number) => string;
}

/** The weight's item of a KPI with a pooled figure, or undefined if the catalogue names none. */
export function weightItem(ctx: TrendModelContext, kpiKey: string): KpiItemDefinition | undefined {
  const key = ctx.item(kpiKey)?.weightKey;
  return key === undefined ? undefined : ctx.item(key);
}

/**
 * The plural a KPI's weight counts, after "aller" / "of all" (`Kontakte`, `contacts`), or null
 * if there is none to name (a weight in FTE or euros): then no pooled share is worded.
 */
export function weightNoun(ctx: TrendModelContext, kpiKey: string): string | null {
  const key = ctx.item(kpiKey)?.weightKey;
  if (key === undefined) {
    return null;
  }
  const known = POOLED_WEIGHT_NOUNS[key];
  if (known !== undefined) {
    return known[ctx.language];
  }
  const weight = ctx.item(key);
  return weight?.unit !== null && weight?.unit !== undefined && COUNTED_UNITS.has(weight.unit)
    ? unitLabel(weight, ctx.language)
    : null;
}

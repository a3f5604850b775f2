import { Catalogue } from '../catalogue/catalogue';
import { DEFAULT_DISCLOSURE_POLICY } from '../disclosure/disclosure-policy';
import { sizeBandFor } from '../profile/unit-profile';
import { TrendCycle, TrendInput } from '../trend/trend-input';
import { trendKpisOf } from '../trend/trend-kpis';
import { DemoDataset } from './demo-data-generator';

/**
 * The trend input of demo data over the given years, as the platform builds it from published
 * snapshots: the catalogue's trend KPIs (`trendKpisOf`), each unit's answers with the derived
 * KPIs computed, the default policy. Used by the specs that check the published figures and
 * by the trend benchmark.
 *
 * @param years the cycles to include, ascending; default every year of the data
 */
export function demoTrendInput(
  data: DemoDataset,
  catalogue: Catalogue,
  years: readonly number[] = [...new Set(data.submissions.map((s) => s.year))].sort(),
): TrendInput {
  const unitsByKey = new Map(data.units.map((unit) => [unit.key, unit]));
  const cycles = years.map((year): TrendCycle => ({
    year,
    units: data.submissions
      .filter((submission) => submission.year === year)
      .map((submission) => {
        const spec = unitsByKey.get(submission.unitKey);
        if (spec === undefined) {
          throw new RangeError(`no demo unit ${submission.unitKey}`);
        }
        const values: Record<string, number | boolean | null> = {
          ...catalogue.derive(submission.answers),
        };
        // Choices are answered with text; no KPI of the trend and no weight is one.
        for (const [key, value] of Object.entries(submission.answers)) {
          if (typeof value !== 'string') {
            values[key] = value;
          }
        }
        return {
          id: spec.key,
          company: spec.companyKey,
          profile: {
            industry: spec.industry,
            sizeBand: sizeBandFor(spec.agentFte),
            country: spec.country,
          },
          values,
        };
      }),
  }));
  return { cycles, kpis: trendKpisOf(catalogue), policy: DEFAULT_DISCLOSURE_POLICY };
}

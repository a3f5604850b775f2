import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import { spearmanPairs } from './spearman-matrix';
import { discloseFigure } from './trend-disclosure';
import { TrendDriverOptions, TrendKpi } from './trend-input';
import { DriverPair } from './trend-data';

/** For every KPI key, the keys it is computed from, directly or through other derived KPIs. */
function ancestorsOf(kpis: readonly TrendKpi[]): Map<string, Set<string>> {
  const direct = new Map(kpis.map((kpi) => [kpi.key, kpi.derivedFrom ?? []]));
  const result = new Map<string, Set<string>>();
  const visit = (key: string, into: Set<string>): void => {
    for (const parent of direct.get(key) ?? []) {
      // The check also ends a (malformed) cycle of formulas.
      if (!into.has(parent)) {
        into.add(parent);
        visit(parent, into);
      }
    }
  };
  for (const kpi of kpis) {
    const ancestors = new Set<string>();
    visit(kpi.key, ancestors);
    result.set(kpi.key, ancestors);
  }
  return result;
}

function scatterPoints(x: Float64Array, y: Float64Array): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  for (let u = 0; u < x.length; u++) {
    if (x[u] === x[u] && y[u] === y[u]) {
      points.push([x[u] + 0, y[u] + 0]);
    }
  }
  return points.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/**
 * The strongest rank correlations between distinct numeric KPIs of the latest cycle: released
 * only with n ≥ `minN`, listed with p < `maxPValue`, strongest |rho| first (ties in the order of
 * the KPIs), at most `maxPairs`; pairs in which one KPI is computed from the other or both from
 * a common item, and the excluded pairs, are left out.
 */
export function drivers(
  kpis: readonly TrendKpi[],
  latest: readonly Float64Array[],
  policy: DisclosurePolicy,
  options: TrendDriverOptions,
): DriverPair[] {
  const numeric = kpis.flatMap((kpi, k) => (kpi.boolean ? [] : [k]));
  const ancestors = ancestorsOf(kpis);
  const excluded = new Set(options.excludedPairs.flatMap(([a, b]) => [`${a}\n${b}`, `${b}\n${a}`]));
  const sharesAnItem = (a: TrendKpi, b: TrendKpi): boolean => {
    const ofB = ancestors.get(b.key);
    return [...(ancestors.get(a.key) ?? [])].some((key) => ofB?.has(key) === true);
  };
  // Two KPIs computed from a common item (a shared denominator above all) correlate through it
  // whatever the units do: the ratio correlation of Pearson (1897), not a finding.
  const related = (a: TrendKpi, b: TrendKpi): boolean =>
    ancestors.get(a.key)?.has(b.key) === true ||
    ancestors.get(b.key)?.has(a.key) === true ||
    sharesAnItem(a, b) ||
    excluded.has(`${a.key}\n${b.key}`);
  const columns = numeric.map((k) => latest[k]);
  const candidates = spearmanPairs(
    columns,
    (a, b) => !related(kpis[numeric[a]], kpis[numeric[b]]),
  ).flatMap(({ a, b, n, rho, pValue }) => {
    // The frequency rule first: a correlation of fewer than minN units is no figure at all.
    const figure = discloseFigure(n, () => ({ rho, pValue }), policy);
    if (!figure.released) {
      return [];
    }
    const { rho: r, pValue: p } = figure.value;
    return r !== null && p !== null && p < options.maxPValue
      ? [{ a, b, n, rho: r, pValue: p }]
      : [];
  });
  // spearmanPairs lists the pairs by (a, b), and the sort is stable: ties keep that order.
  candidates.sort((p, q) => Math.abs(q.rho) - Math.abs(p.rho));
  return candidates.slice(0, Math.max(0, options.maxPairs)).map(({ a, b, n, rho, pValue }) => ({
    xKpiKey: kpis[numeric[a]].key,
    yKpiKey: kpis[numeric[b]].key,
    n,
    rho,
    pValue,
    points: scatterPoints(columns[a], columns[b]),
  }));
}

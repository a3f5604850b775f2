import {
  DisclosurePolicy,
  FoldedCategory,
  Polarity,
  PROFILE_DIMENSION_LABELS,
  peerGroupLabel,
  ProfileDimension,
} from '@app/domain';
import { formatFigure, ReportLanguage } from './report-format.util';

/** A rank written as the sentences use it, e.g. `72 %`. */
export type Text = string;

/**
 * The report's sentences in German and English. Every argument is a finished text (figures
 * already formatted, names as given); the template escapes the result, so names may contain
 * anything.
 */
export const REPORT_SENTENCES = {
  confidentiality: (companyName: Text, language: ReportLanguage): string =>
    language === 'de'
      ? `Vertraulich. Dieser Bericht ist ausschließlich für ${companyName} bestimmt. Er enthält die eigenen Daten der Einheit und anonymisierte Kennzahlen der Vergleichsgruppe; kein anderer Teilnehmer ist darin genannt oder erkennbar.`
      : `Confidential. This report is intended for ${companyName} only. It contains the unit's own data and anonymised figures of the peer group; no other participant is named or identifiable in it.`,

  intro: (
    unitName: Text,
    year: Text,
    groupLabel: Text,
    n: Text,
    language: ReportLanguage,
  ): string =>
    language === 'de'
      ? `Dieser Bericht vergleicht die Kennzahlen von ${unitName} im Berichtsjahr ${year} mit der Vergleichsgruppe „${groupLabel}“. Sie umfasst ${n} Einheiten, Ihre eigene eingeschlossen.`
      : `This report compares the KPIs of ${unitName} for the reference year ${year} with the peer group “${groupLabel}”, which comprises ${n} units including your own.`,

  quartileOverview: (total: Text, quartiles: readonly Text[], language: ReportLanguage): string =>
    language === 'de'
      ? `Quartile Ihrer ${total} bewerteten Kennzahlen: bestes Viertel ${quartiles[0]}, zweites ${quartiles[1]}, drittes ${quartiles[2]}, schwächstes ${quartiles[3]}.`
      : `Quartiles of your ${total} rated KPIs: top quartile ${quartiles[0]}, second ${quartiles[1]}, third ${quartiles[2]}, bottom ${quartiles[3]}.`,

  notReleasedCount: (count: number, language: ReportLanguage): string => {
    const n = formatFigure(count, language);
    if (language === 'de') {
      return count === 1
        ? '1 Kennzahl ist für diese Vergleichsgruppe nicht ausgewiesen (siehe Anhang).'
        : `${n} Kennzahlen sind für diese Vergleichsgruppe nicht ausgewiesen (siehe Anhang).`;
    }
    return count === 1
      ? '1 KPI is not released for this peer group (see the appendix).'
      : `${n} KPIs are not released for this peer group (see the appendix).`;
  },

  strength: (
    value: Text,
    rank: Text,
    median: Text,
    quartile: number | null,
    language: ReportLanguage,
  ): string => {
    if (language === 'de') {
      const tail =
        quartile === 1
          ? ' Damit gehören Sie zum besten Viertel.'
          : quartile === 2
            ? ' Damit liegen Sie im zweitbesten Viertel.'
            : '';
      return `${value}, besser als ${rank} der Vergleichsgruppe (Median: ${median}).${tail}`;
    }
    const tail =
      quartile === 1
        ? ' This places you in the top quartile.'
        : quartile === 2
          ? ' This places you in the second quartile.'
          : '';
    return `${value}, better than ${rank} of the peer group (median: ${median}).${tail}`;
  },

  improvement: (
    value: Text,
    rank: Text,
    median: Text,
    topBoundary: Text | null,
    gap: Text | null,
    polarity: Polarity,
    language: ReportLanguage,
  ): string => {
    const lower = polarity === 'lower_is_better';
    if (language === 'de') {
      const tail =
        topBoundary === null || gap === null
          ? ''
          : lower
            ? ` Das beste Viertel liegt bei ${topBoundary} oder darunter, ${gap} unter Ihrem Wert.`
            : ` Das beste Viertel liegt bei ${topBoundary} oder darüber, ${gap} über Ihrem Wert.`;
      return `${value}, besser als nur ${rank} der Vergleichsgruppe (Median: ${median}).${tail}`;
    }
    const tail =
      topBoundary === null || gap === null
        ? ''
        : lower
          ? ` The top quartile lies at ${topBoundary} or below, ${gap} below your value.`
          : ` The top quartile lies at ${topBoundary} or above, ${gap} above your value.`;
    return `${value}, better than only ${rank} of the peer group (median: ${median}).${tail}`;
  },

  noStrengths: (language: ReportLanguage): string =>
    language === 'de'
      ? 'Keine der bewerteten Kennzahlen liegt über dem Median der Vergleichsgruppe.'
      : 'None of the rated KPIs is above the peer group median.',

  noImprovements: (language: ReportLanguage): string =>
    language === 'de'
      ? 'Keine der bewerteten Kennzahlen liegt unter dem Median der Vergleichsgruppe.'
      : 'None of the rated KPIs is below the peer group median.',

  maturity: (
    score: number,
    max: number,
    median: number | null,
    rank: Text | null,
    language: ReportLanguage,
  ): string => {
    const s = formatFigure(score, language);
    const m = formatFigure(max, language);
    if (language === 'de') {
      const medianText =
        median === null
          ? ''
          : ` Der Median der Vergleichsgruppe liegt bei ${formatFigure(median, 'de')} ${median === 1 ? 'Punkt' : 'Punkten'}.`;
      const rankText =
        rank === null ? '' : ` Damit sind Sie besser als ${rank} der Vergleichsgruppe.`;
      return `Ihre Servicestrategie erreicht ${s} von ${m} Punkten.${medianText}${rankText}`;
    }
    const medianText =
      median === null
        ? ''
        : ` The peer group median is ${formatFigure(median, 'en')} ${median === 1 ? 'point' : 'points'}.`;
    const rankText = rank === null ? '' : ` This is better than ${rank} of the peer group.`;
    return `Your service strategy reaches ${s} out of ${m} points.${medianText}${rankText}`;
  },

  maturityOpen: (steps: readonly Text[], language: ReportLanguage): string =>
    language === 'de' ? `Noch offen: ${steps.join('; ')}.` : `Still open: ${steps.join('; ')}.`,

  maturityComplete: (language: ReportLanguage): string =>
    language === 'de' ? 'Alle Bausteine sind umgesetzt.' : 'All building blocks are in place.',

  maturityUnknown: (language: ReportLanguage): string =>
    language === 'de'
      ? 'Der Reifegrad lässt sich nicht berechnen, weil nicht alle Strategiefragen beantwortet sind.'
      : 'The maturity score cannot be computed because not all strategy questions were answered.',

  notReleased: (ruleLabel: Text, reason: Text, language: ReportLanguage): string =>
    language === 'de'
      ? `Nicht ausgewiesen (${ruleLabel}): ${reason}.`
      : `Not released (${ruleLabel}): ${reason}.`,

  tailsNotReleased: (ruleLabel: Text, reason: Text, language: ReportLanguage): string =>
    language === 'de'
      ? `P10 und P90 nicht ausgewiesen (${ruleLabel}): ${reason}.`
      : `P10 and P90 not released (${ruleLabel}): ${reason}.`,

  noneSuppressed: (language: ReportLanguage): string =>
    language === 'de'
      ? 'Alle Werte dieses Berichts sind für die Vergleichsgruppe ausgewiesen.'
      : 'All figures of this report are released for the peer group.',

  noOwnValue: (language: ReportLanguage): string =>
    language === 'de' ? 'Kein eigener Wert geliefert.' : 'No value of your own supplied.',

  noTrend: (language: ReportLanguage): string =>
    language === 'de'
      ? 'Die Entwicklung über die Berichtsjahre wird ab dem zweiten veröffentlichten Berichtsjahr gezeigt.'
      : 'The trend over the reference years is shown from the second published reference year on.',

  readingGuide: (language: ReportLanguage): string =>
    language === 'de'
      ? 'Jede Kennzahl zeigt die Verteilung der Vergleichsgruppe auf einer Werteachse von klein (links) nach groß (rechts); unter dem Namen der Kennzahl steht, ob ein höherer oder ein niedrigerer Wert besser ist. Der Perzentilrang sagt, welchen Anteil der Vergleichsgruppe Ihr Wert übertrifft; Q1 ist das beste Viertel, Q4 das schwächste.'
      : 'Each KPI shows the distribution of the peer group on a value axis from small (left) to large (right); below the KPI’s name you find whether a higher or a lower value is better. The percentile rank is the share of the peer group your value beats; Q1 is the best quarter, Q4 the weakest.',

  method: (policy: DisclosurePolicy, language: ReportLanguage): string[] => {
    const percentiles =
      policy.quantileMethod === 'local_mean'
        ? language === 'de'
          ? 'Perzentile (P10, P25, Median, P75, P90) werden als sichere Quantile berechnet: Jedes ausgewiesene Perzentil ist der Mittelwert der drei Beobachtungen, die seiner Position in den sortierten Werten am nächsten liegen, sodass keine ausgewiesene Zahl der Wert einer einzelnen Einheit ist.'
          : 'Percentiles (P10, P25, median, P75, P90) are computed as safe quantiles: each published percentile is the mean of the three observations nearest its position in the sorted values, so that no published figure is the value of a single unit.'
        : language === 'de'
          ? 'Perzentile (P10, P25, Median, P75, P90) werden durch lineare Interpolation zwischen den benachbarten Werten der sortierten Vergleichswerte berechnet; das ist die Definition von PostgreSQL percentile_cont und Excel QUANTIL.INKL (PERCENTILE.INC).'
          : 'Percentiles (P10, P25, median, P75, P90) are computed by linear interpolation between the neighbouring values of the sorted peer values: the definition of PostgreSQL percentile_cont and Excel PERCENTILE.INC.';
    if (language === 'de') {
      return [
        percentiles,
        'Der Perzentilrang ist der Anteil der Vergleichsgruppe, den Ihr Wert übertrifft: (Zahl der schlechteren Werte + halbe Zahl der gleichen Werte, Ihr eigener eingeschlossen) ÷ Zahl aller Werte × 100. „Besser“ folgt der Richtung der Kennzahl (höher oder niedriger ist besser); bei Kennzahlen ohne Wertung ist es der Anteil kleinerer Werte.',
        'Q1 ist das beste Viertel der Vergleichsgruppe, Q4 das schwächste. Der Abstand zum besten Viertel ist die Veränderung, die Ihr Wert bis zur Grenze des besten Viertels bräuchte: bis P75, wenn höher besser ist, bis P25, wenn niedriger besser ist.',
        'Stärken und Verbesserungspotenziale sind die Kennzahlen mit dem höchsten und dem niedrigsten Perzentilrang über und unter dem Median; Kennzahlen ohne Wertung, Ja/Nein-Fragen und nicht ausgewiesene Werte gehen nicht ein. Für Ja/Nein-Fragen zeigt der Bericht den Anteil „Ja“ in der Vergleichsgruppe.',
      ];
    }
    return [
      percentiles,
      'The percentile rank is the share of the peer group your value beats: (number of worse values + half the number of equal values, your own included) ÷ number of all values × 100. “Better” follows the KPI’s direction (higher or lower is better); for a KPI without a better direction it is the share of smaller values.',
      'Q1 is the best quarter of the peer group, Q4 the weakest. The gap to the top quartile is the change your value would need to reach the top quartile’s boundary: P75 where higher is better, P25 where lower is better.',
      'Strengths and areas for improvement are the KPIs with the highest and the lowest percentile ranks above and below the median; KPIs without a better direction, yes/no questions and values not released are left out. For yes/no questions the report shows the share of “yes” in the peer group.',
    ];
  },

  /**
   * The disclosure rules in force, each with the policy's parameters, and what was folded before
   * the peer groups were formed (the snapshot manifest's `folding`). Each rule opens with the
   * name its footnotes give it (`SUPPRESSION_RULE_LABELS`).
   */
  rules: (
    policy: DisclosurePolicy,
    folding: readonly FoldedCategory[],
    language: ReportLanguage,
  ): string[] => {
    const n = formatFigure(policy.minN, language);
    const tails = formatFigure(policy.minNTails, language);
    const quantiles = formatFigure(policy.minNQuantiles, language);
    const p = formatFigure(policy.pPercent, language);
    const share = formatFigure(policy.maxWeightSharePercent, language);
    const foldBelow = formatFigure(policy.foldBelowN, language);
    const cap = formatFigure(policy.maxCustomGroupsPerParticipant, language);
    const folded = foldedText(folding, language);
    if (language === 'de') {
      return [
        `Mindestgröße: Eine Kennzahl wird nur ausgewiesen, wenn mindestens ${n} Einheiten der Vergleichsgruppe sie geliefert haben und diese zu mindestens ${n} verschiedenen Unternehmen gehören. P10 und P90 brauchen mindestens ${tails} Einheiten.`,
        `Quantile kleiner Gruppen: Perzentile (P10 bis P90, auch der Median) werden erst ab ${quantiles} Einheiten mit Wert ausgewiesen; mit weniger zeigt der Bericht nur n und den Mittelwert, damit kein ausgewiesenes Perzentil der Wert einer einzelnen Einheit ist.`,
        `p-%-Regel: Die Summe hinter jedem Mittelwert und der Zähler (Σ Wert × Gewicht) jedes gepoolten Werts einer Kennzahl ohne negative Werte müssen ohne die zwei größten Beiträge mindestens ${p}\u00a0% des größten Beitrags erreichen; die Einheiten eines Unternehmens zählen dabei zusammen als ein Beitrag. Für das Gewicht eines gepoolten Werts gilt dasselbe je Einheit. Sonst wird die Zahl nicht ausgewiesen.`,
        `Dominanzregel: Keine einzelne Einheit darf mehr als ${share}\u00a0% des Gewichts eines gepoolten Werts tragen.`,
        `Differenzbildung (Prüfung aller Veröffentlichungen): Eine Zahl wird nur ausgewiesen, wenn kein Teilnehmer aus allem, was zu diesem Berichtsjahr veröffentlicht ist (allen Vergleichsgruppen, auch den eigenen Vergleichsgruppen aller Teilnehmer), zusammen mit den Werten seiner eigenen Einheiten den Wert einer anderen Einheit oder eine Summe über weniger als ${n} andere Einheiten berechnen kann.`,
        'Sekundärsperrung: Eine Zahl, aus der sich zusammen mit dem übrigen Veröffentlichten eine nach der p-%-Regel gesperrte Summe berechnen ließe, wird ebenfalls nicht ausgewiesen.',
        `Zusammenlegung: Eine Größenklasse mit weniger als ${foldBelow} Einheiten wird vor der Bildung der Vergleichsgruppen mit ihrer kleineren Nachbarklasse zusammengelegt, damit keine Einheit allein steht. Ebenso wird jede Kategorie zusammengelegt, die für sich nicht ausgewiesen werden könnte, weil ihre Einheiten zu weniger als ${n} Unternehmen gehören oder weniger als ${n} von ihnen außerhalb eines Unternehmens liegen: in einer Dimension wie dem Land zu einer Kategorie, in einem Paar wie Branche × Größenklasse je Branche mit der kleineren Nachbarklasse. ${folded === null ? 'In diesem Berichtsjahr wurde keine Kategorie zusammengelegt.' : `In diesem Berichtsjahr: ${folded}.`}`,
        'Give-to-get: Sie sehen die Vergleichswerte einer Kennzahl nur, wenn Sie die Kennzahl selbst geliefert haben.',
        `Eigene Vergleichsgruppen: Jede angefragte Vergleichsgruppe wird vor der Freigabe nach denselben Regeln gegen alles bereits Veröffentlichte geprüft; eine Ablehnung nennt nur die Regel, nie eine Einheit. Jeder Teilnehmer kann zu diesem Berichtsjahr höchstens ${cap} neue eigene Vergleichsgruppen anfragen.`,
        'Andere Teilnehmer werden in diesem Bericht weder genannt, noch sind sie erkennbar.',
      ];
    }
    return [
      `Minimum group size: a KPI is released only if at least ${n} units of the peer group supplied it and they belong to at least ${n} different companies. P10 and P90 need at least ${tails} units.`,
      `Quantiles of small groups: percentiles (P10 to P90, the median included) are released only from ${quantiles} units with a value; with fewer, the report shows n and the mean only, so that no released percentile is a single unit’s value.`,
      `p% rule: the sum behind each mean and the numerator (Σ value × weight) of each pooled figure of a KPI without negative values must, less the two largest contributions, reach at least ${p}\u00a0% of the largest contribution; the units of one company count together as one contribution. The same holds for the weight of a pooled figure, unit by unit. Otherwise the figure is not released.`,
      `Dominance rule: no single unit may carry more than ${share}\u00a0% of the weight of a pooled figure.`,
      `Differencing (audit of everything released): a figure is released only if no participant can compute, from everything released for this reference year (every peer group, the custom peer groups of all participants included) together with the values of its own units, the value of another unit or a sum over fewer than ${n} other units.`,
      'Secondary suppression: a figure from which, together with everything else released, a sum withheld by the p% rule could be computed is not released either.',
      `Folding: a size band of fewer than ${foldBelow} units is combined with its smaller neighbour before the peer groups are formed, so that no unit stands alone. So is every category that could not be released on its own, because its units belong to fewer than ${n} companies or fewer than ${n} of them lie outside one company: in a dimension such as the country into one category, in a pair such as industry × size band with the smaller neighbour within each industry. ${folded === null ? 'In this reference year no category was combined.' : `In this reference year: ${folded}.`}`,
      'Give-to-get: you see the peer figures of a KPI only if you supplied the KPI yourself.',
      `Custom peer groups: every peer group asked for is checked under the same rules against everything released before it is released; a refusal names the rule only, never a unit. Each participant can ask for at most ${cap} new custom peer groups for this reference year.`,
      'No other participant is named or identifiable in this report.',
    ];
  },

  percentilesNotReleased: (ruleLabel: Text, reason: Text, language: ReportLanguage): string =>
    language === 'de'
      ? `Perzentile nicht ausgewiesen (${ruleLabel}): ${reason}.`
      : `Percentiles not released (${ruleLabel}): ${reason}.`,
} as const;

/** `a`, `a und b`, `a, b und c`. */
export function joinList(items: readonly Text[], language: ReportLanguage): string {
  const and = language === 'de' ? ' und ' : ' and ';
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/**
 * What was folded, as the method appendix says it: `Größenklassen L und XL zusammengefasst`,
 * `size bands L and XL combined`, several joined by `; `; null when nothing was.
 */
export function foldedText(
  folding: ReadonlyArray<Pick<FoldedCategory, 'dimension' | 'values' | 'within'>>,
  language: ReportLanguage,
): string | null {
  const parts = folding
    .filter((f) => f.values.length > 1)
    .map((f) => {
      const within = f.within === undefined ? '' : ` (${peerGroupLabel(f.within)[language]})`;
      const values = joinList(f.values, language);
      if (f.dimension === 'sizeBand') {
        return language === 'de'
          ? `Größenklassen ${values} zusammengefasst${within}`
          : `size bands ${values} combined${within}`;
      }
      const dimension = Object.prototype.hasOwnProperty.call(PROFILE_DIMENSION_LABELS, f.dimension)
        ? PROFILE_DIMENSION_LABELS[f.dimension as ProfileDimension][language]
        : f.dimension;
      return language === 'de'
        ? `${dimension}: ${values} zusammengefasst${within}`
        : `${dimension}: ${values} combined${within}`;
    });
  return parts.length === 0 ? null : parts.join('; ');
}

import { DisclosurePolicy, Polarity } from '@app/domain';
import { formatFigure, ReportLanguage } from './report-format.util';

/** A rank written as the sentences use it, e.g. `72 %`. */
type Text = string;

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

  rules: (policy: DisclosurePolicy, language: ReportLanguage): string[] => {
    const n = formatFigure(policy.minN, language);
    const tails = formatFigure(policy.minNTails, language);
    const p = formatFigure(policy.pPercent, language);
    const share = formatFigure(policy.maxWeightSharePercent, language);
    if (language === 'de') {
      return [
        `Mindestgröße: Eine Kennzahl wird nur ausgewiesen, wenn mindestens ${n} Einheiten der Vergleichsgruppe sie geliefert haben. P10 und P90 werden erst ab ${tails} Einheiten ausgewiesen.`,
        `p-%-Regel: Bei gewichteten (gepoolten) Werten muss das Gesamtgewicht ohne die zwei größten Beiträge mindestens ${p}\u00a0% des größten Beitrags betragen.`,
        `Dominanzregel: Keine einzelne Einheit darf mehr als ${share}\u00a0% des Gewichts eines gepoolten Werts tragen.`,
        `Differenzbildung: Eine Vergleichsgruppe, deren Mitglieder sich von einer bereits ausgewiesenen Gruppe um weniger als ${n} Einheiten unterscheiden, wird nicht ausgewiesen, weil die Differenz diese Einheiten offenlegen würde.`,
        'Give-to-get: Sie sehen die Vergleichswerte einer Kennzahl nur, wenn Sie die Kennzahl selbst geliefert haben.',
        'Andere Teilnehmer werden in diesem Bericht weder genannt, noch sind sie erkennbar.',
      ];
    }
    return [
      `Minimum group size: a KPI is released only if at least ${n} units of the peer group supplied it. P10 and P90 are released from ${tails} units on.`,
      `p% rule: for weighted (pooled) figures, the total weight less the two largest contributions must be at least ${p}\u00a0% of the largest contribution.`,
      `Dominance rule: no single unit may carry more than ${share}\u00a0% of the weight of a pooled figure.`,
      `Differencing: a peer group whose members differ from an already released group by fewer than ${n} units is not released, because the difference would reveal those units.`,
      'Give-to-get: you see the peer figures of a KPI only if you supplied the KPI yourself.',
      'No other participant is named or identifiable in this report.',
    ];
  },
} as const;

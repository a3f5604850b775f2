import { DisclosurePolicy } from '@app/domain';
import { formatFigure, ReportLanguage } from './report-format.util';
import { Text, foldedText, joinList } from './report-sentences';

/** Which way a figure moved between two cycles. */
export type MovementDirection = 'up' | 'down' | 'same';

/** A movement of the summary: a KPI's median or a practice's share of "yes", between two cycles. */
export interface MovementText {
  label: Text;
  what: 'median' | 'share';
  /**
   * `all`: the figure over all participants, with the balanced panel's change beside it;
   * `panel`: the balanced panel's own figure, where the one over all participants is withheld.
   */
  basis: 'all' | 'panel';
  direction: MovementDirection;
  from: Text;
  to: Text;
  change: Text;
  /** The balanced panel's n and change beside a figure over all participants; null if withheld. */
  panel: { n: Text; change: Text } | null;
  /** The panel's n where the basis is the panel. */
  panelN: Text;
}

/** A KPI's clause of the drift sentence; `steady` for a change too small to name a direction. */
export interface DriftClause {
  label: Text;
  direction: 'up' | 'down' | 'steady';
  from: Text;
  to: Text;
  change: Text;
}

/** A weighted KPI in % as the summary's pooled shares word it. */
export interface PooledShareText {
  label: Text;
  /** `8,0 %`. */
  share: Text;
  /** The plural the weight counts, after "aller" / "of all": `Kontakte`, `contacts`. */
  weightNoun: Text;
  year: Text;
  /** The units the pooled figure rests on. */
  n: Text;
  /** The change in percentage points from the cycle before, or null if none is released. */
  change: { points: Text; fromYear: Text } | null;
}

function driftClause(
  clause: DriftClause,
  fromYear: Text,
  toYear: Text,
  main: boolean,
  language: ReportLanguage,
): string {
  const { label, from, to, change } = clause;
  if (language === 'en') {
    return clause.direction === 'steady'
      ? `the median of ${label} held almost steady (${fromYear}: ${from}; ${toYear}: ${to})`
      : `the median of ${label} ${clause.direction === 'up' ? 'rose' : 'fell'} from ${from} to ${to} (${change})`;
  }
  if (clause.direction === 'steady') {
    return main
      ? `blieb der Median von ${label} nahezu unverändert (${fromYear}: ${from}; ${toYear}: ${to})`
      : `der Median von ${label} nahezu unverändert blieb (${fromYear}: ${from}; ${toYear}: ${to})`;
  }
  const verb = clause.direction === 'up' ? 'stieg' : 'sank';
  // German puts the verb second in the main clause and last in the clause after "während".
  return main
    ? `${verb} der Median von ${label} von ${from} auf ${to} (${change})`
    : `der Median von ${label} von ${from} auf ${to} ${verb} (${change})`;
}

/**
 * The trend report's sentences in German and English. As with `REPORT_SENTENCES`, every argument
 * is a finished text and the template escapes the result.
 */
export const TREND_REPORT_SENTENCES = {
  confidentiality: (publisherName: Text, minN: Text, language: ReportLanguage): string =>
    language === 'de'
      ? `Vertraulich. Dieser Bericht ist für ${publisherName} bestimmt. Er enthält ausschließlich zusammengefasste, anonymisierte Kennzahlen der Teilnehmer; keine Einheit und kein Unternehmen ist darin genannt oder erkennbar, und keine Zahl beruht auf weniger als ${minN} Einheiten.`
      : `Confidential. This report is intended for ${publisherName}. It contains aggregated, anonymised figures of the participants only; no unit or company is named or identifiable in it, and no figure rests on fewer than ${minN} units.`,

  intro: (
    studyName: Text,
    years: Text,
    single: boolean,
    counts: readonly Text[],
    language: ReportLanguage,
  ): string => {
    if (language === 'de') {
      const span = single ? `im Berichtsjahr ${years}` : `über die Berichtsjahre ${years}`;
      const who =
        counts.length === 0 ? '' : ` Teilgenommen haben ${joinList(counts, 'de')} Einheiten.`;
      return `Dieser Bericht beschreibt die Entwicklung der Studie „${studyName}“ ${span}.${who}`;
    }
    const span = single ? `in the reference year ${years}` : `over the reference years ${years}`;
    const who =
      counts.length === 0
        ? ''
        : ` The number of participating units was ${joinList(counts, 'en')}.`;
    return `This report describes the development of the study “${studyName}” ${span}.${who}`;
  },

  /** `160 (2024)`: a cycle's count of units for the intro. */
  countOfYear: (count: Text, year: Text): string => `${count} (${year})`,

  movementsLead: (fromYear: Text, toYear: Text, language: ReportLanguage): string =>
    language === 'de'
      ? `Die Kennzahlen, deren Median sich von ${fromYear} auf ${toYear} am stärksten verändert hat, gemessen am Quartilsabstand (P75 − P25) des Vorjahres und im ausgewogenen Panel (wo es nicht ausgewiesen ist, über alle Teilnehmer):`
      : `The KPIs whose median moved most from ${fromYear} to ${toYear}, measured against the interquartile range (P75 − P25) of the earlier year and in the balanced panel (where it is not released, over all participants):`,

  adoptionLead: (fromYear: Text, toYear: Text, language: ReportLanguage): string =>
    language === 'de'
      ? `Die Praktiken (Ja/Nein-Fragen), deren Verbreitung sich von ${fromYear} auf ${toYear} am stärksten verändert hat:`
      : `The practices (yes/no items) whose adoption changed most from ${fromYear} to ${toYear}:`,

  movement: (m: MovementText, language: ReportLanguage): string => {
    if (language === 'de') {
      const verb = m.direction === 'up' ? 'stieg' : 'sank';
      const of = m.what === 'median' ? 'der Median' : 'der Anteil „Ja“';
      if (m.basis === 'panel') {
        const moved =
          m.direction === 'same'
            ? `blieb ${of} unverändert bei ${m.to}`
            : `${verb} ${of} von ${m.from} auf ${m.to} (${m.change})`;
        return `${m.label}: Im ausgewogenen Panel von ${m.panelN} Einheiten ${moved}; der Wert über alle Teilnehmer ist nicht ausgewiesen.`;
      }
      const subject =
        m.what === 'median' ? 'Der Median aller Teilnehmer' : 'Der Anteil „Ja“ aller Teilnehmer';
      const moved =
        m.direction === 'same'
          ? `${subject} blieb unverändert bei ${m.to}`
          : `${subject} ${verb} von ${m.from} auf ${m.to} (${m.change})`;
      const panel =
        m.panel === null
          ? 'die Veränderung im ausgewogenen Panel ist nicht ausgewiesen'
          : `im ausgewogenen Panel von ${m.panel.n} Einheiten ${m.panel.change}`;
      return `${m.label}: ${moved}; ${panel}.`;
    }
    const verb = m.direction === 'up' ? 'rose' : 'fell';
    const of = m.what === 'median' ? 'the median' : 'the share of “yes”';
    if (m.basis === 'panel') {
      const moved =
        m.direction === 'same'
          ? `${of} stayed at ${m.to}`
          : `${of} ${verb} from ${m.from} to ${m.to} (${m.change})`;
      return `${m.label}: in the balanced panel of ${m.panelN} units ${moved}; the figure over all participants is not released.`;
    }
    const subject =
      m.what === 'median'
        ? 'the median of all participants'
        : 'the share of “yes” among all participants';
    const moved =
      m.direction === 'same'
        ? `${subject} stayed at ${m.to}`
        : `${subject} ${verb} from ${m.from} to ${m.to} (${m.change})`;
    const panel =
      m.panel === null
        ? 'the change in the balanced panel is not released'
        : `in the balanced panel of ${m.panel.n} units ${m.panel.change}`;
    return `${m.label}: ${moved}; ${panel}.`;
  },

  /** `+3,2 Prozentpunkte`: a change of a share or of a KPI in %. */
  points: (signed: Text, magnitude: number, language: ReportLanguage): string => {
    const one = magnitude === 1;
    return language === 'de'
      ? `${signed}\u00a0${one ? 'Prozentpunkt' : 'Prozentpunkte'}`
      : `${signed}\u00a0${one ? 'percentage point' : 'percentage points'}`;
  },

  drift: (
    clauses: readonly DriftClause[],
    fromYear: Text,
    toYear: Text,
    language: ReportLanguage,
  ): string => {
    const [first, ...rest] = clauses;
    const main = driftClause(first, fromYear, toYear, true, language);
    const others = rest.map((clause) => driftClause(clause, fromYear, toYear, false, language));
    if (language === 'de') {
      const tail = others.length === 0 ? '' : `, während ${joinList(others, 'de')}`;
      return `Von ${fromYear} bis ${toYear} ${main}${tail}.`;
    }
    const tail = others.length === 0 ? '' : `, while ${joinList(others, 'en')}`;
    return `From ${fromYear} to ${toYear} ${main}${tail}.`;
  },

  pooledLead: (year: Text, language: ReportLanguage): string =>
    language === 'de'
      ? `Über alle Teilnehmer gepoolte Anteile im Jahr ${year}: Jede Einheit zählt mit ihrem Volumen, sodass sich der Anteil auf das gesamte Volumen aller Einheiten bezieht, während der Median die typische Einheit beschreibt.`
      : `Shares pooled over all participants in ${year}: each unit counts with its volume, so that the share is one of the whole volume of all units, while the median describes the typical unit.`,

  /**
   * A weighted KPI's pooled share of the latest cycle: `Kontakte mit …: 8,0 % aller Kontakte im
   * Jahr 2024, gepoolt über 143 Einheiten (+1 Prozentpunkt gegenüber 2023).` One sentence for
   * every KPI in %, whatever it measures, so it opens with the label rather than a verb of its own.
   */
  pooledShare: (p: PooledShareText, language: ReportLanguage): string => {
    if (language === 'de') {
      const change =
        p.change === null ? '' : ` (${p.change.points} gegenüber ${p.change.fromYear})`;
      return `${p.label}: ${p.share} aller ${p.weightNoun} im Jahr ${p.year}, gepoolt über ${p.n} Einheiten${change}.`;
    }
    const change = p.change === null ? '' : ` (${p.change.points} from ${p.change.fromYear})`;
    return `${p.label}: ${p.share} of all ${p.weightNoun} in ${p.year}, pooled over ${p.n} units${change}.`;
  },

  /**
   * The head over a KPI's pooled figures: `Gepoolt (gewichtet mit: Kontakte gesamt)`, `Pooled
   * (weighted by total contacts)`; the label as the weight's item has it (in English starting
   * small, as mid-sentence).
   */
  pooledTitle: (weightLabel: Text | null, language: ReportLanguage): string => {
    const pooled = language === 'de' ? 'Gepoolt' : 'Pooled';
    if (weightLabel === null) {
      return pooled;
    }
    return language === 'de'
      ? `${pooled} (gewichtet mit: ${weightLabel})`
      : `${pooled} (weighted by ${weightLabel})`;
  },

  noChange: (language: ReportLanguage): string =>
    language === 'de'
      ? 'Veränderungen zeigt der Bericht ab dem zweiten Berichtsjahr.'
      : 'The report shows changes from the second reference year on.',

  noMovements: (language: ReportLanguage): string =>
    language === 'de'
      ? 'Für die letzte Veränderung ist keine Kennzahl ausgewiesen.'
      : 'No KPI is released for the latest change.',

  driftLead: (language: ReportLanguage): string =>
    language === 'de'
      ? 'Die Mediane aller Teilnehmer je Berichtsjahr nebeneinander.'
      : 'The medians of all participants per reference year side by side.',

  driversLead: (year: Text, language: ReportLanguage): string =>
    language === 'de'
      ? `Die stärksten Rangkorrelationen (Spearman) zwischen Kennzahlen im Berichtsjahr ${year}, je Paar über die Einheiten mit beiden Werten (n). Eine Korrelation beschreibt einen Zusammenhang, nicht Ursache und Wirkung. Die Streudiagramme zeigen, wie viele Einheiten in jedes Feld eines Rasters fallen, nicht die Werte einzelner Einheiten.`
      : `The strongest rank correlations (Spearman) between KPIs in the reference year ${year}, each pair over the units with both values (n). A correlation describes an association, not cause and effect. The scatter charts show how many units fall into each cell of a grid, not the values of single units.`,

  noDrivers: (language: ReportLanguage): string =>
    language === 'de'
      ? 'Im letzten Berichtsjahr ist keine Rangkorrelation ausgewiesen.'
      : 'No rank correlation is released for the latest reference year.',

  /** What of a KPI or a category is withheld, for the appendix's list. */
  whatCycle: (year: Text, language: ReportLanguage): string =>
    language === 'de' ? `${year}, alle Teilnehmer` : `${year}, all participants`,

  /** A cycle's pooled figure, for the appendix's list. */
  whatPooled: (year: Text, language: ReportLanguage): string =>
    language === 'de' ? `${year}, gepoolt` : `${year}, pooled`,

  whatChange: (
    fromYear: Text,
    toYear: Text,
    basis: 'all' | 'panel' | 'pooled',
    language: ReportLanguage,
  ): string => {
    const names = {
      de: { all: 'alle Teilnehmer', panel: 'ausgewogenes Panel', pooled: 'gepoolt' },
      en: { all: 'all participants', panel: 'balanced panel', pooled: 'pooled' },
    };
    return language === 'de'
      ? `Veränderung ${fromYear} → ${toYear}, ${names.de[basis]}`
      : `change ${fromYear} → ${toYear}, ${names.en[basis]}`;
  },

  noneWithheld: (language: ReportLanguage): string =>
    language === 'de'
      ? 'Alle Zahlen dieses Berichts sind ausgewiesen.'
      : 'All figures of this report are released.',

  methodPanel: (language: ReportLanguage): string[] =>
    language === 'de'
      ? [
          'Jedes Berichtsjahr wird über alle Teilnehmer ausgewertet, die die Kennzahl geliefert haben. Diese Zahlen bewegen sich auch dann, wenn nur Einheiten hinzukommen oder ausscheiden.',
          'Das ausgewogene Panel zweier aufeinanderfolgender Berichtsjahre besteht aus den Einheiten, die in beiden Jahren teilgenommen und die Kennzahl geliefert haben; n ist ihre Zahl. Seine Veränderung zeigt, was dieselben Einheiten verändert haben.',
          'Die Veränderung ist die Differenz der Mediane (bei Ja/Nein-Fragen der Anteile „Ja“, in Prozentpunkten), die relative Veränderung diese Differenz geteilt durch den Betrag des Vorjahreswerts × 100; bei einem Vorjahreswert von 0 gibt es keine. Die Zusammenfassung nennt die Kennzahlen, deren Median sich im Panel (wo es nicht ausgewiesen ist, über alle Teilnehmer) um die meisten Quartilsabstände (P75 − P25 des Vorjahres) verändert hat, denn eine relative Veränderung ist nahe einem Ausgangswert von 0 und auf Skalen mit negativen Werten nicht vergleichbar, und die Ja/Nein-Fragen mit der größten Veränderung in Prozentpunkten. „Nahezu unverändert“ heißt: weniger als 2 % der Skalenbreite der Kennzahl, ohne Skala weniger als 2 % des Ausgangswerts.',
        ]
      : [
          'Each reference year is evaluated over all participants that supplied the KPI. These figures move also when units merely join or leave.',
          'The balanced panel of two consecutive reference years consists of the units that took part in both years and supplied the KPI; n is their number. Its change shows what the same units changed.',
          'The change is the difference of the medians (for yes/no items of the shares of “yes”, in percentage points); the relative change is that difference divided by the magnitude of the earlier value × 100, and there is none for an earlier value of 0. The summary names the KPIs whose median moved by the most interquartile ranges (P75 − P25 of the earlier year) in the panel (where it is not released, over all participants), since a relative change is not comparable near a base of 0 or on scales with negative values, and the yes/no items with the largest change in percentage points. “Almost steady” means less than 2 % of the KPI’s scale, or without a scale less than 2 % of the earlier value.',
        ],

  methodCorrelation: (language: ReportLanguage): string[] =>
    language === 'de'
      ? [
          'Die Treiber sind Rangkorrelationen nach Spearman im letzten Berichtsjahr, je Paar über die Einheiten mit beiden Werten. Die Werte jeder Kennzahl werden in Ränge umgewandelt; gleiche Werte erhalten den Mittelwert der Ränge, die sie belegen. ρ ist der Korrelationskoeffizient nach Pearson dieser Ränge (−1 bis 1).',
          'Der p-Wert (zweiseitig, gegen ρ = 0) folgt aus der t-Näherung t = ρ · √((n − 2) ÷ (1 − ρ²)) mit n − 2 Freiheitsgraden. Gelistet sind die stärksten Paare nach |ρ| mit kleinem p-Wert; Paare, in denen eine Kennzahl aus der anderen oder beide aus einer gemeinsamen Angabe (etwa demselben Nenner) berechnet werden, sind ausgeschlossen.',
        ]
      : [
          'The drivers are Spearman rank correlations in the latest reference year, each pair over the units with both values. The values of each KPI are turned into ranks; tied values get the mean of the ranks they occupy. ρ is Pearson’s correlation coefficient of these ranks (−1 to 1).',
          'The p-value (two-sided, against ρ = 0) follows from the t approximation t = ρ · √((n − 2) ÷ (1 − ρ²)) with n − 2 degrees of freedom. Listed are the strongest pairs by |ρ| with a small p-value; pairs in which one KPI is computed from the other, or both from a common item (such as the same denominator), are left out.',
        ],

  methodPooled: (language: ReportLanguage): string[] =>
    language === 'de'
      ? [
          'Für eine Kennzahl mit einem Volumen als Gewicht (etwa den Kontakten insgesamt bei einem Anteil an Kontakten) ist der gepoolte Wert eines Berichtsjahres Σ Wert × Gewicht ÷ Σ Gewicht über die Teilnehmer mit einem Wert und einem Gewicht über 0; n ist ihre Zahl. Er beschreibt das Volumen aller Teilnehmer zusammen, bei einem Anteil also den Anteil an allen Kontakten (oder Mitarbeitenden …), und große Einheiten wiegen darin mehr; der Median beschreibt dagegen die typische Einheit.',
          'Die Veränderung eines gepoolten Werts ist die Differenz der gepoolten Werte zweier aufeinanderfolgender Jahre, bei einer Kennzahl in % in Prozentpunkten. Sie wird nur ausgewiesen, wenn beide Jahre ausgewiesen sind.',
          'Weil ein gepoolter Wert das Gewicht jeder Einheit enthält, gelten für ihn neben der Mindestgröße (gezählt werden die Einheiten mit Wert und Gewicht) die p-%-Regel und die Dominanzregel (siehe Regeln der Geheimhaltung).',
        ]
      : [
          'For a KPI with a volume as its weight (such as total contacts for a share of contacts), the pooled figure of a reference year is Σ value × weight ÷ Σ weight over the participants with a value and a weight above 0; n is their number. It describes the volume of all participants taken together, for a share the share of all contacts (or employees, …), and large units weigh more in it; the median describes the typical unit instead.',
          'The change of a pooled figure is the difference of the pooled figures of two consecutive years, in percentage points for a KPI in %. It is released only if both years are.',
          'Because a pooled figure contains every unit’s weight, it is subject not only to the minimum group size (counting the units with a value and a weight) but also to the p% rule and the dominance rule (see the disclosure rules).',
        ],

  methodPercentiles: (policy: DisclosurePolicy, language: ReportLanguage): string => {
    if (policy.quantileMethod === 'local_mean') {
      return language === 'de'
        ? 'P25, Median und P75 werden als sichere Quantile berechnet: Jedes ausgewiesene Perzentil ist der Mittelwert der drei Beobachtungen, die seiner Position in den sortierten Werten am nächsten liegen, sodass keine ausgewiesene Zahl der Wert einer einzelnen Einheit ist. Der Mittelwert ist das arithmetische Mittel. P10 und P90 zeigt der Trendbericht nicht.'
        : 'P25, median and P75 are computed as safe quantiles: each published percentile is the mean of the three observations nearest its position in the sorted values, so that no published figure is the value of a single unit. The mean is the arithmetic mean. The trend report does not show P10 and P90.';
    }
    return language === 'de'
      ? 'P25, Median und P75 werden durch lineare Interpolation zwischen den benachbarten sortierten Werten berechnet; das ist die Definition von PostgreSQL percentile_cont und Excel QUANTIL.INKL (PERCENTILE.INC). Der Mittelwert ist das arithmetische Mittel. P10 und P90 zeigt der Trendbericht nicht.'
      : 'P25, median and P75 are computed by linear interpolation between the neighbouring sorted values: the definition of PostgreSQL percentile_cont and Excel PERCENTILE.INC. The mean is the arithmetic mean. The trend report does not show P10 and P90.';
  },

  /**
   * The trend report's disclosure rules with the policy's parameters. `folding` is each cycle's
   * folded bands (`participationFolding` of its participation, the values as the report names
   * them), or null for trend data computed before any folding: then the folding rule is not
   * stated. `categories` says whether the data fold industries and countries too; data
   * computed when only size bands were folded do not, and the rule states only those.
   */
  trendRules: (
    policy: DisclosurePolicy,
    folding: {
      categories: boolean;
      years: ReadonlyArray<{
        year: number;
        bands: ReadonlyArray<{ dimension: string; values: readonly string[] }>;
      }>;
    } | null,
    language: ReportLanguage,
  ): string[] => {
    const n = formatFigure(policy.minN, language);
    const belowN = formatFigure(policy.minN - 1, language);
    const p = formatFigure(policy.pPercent, language);
    const share = formatFigure(policy.maxWeightSharePercent, language);
    const foldBelow = formatFigure(policy.foldBelowN, language);
    const quantiles = formatFigure(policy.minNQuantiles, language);
    const cap = formatFigure(policy.maxCustomGroupsPerParticipant, language);
    const perYear = (folding?.years ?? []).map(({ year, bands }) => ({
      year,
      text: foldedText(
        bands.map(({ dimension, values }) => ({ dimension, values: [...values] })),
        language,
      ),
    }));
    const de = language === 'de';
    const categories = folding?.categories === true;
    const foldedYears = perYear.some((y) => y.text !== null)
      ? `${perYear
          .map(
            ({ year, text }) =>
              `${year}: ${text ?? (de ? 'nichts zusammengelegt' : 'nothing combined')}`,
          )
          .join('; ')}.`
      : categories
        ? de
          ? 'In keinem Berichtsjahr wurde eine Kategorie zusammengelegt.'
          : 'In no reference year was a category combined.'
        : de
          ? 'In keinem Berichtsjahr wurde eine Größenklasse zusammengelegt.'
          : 'In no reference year was a size band combined.';
    if (de) {
      return [
        `Mindestgröße: Jede Zahl dieses Berichts (Anzahl, Perzentil, Mittelwert, gepoolter Wert, Anteil, Veränderung, Korrelation) beruht auf mindestens ${n} Einheiten; sonst wird sie nicht ausgewiesen und als „–“ mit einer Anmerkung gezeigt. Eine Veränderung wird nur ausgewiesen, wenn beide Jahre ausgewiesen sind.`,
        `p-%-Regel: Ein gepoolter Wert wird nur ausgewiesen, wenn das Gesamtgewicht ohne die zwei größten Beiträge mindestens ${p}\u00a0% des größten Beitrags beträgt, sodass sich kein Beitrag aus den übrigen abschätzen lässt.`,
        `Dominanzregel: Ein gepoolter Wert wird nicht ausgewiesen, wenn eine einzelne Einheit mehr als ${share}\u00a0% seines Gewichts trägt.`,
        `Differenzbildung: Ein ausgewogenes Panel, dessen Einheiten sich von allen Teilnehmern desselben Jahres oder vom Panel des vorigen Jahrespaars um weniger als ${n} (aber mindestens eine) Einheiten unterscheiden, wird nicht ausgewiesen, weil die Differenz der Summen diese Einheiten offenlegen würde.`,
        `Teilnahme: Eine Kategorie mit weniger als ${n} Einheiten wird nicht ausgewiesen. Bliebe dann genau eine zurückgehaltene Zahl, die sich aus der Gesamtzahl errechnen ließe, wird auch die kleinste ausgewiesene Kategorie zurückgehalten.`,
        ...(folding === null
          ? []
          : categories
            ? [
                `Zusammenlegung: Wie in den Vergleichsgruppen des Benchmarks werden je Berichtsjahr Kategorien zusammengelegt und nur zusammen gezählt, damit keine allein steht: eine Größenklasse mit weniger als ${foldBelow} Einheiten mit ihrer kleineren Nachbarklasse; die Branchen, deren Einheiten weniger als ${n} Unternehmen gehören oder von deren Einheiten weniger als ${n} außerhalb eines einzelnen Unternehmens liegen, zu einer Kategorie, und ebenso die Länder. Erfüllt diese Kategorie die Bedingung selbst nicht, wird sie mit der kleinsten übrigen zusammengelegt, die sie erfüllt. So nennt die Teilnahme dieselben Kategorien wie die Liste der Vergleichsgruppen. ${foldedYears}`,
              ]
            : [
                `Zusammenlegung: Wie in den Vergleichsgruppen des Benchmarks wird je Berichtsjahr eine Größenklasse mit weniger als ${foldBelow} Einheiten mit ihrer kleineren Nachbarklasse zusammengelegt und nur mit ihr zusammen gezählt, damit keine Einheit allein steht. ${foldedYears}`,
              ]),
        `Streudiagramme: Sie zeigen die Zahl der Einheiten je Feld eines Rasters von 24 × 16 Feldern in Stufen; ein Feld mit 1 bis ${belowN} Einheiten erscheint in der hellsten Stufe „weniger als ${n}“, sodass keine kleine Anzahl und kein Wert einer einzelnen Einheit ablesbar ist. Die Achsen reichen von Teilstrich zu Teilstrich, nicht bis zum kleinsten oder größten Wert.`,
        `Benchmark: Für die Vergleichsgruppen des Benchmarks jedes Berichtsjahres gelten außerdem mindestens ${n} verschiedene Unternehmen je Kennzahl, Quantile erst ab ${quantiles} Einheiten, die p-%-Regel auch auf die Summe hinter jedem Mittelwert und den Zähler (Σ Wert × Gewicht) jedes gepoolten Werts mit den Einheiten eines Unternehmens als einem Beitrag, die Prüfung aller Veröffentlichungen (kein Teilnehmer kann aus allem Veröffentlichten zusammen mit den Werten seiner eigenen Einheiten den Wert einer anderen Einheit oder eine Summe über weniger als ${n} andere Einheiten berechnen), die Sekundärsperrung, Give-to-get und höchstens ${cap} eigene Vergleichsgruppen je Teilnehmer. Dieser Bericht zeigt Zahlen über alle Teilnehmer und ausgewogene Panels und wendet von diesen Regeln nur die oben genannten an.`,
        'Keine Einheit und kein Unternehmen wird in diesem Bericht genannt oder ist darin erkennbar.',
      ];
    }
    return [
      `Minimum group size: every figure of this report (count, percentile, mean, pooled figure, share, change, correlation) rests on at least ${n} units; otherwise it is not released and shown as “–” with a note. A change is released only if both years are.`,
      `p% rule: a pooled figure is released only if the total weight less the two largest contributions is at least ${p}\u00a0% of the largest contribution, so that no contribution can be estimated from the others.`,
      `Dominance rule: a pooled figure is not released if a single unit carries more than ${share}\u00a0% of its weight.`,
      `Differencing: a balanced panel whose units differ from all participants of the same year, or from the panel of the previous pair of years, by fewer than ${n} (but at least one) units is not released, because the difference of the sums would reveal those units.`,
      `Participation: a category of fewer than ${n} units is not released. Were exactly one withheld count then to follow from the total, the smallest released category is withheld, too.`,
      ...(folding === null
        ? []
        : categories
          ? [
              `Folding: as in the benchmark’s peer groups, categories are combined in each reference year and counted only together, so that none stands alone: a size band of fewer than ${foldBelow} units with its smaller neighbour; the industries whose units belong to fewer than ${n} companies, or of whose units fewer than ${n} lie outside any one company, into one category, and likewise the countries. If that category does not meet the condition itself, it is combined with the smallest other one that does. So participation names the same categories as the list of peer groups. ${foldedYears}`,
            ]
          : [
              `Folding: as in the benchmark’s peer groups, a size band of fewer than ${foldBelow} units is combined with its smaller neighbour in each reference year and counted only together with it, so that no unit stands alone. ${foldedYears}`,
            ]),
      `Scatter charts: they show the number of units in each cell of a 24 × 16 grid in steps; a cell of 1 to ${belowN} units is drawn in the lightest step, “fewer than ${n}”, so that no small count and no single unit’s value can be read. The axes run from tick to tick, not to the smallest or largest value.`,
      `Benchmark: the peer groups of each reference year’s benchmark are subject, besides, to at least ${n} different companies per KPI, quantiles only from ${quantiles} units, the p% rule also on the sum behind each mean and on the numerator (Σ value × weight) of each pooled figure with the units of one company as one contribution, the audit of everything released (no participant can compute, from everything released together with the values of its own units, the value of another unit or a sum over fewer than ${n} other units), secondary suppression, give-to-get and at most ${cap} custom peer groups per participant. This report shows figures over all participants and balanced panels and applies, of these rules, only those stated above.`,
      'No unit or company is named or identifiable in this report.',
    ];
  },

  /**
   * The policy's parameters with whether the trend report applies them; p % and dominance apply
   * to the pooled figures, if the report has any (`pooled`).
   */
  parameters: (
    policy: DisclosurePolicy,
    pooled: boolean,
    folded: boolean,
    language: ReportLanguage,
  ): Array<{ name: string; value: string; use: string }> => {
    const de = language === 'de';
    const units = (value: number): string =>
      `${formatFigure(value, language)}\u00a0${de ? 'Einheiten' : 'units'}`;
    const percent = (value: number): string => `${formatFigure(value, language)}\u00a0%`;
    const applied = de ? 'angewandt' : 'applied';
    const pooledUse = pooled
      ? de
        ? 'angewandt auf die gepoolten Werte'
        : 'applied to the pooled figures'
      : de
        ? 'nicht angewandt: der Trendbericht zeigt keine gepoolten Werte'
        : 'not applied: the trend report shows no pooled figures';
    return [
      { name: 'min_n', value: units(policy.minN), use: applied },
      {
        name: 'min_n_tails',
        value: units(policy.minNTails),
        use: de
          ? 'nicht angewandt: der Trendbericht zeigt kein P10 und P90'
          : 'not applied: the trend report shows no P10 and P90',
      },
      { name: 'p_percent', value: percent(policy.pPercent), use: pooledUse },
      { name: 'dominance', value: percent(policy.maxWeightSharePercent), use: pooledUse },
      { name: 'quantile_method', value: policy.quantileMethod, use: applied },
      {
        name: 'small_group',
        value: units(policy.minNQuantiles),
        use: de
          ? 'gilt für die Vergleichsgruppen des Benchmarks; der Trendbericht wendet sie nicht an'
          : 'applies to the benchmark’s peer groups; the trend report does not apply it',
      },
      {
        name: 'folding',
        value: units(policy.foldBelowN),
        use: folded
          ? de
            ? 'angewandt auf die Teilnahme nach Größenklasse'
            : 'applied to participation by size band'
          : de
            ? 'nicht angewandt: die Trenddaten wurden vor der Zusammenlegung berechnet'
            : 'not applied: the trend data were computed before size bands were folded',
      },
      {
        name: 'custom_group_limit',
        value: de
          ? `${formatFigure(policy.maxCustomGroupsPerParticipant, language)} je Teilnehmer`
          : `${formatFigure(policy.maxCustomGroupsPerParticipant, language)} per participant`,
        use: de
          ? 'nicht angewandt: der Trendbericht hat keine eigenen Vergleichsgruppen'
          : 'not applied: the trend report has no custom peer groups',
      },
    ];
  },
} as const;

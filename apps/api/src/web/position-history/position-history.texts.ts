import type { Localized } from '../views/localized';

/** The words of a unit's year over year: its percentile rank per KPI in every published cycle. */
export interface PositionHistoryTexts {
  title: string;
  heading: string;
  lead: string;
  backToOverview: string;
  /** The link to this page from the benchmark view and the home page. */
  link: string;
  noPublishedYear: string;
  yearsTitle: string;
  yearsCaption: string;
  columns: { year: string; peerGroup: string };
  notIncludedYear: string;
  areasNavigation: string;
  legend: string;
  kpiCaption: string;
  withheld: string;
  noValue: string;
  notInYear: string;
}

export const POSITION_HISTORY_TEXTS: Localized<PositionHistoryTexts> = {
  de: {
    title: 'Position im Zeitverlauf',
    heading: 'Position im Zeitverlauf: {unit}',
    lead: '{study} · Perzentilrang je Kennzahl in jedem veröffentlichten Zyklus',
    backToOverview: 'Zur Übersicht',
    link: 'Position im Zeitverlauf',
    noPublishedYear: 'Für diese Studie ist noch kein Zyklus veröffentlicht.',
    yearsTitle: 'Veröffentlichte Zyklen',
    yearsCaption: 'Je Zyklus die Vergleichsgruppe, in der Ihre Einheit eingeordnet ist',
    columns: { year: 'Zyklus', peerGroup: 'Vergleichsgruppe' },
    notIncludedYear: 'Ihre Einheit ist in diesem Zyklus nicht enthalten',
    areasNavigation: 'Bereiche',
    legend:
      'Jede Grafik zeigt den Perzentilrang Ihrer Einheit in einer Kennzahl je Zyklus auf einer Skala von 0 bis 100: höher ist besser, der Strich bei 50 ist der Median, das Band reicht von 25 bis 75. Ein Zyklus ohne Punkt hat keinen Rang; die Tabelle darunter nennt den Grund.',
    kpiCaption: '{kpi} je Zyklus',
    withheld: 'nicht veröffentlicht: {rule} – {reason}',
    noValue: 'kein eigener Wert',
    notInYear: 'nicht enthalten',
  },
  en: {
    title: 'Position over the years',
    heading: 'Position over the years: {unit}',
    lead: '{study} · percentile rank per KPI in every published cycle',
    backToOverview: 'To the overview',
    link: 'Position over the years',
    noPublishedYear: 'This study has no published cycle yet.',
    yearsTitle: 'Published cycles',
    yearsCaption: 'Per cycle the peer group your unit is placed in',
    columns: { year: 'Cycle', peerGroup: 'Peer group' },
    notIncludedYear: 'Your unit is not included in this cycle',
    areasNavigation: 'Areas',
    legend:
      "Each chart shows your unit's percentile rank in one KPI per cycle on a scale from 0 to 100: higher is better, the line at 50 is the median, the band spans 25 to 75. A cycle without a dot has no rank; the table below it gives the reason.",
    kpiCaption: '{kpi} per cycle',
    withheld: 'not released: {rule} – {reason}',
    noValue: 'no own value',
    notInYear: 'not included',
  },
};

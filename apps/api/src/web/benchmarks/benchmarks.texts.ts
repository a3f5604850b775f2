import type { CustomerType, Sourcing } from '@app/domain';
import type { Localized } from '../views/localized';

/** The words of the benchmark view of a unit in a published snapshot. */
export interface BenchmarksTexts {
  title: string;
  heading: string;
  lead: string;
  backToOverview: string;
  peerGroup: string;
  peerGroupSize: string;
  notPublished: string;
  areasNavigation: string;
  legend: string;
  selectorTitle: string;
  selectorLabel: string;
  ownGroups: string;
  otherGroups: string;
  show: string;
  customTitle: string;
  customIntro: string;
  customButton: string;
  refusedTitle: string;
  refusedRule: string;
  /** The name of the rule `custom_group_limit` (a refusal, never a cell's suppression). */
  customGroupLimitRule: string;
  notMember: string;
  notIncluded: string;
  columns: {
    kpi: string;
    value: string;
    p25: string;
    median: string;
    p75: string;
    position: string;
    gap: string;
    chart: string;
  };
  betterThan: string;
  aboveShare: string;
  quartile: string;
  quartileHint: string;
  yesShare: string;
  yesShareSuffix: string;
  notReleased: string;
  noOwnValue: string;
  yes: string;
  no: string;
  n: string;
  reportTitle: string;
  reportIntro: string;
  preview: string;
  pdf: string;
  customerTypes: Record<CustomerType, string>;
  sourcings: Record<Sourcing, string>;
}

export const BENCHMARKS_TEXTS: Localized<BenchmarksTexts> = {
  de: {
    title: 'Benchmark',
    heading: 'Benchmark {year}: {unit}',
    lead: '{study} · Zyklus {year}',
    backToOverview: 'Zur Übersicht',
    peerGroup: 'Vergleichsgruppe: {label}',
    peerGroupSize: '{n} Einheiten',
    notPublished:
      'Dieser Benchmark ist noch nicht veröffentlicht; die Teilnehmer sehen ihn noch nicht.',
    areasNavigation: 'Bereiche des Benchmarks',
    legend:
      'Die Grafik zeigt die Verteilung in der Vergleichsgruppe: hell P10 bis P90, dunkel P25 bis P75, der Strich den Median und der Punkt Ihren Wert.',
    selectorTitle: 'Vergleichsgruppe wählen',
    selectorLabel: 'Vergleichsgruppe',
    ownGroups: 'Gruppen mit Ihrer Einheit',
    otherGroups: 'Weitere Gruppen',
    show: 'Anzeigen',
    customTitle: 'Eigene Vergleichsgruppe bilden',
    customIntro:
      'Wählen Sie die Merkmale der Einheiten, mit denen Sie sich vergleichen möchten. Innerhalb eines Merkmals genügt einer der gewählten Werte; ein Merkmal ohne Auswahl schränkt nicht ein. Eine Gruppe wird nur freigegeben, wenn sie keine Rückschlüsse auf einzelne Teilnehmer zulässt.',
    customButton: 'Vergleichsgruppe bilden',
    refusedTitle: 'Diese Vergleichsgruppe wird nicht freigegeben.',
    refusedRule: 'Regel „{rule}“: {reason}.',
    customGroupLimitRule: 'Obergrenze eigener Vergleichsgruppen',
    notMember:
      'Ihre Einheit gehört nicht zu dieser Vergleichsgruppe. Die Tabelle zeigt die Werte der Gruppe ohne Ihre Position.',
    notIncluded:
      'Ihre Einheit ist in diesem Benchmark nicht enthalten (ihre Daten waren nicht angenommen). Die Tabelle zeigt, was für Ihre Organisation freigegeben ist.',
    columns: {
      kpi: 'Kennzahl',
      value: 'Ihr Wert',
      p25: 'P25',
      median: 'Median',
      p75: 'P75',
      position: 'Position',
      gap: 'Abstand zum besten Quartil',
      chart: 'Verteilung',
    },
    betterThan: 'besser als {percent} der Gruppe',
    aboveShare: 'höher als {percent} der Gruppe',
    quartile: 'Q{quartile}',
    quartileHint: 'Quartil {quartile} (Q1 ist das beste Viertel)',
    yesShare: '{percent} der Gruppe mit „Ja“',
    yesShareSuffix: 'der Gruppe mit „Ja“',
    notReleased: 'nicht veröffentlicht: {rule} – {reason}',
    noOwnValue: 'kein eigener Wert',
    yes: 'Ja',
    no: 'Nein',
    n: 'n = {n}',
    reportTitle: 'Benchmark-Bericht',
    reportIntro:
      'Der Bericht fasst die Position Ihrer Einheit in ihrer Vergleichsgruppe nach Branche und Größe zusammen, mit Stärken, Verbesserungsfeldern und Methodik, als PDF zur Weitergabe.',
    preview: 'Bericht (Vorschau)',
    pdf: 'PDF herunterladen',
    customerTypes: {
      b2b: 'Geschäftskunden (B2B)',
      b2c: 'Privatkunden (B2C)',
      mixed: 'Geschäfts- und Privatkunden',
    },
    sourcings: {
      inhouse: 'eigener Betrieb',
      outsourced: 'ausgelagert',
      mixed: 'gemischt',
    },
  },
  en: {
    title: 'Benchmark',
    heading: 'Benchmark {year}: {unit}',
    lead: '{study} · cycle {year}',
    backToOverview: 'To the overview',
    peerGroup: 'Peer group: {label}',
    peerGroupSize: '{n} units',
    notPublished: 'This benchmark is not published yet; the participants do not see it yet.',
    areasNavigation: 'Areas of the benchmark',
    legend:
      'The chart shows the spread of the peer group: light P10 to P90, dark P25 to P75, the line the median and the dot your value.',
    selectorTitle: 'Choose a peer group',
    selectorLabel: 'Peer group',
    ownGroups: 'Groups with your unit',
    otherGroups: 'Other groups',
    show: 'Show',
    customTitle: 'Build your own peer group',
    customIntro:
      'Choose the characteristics of the units you want to compare with. Within a characteristic one of the chosen values is enough; a characteristic with nothing chosen does not restrict. A group is released only if it allows no conclusions about single participants.',
    customButton: 'Build the peer group',
    refusedTitle: 'This peer group is not released.',
    refusedRule: "Rule '{rule}': {reason}.",
    customGroupLimitRule: 'cap on custom peer groups',
    notMember:
      'Your unit is not a member of this peer group. The table shows the figures of the group without your position.',
    notIncluded:
      'Your unit is not part of this benchmark (its data were not accepted). The table shows what is released to your organisation.',
    columns: {
      kpi: 'KPI',
      value: 'Your value',
      p25: 'P25',
      median: 'Median',
      p75: 'P75',
      position: 'Position',
      gap: 'Gap to the top quartile',
      chart: 'Spread',
    },
    betterThan: 'better than {percent} of the group',
    aboveShare: 'higher than {percent} of the group',
    quartile: 'Q{quartile}',
    quartileHint: 'quartile {quartile} (Q1 is the best quarter)',
    yesShare: "{percent} of the group answer 'yes'",
    yesShareSuffix: "of the group answer 'yes'",
    notReleased: 'not released: {rule} – {reason}',
    noOwnValue: 'no own value',
    yes: 'Yes',
    no: 'No',
    n: 'n = {n}',
    reportTitle: 'Benchmark report',
    reportIntro:
      "The report sums up your unit's position in its peer group by industry and size, with strengths, areas to improve and the method, as a PDF to pass on.",
    preview: 'Report (preview)',
    pdf: 'Download PDF',
    customerTypes: {
      b2b: 'business customers (B2B)',
      b2c: 'consumers (B2C)',
      mixed: 'business and consumers',
    },
    sourcings: {
      inhouse: 'in-house',
      outsourced: 'outsourced',
      mixed: 'mixed',
    },
  },
};

import type { Localized } from '../views/localized';

/** The disclosure rules the page names in words; any other rule shows its code. */
export type DisclosureRuleName =
  | 'min_n'
  | 'min_n_tails'
  | 'small_group'
  | 'p_percent'
  | 'dominance'
  | 'differencing'
  | 'secondary'
  | 'give_to_get'
  | 'folding'
  | 'custom_group_limit';

/** The words of a snapshot's disclosure report page (`/snapshots/:snapshotId/disclosure-report`). */
export interface DisclosureReportsTexts {
  title: string;
  lead: string;
  backToCycle: string;
  snapshotStatus: string;
  computedAt: string;
  manifestHash: string;
  published: string;
  notPublished: string;
  utility: {
    heading: string;
    intro: string;
    standardCellsReleased: string;
    unitsWithPeerGroup: string;
    unitsOf: string;
  };
  policy: {
    heading: string;
    intro: string;
    caption: string;
    columnRule: string;
    columnParameters: string;
    columnMeaning: string;
    /** Per rule the policy sets, with its parameters as `{name}` placeholders. */
    meaning: Partial<Record<DisclosureRuleName, string>>;
  };
  cells: {
    standardHeading: string;
    standardIntro: string;
    customHeading: string;
    customIntro: string;
    groups: string;
    cells: string;
    released: string;
    suppressed: string;
    byRuleCaption: string;
    columnRule: string;
    columnCells: string;
    columnShare: string;
    noneSuppressed: string;
    statisticsHeading: string;
    statisticsCaption: string;
    columnStatistic: string;
    columnWithheld: string;
    noneWithheld: string;
  };
  folding: {
    heading: string;
    intro: string;
    caption: string;
    columnDimension: string;
    columnValues: string;
    columnLabel: string;
  };
  requests: {
    heading: string;
    intro: string;
    total: string;
    none: string;
    refusedCaption: string;
    columnRule: string;
    columnRequests: string;
    columnShare: string;
    requestersHeading: string;
    requestersCaption: string;
    columnOrganisation: string;
    columnCounted: string;
    countedOf: string;
    ledgerHeading: string;
    ledgerCaption: string;
    columnTime: string;
    columnGroup: string;
    columnN: string;
    columnDecision: string;
  };
  groups: {
    heading: string;
    intro: string;
    caption: string;
    columnId: string;
    columnLabel: string;
    columnKind: string;
    columnN: string;
    columnReleased: string;
    columnSuppressed: string;
    columnByRule: string;
    columnStatistics: string;
  };
  decision: Record<'released' | 'already_released' | 'refused', string>;
  kind: Record<'all' | 'dimension' | 'pair' | 'custom', string>;
  statistic: Record<'p10' | 'p25' | 'p50' | 'p75' | 'p90' | 'pooled', string>;
  rule: Record<DisclosureRuleName, string>;
}

export const DISCLOSURE_REPORTS_TEXTS: Localized<DisclosureReportsTexts> = {
  de: {
    title: 'Offenlegungsbericht des Snapshots {year}',
    lead: 'Was die Offenlegungsregeln dieses Snapshots veröffentlicht und zurückgehalten haben: in den Standard-Vergleichsgruppen und bei eigenen Vergleichsgruppen der Teilnehmer, mit jeder Anfrage. Dieser Bericht nennt die anfragenden Unternehmen und ist nur für Sie als Herausgeber bestimmt.',
    backToCycle: 'Zurück zum Zyklus {year}',
    snapshotStatus: 'Stand und Manifest des Snapshots',
    computedAt: 'Berechnet am',
    manifestHash: 'Manifest-Hash',
    published: 'veröffentlicht',
    notPublished: 'nicht veröffentlicht',
    utility: {
      heading: 'Nutzen',
      intro:
        'Wie viel der Benchmark den Teilnehmern unter diesen Regeln lässt: Ein Schutz, der alles unterdrückt, ist wertlos.',
      standardCellsReleased: 'Veröffentlichte Zellen der Standard-Vergleichsgruppen',
      unitsWithPeerGroup:
        'Einheiten mit einer veröffentlichten Standard-Vergleichsgruppe außer „Alle Teilnehmer“ mit mindestens {minN} Einheiten',
      unitsOf: '{count} von {units} Einheiten',
    },
    policy: {
      heading: 'Geltende Regeln',
      intro:
        'Die Offenlegungsregeln aus dem Manifest des Snapshots, unter denen er berechnet wurde, mit ihren Parametern.',
      caption: 'Die Regeln der Offenlegungskontrolle und ihre Parameter',
      columnRule: 'Regel',
      columnParameters: 'Parameter',
      columnMeaning: 'Bedeutung',
      meaning: {
        min_n:
          'Keine Kennzahl einer Gruppe von weniger als {minN} Einheiten; aus allem Veröffentlichten lässt sich weder der Wert einer anderen Einheit noch eine Summe über weniger als {minN} andere Einheiten errechnen.',
        min_n_tails: 'P10 und P90 erst ab {minNTails} Einheiten.',
        small_group:
          'Quantile erst ab {minNQuantiles} Einheiten, darunter nur n und Mittelwert; Quantilmethode {quantileMethod}.',
        p_percent:
          'p-%-Regel: Die Summe ohne die zwei größten Beiträge erreicht mindestens {pPercent} % des größten.',
        dominance:
          'Keine Einheit trägt mehr als {maxWeightSharePercent} % des Gewichts eines gepoolten Werts.',
        folding:
          'Eine Randkategorie der Größenklasse mit weniger als {foldBelowN} Einheiten wird mit ihrer Nachbarklasse zusammengelegt; ebenso jede Kategorie, die für sich nicht ausgewiesen werden könnte (in einer Dimension zu einer Sammelkategorie, eine Größenklasse innerhalb einer Branche mit ihrer Nachbarklasse).',
        custom_group_limit:
          'Höchstens {maxCustomGroupsPerParticipant} neue eigene Vergleichsgruppen je Teilnehmer und Snapshot; der Abruf einer bereits freigegebenen Gruppe zählt nicht.',
      },
    },
    cells: {
      standardHeading: 'Zellen der Standard-Vergleichsgruppen',
      standardIntro:
        'Alle Teilnehmer, die einzelnen Dimensionen und die Paare: jede Kennzahl je Gruppe ist eine Zelle.',
      customHeading: 'Zellen der freigegebenen eigenen Vergleichsgruppen',
      customIntro: 'Die Zellen der eigenen Vergleichsgruppen, die auf Anfrage freigegeben wurden.',
      groups: 'Gruppen',
      cells: 'Zellen',
      released: 'veröffentlicht',
      suppressed: 'unterdrückt',
      byRuleCaption: 'Unterdrückte Zellen nach Regel',
      columnRule: 'Regel',
      columnCells: 'Zellen',
      columnShare: 'Anteil an allen Zellen',
      noneSuppressed: 'Keine Zelle wurde unterdrückt.',
      statisticsHeading: 'Zurückgehaltene Statistiken veröffentlichter Zellen',
      statisticsCaption: 'Zurückgehaltene Statistiken nach Statistik und Regel',
      columnStatistic: 'Statistik',
      columnWithheld: 'Zellen',
      noneWithheld: 'Keine Statistik wurde zurückgehalten.',
    },
    folding: {
      heading: 'Zusammengelegte Kategorien',
      intro:
        'Diese Kategorien wurden vor der Bildung der Vergleichsgruppen zusammengelegt, damit keine Einheit allein steht.',
      caption: 'Die zusammengelegten Kategorien',
      columnDimension: 'Dimension',
      columnValues: 'Werte',
      columnLabel: 'Gezeigt als',
    },
    requests: {
      heading: 'Angefragte eigene Vergleichsgruppen',
      intro:
        'Jede Anfrage eines Teilnehmers, freigegeben oder abgelehnt. Kein Teilnehmer sieht, wer welche Gruppe angefragt hat.',
      total: 'Anfragen',
      none: 'Zu diesem Snapshot wurde noch keine eigene Vergleichsgruppe angefragt.',
      refusedCaption: 'Abgelehnte Anfragen nach Regel',
      columnRule: 'Regel',
      columnRequests: 'Anfragen',
      columnShare: 'Anteil der Ablehnungen',
      requestersHeading: 'Anfragen je Organisation',
      requestersCaption: 'Anfragen je anfragender Organisation',
      columnOrganisation: 'Organisation',
      columnCounted: 'Angerechnet auf die Obergrenze',
      countedOf: '{counted} von {limit}',
      ledgerHeading: 'Alle Anfragen',
      ledgerCaption: 'Alle Anfragen in der Reihenfolge ihres Eingangs',
      columnTime: 'Zeitpunkt',
      columnGroup: 'Vergleichsgruppe',
      columnN: 'Einheiten',
      columnDecision: 'Entscheidung',
    },
    groups: {
      heading: 'Vergleichsgruppen',
      intro:
        'Jede Vergleichsgruppe des Snapshots mit ihren veröffentlichten und unterdrückten Zellen.',
      caption: 'Die Vergleichsgruppen des Snapshots',
      columnId: 'Kennung',
      columnLabel: 'Bezeichnung',
      columnKind: 'Art',
      columnN: 'n',
      columnReleased: 'Zellen veröffentlicht',
      columnSuppressed: 'Zellen unterdrückt',
      columnByRule: 'Unterdrückt nach Regel',
      columnStatistics: 'Zurückgehaltene Statistiken',
    },
    decision: {
      released: 'freigegeben',
      already_released: 'bereits freigegeben',
      refused: 'abgelehnt',
    },
    kind: { all: 'alle', dimension: 'Dimension', pair: 'Paar', custom: 'eigene' },
    statistic: {
      p10: 'P10',
      p25: 'P25',
      p50: 'Median',
      p75: 'P75',
      p90: 'P90',
      pooled: 'gepoolter Wert',
    },
    rule: {
      min_n: 'Mindestgröße',
      min_n_tails: 'Mindestgröße für P10 und P90',
      small_group: 'kleine Gruppe: keine Quantile',
      p_percent: 'p-%-Regel',
      dominance: 'Dominanzregel',
      differencing: 'Differenzbildung',
      secondary: 'Sekundärsperrung',
      give_to_get: 'Give-to-get',
      folding: 'Zusammenlegen von Kategorien',
      custom_group_limit: 'Obergrenze eigener Vergleichsgruppen',
    },
  },
  en: {
    title: 'Disclosure report of the snapshot {year}',
    lead: "What this snapshot's disclosure rules released and withheld: in the standard peer groups and in the participants' custom peer groups, with every request. This report names the companies that asked and is for you as the publisher only.",
    backToCycle: 'Back to the cycle {year}',
    snapshotStatus: "The snapshot's state and manifest",
    computedAt: 'Computed on',
    manifestHash: 'Manifest hash',
    published: 'published',
    notPublished: 'not published',
    utility: {
      heading: 'Utility',
      intro:
        'How much of the benchmark these rules leave to the participants: protection that suppresses everything is worthless.',
      standardCellsReleased: 'Cells of the standard peer groups released',
      unitsWithPeerGroup:
        "Units with a released standard peer group other than 'All participants' of at least {minN} units",
      unitsOf: '{count} of {units} units',
    },
    policy: {
      heading: 'Rules in force',
      intro:
        "The disclosure rules of the snapshot's manifest, which it was computed under, with their parameters.",
      caption: 'The rules of disclosure control and their parameters',
      columnRule: 'Rule',
      columnParameters: 'Parameters',
      columnMeaning: 'Meaning',
      meaning: {
        min_n:
          'No figure of a group of fewer than {minN} units; nothing released lets anyone compute the value of another unit or a sum over fewer than {minN} other units.',
        min_n_tails: 'P10 and P90 from {minNTails} units only.',
        small_group:
          'Quantiles from {minNQuantiles} units only, below that n and the mean; quantile method {quantileMethod}.',
        p_percent:
          'p% rule: the total less the two largest contributions reaches at least {pPercent} % of the largest.',
        dominance:
          'No unit carries more than {maxWeightSharePercent} % of a pooled figure’s weight.',
        folding:
          'A size band at either end with fewer than {foldBelowN} units is merged into its neighbour; so is every category that could not be released on its own (in a dimension into one category of the others, a size band within an industry into its neighbour).',
        custom_group_limit:
          'At most {maxCustomGroupsPerParticipant} new custom peer groups per participant and snapshot; opening a group already released does not count.',
      },
    },
    cells: {
      standardHeading: 'Cells of the standard peer groups',
      standardIntro:
        'All participants, the single dimensions and the pairs: each KPI of a group is one cell.',
      customHeading: 'Cells of the released custom peer groups',
      customIntro: 'The cells of the custom peer groups released on request.',
      groups: 'Groups',
      cells: 'Cells',
      released: 'released',
      suppressed: 'suppressed',
      byRuleCaption: 'Suppressed cells by rule',
      columnRule: 'Rule',
      columnCells: 'Cells',
      columnShare: 'Share of all cells',
      noneSuppressed: 'No cell was suppressed.',
      statisticsHeading: 'Statistics withheld from released cells',
      statisticsCaption: 'Withheld statistics by statistic and rule',
      columnStatistic: 'Statistic',
      columnWithheld: 'Cells',
      noneWithheld: 'No statistic was withheld.',
    },
    folding: {
      heading: 'Folded categories',
      intro:
        'These categories were merged before the peer groups were formed, so that no unit stands alone.',
      caption: 'The folded categories',
      columnDimension: 'Dimension',
      columnValues: 'Values',
      columnLabel: 'Shown as',
    },
    requests: {
      heading: 'Custom peer groups asked for',
      intro:
        'Every request of a participant, released or refused. No participant sees who asked for which group.',
      total: 'Requests',
      none: 'No custom peer group has been asked for on this snapshot yet.',
      refusedCaption: 'Refused requests by rule',
      columnRule: 'Rule',
      columnRequests: 'Requests',
      columnShare: 'Share of the refusals',
      requestersHeading: 'Requests per organisation',
      requestersCaption: 'Requests per requesting organisation',
      columnOrganisation: 'Organisation',
      columnCounted: 'Counted against the cap',
      countedOf: '{counted} of {limit}',
      ledgerHeading: 'All requests',
      ledgerCaption: 'All requests in the order they came',
      columnTime: 'Time',
      columnGroup: 'Peer group',
      columnN: 'Units',
      columnDecision: 'Decision',
    },
    groups: {
      heading: 'Peer groups',
      intro: 'Every peer group of the snapshot with its released and suppressed cells.',
      caption: "The snapshot's peer groups",
      columnId: 'Id',
      columnLabel: 'Label',
      columnKind: 'Kind',
      columnN: 'n',
      columnReleased: 'Cells released',
      columnSuppressed: 'Cells suppressed',
      columnByRule: 'Suppressed by rule',
      columnStatistics: 'Statistics withheld',
    },
    decision: {
      released: 'released',
      already_released: 'already released',
      refused: 'refused',
    },
    kind: { all: 'all', dimension: 'dimension', pair: 'pair', custom: 'custom' },
    statistic: {
      p10: 'P10',
      p25: 'P25',
      p50: 'median',
      p75: 'P75',
      p90: 'P90',
      pooled: 'pooled figure',
    },
    rule: {
      min_n: 'minimum group size',
      min_n_tails: 'minimum size for P10 and P90',
      small_group: 'small group: no quantiles',
      p_percent: 'p% rule',
      dominance: 'dominance rule',
      differencing: 'differencing',
      secondary: 'secondary suppression',
      give_to_get: 'give-to-get',
      folding: 'category folding',
      custom_group_limit: 'cap on custom peer groups',
    },
  },
};

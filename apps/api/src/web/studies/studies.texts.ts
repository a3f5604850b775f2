import type { Localized } from '../views/localized';

/** The words of the publisher's study pages (`/studies`, `/studies/:studyId`). */
export interface StudiesTexts {
  title: string;
  intro: string;
  noStudies: string;
  listCaption: string;
  columnName: string;
  columnCycles: string;
  columnLatest: string;
  noCycleYet: string;
  latestCycle: string;
  allStudies: string;
  languages: string;
  participantsSummary: string;
  cycles: {
    heading: string;
    caption: string;
    none: string;
    columnYear: string;
    columnState: string;
    columnActions: string;
    openCycle: string;
    review: string;
  };
  newCycle: {
    heading: string;
    intro: string;
    year: string;
    yearHint: string;
    submit: string;
    refused: string;
    yearInvalid: string;
    yearTaken: string;
    onlyAdmins: string;
  };
  participants: {
    heading: string;
    none: string;
    companiesCaption: string;
    columnCompany: string;
    columnUnits: string;
    columnEnrolled: string;
    unitsHeading: string;
    unitsCaption: string;
    noUnits: string;
    columnUnit: string;
    columnAgentFte: string;
  };
  trend: {
    heading: string;
    intro: string;
    needsTwo: string;
    language: string;
    submit: string;
    refused: string;
  };
  /** What the study pages say after a form went through (`?notice=`). */
  notices: { created: string; saved: string; enrolled: string; withdrawn: string };
  newStudy: {
    heading: string;
    intro: string;
    name: string;
    nameHint: string;
    catalogue: string;
    catalogueHint: string;
    catalogueOption: string;
    noCatalogue: string;
    languages: string;
    languagesHint: string;
    dimensions: string;
    dimensionsHint: string;
    policyHeading: string;
    policyIntro: string;
    submit: string;
    refused: string;
    nameMissing: string;
    nameTooLong: string;
    catalogueMissing: string;
    languagesMissing: string;
    onlyAdmins: string;
  };
  /** The disclosure policy in words: each parameter, its value and what it does. */
  policy: {
    minN: { term: string; value: string; meaning: string };
    minNTails: { term: string; value: string; meaning: string };
    minNQuantiles: { term: string; value: string; meaning: string };
    pPercent: { term: string; value: string; meaning: string };
    maxWeightShare: { term: string; value: string; meaning: string };
    quantileMethod: {
      term: string;
      linear: { value: string; meaning: string };
      local_mean: { value: string; meaning: string };
    };
    foldBelowN: { term: string; value: string; meaning: string };
    maxCustomGroups: { term: string; value: string; meaning: string };
    always: string;
  };
  settings: {
    heading: string;
    intro: string;
    name: string;
    languages: string;
    catalogue: string;
    dimensions: string;
    policyHeading: string;
    policyIntro: string;
    submit: string;
    refused: string;
    onlyAdmins: string;
  };
  enrol: {
    heading: string;
    intro: string;
    known: string;
    knownHint: string;
    choose: string;
    noKnown: string;
    companyId: string;
    companyIdOnly: string;
    companyIdHint: string;
    submit: string;
    refused: string;
    missing: string;
    idInvalid: string;
    notACompany: string;
    taken: string;
    onlyAdmins: string;
  };
  withdraw: {
    link: string;
    linkLabel: string;
    title: string;
    lead: string;
    consequences: string;
    again: string;
    confirm: string;
    cancel: string;
  };
}

export const STUDIES_TEXTS: Localized<StudiesTexts> = {
  de: {
    title: 'Studien',
    intro: 'Die Studien Ihrer Organisation, ihre Zyklen und Teilnehmer.',
    noStudies: 'Sie haben noch keine Studie angelegt.',
    listCaption: 'Ihre Studien',
    columnName: 'Studie',
    columnCycles: 'Zyklen',
    columnLatest: 'Neuester Zyklus',
    noCycleYet: 'noch keiner',
    latestCycle: '{year}',
    allStudies: 'Alle Studien',
    languages: 'Sprachen: {languages}',
    participantsSummary: '{companies} Unternehmen mit {units} Einheiten',
    cycles: {
      heading: 'Zyklen',
      caption: 'Die Zyklen der Studie, der neueste zuerst',
      none: 'Diese Studie hat noch keinen Zyklus.',
      columnYear: 'Zyklus',
      columnState: 'Zustand',
      columnActions: 'Aktionen',
      openCycle: 'Zyklus öffnen',
      review: 'Datensätze prüfen',
    },
    newCycle: {
      heading: 'Neuen Zyklus eröffnen',
      intro:
        'Ein Zyklus ist ein Studienjahr. Er beginnt offen: die Teilnehmer erfassen ihre Daten, bis Sie ihn schließen.',
      year: 'Bezugsjahr',
      yearHint: 'Das Jahr, auf das sich die Daten beziehen, zum Beispiel 2026.',
      submit: 'Zyklus eröffnen',
      refused: 'Der Zyklus wurde nicht eröffnet.',
      yearInvalid: 'Bitte geben Sie ein Jahr zwischen 2000 und 2100 ein.',
      yearTaken: 'Die Studie hat schon einen Zyklus {year}.',
      onlyAdmins: 'Neue Zyklen eröffnet die Administration des Herausgebers.',
    },
    participants: {
      heading: 'Teilnehmer',
      none: 'Noch nimmt kein Unternehmen an dieser Studie teil.',
      companiesCaption: 'Teilnehmende Unternehmen',
      columnCompany: 'Unternehmen',
      columnUnits: 'Einheiten',
      columnEnrolled: 'Teilnahme seit',
      unitsHeading: 'Einheiten (Contact Center)',
      unitsCaption: 'Die Einheiten der teilnehmenden Unternehmen mit ihrem Profil',
      noUnits: 'Die teilnehmenden Unternehmen haben noch keine Einheit angelegt.',
      columnUnit: 'Einheit',
      columnAgentFte: 'Agenten (FTE)',
    },
    trend: {
      heading: 'Trendbericht',
      intro:
        'Der Trendbericht vergleicht die veröffentlichten Zyklen der Studie über die Jahre. Er wird im Hintergrund erzeugt; die nächste Seite zeigt den Fortschritt.',
      needsTwo: 'Ein Trendbericht braucht mindestens zwei veröffentlichte Zyklen.',
      language: 'Sprache des Berichts',
      submit: 'Trendbericht erzeugen',
      refused: 'Der Trendbericht wurde nicht beauftragt.',
    },
    notices: {
      created:
        'Die Studie ist angelegt. Eröffnen Sie ihren ersten Zyklus und nehmen Sie Unternehmen auf.',
      saved: 'Die Einstellungen der Studie sind gespeichert.',
      enrolled: 'Das Unternehmen nimmt jetzt an der Studie teil.',
      withdrawn: 'Das Unternehmen nimmt nicht mehr an der Studie teil.',
    },
    newStudy: {
      heading: 'Neue Studie anlegen',
      intro:
        'Eine Studie ist ein Benchmark, den Sie jedes Jahr mit den teilnehmenden Unternehmen durchführen, zum Beispiel „Contact Center Benchmark DACH“.',
      name: 'Name der Studie',
      nameHint: 'So sehen die Teilnehmer die Studie, auch in ihren Berichten.',
      catalogue: 'Fragebogen (Kennzahlenkatalog)',
      catalogueHint:
        'Die Kennzahlen, die die Teilnehmer erfassen. Vorgewählt ist die neueste Version Ihrer Organisation.',
      catalogueOption: '{key}, Version {version} vom {date}',
      noCatalogue:
        'Ihre Organisation hat noch keinen Fragebogen (Kennzahlenkatalog), und eine Studie braucht einen. Ein Fragebogen wird über die Programmierschnittstelle gespeichert (POST /api/v1/catalogue-versions); bitten Sie Ihre technische Ansprechperson darum.',
      languages: 'Sprachen der Studie',
      languagesHint:
        'In diesen Sprachen erfassen die Teilnehmer ihre Daten und erhalten ihre Berichte.',
      dimensions: 'Vergleichsgruppen nach',
      dimensionsHint:
        'Für jeden Wert eines gewählten Merkmals berechnet der Benchmark eine eigene Vergleichsgruppe (etwa alle Einheiten der Branche Banken), zusätzlich zu „Alle Teilnehmer“ und den Paaren aus Branche und Größenklasse.',
      policyHeading: 'Schutz der Teilnehmer',
      policyIntro:
        'Jede Studie veröffentlicht ihre Benchmarks nach diesen Regeln, damit kein Teilnehmer erkennbar wird:',
      submit: 'Studie anlegen',
      refused: 'Die Studie wurde nicht angelegt.',
      nameMissing: 'Bitte geben Sie der Studie einen Namen.',
      nameTooLong: 'Der Name darf höchstens 200 Zeichen lang sein.',
      catalogueMissing: 'Bitte wählen Sie einen Fragebogen.',
      languagesMissing: 'Bitte wählen Sie mindestens eine Sprache.',
      onlyAdmins: 'Neue Studien legt die Administration des Herausgebers an.',
    },
    policy: {
      minN: {
        term: 'Mindestgröße einer Gruppe',
        value: '{n} Einheiten',
        meaning:
          'Keine Zahl einer Vergleichsgruppe wird gezeigt, die auf weniger Einheiten oder auf Einheiten von weniger Unternehmen beruht.',
      },
      minNTails: {
        term: 'Mindestgröße für P10 und P90',
        value: '{n} Einheiten',
        meaning: 'Die äußeren Perzentile werden erst ab so vielen Einheiten gezeigt.',
      },
      minNQuantiles: {
        term: 'Perzentile kleiner Gruppen',
        value: 'ab {n} Einheiten',
        meaning:
          'Eine kleinere Gruppe zeigt nur n und den Mittelwert, damit kein Perzentil der Wert einer einzelnen Einheit ist.',
      },
      pPercent: {
        term: 'p%-Regel',
        value: '{p} %',
        meaning:
          'Die Summe hinter einem Mittelwert und eine gepoolte Zahl werden nur gezeigt, wenn sie ohne ihre zwei größten Beiträge mindestens {p} % des größten erreichen; die Einheiten eines Unternehmens zählen als ein Beitrag. Was eine so gesperrte Summe errechenbar machen würde, wird ebenfalls gesperrt (Sekundärsperrung).',
      },
      maxWeightShare: {
        term: 'Höchstanteil einer Einheit',
        value: '{p} %',
        meaning: 'Keine Einheit darf mehr als {p} % des Gewichts einer summierten Zahl tragen.',
      },
      quantileMethod: {
        term: 'Perzentile',
        linear: {
          value: 'lineare Interpolation',
          meaning: 'Wie PERCENTILE.INC in Excel und percentile_cont in PostgreSQL.',
        },
        local_mean: {
          value: 'Mittel der drei nächsten Werte',
          meaning: 'Kein veröffentlichtes Perzentil ist der Wert einer einzelnen Einheit.',
        },
      },
      foldBelowN: {
        term: 'Zusammenlegung von Größenklassen',
        value: 'unter {n} Einheiten',
        meaning:
          'Eine so kleine Größenklasse wird vor der Bildung der Vergleichsgruppen mit ihrer kleineren Nachbarklasse zusammengelegt, etwa zu „L, XL“; der Methodenanhang nennt, was zusammengelegt wurde.',
      },
      maxCustomGroups: {
        term: 'Eigene Vergleichsgruppen',
        value: 'höchstens {n} je Teilnehmer und Berichtsjahr',
        meaning:
          'Jede wird vor der Freigabe gegen alles bereits Veröffentlichte geprüft; der Abruf einer bereits freigegebenen Gruppe zählt nicht.',
      },
      always:
        'Außerdem gilt immer: Aus allem, was zu einem Berichtsjahr veröffentlicht ist, kann kein Teilnehmer, auch nicht mit seinen eigenen Werten, den Wert einer anderen Einheit oder eine Summe über weniger als {n} andere Einheiten errechnen; was das erlauben würde, wird nicht freigegeben. Eine Einheit sieht den Benchmark einer Kennzahl nur, wenn sie die Kennzahl selbst geliefert hat.',
    },
    settings: {
      heading: 'Einstellungen',
      intro:
        'Name und Sprachen können Sie jederzeit ändern. Fragebogen, Vergleichsgruppen und Schutzregeln stehen mit der Studie fest.',
      name: 'Name der Studie',
      languages: 'Sprachen der Studie',
      catalogue: 'Fragebogen',
      dimensions: 'Vergleichsgruppen nach',
      policyHeading: 'Schutz der Teilnehmer',
      policyIntro: 'Die Benchmarks der Studie werden nach diesen Regeln veröffentlicht:',
      submit: 'Einstellungen speichern',
      refused: 'Die Einstellungen wurden nicht gespeichert.',
      onlyAdmins: 'Die Einstellungen ändert die Administration des Herausgebers.',
    },
    enrol: {
      heading: 'Unternehmen aufnehmen',
      intro:
        'Ein aufgenommenes Unternehmen sieht die Studie und erfasst in jedem offenen Zyklus die Daten seiner Einheiten.',
      known: 'Bekanntes Unternehmen',
      knownHint: 'Unternehmen, die schon an einer anderen Ihrer Studien teilnehmen.',
      choose: 'Bitte wählen',
      noKnown: 'Kein Unternehmen aus Ihren anderen Studien ist noch aufzunehmen.',
      companyId: 'oder die Kennung eines anderen Unternehmens',
      companyIdOnly: 'Kennung des Unternehmens',
      companyIdHint:
        'Ein Unternehmen, das noch an keiner Ihrer Studien teilnimmt, nennt Ihnen seine Kennung: Seine Administration findet sie auf ihrer Seite „Einheiten“. Sie sieht so aus: 3f2c1e9a-…',
      submit: 'Unternehmen aufnehmen',
      refused: 'Das Unternehmen wurde nicht aufgenommen.',
      missing: 'Bitte wählen Sie ein Unternehmen oder geben Sie seine Kennung ein.',
      idInvalid:
        'Das ist keine Kennung: Sie besteht aus 36 Zeichen, Ziffern und Buchstaben in Gruppen mit Bindestrichen.',
      notACompany: 'Es gibt kein Unternehmen mit dieser Kennung.',
      taken: 'Dieses Unternehmen nimmt schon an der Studie teil.',
      onlyAdmins: 'Unternehmen nimmt die Administration des Herausgebers auf.',
    },
    withdraw: {
      link: 'Teilnahme beenden …',
      linkLabel: 'Teilnahme von {company} beenden …',
      title: 'Teilnahme von {company} beenden',
      lead: 'Aus der Studie {study}',
      consequences:
        'Das Unternehmen sieht die Studie danach nicht mehr und kann keine Daten mehr in ihr erfassen. Seine Einheiten bleiben beim Unternehmen; schon eingereichte Daten bleiben in den Zyklen der Studie.',
      again: 'Sie können das Unternehmen später wieder aufnehmen.',
      confirm: 'Ja, Teilnahme beenden',
      cancel: 'Abbrechen',
    },
  },
  en: {
    title: 'Studies',
    intro: "Your organisation's studies, their cycles and participants.",
    noStudies: 'You have not created a study yet.',
    listCaption: 'Your studies',
    columnName: 'Study',
    columnCycles: 'Cycles',
    columnLatest: 'Latest cycle',
    noCycleYet: 'none yet',
    latestCycle: '{year}',
    allStudies: 'All studies',
    languages: 'Languages: {languages}',
    participantsSummary: '{companies} companies with {units} units',
    cycles: {
      heading: 'Cycles',
      caption: 'The cycles of the study, the latest first',
      none: 'This study has no cycle yet.',
      columnYear: 'Cycle',
      columnState: 'State',
      columnActions: 'Actions',
      openCycle: 'Open cycle',
      review: 'Review submissions',
    },
    newCycle: {
      heading: 'Open a new cycle',
      intro:
        'A cycle is one study year. It starts open: the participants enter their data until you close it.',
      year: 'Reference year',
      yearHint: 'The year the data refer to, for example 2026.',
      submit: 'Open cycle',
      refused: 'The cycle was not opened.',
      yearInvalid: 'Please enter a year between 2000 and 2100.',
      yearTaken: 'The study has a cycle {year} already.',
      onlyAdmins: "New cycles are opened by the publisher's administrators.",
    },
    participants: {
      heading: 'Participants',
      none: 'No company takes part in this study yet.',
      companiesCaption: 'Participating companies',
      columnCompany: 'Company',
      columnUnits: 'Units',
      columnEnrolled: 'Taking part since',
      unitsHeading: 'Units (contact centers)',
      unitsCaption: 'The units of the participating companies with their profile',
      noUnits: 'The participating companies have not created a unit yet.',
      columnUnit: 'Unit',
      columnAgentFte: 'Agents (FTE)',
    },
    trend: {
      heading: 'Trend report',
      intro:
        "The trend report compares the study's published cycles over the years. It is rendered in the background; the next page shows its progress.",
      needsTwo: 'A trend report needs at least two published cycles.',
      language: 'Language of the report',
      submit: 'Render trend report',
      refused: 'The trend report was not ordered.',
    },
    notices: {
      created: 'The study is created. Open its first cycle and enrol companies.',
      saved: 'The settings of the study are saved.',
      enrolled: 'The company takes part in the study now.',
      withdrawn: 'The company no longer takes part in the study.',
    },
    newStudy: {
      heading: 'Create a new study',
      intro:
        "A study is a benchmark you run every year with the participating companies, for example 'Contact Center Benchmark DACH'.",
      name: 'Name of the study',
      nameHint: 'The participants see the study under this name, in their reports too.',
      catalogue: 'Questionnaire (KPI catalogue)',
      catalogueHint:
        "The KPIs the participants enter. Your organisation's latest version is preselected.",
      catalogueOption: '{key}, version {version} of {date}',
      noCatalogue:
        'Your organisation has no questionnaire (KPI catalogue) yet, and a study needs one. A questionnaire is stored through the programming interface (POST /api/v1/catalogue-versions); ask your technical contact for it.',
      languages: 'Languages of the study',
      languagesHint:
        'The participants enter their data and receive their reports in these languages.',
      dimensions: 'Peer groups by',
      dimensionsHint:
        "For each value of a chosen characteristic the benchmark computes a peer group of its own (say all units of the banking industry), besides 'All participants' and the pairs of industry and size band.",
      policyHeading: 'Protection of the participants',
      policyIntro:
        'Every study publishes its benchmarks under these rules, so that no participant can be identified:',
      submit: 'Create study',
      refused: 'The study was not created.',
      nameMissing: 'Please give the study a name.',
      nameTooLong: 'The name may be at most 200 characters long.',
      catalogueMissing: 'Please choose a questionnaire.',
      languagesMissing: 'Please choose at least one language.',
      onlyAdmins: "New studies are created by the publisher's administrators.",
    },
    policy: {
      minN: {
        term: 'Smallest group',
        value: '{n} units',
        meaning:
          'No figure of a peer group is shown that rests on fewer units, or on units of fewer companies.',
      },
      minNTails: {
        term: 'Smallest group for P10 and P90',
        value: '{n} units',
        meaning: 'The outer percentiles are shown only from this many units.',
      },
      minNQuantiles: {
        term: 'Percentiles of small groups',
        value: 'from {n} units',
        meaning:
          'A smaller group shows n and the mean only, so that no percentile is the value of a single unit.',
      },
      pPercent: {
        term: 'p% rule',
        value: '{p} %',
        meaning:
          'The sum behind a mean and a pooled figure are shown only if, without their two largest contributions, they reach at least {p} % of the largest; the units of one company count as one contribution. What would let such a withheld sum be computed is withheld as well (secondary suppression).',
      },
      maxWeightShare: {
        term: 'Largest share of one unit',
        value: '{p} %',
        meaning: "No unit may carry more than {p} % of a pooled figure's weight.",
      },
      quantileMethod: {
        term: 'Percentiles',
        linear: {
          value: 'linear interpolation',
          meaning: "As Excel's PERCENTILE.INC and PostgreSQL's percentile_cont.",
        },
        local_mean: {
          value: 'mean of the three nearest values',
          meaning: 'No published percentile is the value of a single unit.',
        },
      },
      foldBelowN: {
        term: 'Folding of size bands',
        value: 'below {n} units',
        meaning:
          "A size band this small is combined with its smaller neighbour before the peer groups are formed, say into 'L, XL'; the method appendix says what was combined.",
      },
      maxCustomGroups: {
        term: 'Custom peer groups',
        value: 'at most {n} per participant and reference year',
        meaning:
          'Each is checked against everything released before it is released; opening a group already released does not count.',
      },
      always:
        "Always, too: from everything released for a reference year, no participant can compute, even with its own values, the value of another unit or a sum over fewer than {n} other units; what would allow it is not released. A unit sees a KPI's benchmark only if it supplied the KPI itself.",
    },
    settings: {
      heading: 'Settings',
      intro:
        'You can change the name and the languages at any time. The questionnaire, peer groups and protection rules are fixed with the study.',
      name: 'Name of the study',
      languages: 'Languages of the study',
      catalogue: 'Questionnaire',
      dimensions: 'Peer groups by',
      policyHeading: 'Protection of the participants',
      policyIntro: "The study's benchmarks are published under these rules:",
      submit: 'Save settings',
      refused: 'The settings were not saved.',
      onlyAdmins: "The settings are changed by the publisher's administrators.",
    },
    enrol: {
      heading: 'Enrol a company',
      intro:
        'An enrolled company sees the study and enters the data of its units in every open cycle.',
      known: 'Known company',
      knownHint: 'Companies that take part in another of your studies.',
      choose: 'Please choose',
      noKnown: 'No company of your other studies is left to enrol.',
      companyId: "or another company's id",
      companyIdOnly: "The company's id",
      companyIdHint:
        "A company that takes part in none of your studies yet tells you its id: its administrators find it on their 'Units' page. It looks like this: 3f2c1e9a-…",
      submit: 'Enrol company',
      refused: 'The company was not enrolled.',
      missing: 'Please choose a company or enter its id.',
      idInvalid:
        'That is not an id: it has 36 characters, digits and letters in groups joined by hyphens.',
      notACompany: 'No company has this id.',
      taken: 'This company takes part in the study already.',
      onlyAdmins: "Companies are enrolled by the publisher's administrators.",
    },
    withdraw: {
      link: 'Withdraw …',
      linkLabel: 'Withdraw {company} from the study …',
      title: 'Withdraw {company}',
      lead: 'From the study {study}',
      consequences:
        'The company no longer sees the study and can no longer enter data in it. Its units stay with the company; data it has submitted already stay in the cycles of the study.',
      again: 'You can enrol the company again later.',
      confirm: 'Yes, withdraw the company',
      cancel: 'Cancel',
    },
  },
};

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
  },
};

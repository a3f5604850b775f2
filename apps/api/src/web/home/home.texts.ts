import type { Localized } from '../views/localized';

/** The words of the home page (`/`) of each kind of organisation. */
export interface HomeTexts {
  title: string;
  company: {
    intro: string;
    noStudies: string;
    noUnits: string;
    publisher: string;
    cycleHeading: string;
    unitsCaption: string;
    columnUnit: string;
    columnState: string;
    columnUpdated: string;
    columnActions: string;
    enterData: string;
    viewData: string;
    benchmarks: string;
  };
  publisher: {
    intro: string;
    noStudies: string;
    participants: string;
    noCycles: string;
    cyclesCaption: string;
    columnYear: string;
    columnState: string;
    columnActions: string;
    openStudy: string;
    openCycle: string;
    review: string;
  };
  platform: {
    intro: string;
    organisationsTitle: string;
    columnName: string;
    columnKind: string;
    columnCreated: string;
  };
}

export const HOME_TEXTS: Localized<HomeTexts> = {
  de: {
    title: 'Übersicht',
    company: {
      intro: 'Ihre Studien, ihre Zyklen und der Stand der Daten jeder Einheit.',
      noStudies:
        'Ihre Organisation nimmt noch an keiner Studie teil. Der Herausgeber einer Studie lädt Sie ein.',
      noUnits: 'Ihre Organisation hat noch keine Einheit (Contact Center) angelegt.',
      publisher: 'Herausgeber: {name}',
      cycleHeading: 'Zyklus {year}',
      unitsCaption: 'Einheiten im Zyklus {year}',
      columnUnit: 'Einheit',
      columnState: 'Stand',
      columnUpdated: 'Zuletzt geändert',
      columnActions: 'Aktionen',
      enterData: 'Daten erfassen',
      viewData: 'Daten ansehen',
      benchmarks: 'Benchmark ansehen',
    },
    publisher: {
      intro: 'Ihre Studien und der Stand ihrer Zyklen.',
      noStudies: 'Sie haben noch keine Studie angelegt.',
      participants: '{companies} Unternehmen mit {units} Einheiten',
      noCycles: 'Diese Studie hat noch keinen Zyklus.',
      cyclesCaption: 'Zyklen der Studie {name}',
      columnYear: 'Zyklus',
      columnState: 'Zustand',
      columnActions: 'Aktionen',
      openStudy: 'Studie öffnen',
      openCycle: 'Zyklus öffnen',
      review: 'Datensätze prüfen',
    },
    platform: {
      intro: 'Die Organisationen der Plattform.',
      organisationsTitle: 'Organisationen',
      columnName: 'Name',
      columnKind: 'Art',
      columnCreated: 'Angelegt am',
    },
  },
  en: {
    title: 'Overview',
    company: {
      intro: 'Your studies, their cycles and where the data of each unit stand.',
      noStudies:
        'Your organisation does not take part in a study yet. The publisher of a study invites you.',
      noUnits: 'Your organisation has not created a unit (contact center) yet.',
      publisher: 'Publisher: {name}',
      cycleHeading: 'Cycle {year}',
      unitsCaption: 'Units in the cycle {year}',
      columnUnit: 'Unit',
      columnState: 'Status',
      columnUpdated: 'Last changed',
      columnActions: 'Actions',
      enterData: 'Enter data',
      viewData: 'View data',
      benchmarks: 'View benchmark',
    },
    publisher: {
      intro: 'Your studies and the state of their cycles.',
      noStudies: 'You have not created a study yet.',
      participants: '{companies} companies with {units} units',
      noCycles: 'This study has no cycle yet.',
      cyclesCaption: 'Cycles of the study {name}',
      columnYear: 'Cycle',
      columnState: 'State',
      columnActions: 'Actions',
      openStudy: 'Open study',
      openCycle: 'Open cycle',
      review: 'Review submissions',
    },
    platform: {
      intro: 'The organisations on the platform.',
      organisationsTitle: 'Organisations',
      columnName: 'Name',
      columnKind: 'Kind',
      columnCreated: 'Created on',
    },
  },
};

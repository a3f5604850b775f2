import type { CustomerType, Sourcing } from '@app/domain';
import type { Localized } from '../views/localized';

/** A code's name and what it means, for a select's option and the hint below it. */
interface Labelled {
  label: string;
  hint: string;
}

/**
 * The words of the units pages (`/units`, `/units/new`, `/units/:unitId`): a company's contact
 * centers with their profile. The industry, country and size band names are those of
 * `@app/reporting`; customer types and sourcing have theirs here.
 */
export interface UnitsTexts {
  /** The main navigation's entry and the home page's link. */
  nav: string;
  homeLink: string;
  addFirstUnit: string;
  title: string;
  intro: string;
  publisherIntro: string;
  listCaption: string;
  none: string;
  noneAdmin: string;
  organisationId: string;
  organisationIdHint: string;
  addUnit: string;
  onlyAdminsAdd: string;
  allUnits: string;
  columns: {
    unit: string;
    company: string;
    industry: string;
    country: string;
    customerType: string;
    sourcing: string;
    agentFte: string;
    sizeBand: string;
    actions: string;
  };
  edit: string;
  view: string;
  unitTitle: string;
  profileHeading: string;
  readOnly: string;
  newTitle: string;
  newIntro: string;
  editHeading: string;
  fields: {
    name: string;
    nameHint: string;
    industry: string;
    industryHint: string;
    country: string;
    countryHint: string;
    customerType: string;
    customerTypeHint: string;
    sourcing: string;
    sourcingHint: string;
    agentFte: string;
    agentFteHint: string;
    sizeBandHint: string;
    choose: string;
  };
  errors: {
    title: string;
    nameMissing: string;
    nameTooLong: string;
    industryMissing: string;
    countryMissing: string;
    customerTypeMissing: string;
    sourcingMissing: string;
    agentFteMissing: string;
    agentFteInvalid: string;
    agentFteNegative: string;
    agentFteTooLarge: string;
    agentFteDecimals: string;
    refused: string;
  };
  create: string;
  save: string;
  cancel: string;
  notices: { created: string; saved: string };
  customerTypes: Record<CustomerType, Labelled>;
  sourcings: Record<Sourcing, Labelled>;
}

export const UNITS_TEXTS: Localized<UnitsTexts> = {
  de: {
    nav: 'Einheiten',
    homeLink: 'Einheiten verwalten',
    addFirstUnit: 'Erste Einheit anlegen',
    title: 'Einheiten',
    intro:
      'Ihre Contact Center. Ihr Profil bestimmt, mit welchen Einheiten sie im Benchmark verglichen werden.',
    publisherIntro: 'Die Einheiten der Unternehmen, die an Ihren Studien teilnehmen.',
    listCaption: 'Die Einheiten mit ihrem Profil',
    none: 'Ihre Organisation hat noch keine Einheit (Contact Center).',
    noneAdmin:
      'Ihre Organisation hat noch keine Einheit (Contact Center). Legen Sie die erste an, damit Sie Daten erfassen können.',
    organisationId: 'Kennung Ihrer Organisation',
    organisationIdHint:
      'Der Herausgeber einer Studie nimmt Ihre Organisation mit dieser Kennung in die Studie auf. Geben Sie sie ihm, wenn er danach fragt.',
    addUnit: 'Einheit anlegen',
    onlyAdminsAdd: 'Neue Einheiten legt die Administration Ihrer Organisation an.',
    allUnits: 'Alle Einheiten',
    columns: {
      unit: 'Einheit',
      company: 'Unternehmen',
      industry: 'Branche',
      country: 'Land',
      customerType: 'Kundentyp',
      sourcing: 'Betriebsmodell',
      agentFte: 'Agenten (FTE)',
      sizeBand: 'Größenklasse',
      actions: 'Aktionen',
    },
    edit: 'Bearbeiten',
    view: 'Ansehen',
    unitTitle: 'Einheit: {name}',
    profileHeading: 'Profil',
    readOnly: 'Ihre Rolle erlaubt das Ansehen der Einheit, nicht das Ändern.',
    newTitle: 'Neue Einheit',
    newIntro:
      'Eine Einheit ist ein Contact Center Ihrer Organisation. Für jede Einheit erfassen Sie im Jahr einen Datensatz; ihr Profil bestimmt die Vergleichsgruppen.',
    editHeading: 'Profil bearbeiten',
    fields: {
      name: 'Name',
      nameHint: 'So heißt die Einheit in Ihren Berichten, zum Beispiel „Kundenservice Leipzig“.',
      industry: 'Branche',
      industryHint: 'Die Branche der Kunden, die die Einheit betreut.',
      country: 'Land',
      countryHint: 'Das Land, in dem die Einheit ihren Sitz hat.',
      customerType: 'Kundentyp',
      customerTypeHint: 'Wen die Einheit betreut.',
      sourcing: 'Betriebsmodell',
      sourcingHint: 'Wer die Einheit betreibt.',
      agentFte: 'Agenten (Vollzeitäquivalente)',
      agentFteHint:
        'Die Zahl der Agenten umgerechnet in Vollzeitstellen, höchstens zwei Nachkommastellen, zum Beispiel 120,5.',
      sizeBandHint: 'Die Größenklasse der Einheit folgt daraus:',
      choose: 'Bitte wählen',
    },
    errors: {
      title: 'Die Einheit wurde nicht gespeichert.',
      nameMissing: 'Bitte geben Sie der Einheit einen Namen.',
      nameTooLong: 'Der Name darf höchstens 200 Zeichen lang sein.',
      industryMissing: 'Bitte wählen Sie eine Branche.',
      countryMissing: 'Bitte wählen Sie ein Land.',
      customerTypeMissing: 'Bitte wählen Sie einen Kundentyp.',
      sourcingMissing: 'Bitte wählen Sie ein Betriebsmodell.',
      agentFteMissing: 'Bitte geben Sie die Zahl der Agenten in Vollzeitäquivalenten an.',
      agentFteInvalid: 'Bitte geben Sie eine Zahl ein, zum Beispiel 120,5.',
      agentFteNegative: 'Die Zahl der Agenten kann nicht negativ sein.',
      agentFteTooLarge: 'Die Zahl der Agenten darf höchstens 100.000 sein.',
      agentFteDecimals: 'Bitte höchstens zwei Nachkommastellen.',
      refused: 'Die Einheit wurde nicht gespeichert.',
    },
    create: 'Einheit anlegen',
    save: 'Änderungen speichern',
    cancel: 'Abbrechen',
    notices: {
      created: 'Die Einheit ist angelegt.',
      saved: 'Die Änderungen sind gespeichert.',
    },
    customerTypes: {
      b2b: { label: 'Geschäftskunden (B2B)', hint: 'Die Einheit betreut Unternehmen.' },
      b2c: { label: 'Privatkunden (B2C)', hint: 'Die Einheit betreut Verbraucher.' },
      mixed: { label: 'Geschäfts- und Privatkunden', hint: 'Die Einheit betreut beide.' },
    },
    sourcings: {
      inhouse: { label: 'Eigener Betrieb', hint: 'Eigene Mitarbeitende betreiben die Einheit.' },
      outsourced: {
        label: 'Ausgelagert',
        hint: 'Ein Dienstleister betreibt die Einheit in Ihrem Auftrag.',
      },
      mixed: { label: 'Gemischt', hint: 'Eigene Mitarbeitende und ein Dienstleister.' },
    },
  },
  en: {
    nav: 'Units',
    homeLink: 'Manage units',
    addFirstUnit: 'Add the first unit',
    title: 'Units',
    intro:
      'Your contact centers. Their profile decides which units they are compared with in the benchmark.',
    publisherIntro: 'The units of the companies taking part in your studies.',
    listCaption: 'The units with their profile',
    none: 'Your organisation has no unit (contact center) yet.',
    noneAdmin:
      'Your organisation has no unit (contact center) yet. Add the first one so that you can enter data.',
    organisationId: "Your organisation's id",
    organisationIdHint:
      'The publisher of a study enrols your organisation in the study with this id. Give it to them when they ask for it.',
    addUnit: 'Add a unit',
    onlyAdminsAdd: "New units are added by your organisation's administrators.",
    allUnits: 'All units',
    columns: {
      unit: 'Unit',
      company: 'Company',
      industry: 'Industry',
      country: 'Country',
      customerType: 'Customer type',
      sourcing: 'Sourcing',
      agentFte: 'Agents (FTE)',
      sizeBand: 'Size band',
      actions: 'Actions',
    },
    edit: 'Edit',
    view: 'View',
    unitTitle: 'Unit: {name}',
    profileHeading: 'Profile',
    readOnly: 'Your role allows viewing the unit, not changing it.',
    newTitle: 'New unit',
    newIntro:
      'A unit is a contact center of your organisation. Each year you enter one data set per unit; its profile decides its peer groups.',
    editHeading: 'Edit the profile',
    fields: {
      name: 'Name',
      nameHint: "The unit's name in your reports, for example 'Customer Service Leeds'.",
      industry: 'Industry',
      industryHint: "The industry of the unit's customers.",
      country: 'Country',
      countryHint: 'The country the unit is based in.',
      customerType: 'Customer type',
      customerTypeHint: 'Whom the unit serves.',
      sourcing: 'Sourcing',
      sourcingHint: 'Who runs the unit.',
      agentFte: 'Agents (full-time equivalents)',
      agentFteHint:
        'The number of agents converted to full-time positions, at most two decimals, for example 120.5.',
      sizeBandHint: "The unit's size band follows from it:",
      choose: 'Please choose',
    },
    errors: {
      title: 'The unit was not saved.',
      nameMissing: 'Please give the unit a name.',
      nameTooLong: 'The name may be at most 200 characters long.',
      industryMissing: 'Please choose an industry.',
      countryMissing: 'Please choose a country.',
      customerTypeMissing: 'Please choose a customer type.',
      sourcingMissing: 'Please choose a sourcing.',
      agentFteMissing: 'Please enter the number of agents in full-time equivalents.',
      agentFteInvalid: 'Please enter a number, for example 120.5.',
      agentFteNegative: 'The number of agents cannot be negative.',
      agentFteTooLarge: 'The number of agents may be at most 100,000.',
      agentFteDecimals: 'Please use at most two decimals.',
      refused: 'The unit was not saved.',
    },
    create: 'Add unit',
    save: 'Save changes',
    cancel: 'Cancel',
    notices: {
      created: 'The unit is added.',
      saved: 'The changes are saved.',
    },
    customerTypes: {
      b2b: { label: 'Business customers (B2B)', hint: 'The unit serves companies.' },
      b2c: { label: 'Consumers (B2C)', hint: 'The unit serves consumers.' },
      mixed: { label: 'Business and consumers', hint: 'The unit serves both.' },
    },
    sourcings: {
      inhouse: { label: 'In-house', hint: "The organisation's own staff run the unit." },
      outsourced: {
        label: 'Outsourced',
        hint: 'A service provider runs the unit on your behalf.',
      },
      mixed: { label: 'Mixed', hint: 'Own staff and a service provider.' },
    },
  },
};

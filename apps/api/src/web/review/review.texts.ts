import type { Localized } from '../views/localized';

/** The words of a cycle's review queue (`/cycles/:cycleId/review`). */
export interface ReviewTexts {
  title: string;
  intro: string;
  backToCycle: string;
  filter: string;
  all: string;
  filterEntry: string;
  none: string;
  company: string;
  submittedAt: string;
  updatedAt: string;
  viewSubmission: string;
  warnings: string;
  noWarnings: string;
  comment: string;
  noComment: string;
  returnComment: string;
  accept: string;
  returnHeading: string;
  returnLabel: string;
  returnHint: string;
  returnSubmit: string;
  commentRequired: string;
  commentTooLong: string;
  refused: string;
  accepted: string;
  returned: string;
  notOpen: string;
  /** The filter form. */
  filterHeading: string;
  stateLabel: string;
  companyLabel: string;
  minWarningsLabel: string;
  maxWarningsLabel: string;
  warningKindLabel: string;
  anyKind: string;
  warningKind: Record<'previous_cycle_deviation' | 'benchmark_range' | 'cross_field', string>;
  minAgeLabel: string;
  maxAgeLabel: string;
  sortLabel: string;
  sort: Record<
    | 'submitted'
    | '-submitted'
    | 'updated'
    | '-updated'
    | 'warnings'
    | '-warnings'
    | 'company'
    | '-company'
    | 'unit'
    | '-unit',
    string
  >;
  applyFilter: string;
  resetFilter: string;
  /** The table. */
  tableCaption: string;
  showing: string;
  select: string;
  selectLabel: string;
  unitColumn: string;
  companyColumn: string;
  stateColumn: string;
  warningsColumn: string;
  submittedColumn: string;
  ageColumn: string;
  ageDays: string;
  openUnit: string;
  selectPage: string;
  bulkSubmit: string;
  bulkHint: string;
  /** Paging. */
  pagination: string;
  previousPage: string;
  nextPage: string;
  pageLink: string;
  /** The confirm step of a bulk accept. */
  confirmTitle: string;
  confirmLead: string;
  confirmNone: string;
  confirmNotEligible: string;
  confirmSubmit: string;
  cancel: string;
  bulkRefused: string;
  bulkAccepted: string;
  /** One submission beside the previous year and the peers. */
  unitTitle: string;
  backToQueue: string;
  compareHeading: string;
  compareCaption: string;
  kpiColumn: string;
  thisYear: string;
  previousYear: string;
  noPreviousYear: string;
  quartilesSource: string;
  noQuartiles: string;
  p25: string;
  median: string;
  p75: string;
  warned: string;
}

export const REVIEW_TEXTS: Localized<ReviewTexts> = {
  de: {
    title: 'Prüfung: Zyklus {year}',
    intro:
      'Die Datensätze des Zyklus mit ihren Warnungen und den Kommentaren der Unternehmen. Nehmen Sie einen eingereichten Datensatz an, oder geben Sie ihn mit einem Kommentar zurück.',
    backToCycle: 'Zurück zum Zyklus {year}',
    filter: 'Datensätze nach Stand',
    all: 'Alle',
    filterEntry: '{label} ({count})',
    none: 'Keine Datensätze in diesem Stand.',
    company: 'Unternehmen: {name}',
    submittedAt: 'Eingereicht am',
    updatedAt: 'Zuletzt geändert am',
    viewSubmission: 'Datensatz ansehen',
    warnings: 'Warnungen ({count})',
    noWarnings: 'Keine Warnungen.',
    comment: 'Kommentar des Unternehmens',
    noComment: 'ohne Kommentar',
    returnComment: 'Ihr Kommentar bei der Rückgabe',
    accept: 'Annehmen',
    returnHeading: 'Zurückgeben',
    returnLabel: 'Kommentar für das Unternehmen',
    returnHint:
      'Schreiben Sie, was das Unternehmen prüfen oder ändern soll. Es sieht den Kommentar bei seinen Daten.',
    returnSubmit: 'Mit Kommentar zurückgeben',
    commentRequired: 'Bitte schreiben Sie, was das Unternehmen prüfen soll.',
    commentTooLong: 'Der Kommentar darf höchstens 4000 Zeichen lang sein.',
    refused: 'Die Prüfung wurde nicht gespeichert.',
    accepted: 'Der Datensatz von {unit} ist angenommen.',
    returned: 'Der Datensatz von {unit} ist an das Unternehmen zurückgegeben.',
    notOpen: 'Der Zyklus ist nicht mehr offen; seine Datensätze werden nicht mehr geprüft.',
    filterHeading: 'Filtern und sortieren',
    stateLabel: 'Stand',
    companyLabel: 'Unternehmen (Name enthält)',
    minWarningsLabel: 'Warnungen mindestens',
    maxWarningsLabel: 'Warnungen höchstens',
    warningKindLabel: 'Art der Warnung',
    anyKind: 'jede',
    warningKind: {
      previous_cycle_deviation: 'Abweichung vom Vorjahr',
      benchmark_range: 'außerhalb der Quartile',
      cross_field: 'Regel zwischen Feldern',
    },
    minAgeLabel: 'Eingereicht vor mindestens (Tagen)',
    maxAgeLabel: 'Eingereicht vor höchstens (Tagen)',
    sortLabel: 'Sortieren nach',
    sort: {
      submitted: 'Eingereicht, älteste zuerst',
      '-submitted': 'Eingereicht, neueste zuerst',
      updated: 'Geändert, älteste zuerst',
      '-updated': 'Geändert, neueste zuerst',
      warnings: 'Warnungen, wenigste zuerst',
      '-warnings': 'Warnungen, meiste zuerst',
      company: 'Unternehmen A–Z',
      '-company': 'Unternehmen Z–A',
      unit: 'Einheit A–Z',
      '-unit': 'Einheit Z–A',
    },
    applyFilter: 'Anwenden',
    resetFilter: 'Filter zurücksetzen',
    tableCaption: 'Datensätze des Zyklus {year}',
    showing: '{from}–{to} von {total} Einheiten',
    select: 'Auswahl',
    selectLabel: '{unit} zum Annehmen auswählen',
    unitColumn: 'Einheit',
    companyColumn: 'Unternehmen',
    stateColumn: 'Stand',
    warningsColumn: 'Warnungen',
    submittedColumn: 'Eingereicht am',
    ageColumn: 'Alter',
    ageDays: '{days} Tage',
    openUnit: 'Prüfen',
    selectPage: 'Alle ohne Warnungen auf dieser Seite auswählen',
    bulkSubmit: 'Ausgewählte annehmen …',
    bulkHint:
      'Nur eingereichte Datensätze ohne Warnungen lassen sich gemeinsam annehmen; Sie bestätigen die Auswahl im nächsten Schritt.',
    pagination: 'Seiten',
    previousPage: 'Vorherige Seite',
    nextPage: 'Nächste Seite',
    pageLink: 'Seite {page}',
    confirmTitle: 'Annehmen bestätigen: Zyklus {year}',
    confirmLead: 'Sie nehmen diese {count} Datensätze ohne Warnungen an:',
    confirmNone:
      'Keiner der ausgewählten Datensätze ist eingereicht und ohne Warnungen; es gibt nichts anzunehmen.',
    confirmNotEligible:
      '{count} ausgewählte Datensätze sind nicht mehr eingereicht oder haben Warnungen und sind nicht dabei.',
    confirmSubmit: '{count} Datensätze annehmen',
    cancel: 'Zurück zur Prüfung',
    bulkRefused: 'Es wurde kein Datensatz angenommen.',
    bulkAccepted: '{count} Datensätze sind angenommen.',
    unitTitle: 'Prüfung: {unit}',
    backToQueue: 'Zurück zur Prüfung des Zyklus {year}',
    compareHeading: 'Im Vergleich',
    compareCaption:
      'Die Werte dieses Jahres neben dem angenommenen Vorjahr der Einheit und den Quartilen aller Teilnehmer',
    kpiColumn: 'Kennzahl',
    thisYear: 'Dieses Jahr',
    previousYear: 'Vorjahr {year}',
    noPreviousYear: 'Kein angenommener Datensatz des Vorjahres.',
    quartilesSource:
      'Quartile aller Teilnehmer aus dem veröffentlichten Benchmark {year}; nur freigegebene Zellen.',
    noQuartiles: 'Es gibt noch keinen veröffentlichten Benchmark vor diesem Zyklus.',
    p25: 'P25',
    median: 'Median',
    p75: 'P75',
    warned: 'mit Warnung',
  },
  en: {
    title: 'Review: cycle {year}',
    intro:
      "The cycle's submissions with their warnings and the companies' comments. Accept a submitted data set, or return it with a comment.",
    backToCycle: 'Back to the cycle {year}',
    filter: 'Submissions by state',
    all: 'All',
    filterEntry: '{label} ({count})',
    none: 'No submissions in this state.',
    company: 'Company: {name}',
    submittedAt: 'Submitted on',
    updatedAt: 'Last changed on',
    viewSubmission: 'View submission',
    warnings: 'Warnings ({count})',
    noWarnings: 'No warnings.',
    comment: "The company's comment",
    noComment: 'no comment',
    returnComment: 'Your comment when returning it',
    accept: 'Accept',
    returnHeading: 'Return',
    returnLabel: 'Comment for the company',
    returnHint: 'Say what the company should check or change. It sees the comment with its data.',
    returnSubmit: 'Return with comment',
    commentRequired: 'Please say what the company should check.',
    commentTooLong: 'The comment may be at most 4000 characters long.',
    refused: 'The review was not saved.',
    accepted: 'The submission of {unit} is accepted.',
    returned: 'The submission of {unit} is returned to the company.',
    notOpen: 'The cycle is no longer open; its submissions are not reviewed any more.',
    filterHeading: 'Filter and sort',
    stateLabel: 'State',
    companyLabel: 'Company (name contains)',
    minWarningsLabel: 'At least warnings',
    maxWarningsLabel: 'At most warnings',
    warningKindLabel: 'Kind of warning',
    anyKind: 'any',
    warningKind: {
      previous_cycle_deviation: 'change against last year',
      benchmark_range: 'outside the quartiles',
      cross_field: 'rule across fields',
    },
    minAgeLabel: 'Submitted at least (days ago)',
    maxAgeLabel: 'Submitted at most (days ago)',
    sortLabel: 'Sort by',
    sort: {
      submitted: 'Submitted, oldest first',
      '-submitted': 'Submitted, newest first',
      updated: 'Changed, oldest first',
      '-updated': 'Changed, newest first',
      warnings: 'Warnings, fewest first',
      '-warnings': 'Warnings, most first',
      company: 'Company A–Z',
      '-company': 'Company Z–A',
      unit: 'Unit A–Z',
      '-unit': 'Unit Z–A',
    },
    applyFilter: 'Apply',
    resetFilter: 'Reset the filter',
    tableCaption: 'Submissions of the cycle {year}',
    showing: '{from}–{to} of {total} units',
    select: 'Select',
    selectLabel: 'Select {unit} to accept',
    unitColumn: 'Unit',
    companyColumn: 'Company',
    stateColumn: 'State',
    warningsColumn: 'Warnings',
    submittedColumn: 'Submitted on',
    ageColumn: 'Age',
    ageDays: '{days} days',
    openUnit: 'Review',
    selectPage: 'Select all without warnings on this page',
    bulkSubmit: 'Accept the selected …',
    bulkHint:
      'Only submitted data sets without warnings can be accepted together; you confirm the selection in the next step.',
    pagination: 'Pages',
    previousPage: 'Previous page',
    nextPage: 'Next page',
    pageLink: 'Page {page}',
    confirmTitle: 'Confirm accepting: cycle {year}',
    confirmLead: 'You accept these {count} submissions without warnings:',
    confirmNone:
      'None of the selected submissions is submitted and without warnings; there is nothing to accept.',
    confirmNotEligible:
      '{count} selected submissions are no longer submitted or have warnings and are left out.',
    confirmSubmit: 'Accept {count} submissions',
    cancel: 'Back to the review',
    bulkRefused: 'No submission was accepted.',
    bulkAccepted: '{count} submissions are accepted.',
    unitTitle: 'Review: {unit}',
    backToQueue: 'Back to the review of the cycle {year}',
    compareHeading: 'Side by side',
    compareCaption:
      "This year's values beside the unit's accepted previous year and the quartiles of all participants",
    kpiColumn: 'KPI',
    thisYear: 'This year',
    previousYear: 'Previous year {year}',
    noPreviousYear: 'No accepted submission of the previous year.',
    quartilesSource:
      'Quartiles of all participants from the published benchmark {year}; released cells only.',
    noQuartiles: 'There is no published benchmark before this cycle yet.',
    p25: 'P25',
    median: 'Median',
    p75: 'P75',
    warned: 'with warning',
  },
};

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
  },
};

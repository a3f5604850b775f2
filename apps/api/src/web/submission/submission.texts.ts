import type { Localized } from '../views/localized';

/** The words of the data entry form and of the XLSX template page of a unit's submission. */
export interface SubmissionTexts {
  title: string;
  heading: string;
  lead: string;
  backToOverview: string;
  areasNavigation: string;
  requiredLegend: string;
  required: string;
  saved: string;
  submitted: string;
  uploaded: string;
  returnedTitle: string;
  returnedText: string;
  readOnly: {
    submitted: string;
    accepted: string;
    cycleNotOpen: string;
    role: string;
  };
  stale: string;
  reload: string;
  notSaved: string;
  notSubmitted: string;
  numberHint: string;
  wholeNumberHint: string;
  boundsBetween: string;
  boundsAtLeast: string;
  boundsAtMost: string;
  yes: string;
  no: string;
  noAnswer: string;
  chooseOption: string;
  derived: string;
  computedFrom: string;
  computedFromSaved: string;
  notComputed: string;
  notANumber: string;
  warning: string;
  commentLabel: string;
  commentMissing: string;
  warningsTitle: string;
  warningsIntro: string;
  otherWarnings: string;
  comment: string;
  saveDraft: string;
  submit: string;
  submitHint: string;
  spreadsheet: string;
  upload: {
    title: string;
    lead: string;
    steps: string[];
    download: string;
    downloadHint: string;
    uploadTitle: string;
    fileLabel: string;
    fileHint: string;
    button: string;
    notEditable: string;
    refused: string;
    problemsCaption: string;
    columns: {
      sheet: string;
      cell: string;
      field: string;
      value: string;
      rule: string;
      message: string;
    };
    backToForm: string;
  };
}

export const SUBMISSION_TEXTS: Localized<SubmissionTexts> = {
  de: {
    title: 'Datenerfassung',
    heading: 'Datenerfassung {year}: {unit}',
    lead: '{study} · Zyklus {year}',
    backToOverview: 'Zur Übersicht',
    areasNavigation: 'Bereiche des Fragebogens',
    requiredLegend:
      'Mit * markierte Angaben sind zum Einreichen nötig. Einen Entwurf können Sie jederzeit unvollständig speichern.',
    required: 'Pflichtangabe',
    saved: 'Der Entwurf ist gespeichert.',
    submitted: 'Die Daten sind eingereicht. Der Herausgeber prüft sie jetzt.',
    uploaded: 'Die hochgeladene Datei ist als Entwurf übernommen.',
    returnedTitle: 'Rückfrage des Herausgebers',
    returnedText:
      'Der Herausgeber hat die Daten mit dieser Anmerkung zurückgegeben. Bitte prüfen Sie die Angaben und reichen Sie sie erneut ein.',
    readOnly: {
      submitted:
        'Die Daten sind eingereicht und können nicht geändert werden, solange der Herausgeber sie prüft.',
      accepted: 'Die Daten sind vom Herausgeber angenommen.',
      cycleNotOpen: 'Der Zyklus ist {state}; die Daten können nicht mehr geändert werden.',
      role: 'Ihre Rolle erlaubt das Ansehen der Daten, nicht das Ändern.',
    },
    stale:
      'Jemand anderes hat die Daten inzwischen geändert; Ihre Eingaben wurden nicht gespeichert. Laden Sie das Formular neu und tragen Sie Ihre Änderungen erneut ein.',
    reload: 'Formular neu laden',
    notSaved: 'Die Angaben enthalten Fehler; nichts wurde gespeichert.',
    notSubmitted: 'Der Entwurf ist gespeichert, aber noch nicht eingereicht:',
    numberHint: 'Zahl, z. B. {example}',
    wholeNumberHint: 'ganze Zahl',
    boundsBetween: 'zulässig von {min} bis {max}',
    boundsAtLeast: 'mindestens {min}',
    boundsAtMost: 'höchstens {max}',
    yes: 'Ja',
    no: 'Nein',
    noAnswer: 'keine Angabe',
    chooseOption: '– keine Angabe –',
    derived: 'berechnet',
    computedFrom: 'Berechnet aus: {formula}',
    computedFromSaved: 'Berechnet aus den gespeicherten Angaben: {formula}',
    notComputed: 'noch nicht berechenbar',
    notANumber: '{label}: „{value}“ ist keine Zahl. Schreiben Sie Zahlen wie {example}.',
    warning: 'Hinweis',
    commentLabel: 'Ihr Kommentar zu diesem Hinweis',
    commentMissing: 'Zum Einreichen braucht dieser Hinweis einen Kommentar.',
    warningsTitle: 'Hinweise zur Plausibilität',
    warningsIntro:
      'Diese Angaben sind ungewöhnlich. Sie dürfen so bleiben, brauchen zum Einreichen aber je einen Kommentar, der sie erklärt.',
    otherWarnings: 'Weitere Hinweise',
    comment: 'Kommentar',
    saveDraft: 'Als Entwurf speichern',
    submit: 'Speichern und einreichen',
    submitHint:
      'Einreichen geht, wenn alle Pflichtangaben gemacht, alle Fehler behoben und alle Hinweise kommentiert sind. Danach prüft der Herausgeber die Daten.',
    spreadsheet: 'Excel-Vorlage herunterladen oder hochladen',
    upload: {
      title: 'Excel-Vorlage',
      lead: 'Sie können die Daten auch in einer Excel-Datei erfassen.',
      steps: [
        'Laden Sie die Vorlage herunter. Sie enthält jede Frage mit ihren zulässigen Werten und Ihre bisherigen Angaben.',
        'Tragen Sie Ihre Werte in die Spalte „Wert“ ein. Ändern Sie die Spalte „Schlüssel“ nicht.',
        'Laden Sie die Datei hier hoch. Sie wird wie das Formular geprüft; enthält sie einen Fehler, wird nichts gespeichert und jede fehlerhafte Zelle genannt.',
      ],
      download: 'Vorlage herunterladen (Excel, Deutsch)',
      downloadHint: 'XLSX-Datei mit Ihren gespeicherten Angaben',
      uploadTitle: 'Ausgefüllte Vorlage hochladen',
      fileLabel: 'Datei',
      fileHint: 'XLSX oder CSV, höchstens 10 MB',
      button: 'Hochladen und als Entwurf speichern',
      notEditable:
        'Die Daten können zurzeit nicht geändert werden; die Vorlage zeigt den gespeicherten Stand.',
      refused: 'Die Datei wurde nicht übernommen; nichts wurde gespeichert.',
      problemsCaption: 'Fehler in der hochgeladenen Datei',
      columns: {
        sheet: 'Blatt',
        cell: 'Zelle',
        field: 'Feld',
        value: 'Wert in der Zelle',
        rule: 'Regel',
        message: 'Meldung',
      },
      backToForm: 'Zurück zum Formular',
    },
  },
  en: {
    title: 'Data entry',
    heading: 'Data entry {year}: {unit}',
    lead: '{study} · cycle {year}',
    backToOverview: 'To the overview',
    areasNavigation: 'Areas of the questionnaire',
    requiredLegend:
      'Answers marked * are needed to submit. You can save an incomplete draft at any time.',
    required: 'required',
    saved: 'The draft has been saved.',
    submitted: 'The data have been submitted. The publisher reviews them now.',
    uploaded: 'The uploaded file has been stored as the draft.',
    returnedTitle: "The publisher's query",
    returnedText:
      'The publisher returned the data with this remark. Please check the answers and submit them again.',
    readOnly: {
      submitted: 'The data have been submitted and cannot change while the publisher reviews them.',
      accepted: 'The publisher has accepted the data.',
      cycleNotOpen: 'The cycle is {state}; the data can no longer change.',
      role: 'Your role may view the data, not change them.',
    },
    stale:
      'Somebody else has changed the data in the meantime; your entries were not saved. Reload the form and enter your changes again.',
    reload: 'Reload the form',
    notSaved: 'The answers contain errors; nothing was saved.',
    notSubmitted: 'The draft has been saved, but not submitted yet:',
    numberHint: 'number, e.g. {example}',
    wholeNumberHint: 'whole number',
    boundsBetween: 'allowed from {min} to {max}',
    boundsAtLeast: 'at least {min}',
    boundsAtMost: 'at most {max}',
    yes: 'Yes',
    no: 'No',
    noAnswer: 'no answer',
    chooseOption: '– no answer –',
    derived: 'computed',
    computedFrom: 'Computed from: {formula}',
    computedFromSaved: 'Computed from the saved answers: {formula}',
    notComputed: 'not computable yet',
    notANumber: "{label}: '{value}' is not a number. Write numbers like {example}.",
    warning: 'Note',
    commentLabel: 'Your comment on this note',
    commentMissing: 'This note needs a comment before submitting.',
    warningsTitle: 'Plausibility notes',
    warningsIntro:
      'These answers are unusual. They may stay as they are, but each needs a comment that explains it before submitting.',
    otherWarnings: 'Other notes',
    comment: 'Comment',
    saveDraft: 'Save as draft',
    submit: 'Save and submit',
    submitHint:
      'You can submit once every required answer is given, every error fixed and every note commented. The publisher then reviews the data.',
    spreadsheet: 'Download or upload the Excel template',
    upload: {
      title: 'Excel template',
      lead: 'You can also enter the data in an Excel file.',
      steps: [
        'Download the template. It lists every question with its allowed values, and your answers so far.',
        "Enter your values in the column 'Value'. Do not change the column 'Key'.",
        'Upload the file here. It is checked like the form; if it holds an error, nothing is stored and every wrong cell is listed.',
      ],
      download: 'Download the template (Excel, English)',
      downloadHint: 'XLSX file with your saved answers',
      uploadTitle: 'Upload the filled-in template',
      fileLabel: 'File',
      fileHint: 'XLSX or CSV, 10 MB at most',
      button: 'Upload and save as draft',
      notEditable: 'The data cannot change at the moment; the template shows the saved answers.',
      refused: 'The file was not accepted; nothing was stored.',
      problemsCaption: 'Errors in the uploaded file',
      columns: {
        sheet: 'Sheet',
        cell: 'Cell',
        field: 'Field',
        value: 'Value in the cell',
        rule: 'Rule',
        message: 'Message',
      },
      backToForm: 'Back to the form',
    },
  },
};

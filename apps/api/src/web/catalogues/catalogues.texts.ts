import type { Localized } from '../views/localized';

/** The words of the questionnaire editor's pages (`/catalogues/...`). */
export interface CataloguesTexts {
  nav: string;
  title: string;
  intro: string;
  none: string;
  caption: string;
  columnVersion: string;
  columnItems: string;
  columnState: string;
  columnUse: string;
  draft: string;
  fixed: string;
  unused: string;
  usedBy: string;
  allVersions: string;
  versionTitle: string;
  versionLead: string;
  fixedNote: string;
  draftNote: string;
  newDraft: string;
  newDraftIntro: string;
  download: string;
  itemsHeading: string;
  itemsCaption: string;
  columnPosition: string;
  columnKey: string;
  columnLabel: string;
  columnArea: string;
  columnType: string;
  columnFormula: string;
  columnActions: string;
  edit: string;
  remove: string;
  removeLabel: string;
  addItem: string;
  removed: string;
  saved: string;
  created: string;
  assigned: string;
  upload: {
    heading: string;
    newIntro: string;
    replaceIntro: string;
    file: string;
    submitNew: string;
    submitReplace: string;
    refused: string;
    columnSheet: string;
    columnRow: string;
    columnColumn: string;
    columnProblem: string;
  };
  compare: {
    heading: string;
    intro: string;
    basedOn: string;
    with: string;
    submit: string;
  };
  assign: {
    heading: string;
    intro: string;
    none: string;
    link: string;
    title: string;
    lead: string;
    current: string;
    confirm: string;
    cancel: string;
    refused: string;
  };
  item: {
    editTitle: string;
    newTitle: string;
    lead: string;
    key: string;
    keyHint: string;
    area: string;
    type: string;
    unit: string;
    labelDe: string;
    labelEn: string;
    helpDe: string;
    helpEn: string;
    min: string;
    max: string;
    required: string;
    polarity: string;
    formula: string;
    formulaHint: string;
    choices: string;
    choicesHint: string;
    benchmarked: string;
    weightKey: string;
    position: string;
    save: string;
    add: string;
    cancel: string;
    refused: string;
    notANumber: string;
    badChoice: string;
  };
  diff: {
    title: string;
    lead: string;
    same: string;
    items: string;
    rules: string;
    name: string;
    added: string;
    removed: string;
    changed: string;
    columnKey: string;
    columnField: string;
    columnBefore: string;
    columnAfter: string;
    position: string;
    empty: string;
  };
  areas: Record<string, string>;
  types: Record<string, string>;
  polarities: Record<string, string>;
}

export const CATALOGUES_TEXTS: Localized<CataloguesTexts> = {
  de: {
    nav: 'Fragebögen',
    title: 'Fragebögen',
    intro:
      'Die Versionen Ihrer Fragebögen. Ein Entwurf lässt sich ändern, bis ein Zyklus ihn verwendet; danach bleibt die Version fest.',
    none: 'Sie haben noch keinen Fragebogen.',
    caption: 'Versionen der Fragebögen',
    columnVersion: 'Version',
    columnItems: 'Elemente',
    columnState: 'Zustand',
    columnUse: 'Verwendet von',
    draft: 'Entwurf',
    fixed: 'fest',
    unused: 'keiner Studie',
    usedBy: '{study} (Zyklen: {years})',
    allVersions: 'Alle Fragebögen',
    versionTitle: '{key}, Version {version}',
    versionLead: '{name} · {count} Elemente',
    fixedNote:
      'Diese Version ändert sich nicht mehr: ein Zyklus verwendet sie. Beginnen Sie einen neuen Entwurf aus ihr.',
    draftNote: 'Ein Entwurf: Sie können seine Elemente ändern, bis ein Zyklus ihn verwendet.',
    newDraft: 'Neuen Entwurf aus dieser Version beginnen',
    newDraftIntro: 'Ein neuer Entwurf übernimmt alle Elemente und Regeln dieser Version.',
    download: 'Als XLSX herunterladen',
    itemsHeading: 'Elemente',
    itemsCaption: 'Elemente des Fragebogens in ihrer Reihenfolge',
    columnPosition: 'Nr.',
    columnKey: 'Schlüssel',
    columnLabel: 'Bezeichnung',
    columnArea: 'Bereich',
    columnType: 'Typ',
    columnFormula: 'Formel',
    columnActions: 'Aktionen',
    edit: 'Bearbeiten',
    remove: 'Entfernen',
    removeLabel: 'Element {key} entfernen',
    addItem: 'Element hinzufügen',
    removed: 'Das Element wurde entfernt.',
    saved: 'Das Element wurde gespeichert.',
    created: 'Der Entwurf wurde angelegt.',
    assigned: 'Die Studie verwendet jetzt diese Version.',
    upload: {
      heading: 'XLSX hochladen',
      newIntro:
        'Eine Arbeitsmappe, wie sie der Download liefert (Blätter Catalogue, Items, Choices, Rules), wird ein neuer Entwurf.',
      replaceIntro:
        'Eine Arbeitsmappe desselben Fragebogens ersetzt Elemente und Regeln dieses Entwurfs. Bei einem Fehler bleibt alles, wie es war.',
      file: 'Arbeitsmappe (.xlsx)',
      submitNew: 'Als neuen Entwurf hochladen',
      submitReplace: 'Entwurf ersetzen',
      refused: 'Die Arbeitsmappe wurde nicht übernommen.',
      columnSheet: 'Blatt',
      columnRow: 'Zeile',
      columnColumn: 'Spalte',
      columnProblem: 'Problem',
    },
    compare: {
      heading: 'Vergleichen',
      intro: 'Was sich gegenüber einer anderen Version geändert hat, Element für Element.',
      basedOn: 'Mit der Ausgangsversion {version} vergleichen',
      with: 'Mit Version {version} vergleichen',
      submit: 'Vergleichen',
    },
    assign: {
      heading: 'Einer Studie zuweisen',
      intro:
        'Eine Studie ohne Zyklus kann diese Version verwenden. Vor der Zuweisung sehen Sie, was sich gegenüber ihrer jetzigen Version ändert.',
      none: 'Keine Ihrer Studien ohne Zyklus verwendet eine andere Version.',
      link: '{study}: Änderungen ansehen und zuweisen …',
      title: 'Version {version} der Studie {study} zuweisen',
      lead: 'Was sich gegenüber der jetzigen Version {current} ändert:',
      current: 'jetzige Version',
      confirm: 'Ja, diese Version zuweisen',
      cancel: 'Abbrechen',
      refused: 'Die Version wurde nicht zugewiesen.',
    },
    item: {
      editTitle: 'Element {key} bearbeiten',
      newTitle: 'Neues Element',
      lead: '{key}, Version {version}',
      key: 'Schlüssel',
      keyHint: 'snake_case, z. B. attrition_rate; Formeln und Antworten verweisen darauf.',
      area: 'Bereich',
      type: 'Typ',
      unit: 'Einheit',
      labelDe: 'Bezeichnung (Deutsch)',
      labelEn: 'Bezeichnung (Englisch)',
      helpDe: 'Hilfe (Deutsch)',
      helpEn: 'Hilfe (Englisch)',
      min: 'Untergrenze',
      max: 'Obergrenze',
      required: 'Pflichtangabe',
      polarity: 'Richtung',
      formula: 'Formel',
      formulaHint:
        'Leer für eine Eingabe; sonst eine Rechnung über andere Schlüssel, z. B. leavers / headcount_avg * 100. Sie wird bei jedem Speichern geprüft.',
      choices: 'Auswahlwerte',
      choicesHint:
        'Nur für den Typ Auswahl: je Wert „wert | Deutsch | Englisch“, getrennt durch „;“.',
      benchmarked: 'Im Benchmark vergleichen',
      weightKey: 'Gewicht (Schlüssel)',
      position: 'Position',
      save: 'Speichern',
      add: 'Hinzufügen',
      cancel: 'Abbrechen',
      refused: 'Das Element wurde nicht gespeichert.',
      notANumber: 'Bitte eine Zahl eingeben, z. B. 12,5.',
      badChoice: 'Jeder Auswahlwert braucht die Form „wert | Deutsch | Englisch“.',
    },
    diff: {
      title: 'Version {from} → Version {to}',
      lead: 'Was sich von Version {from} zu Version {to} des Fragebogens {key} geändert hat.',
      same: 'Beide Versionen fragen dasselbe.',
      items: 'Elemente',
      rules: 'Regeln',
      name: 'Name',
      added: 'Neu',
      removed: 'Entfernt',
      changed: 'Geändert',
      columnKey: 'Schlüssel',
      columnField: 'Feld',
      columnBefore: 'Vorher',
      columnAfter: 'Nachher',
      position: 'an Position {position}',
      empty: '(leer)',
    },
    areas: {
      strategy: 'Strategie',
      employees: 'Mitarbeitende',
      volume: 'Volumen und Kanäle',
      productivity: 'Produktivität und Qualität',
      value: 'Wertbeitrag',
      customer: 'Kunde',
      cost: 'Kosten',
    },
    types: {
      number: 'Zahl',
      integer: 'Ganzzahl',
      percent: 'Prozent',
      currency: 'Betrag',
      boolean: 'Ja/Nein',
      choice: 'Auswahl',
    },
    polarities: {
      higher_is_better: 'höher ist besser',
      lower_is_better: 'niedriger ist besser',
      neutral: 'neutral',
    },
  },
  en: {
    nav: 'Questionnaires',
    title: 'Questionnaires',
    intro:
      'The versions of your questionnaires. A draft can change until a cycle uses it; from then on the version stays fixed.',
    none: 'You have no questionnaire yet.',
    caption: 'Questionnaire versions',
    columnVersion: 'Version',
    columnItems: 'Items',
    columnState: 'State',
    columnUse: 'Used by',
    draft: 'draft',
    fixed: 'fixed',
    unused: 'none',
    usedBy: '{study} (cycles: {years})',
    allVersions: 'All questionnaires',
    versionTitle: '{key}, version {version}',
    versionLead: '{name} · {count} items',
    fixedNote: 'This version no longer changes: a cycle uses it. Start a new draft from it.',
    draftNote: 'A draft: you can change its items until a cycle uses it.',
    newDraft: 'Start a new draft from this version',
    newDraftIntro: 'A new draft takes over every item and rule of this version.',
    download: 'Download as XLSX',
    itemsHeading: 'Items',
    itemsCaption: 'Items of the questionnaire in their order',
    columnPosition: 'No.',
    columnKey: 'Key',
    columnLabel: 'Label',
    columnArea: 'Area',
    columnType: 'Type',
    columnFormula: 'Formula',
    columnActions: 'Actions',
    edit: 'Edit',
    remove: 'Remove',
    removeLabel: 'Remove item {key}',
    addItem: 'Add an item',
    removed: 'The item was removed.',
    saved: 'The item was saved.',
    created: 'The draft was created.',
    assigned: 'The study uses this version now.',
    upload: {
      heading: 'Upload XLSX',
      newIntro:
        'A workbook as the download gives it (sheets Catalogue, Items, Choices, Rules) becomes a new draft.',
      replaceIntro:
        'A workbook of the same questionnaire replaces the items and rules of this draft. On any error, everything stays as it was.',
      file: 'Workbook (.xlsx)',
      submitNew: 'Upload as a new draft',
      submitReplace: 'Replace the draft',
      refused: 'The workbook was not taken over.',
      columnSheet: 'Sheet',
      columnRow: 'Row',
      columnColumn: 'Column',
      columnProblem: 'Problem',
    },
    compare: {
      heading: 'Compare',
      intro: 'What changed against another version, item by item.',
      basedOn: 'Compare to version {version} it started from',
      with: 'Compare to version {version}',
      submit: 'Compare',
    },
    assign: {
      heading: 'Assign to a study',
      intro:
        'A study without a cycle can use this version. Before it is assigned you see what changes against its current version.',
      none: 'None of your studies without a cycle uses another version.',
      link: '{study}: review the changes and assign …',
      title: 'Assign version {version} to {study}',
      lead: 'What changes against its current version {current}:',
      current: 'current version',
      confirm: 'Yes, assign this version',
      cancel: 'Cancel',
      refused: 'The version was not assigned.',
    },
    item: {
      editTitle: 'Edit item {key}',
      newTitle: 'New item',
      lead: '{key}, version {version}',
      key: 'Key',
      keyHint: 'snake_case, e.g. attrition_rate; formulas and answers refer to it.',
      area: 'Area',
      type: 'Type',
      unit: 'Unit',
      labelDe: 'Label (German)',
      labelEn: 'Label (English)',
      helpDe: 'Help (German)',
      helpEn: 'Help (English)',
      min: 'Lower bound',
      max: 'Upper bound',
      required: 'Required',
      polarity: 'Polarity',
      formula: 'Formula',
      formulaHint:
        'Empty for an input; otherwise a calculation over other keys, e.g. leavers / headcount_avg * 100. It is checked on every save.',
      choices: 'Choices',
      choicesHint:
        "For the type choice only: each as 'value | German | English', separated by ';'.",
      benchmarked: 'Compared in the benchmark',
      weightKey: 'Weight (key)',
      position: 'Position',
      save: 'Save',
      add: 'Add',
      cancel: 'Cancel',
      refused: 'The item was not saved.',
      notANumber: 'Please enter a number, e.g. 12.5.',
      badChoice: "Each choice needs the form 'value | German | English'.",
    },
    diff: {
      title: 'Version {from} → version {to}',
      lead: 'What changed from version {from} to version {to} of questionnaire {key}.',
      same: 'Both versions ask the same.',
      items: 'Items',
      rules: 'Rules',
      name: 'Name',
      added: 'Added',
      removed: 'Removed',
      changed: 'Changed',
      columnKey: 'Key',
      columnField: 'Field',
      columnBefore: 'Before',
      columnAfter: 'After',
      position: 'at position {position}',
      empty: '(empty)',
    },
    areas: {
      strategy: 'Strategy',
      employees: 'Employees',
      volume: 'Volume and channels',
      productivity: 'Productivity and quality',
      value: 'Value',
      customer: 'Customer',
      cost: 'Cost',
    },
    types: {
      number: 'Number',
      integer: 'Integer',
      percent: 'Percent',
      currency: 'Amount',
      boolean: 'Yes/no',
      choice: 'Choice',
    },
    polarities: {
      higher_is_better: 'higher is better',
      lower_is_better: 'lower is better',
      neutral: 'neutral',
    },
  },
};

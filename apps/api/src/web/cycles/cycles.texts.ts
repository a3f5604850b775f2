import type { Localized } from '../views/localized';

/** The words of a cycle's page (`/cycles/:cycleId`) and of its import (`/cycles/:cycleId/import`). */
export interface CyclesTexts {
  title: string;
  study: string;
  closedAt: string;
  publishedAt: string;
  state: {
    heading: string;
    open: string;
    closed: string;
    published: string;
    close: string;
    closeHint: string;
    closeRefused: string;
    publish: string;
    publishHint: string;
    publishRefused: string;
    publishNotClosed: string;
    publishNoSnapshot: string;
    publishStale: string;
    onlyAdmins: string;
  };
  submissions: {
    heading: string;
    caption: string;
    columnState: string;
    columnCount: string;
    total: string;
    review: string;
  };
  snapshots: {
    heading: string;
    intro: string;
    none: string;
    caption: string;
    columnRequested: string;
    columnState: string;
    columnProgress: string;
    columnUnits: string;
    columnActions: string;
    published: string;
    status: string;
    disclosureReport: string;
    compute: string;
    computeRefused: string;
  };
  reports: {
    heading: string;
    intro: string;
    needsPublished: string;
    languages: string;
    submit: string;
    refused: string;
    noLanguage: string;
    /** The link to the newest batch's page, which lists every batch of the snapshot. */
    pastBatches: string;
  };
  transfer: {
    heading: string;
    intro: string;
    importLink: string;
    importOnlyOpen: string;
    exportCsv: string;
    exportXlsx: string;
  };
  import: {
    title: string;
    intro: string;
    rules: string;
    file: string;
    fileHint: string;
    submit: string;
    notOpen: string;
    refused: string;
    problemsCaption: string;
    columnSheet: string;
    columnCell: string;
    columnKey: string;
    columnValue: string;
    columnRule: string;
    columnMessage: string;
    success: string;
    created: string;
    updated: string;
    unchanged: string;
    backToCycle: string;
    exportHeading: string;
  };
}

export const CYCLES_TEXTS: Localized<CyclesTexts> = {
  de: {
    title: 'Zyklus {year}',
    study: 'Studie:',
    closedAt: 'Geschlossen am',
    publishedAt: 'Veröffentlicht am',
    state: {
      heading: 'Zustand',
      open: 'Der Zyklus ist offen: Die Teilnehmer erfassen und reichen ihre Daten ein, Sie prüfen sie.',
      closed:
        'Der Zyklus ist geschlossen: Niemand kann seine Daten mehr ändern. Berechnen Sie den Snapshot und veröffentlichen Sie ihn.',
      published:
        'Der Zyklus ist veröffentlicht: Die Teilnehmer sehen ihren Benchmark und erhalten ihre Berichte.',
      close: 'Zyklus schließen',
      closeHint: 'Danach kann niemand mehr Daten dieses Zyklus ändern, einreichen oder prüfen.',
      closeRefused: 'Der Zyklus wurde nicht geschlossen.',
      publish: 'Zyklus veröffentlichen',
      publishHint:
        'Veröffentlicht den zuletzt berechneten Snapshot. Er muss aus den jetzigen angenommenen Datensätzen berechnet sein.',
      publishRefused: 'Der Zyklus wurde nicht veröffentlicht.',
      publishNotClosed: 'Ein Zyklus wird veröffentlicht, nachdem er geschlossen wurde.',
      publishNoSnapshot:
        'Der Zyklus hat keinen berechneten Snapshot. Berechnen Sie einen Snapshot und veröffentlichen Sie danach.',
      publishStale:
        'Der Snapshot passt nicht mehr zu den angenommenen Datensätzen oder zur Offenlegungsregel der Studie. Berechnen Sie einen neuen Snapshot und veröffentlichen Sie diesen.',
      onlyAdmins:
        'Schließen und Veröffentlichen ist der Administration des Herausgebers vorbehalten.',
    },
    submissions: {
      heading: 'Datensätze',
      caption: 'Datensätze des Zyklus nach Stand',
      columnState: 'Stand',
      columnCount: 'Anzahl',
      total: 'Einheiten insgesamt',
      review: 'Datensätze prüfen ({count} eingereicht)',
    },
    snapshots: {
      heading: 'Benchmark (Snapshots)',
      intro:
        'Ein Snapshot friert den Benchmark aus den angenommenen Datensätzen ein. Die Berechnung läuft im Hintergrund; die nächste Seite zeigt ihren Fortschritt.',
      none: 'Für diesen Zyklus wurde noch kein Snapshot berechnet.',
      caption: 'Die Snapshots des Zyklus, der neueste zuerst',
      columnRequested: 'Beauftragt am',
      columnState: 'Stand',
      columnProgress: 'Fortschritt',
      columnUnits: 'Einheiten',
      columnActions: 'Aktionen',
      published: 'veröffentlicht',
      status: 'Stand ansehen',
      disclosureReport: 'Offenlegungsbericht',
      compute: 'Snapshot berechnen',
      computeRefused: 'Der Snapshot wurde nicht berechnet.',
    },
    reports: {
      heading: 'Berichte der Teilnehmer',
      intro:
        'Erzeugt den Benchmark-Bericht jeder Einheit aus dem veröffentlichten Snapshot als PDF. Schon erzeugte Berichte bleiben, wie sie sind; ein neuer Auftrag zählt nur die Berichte, die er neu beauftragt oder nach einem Fehler erneut erzeugt, und sagt, wie viele er übernommen hat.',
      needsPublished:
        'Berichte werden aus dem veröffentlichten Snapshot erzeugt. Veröffentlichen Sie den Zyklus zuerst.',
      languages: 'Sprachen der Berichte',
      submit: 'Berichte erzeugen',
      refused: 'Die Berichte wurden nicht beauftragt.',
      noLanguage: 'Bitte wählen Sie mindestens eine Sprache.',
      pastBatches: 'Die bisherigen Aufträge dieses Snapshots ({count})',
    },
    transfer: {
      heading: 'Import und Export',
      intro:
        'Laden Sie die Daten aller Einheiten des Zyklus aus einer Datei hoch, oder laden Sie sie herunter.',
      importLink: 'Zyklus importieren',
      importOnlyOpen: 'Importieren kann man nur in einen offenen Zyklus.',
      exportCsv: 'Export als CSV',
      exportXlsx: 'Export als XLSX',
    },
    import: {
      title: 'Import in den Zyklus {year}',
      intro:
        'Eine XLSX- oder CSV-Datei mit einer Zeile je Einheit: die Spalte unitId und je Kennzahl eine Spalte, benannt nach ihrem Schlüssel. Jede Zeile wird als Entwurf der Einheit gespeichert.',
      rules:
        'Der Import gilt ganz oder gar nicht: Enthält die Datei einen Fehler, wird nichts gespeichert, und die Tabelle unten nennt jede fehlerhafte Zelle.',
      file: 'Datei',
      fileHint: 'XLSX oder CSV, höchstens 10 MB.',
      submit: 'Importieren',
      notOpen: 'Der Zyklus ist nicht offen; in ihn kann nichts mehr importiert werden.',
      refused: 'Der Import wurde abgelehnt; nichts wurde gespeichert.',
      problemsCaption: 'Die Fehler der Datei, Zelle für Zelle',
      columnSheet: 'Blatt',
      columnCell: 'Zelle',
      columnKey: 'Schlüssel',
      columnValue: 'Wert',
      columnRule: 'Regel',
      columnMessage: 'Meldung',
      success: 'Der Import ist gespeichert: {units} Einheiten.',
      created: 'Neue Entwürfe',
      updated: 'Geänderte Entwürfe',
      unchanged: 'Unverändert',
      backToCycle: 'Zurück zum Zyklus {year}',
      exportHeading: 'Export',
    },
  },
  en: {
    title: 'Cycle {year}',
    study: 'Study:',
    closedAt: 'Closed on',
    publishedAt: 'Published on',
    state: {
      heading: 'State',
      open: 'The cycle is open: the participants enter and submit their data, and you review them.',
      closed:
        'The cycle is closed: nobody can change its data any more. Compute the snapshot and publish it.',
      published:
        'The cycle is published: the participants see their benchmark and receive their reports.',
      close: 'Close cycle',
      closeHint: "Afterwards nobody can change, submit or review this cycle's data.",
      closeRefused: 'The cycle was not closed.',
      publish: 'Publish cycle',
      publishHint:
        "Publishes the latest computed snapshot. It must have been computed from the cycle's current accepted submissions.",
      publishRefused: 'The cycle was not published.',
      publishNotClosed: 'A cycle is published after it has been closed.',
      publishNoSnapshot: 'The cycle has no computed snapshot. Compute a snapshot, then publish.',
      publishStale:
        "The snapshot no longer matches the accepted submissions or the study's disclosure policy. Compute a new snapshot and publish that.",
      onlyAdmins: "Closing and publishing are up to the publisher's administrators.",
    },
    submissions: {
      heading: 'Submissions',
      caption: "The cycle's submissions by state",
      columnState: 'State',
      columnCount: 'Count',
      total: 'Units in all',
      review: 'Review submissions ({count} submitted)',
    },
    snapshots: {
      heading: 'Benchmark (snapshots)',
      intro:
        'A snapshot freezes the benchmark of the accepted submissions. It is computed in the background; the next page shows its progress.',
      none: 'No snapshot has been computed for this cycle yet.',
      caption: "The cycle's snapshots, the latest first",
      columnRequested: 'Requested on',
      columnState: 'State',
      columnProgress: 'Progress',
      columnUnits: 'Units',
      columnActions: 'Actions',
      published: 'published',
      status: 'View progress',
      disclosureReport: 'Disclosure report',
      compute: 'Compute snapshot',
      computeRefused: 'The snapshot was not computed.',
    },
    reports: {
      heading: "The participants' reports",
      intro:
        "Renders every unit's benchmark report from the published snapshot as a PDF. Reports rendered before stay as they are; a new batch counts only the reports it orders new or renders again after a failure, and says how many it kept.",
      needsPublished: 'Reports are rendered from the published snapshot. Publish the cycle first.',
      languages: 'Languages of the reports',
      submit: 'Render reports',
      refused: 'The reports were not ordered.',
      noLanguage: 'Please choose at least one language.',
      pastBatches: 'The batches of this snapshot so far ({count})',
    },
    transfer: {
      heading: 'Import and export',
      intro: "Upload the data of all the cycle's units from one file, or download them.",
      importLink: 'Import cycle',
      importOnlyOpen: 'Only an open cycle can be imported into.',
      exportCsv: 'Export as CSV',
      exportXlsx: 'Export as XLSX',
    },
    import: {
      title: 'Import into the cycle {year}',
      intro:
        "An XLSX or CSV file of one row per unit: the column unitId and one column per KPI, named by its key. Each row is stored as the unit's draft.",
      rules:
        'The import is all or nothing: if the file has a mistake, nothing is stored, and the table below lists every bad cell.',
      file: 'File',
      fileHint: 'XLSX or CSV, 10 MB at most.',
      submit: 'Import',
      notOpen: 'The cycle is not open; nothing can be imported into it any more.',
      refused: 'The import was refused; nothing was stored.',
      problemsCaption: "The file's mistakes, cell by cell",
      columnSheet: 'Sheet',
      columnCell: 'Cell',
      columnKey: 'Key',
      columnValue: 'Value',
      columnRule: 'Rule',
      columnMessage: 'Message',
      success: 'The import is stored: {units} units.',
      created: 'New drafts',
      updated: 'Changed drafts',
      unchanged: 'Unchanged',
      backToCycle: 'Back to the cycle {year}',
      exportHeading: 'Export',
    },
  },
};

import type { Localized } from '../views/localized';

/** A snapshot's states, as the API names them. */
export type SnapshotState = 'queued' | 'running' | 'done' | 'failed';

/** The words of a snapshot's progress page (`/snapshots/:snapshotId/status`). */
export interface SnapshotStatusTexts {
  title: string;
  cycle: string;
  state: Record<SnapshotState, string>;
  progress: string;
  refreshing: string;
  requestedAt: string;
  failed: string;
  manifest: {
    heading: string;
    intro: string;
    units: string;
    companies: string;
    peerGroups: string;
    catalogue: string;
    catalogueVersion: string;
    minN: string;
    finishedAt: string;
    hash: string;
    engine: string;
  };
  publish: {
    heading: string;
    hint: string;
    submit: string;
    needsClosed: string;
    isPublished: string;
    otherPublished: string;
    onlyAdmins: string;
  };
  reportsNext: string;
  disclosureReport: string;
  backToCycle: string;
}

export const SNAPSHOT_STATUS_TEXTS: Localized<SnapshotStatusTexts> = {
  de: {
    title: 'Snapshot des Zyklus {year}',
    cycle: 'Zyklus {year}',
    state: {
      queued: 'wartet',
      running: 'wird berechnet',
      done: 'berechnet',
      failed: 'fehlgeschlagen',
    },
    progress: 'Fortschritt der Berechnung',
    refreshing:
      'Diese Seite aktualisiert sich alle {seconds} Sekunden, bis die Berechnung fertig ist.',
    requestedAt: 'Beauftragt am',
    failed:
      'Die Berechnung ist fehlgeschlagen. Berechnen Sie den Snapshot auf der Seite des Zyklus neu.',
    manifest: {
      heading: 'Manifest',
      intro:
        'Was in den Snapshot einging: Mit denselben Eingaben ergibt eine neue Berechnung denselben Hash.',
      units: 'Einheiten',
      companies: 'Unternehmen',
      peerGroups: 'Vergleichsgruppen',
      catalogue: 'Fragebogen',
      catalogueVersion: '{key}, Version {version}',
      minN: 'Mindestgröße einer Gruppe',
      finishedAt: 'Berechnet am',
      hash: 'Manifest-Hash',
      engine: 'Version der Berechnung',
    },
    publish: {
      heading: 'Veröffentlichen',
      hint: 'Veröffentlicht diesen Snapshot: Die Teilnehmer sehen danach ihren Benchmark.',
      submit: 'Diesen Snapshot veröffentlichen',
      needsClosed: 'Schließen Sie den Zyklus auf seiner Seite, bevor Sie ihn veröffentlichen.',
      isPublished: 'Dieser Snapshot ist veröffentlicht.',
      otherPublished: 'Der Zyklus ist mit einem anderen Snapshot veröffentlicht.',
      onlyAdmins: 'Veröffentlichen ist der Administration des Herausgebers vorbehalten.',
    },
    reportsNext: 'Die Berichte der Teilnehmer erzeugen Sie auf der Seite des Zyklus.',
    disclosureReport:
      'Offenlegungsbericht: was die Regeln veröffentlicht und zurückgehalten haben, und jede Anfrage eigener Vergleichsgruppen',
    backToCycle: 'Zurück zum Zyklus {year}',
  },
  en: {
    title: 'Snapshot of the cycle {year}',
    cycle: 'Cycle {year}',
    state: {
      queued: 'waiting',
      running: 'computing',
      done: 'computed',
      failed: 'failed',
    },
    progress: 'Progress of the computation',
    refreshing: 'This page refreshes itself every {seconds} seconds until the computation is done.',
    requestedAt: 'Requested on',
    failed: "The computation failed. Compute the snapshot again on the cycle's page.",
    manifest: {
      heading: 'Manifest',
      intro:
        'What went into the snapshot: computing again from the same inputs gives the same hash.',
      units: 'Units',
      companies: 'Companies',
      peerGroups: 'Peer groups',
      catalogue: 'Questionnaire',
      catalogueVersion: '{key}, version {version}',
      minN: 'Smallest group released',
      finishedAt: 'Computed on',
      hash: 'Manifest hash',
      engine: 'Engine version',
    },
    publish: {
      heading: 'Publish',
      hint: 'Publishes this snapshot: the participants then see their benchmark.',
      submit: 'Publish this snapshot',
      needsClosed: 'Close the cycle on its page before you publish it.',
      isPublished: 'This snapshot is published.',
      otherPublished: 'The cycle is published with another snapshot.',
      onlyAdmins: "Publishing is up to the publisher's administrators.",
    },
    reportsNext: "You render the participants' reports on the cycle's page.",
    disclosureReport:
      'Disclosure report: what the rules released and withheld, and every request for a custom peer group',
    backToCycle: 'Back to the cycle {year}',
  },
};

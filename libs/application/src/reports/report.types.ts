/** A report just ordered (or one of the same content found again). */
export interface CreatedReport {
  reportId: string;
}

/** A report as the one who may read it sees it: its state, not its PDF. */
export interface ReportView {
  id: string;
  kind: string;
  snapshotId: string | null;
  unitId: string | null;
  trendId: string | null;
  language: string;
  state: string;
  /** Why it failed, in the reader's language. */
  error: string | null;
  attempts: number;
  sha256: string | null;
  sizeBytes: number | null;
  pages: number | null;
  createdAt: string;
  renderedAt: string | null;
}

/** A batch of a snapshot's reports just ordered. */
export interface CreatedReportBatch {
  batchId: string;
  /** The batch's own reports: those it ordered new and the failed ones it queued again. */
  total: number;
  /** Reports of the snapshot in its languages that existed already and were kept. */
  kept: number;
}

/** A report of a batch that failed, and why, in the reader's language. */
export interface ReportFailure {
  reportId: string;
  unitId: string;
  unitName: string;
  language: string;
  error: string;
}

/** A batch with the counts of its own reports. */
export interface ReportBatchSummary {
  id: string;
  snapshotId: string;
  languages: string[];
  total: number;
  done: number;
  failed: number;
  pending: number;
  kept: number;
  createdAt: string;
}

/** A batch with why each of its failed reports failed. */
export interface ReportBatchView extends ReportBatchSummary {
  failures: ReportFailure[];
}

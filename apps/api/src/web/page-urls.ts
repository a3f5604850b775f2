/**
 * The URLs of the pages, built in one place so that links and controllers agree. The scheme
 * is listed in web.module.ts.
 */
export const pagePaths = {
  home: (): string => '/',
  submission: (cycleId: string, unitId: string): string =>
    `/cycles/${encodeURIComponent(cycleId)}/units/${encodeURIComponent(unitId)}/submission`,
  benchmarks: (snapshotId: string, unitId: string): string =>
    `/snapshots/${encodeURIComponent(snapshotId)}/benchmarks?unitId=${encodeURIComponent(unitId)}`,
  studies: (): string => '/studies',
  study: (studyId: string): string => `/studies/${encodeURIComponent(studyId)}`,
  cycle: (cycleId: string): string => `/cycles/${encodeURIComponent(cycleId)}`,
  review: (cycleId: string): string => `/cycles/${encodeURIComponent(cycleId)}/review`,
  report: (reportId: string): string => `/reports/${encodeURIComponent(reportId)}`,
  reportBatch: (batchId: string): string => `/report-batches/${encodeURIComponent(batchId)}`,
  organisations: (): string => '/organisations',
} as const;

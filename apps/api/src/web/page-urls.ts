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
  // The publisher's pages: forms and pages reached from the study and cycle pages.
  studyCycles: (studyId: string): string => `/studies/${encodeURIComponent(studyId)}/cycles`,
  studyTrendReports: (studyId: string): string =>
    `/studies/${encodeURIComponent(studyId)}/trend-reports`,
  cycleClose: (cycleId: string): string => `/cycles/${encodeURIComponent(cycleId)}/close`,
  cycleCompletion: (cycleId: string): string => `/cycles/${encodeURIComponent(cycleId)}/completion`,
  cycleDeadline: (cycleId: string): string => `/cycles/${encodeURIComponent(cycleId)}/deadline`,
  cycleReminders: (cycleId: string): string => `/cycles/${encodeURIComponent(cycleId)}/reminders`,
  notificationSettings: (): string => '/settings/notifications',
  cyclePublish: (cycleId: string): string => `/cycles/${encodeURIComponent(cycleId)}/publish`,
  cycleSnapshots: (cycleId: string): string => `/cycles/${encodeURIComponent(cycleId)}/snapshots`,
  cycleImport: (cycleId: string): string => `/cycles/${encodeURIComponent(cycleId)}/import`,
  cycleExport: (cycleId: string, format: 'csv' | 'xlsx'): string =>
    `/cycles/${encodeURIComponent(cycleId)}/export?format=${format}`,
  reviewAccept: (cycleId: string, unitId: string): string =>
    `/cycles/${encodeURIComponent(cycleId)}/review/units/${encodeURIComponent(unitId)}/accept`,
  reviewReturn: (cycleId: string, unitId: string): string =>
    `/cycles/${encodeURIComponent(cycleId)}/review/units/${encodeURIComponent(unitId)}/return`,
  reviewUnit: (cycleId: string, unitId: string): string =>
    `/cycles/${encodeURIComponent(cycleId)}/review/units/${encodeURIComponent(unitId)}`,
  /** The confirm step of a bulk accept (GET) and the bulk accept itself (POST). */
  reviewBulkAccept: (cycleId: string): string =>
    `/cycles/${encodeURIComponent(cycleId)}/review/accept`,
  snapshotStatus: (snapshotId: string): string =>
    `/snapshots/${encodeURIComponent(snapshotId)}/status`,
  snapshotDisclosureReport: (snapshotId: string): string =>
    `/snapshots/${encodeURIComponent(snapshotId)}/disclosure-report`,
  snapshotReportBatch: (snapshotId: string): string =>
    `/snapshots/${encodeURIComponent(snapshotId)}/reports/batch`,
  reportBatchRetry: (batchId: string): string =>
    `/report-batches/${encodeURIComponent(batchId)}/retry`,
  trendReport: (reportId: string): string => `/trend-reports/${encodeURIComponent(reportId)}`,
  trendReportXlsx: (reportId: string): string =>
    `/trend-reports/${encodeURIComponent(reportId)}/xlsx`,
  reportPreview: (reportId: string): string => `/reports/${encodeURIComponent(reportId)}/preview`,
  reportPdf: (reportId: string): string => `/reports/${encodeURIComponent(reportId)}/pdf`,
  // The company's pages: the template and upload of a submission, the benchmark view's forms.
  submissionUpload: (cycleId: string, unitId: string): string =>
    `/cycles/${encodeURIComponent(cycleId)}/units/${encodeURIComponent(unitId)}/submission/upload`,
  submissionTemplate: (cycleId: string, unitId: string): string =>
    `/cycles/${encodeURIComponent(cycleId)}/units/${encodeURIComponent(unitId)}/submission/template`,
  snapshotBenchmarks: (snapshotId: string): string =>
    `/snapshots/${encodeURIComponent(snapshotId)}/benchmarks`,
  peerGroupBenchmarks: (snapshotId: string, unitId: string, peerGroupId: string): string =>
    `/snapshots/${encodeURIComponent(snapshotId)}/benchmarks?unitId=${encodeURIComponent(unitId)}&peerGroup=${encodeURIComponent(peerGroupId)}`,
  positionHistory: (studyId: string, unitId: string): string =>
    `/studies/${encodeURIComponent(studyId)}/units/${encodeURIComponent(unitId)}/position-history`,
  peerGroups: (snapshotId: string): string =>
    `/snapshots/${encodeURIComponent(snapshotId)}/peer-groups`,
  reportOrder: (snapshotId: string): string =>
    `/snapshots/${encodeURIComponent(snapshotId)}/reports`,
  // The management pages: a study's settings and participants, a company's units.
  studyParticipations: (studyId: string): string =>
    `/studies/${encodeURIComponent(studyId)}/participations`,
  participationWithdraw: (studyId: string, participationId: string): string =>
    `/studies/${encodeURIComponent(studyId)}/participations/${encodeURIComponent(participationId)}/withdraw`,
  // The questionnaire editor: versions, a draft's items, diffs and the assignment to a study.
  catalogues: (): string => '/catalogues',
  catalogueUpload: (): string => '/catalogues/xlsx',
  catalogue: (versionId: string): string => `/catalogues/${encodeURIComponent(versionId)}`,
  catalogueDrafts: (versionId: string): string =>
    `/catalogues/${encodeURIComponent(versionId)}/drafts`,
  catalogueXlsx: (versionId: string): string => `/catalogues/${encodeURIComponent(versionId)}/xlsx`,
  catalogueItems: (versionId: string): string =>
    `/catalogues/${encodeURIComponent(versionId)}/items`,
  catalogueNewItem: (versionId: string): string =>
    `/catalogues/${encodeURIComponent(versionId)}/new-item`,
  catalogueItem: (versionId: string, itemKey: string): string =>
    `/catalogues/${encodeURIComponent(versionId)}/items/${encodeURIComponent(itemKey)}`,
  catalogueItemRemove: (versionId: string, itemKey: string): string =>
    `/catalogues/${encodeURIComponent(versionId)}/items/${encodeURIComponent(itemKey)}/remove`,
  catalogueDiff: (fromId: string, toId: string): string =>
    `/catalogues/${encodeURIComponent(fromId)}/diff/${encodeURIComponent(toId)}`,
  studyCatalogue: (studyId: string, versionId: string): string =>
    `/studies/${encodeURIComponent(studyId)}/catalogue/${encodeURIComponent(versionId)}`,
  units: (): string => '/units',
  newUnit: (): string => '/units/new',
  unit: (unitId: string): string => `/units/${encodeURIComponent(unitId)}`,
  // Invitations: the list with its forms, and following a link (public).
  invitations: (): string => '/invitations',
  studyInvitations: (studyId: string): string =>
    `/studies/${encodeURIComponent(studyId)}/invitations`,
  invitationResend: (invitationId: string): string =>
    `/invitations/${encodeURIComponent(invitationId)}/resend`,
  invitationRevoke: (invitationId: string): string =>
    `/invitations/${encodeURIComponent(invitationId)}/revoke`,
  invitationAccept: (): string => '/invitations/accept',
  // The operator's console: a tenant with its users and invitations.
  organisation: (organisationId: string): string =>
    `/organisations/${encodeURIComponent(organisationId)}`,
  organisationDisable: (organisationId: string): string =>
    `/organisations/${encodeURIComponent(organisationId)}/disable`,
  organisationInvitationResend: (organisationId: string, invitationId: string): string =>
    `/organisations/${encodeURIComponent(organisationId)}/invitations/${encodeURIComponent(invitationId)}/resend`,
} as const;

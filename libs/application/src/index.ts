export * from './snapshots/snapshot-computation';
export * from './reports/company-report-data';
export * from './reports/report-store';
export * from './trends/trend-computation';
export * from './seed/demo-seed';
export * from './mail/mail-transport';
export * from './mail/mail-failure';
export * from './mail/mail-delivery';

export * from './report-format.util';
export * from './escape.util';
export * from './report-texts';
export * from './percentile-strip-chart';
export * from './trend-line-chart';
export * from './company-report-model';
export * from './report-templates';
export * from './company-report';

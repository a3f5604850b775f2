export * from './jobs';
export * from './enqueue';
export * from './infrastructure';
export * from './reconcile';

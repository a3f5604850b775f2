export * from './entities';
export * from './migrations';
export * from './data-source-options';
export * from './database-setup';
export * from './persistence.module';
export * from './tenant/tenant-db';
export * from './seed/demo-seed';

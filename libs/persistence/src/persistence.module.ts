import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options';
import { SnapshotReader } from './snapshots/snapshot-reader';
import { SubmissionRepository } from './submissions/submission.repository';
import { TenantDb } from './tenant/tenant-db';

/** The application's connection (application role, row-level security applies). */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(databaseUrl))],
      providers: [TenantDb, SnapshotReader, SubmissionRepository],
      exports: [TenantDb, SnapshotReader, SubmissionRepository],
    };
  }
}

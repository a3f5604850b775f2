import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** TypeORM options for a connection URL; the schema only ever changes through migrations. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    // Ids come from the tables' gen_random_uuid() defaults; TypeORM would otherwise create
    // uuid-ossp, whose functions every role could execute.
    installExtensions: false,
    extra: { max: poolSize, application_name: 'benchmark-cockpit' },
  };
}

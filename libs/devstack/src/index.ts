export type { EmbeddedPostgresHandle, EmbeddedPostgresOptions } from './embedded-postgres.util';
export { startEmbeddedPostgres, SUPERUSER_PASSWORD_FILE } from './embedded-postgres.util';
export type { RedisHandle, RedisServerOptions } from './redis-server.util';
export { REDIS_SERVER_MISSING_MESSAGE, startRedisServer } from './redis-server.util';
export { findFreePort } from './free-port.util';
export type { MailCatcherHandle, MailCatcherOptions } from './mail-catcher.util';
export { startMailCatcher } from './mail-catcher.util';
export { endWithLauncher } from './launcher-child.util';

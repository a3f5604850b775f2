import { Foundation1764160000000 } from './1764160000000-foundation';

/** Every migration in order; listed explicitly so that bundled apps need no file globbing. */
export const MIGRATIONS = [Foundation1764160000000];

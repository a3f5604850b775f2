import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// A child forked with an IPC channel, as the launcher forks the api and the worker: it ends
// with code 7 on SIGTERM and would otherwise run until killed.
const CHILD = `
import { endWithLauncher } from ${JSON.stringify(resolve(__dirname, 'launcher-child.util'))};
process.on('SIGTERM', () => process.exit(7));
endWithLauncher();
setInterval(() => undefined, 1000);
process.send?.('ready');
`;

describe('endWithLauncher', () => {
  const dir = mkdtempSync(join(tmpdir(), 'launcher-child-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ends a forked child as SIGTERM does once the channel to its launcher closes', async () => {
    const script = join(dir, 'child.ts');
    writeFileSync(script, CHILD);
    const child = fork(script, [], {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      await new Promise<void>((ready) => child.once('message', () => ready()));

      child.disconnect();

      expect(await exited).toBe(7);
    } finally {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
      }
    }
  }, 60_000);
});

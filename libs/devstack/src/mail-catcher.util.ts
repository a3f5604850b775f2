import { spawn } from 'node:child_process';
import { readFile, mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { findFreePort } from './free-port.util';
import { OutputTail } from './output-tail.util';
import { killOnParentExit } from './parent-exit.util';
import { delay } from './process.util';

/** A running SMTP catcher (MailDev): it keeps every mail, and shows them in its inbox. */
export interface MailCatcherHandle {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  smtpUrl: string;
  /** The inbox in a browser. */
  inboxUrl: string;
  /** Resolves, with how it ended, once it has exited, stopped or not. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

export interface MailCatcherOptions {
  /** Where the mails are kept between starts; created when missing. */
  dataDir: string;
  /** The folder whose node_modules holds the maildev package. */
  root: string;
  /** Preferred ports (default 1025 and 1080, MailDev's); free ones are used when taken. */
  smtpPort?: number;
  webPort?: number;
  log?: (msg: string) => void;
}

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * Starts MailDev (its command line, in a process of its own: the package is an ES module the
 * bundled launcher cannot import) on 127.0.0.1, with its mails in `dataDir`, and resolves once
 * its SMTP port takes connections. It is stopped by `stop()` and killed when this process exits.
 */
export async function startMailCatcher(opts: MailCatcherOptions): Promise<MailCatcherHandle> {
  const log = opts.log ?? ((): void => undefined);
  const packageDir = path.join(opts.root, 'node_modules', 'maildev');
  const { bin } = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8')) as {
    bin: { maildev: string };
  };
  const dataDir = path.resolve(opts.dataDir);
  await mkdir(dataDir, { recursive: true });
  const smtpPort = await findFreePort(opts.smtpPort ?? 1025);
  const webPort = await findFreePort(opts.webPort ?? 1080);
  const output = new OutputTail();
  // prettier-ignore
  const args = [
    path.join(packageDir, bin.maildev),
    '--smtp', String(smtpPort),
    '--ip', '127.0.0.1',
    '--web', String(webPort),
    '--web-ip', '127.0.0.1',
    '--mail-directory', dataDir,
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));

  let exitDescription: string | undefined;
  const unregister = killOnParentExit(() => child.kill('SIGKILL'));
  const exited = new Promise<string>((resolve) => {
    const onGone = (description: string): void => {
      if (exitDescription === undefined) {
        exitDescription = description;
        unregister();
        resolve(description);
      }
    };
    child.once('exit', (code, signal) =>
      onGone(signal === null ? `exit code ${code}` : `signal ${signal}`),
    );
    child.once('error', (error) => onGone(error.message));
  });

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await acceptsConnections(smtpPort))) {
    if (exitDescription !== undefined || Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(
        `MailDev did not start (${exitDescription ?? 'no SMTP port'}):\n${output.text()}`.trim(),
      );
    }
    await delay(200);
  }
  const inboxUrl = `http://127.0.0.1:${webPort}`;
  log(`MailDev catches mail on 127.0.0.1:${smtpPort}, inbox at ${inboxUrl}`);

  let stopped: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    if (exitDescription === undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
  };
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    inboxUrl,
    exited,
    stop: () => (stopped ??= stop()),
  };
}

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

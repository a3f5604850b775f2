import { ConfigError } from '@app/config';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** How `npm start` shows the api's and the worker's logs. */
export type LogFormat = 'json' | 'pretty';

/** LOG_FORMAT: `pretty` (the default of `npm start`) or `json` (the lines as production has them). */
export function logFormatOf(value: string | undefined): LogFormat {
  if (value === undefined || value === '' || value === 'pretty') {
    return 'pretty';
  }
  if (value === 'json') {
    return 'json';
  }
  throw new ConfigError([`LOG_FORMAT must be json or pretty, not ${JSON.stringify(value)}`]);
}

const LEVELS: Record<number, string> = { 40: 'warn', 50: 'error', 60: 'fatal' };

/**
 * What a person at the terminal should see of one log line of a child: warnings and errors in
 * a line of words, any line that is not JSON (a crash's stack trace) as it is, nothing of the
 * routine (pino's info and below: requests, route mapping).
 */
export function summaryLine(app: string, line: string): string | null {
  if (line.trim() === '') {
    return null;
  }
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return `[${app}] ${line}`;
  }
  if (typeof entry !== 'object' || entry === null) {
    return `[${app}] ${line}`;
  }
  const { level, msg, err } = entry as { level?: unknown; msg?: unknown; err?: unknown };
  if (typeof level !== 'number' || level < 40) {
    return null;
  }
  const error =
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { message?: unknown }).message === 'string'
      ? ` (${(err as { message: string }).message})`
      : '';
  const text = typeof msg === 'string' ? msg : JSON.stringify(entry);
  return `[${app}] ${LEVELS[level] ?? (level >= 60 ? 'fatal' : 'error')}: ${text}${error}`;
}

/**
 * The children's logs in `npm start`'s pretty mode: every line goes to `<dir>/<app>.log` as
 * the child wrote it (JSON lines, as production keeps them), and the terminal gets the summary
 * of each (`summaryLine`). A restarted child appends to the same file.
 */
export class ChildLogs {
  private readonly files = new Map<string, WriteStream>();

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  fileOf(app: string): string {
    return join(this.dir, `${app}.log`);
  }

  attach(app: string, child: ChildProcess): void {
    let file = this.files.get(app);
    if (file === undefined) {
      file = createWriteStream(this.fileOf(app), { flags: 'a' });
      this.files.set(app, file);
    }
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) {
        stream.pipe(file, { end: false });
        createInterface({ input: stream }).on('line', (line) => {
          const summary = summaryLine(app, line);
          if (summary !== null) {
            console.log(summary);
          }
        });
      }
    }
  }
}

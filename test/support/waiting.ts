import type { Response } from 'supertest';

/**
 * Reads until `done` holds, every `everyMs` (100 ms), for at most `timeoutMs` (three minutes: a busy machine renders slowly): for
 * work the worker does in the background (snapshots, reports). Not a timed assertion: the limit
 * only ends a hung test.
 */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 180_000, everyMs = 100 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting; last value: ${JSON.stringify(value)?.slice(0, 500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** A supertest parser that keeps a binary body (PDF, XLSX) as a Buffer. */
export function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

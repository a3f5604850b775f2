import { createDeflateRaw } from 'node:zlib';

// The hand-made zips of the e2e tests are those of the spreadsheet library's specs: local
// headers, data, central directory and its end record, with CRCs left 0 (the readers under
// test must refuse before any CRC check would run).
export { zip as buildZip, type ZipEntrySpec } from '../../libs/spreadsheet/src/zip.test-util';

/** `megabytes` MB of zeros deflated as a stream, so that they never sit in memory at once. */
export async function deflatedZeros(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) {
    if (!deflate.write(zeros)) {
      await new Promise((resolve) => deflate.once('drain', resolve));
    }
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** A small text entry, deflated. */
export async function deflatedText(text: string): Promise<Buffer> {
  const deflate = createDeflateRaw();
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  deflate.end(Buffer.from(text, 'utf8'));
  await done;
  return Buffer.concat(out);
}

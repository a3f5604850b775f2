import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The text of a PDF as a reader would search it: whole and page by page. */
export interface PdfText {
  /** All pages' text joined by blank lines. */
  text: string;
  /** One entry per page, in order. */
  pages: string[];
}

// PDF.js (inside pdf-parse) loads its worker with a dynamic import(), which Jest's CommonJS
// module sandbox refuses without --experimental-vm-modules. A plain Node child has no such
// sandbox, so the extraction runs there and hands back the page texts as JSON.
const EXTRACT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const result = await parser.getText();
    process.stdout.write(JSON.stringify(result.pages.map((page) => page.text)));
  } finally {
    await parser.destroy();
  }
});
`;

const ROOT = resolve(__dirname, '..', '..');

/**
 * Extracts the text of a PDF with PDF.js (through pdf-parse), independent of the renderer
 * that made it, so that a test checks what a reader of the file would find.
 */
export function pdfText(pdf: Uint8Array): Promise<PdfText> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-e', EXTRACT], { cwd: ROOT });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        const stderr = Buffer.concat(err).toString('utf8');
        reject(new Error(`PDF text extraction failed (exit ${code}): ${stderr}`));
        return;
      }
      const pages = JSON.parse(Buffer.concat(out).toString('utf8')) as string[];
      resolvePromise({ text: pages.join('\n\n'), pages });
    });
    child.stdin.end(Buffer.from(pdf));
  });
}

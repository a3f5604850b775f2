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
export async function pdfText(pdf: Uint8Array): Promise<PdfText> {
  const pages = JSON.parse(await runInChild(EXTRACT, pdf)) as string[];
  return { text: pages.join('\n\n'), pages };
}

/** Runs a script in a plain Node child with the PDF on its stdin; resolves with its stdout. */
function runInChild(script: string, pdf: Uint8Array): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['-e', script], { cwd: ROOT });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        const stderr = Buffer.concat(err).toString('utf8');
        reject(new Error(`PDF reading failed (exit ${code}): ${stderr}`));
        return;
      }
      resolvePromise(Buffer.concat(out).toString('utf8'));
    });
    child.stdin.end(Buffer.from(pdf));
  });
}

/** What an assistive technology reads of a PDF besides its text. */
export interface PdfStructure {
  /** The catalogue's MarkInfo says the content is tagged (a structure tree with marked content). */
  tagged: boolean;
  /** The document language, /Lang of the catalogue. */
  language: string | null;
  /** The document title, /Title of the info dictionary. */
  title: string | null;
  /** The headings (H1 to H6) of the structure tree, page by page in tree order, with their text. */
  headings: { level: number; text: string }[];
}

// The structure tree and the marked content it points to, read with PDF.js itself (pdf-parse
// ships it) in a plain Node child for the reason above. A heading's text is the text of the
// marked-content sequences under it, found by their ids in the page's text content.
const STRUCTURE = `
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(Buffer.concat(chunks)) }).promise;
  try {
    const { info } = await doc.getMetadata();
    const markInfo = await doc.getMarkInfo();
    const headings = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      // Marked content nests (a ligature is a sequence of its own inside the word's): text
      // belongs to the innermost sequence with an id.
      const textOf = new Map();
      const open = [];
      for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
          open.push(item.id ?? open[open.length - 1] ?? null);
        } else if (item.type === 'endMarkedContent') {
          open.pop();
        } else if (open.length > 0 && open[open.length - 1] !== null && typeof item.str === 'string') {
          const id = open[open.length - 1];
          textOf.set(id, (textOf.get(id) ?? '') + item.str);
        }
      }
      const contentText = (node) =>
        node.type === 'content'
          ? (textOf.get(node.id) ?? '')
          : (node.children ?? []).map(contentText).join('');
      const visit = (node) => {
        const level = /^H([1-6])$/.exec(node.role ?? '');
        if (level) {
          headings.push({ level: Number(level[1]), text: contentText(node).replace(/\\s+/g, ' ').trim() });
          return;
        }
        (node.children ?? []).forEach(visit);
      };
      const tree = await page.getStructTree();
      if (tree) {
        visit(tree);
      }
    }
    process.stdout.write(JSON.stringify({
      tagged: markInfo?.Marked === true,
      language: info.Language ?? null,
      title: info.Title ?? null,
      headings,
    }));
  } finally {
    await doc.destroy();
  }
});
`;

/**
 * The tagged structure of a PDF as PDF.js reads it: whether it is tagged, its language and
 * title, and its headings in the order of the structure tree (the reading order a screen
 * reader follows).
 */
export function pdfStructure(pdf: Uint8Array): Promise<PdfStructure> {
  return runInChild(STRUCTURE, pdf).then((out) => JSON.parse(out) as PdfStructure);
}

/**
 * The text of an HTML fragment, entities decoded, with no white space (PDF text breaks lines)
 * and ligatures spelt out (a PDF may carry "ﬁ" for "fi").
 */
function squeezed(html: string): string {
  return html
    .normalize('NFKC')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;|&#160;|\s+/g, '');
}

/**
 * What a PDF printed from an HTML document should tell an assistive technology, read from the
 * HTML itself: tagged, the `lang` of its root and its `<title>`, and its first `count` headings
 * in source order (their text without white space). Compare with `readingOutline` of the PDF.
 */
export function outlineOfHtml(html: string, count: number): PdfStructure {
  return {
    tagged: true,
    language: /<html\b[^>]*\blang="([^"]+)"/.exec(html)?.[1] ?? null,
    title: squeezed(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? ''),
    headings: [...html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)]
      .slice(0, count)
      .map(([, level, text]) => ({ level: Number(level), text: squeezed(text) })),
  };
}

/** A PDF's structure as `outlineOfHtml` gives it: the first `count` headings, no white space. */
export function readingOutline(structure: PdfStructure, count: number): PdfStructure {
  return {
    ...structure,
    title: squeezed(structure.title ?? ''),
    headings: structure.headings
      .slice(0, count)
      .map(({ level, text }) => ({ level, text: squeezed(text) })),
  };
}

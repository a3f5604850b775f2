// A page object's dictionary holds `/Type /Page`; the page tree's holds `/Type /Pages`, hence
// the look-ahead. Chromium (Skia) writes every object uncompressed, without object streams.
const PAGE_OBJECT = /\/Type\s*\/Page(?![A-Za-z0-9])/g;

/**
 * Counts the pages of a PDF written by Chromium from its page objects. Throws when there are
 * none, which means the bytes are not such a PDF (an object-stream PDF would need a parser).
 */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  if (!text.startsWith('%PDF-')) {
    throw new Error('Not a PDF: the header %PDF- is missing');
  }
  const pages = text.match(PAGE_OBJECT)?.length ?? 0;
  if (pages === 0) {
    throw new Error('No page object found in the PDF');
  }
  return pages;
}

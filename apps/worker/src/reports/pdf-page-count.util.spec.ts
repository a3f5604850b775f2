import { countPdfPages } from './pdf-page-count.util';

const pdf = (body: string): Buffer => Buffer.from(`%PDF-1.4\n${body}\n%%EOF`, 'latin1');

describe('countPdfPages', () => {
  it('counts page objects and not the page tree', () => {
    const body = [
      '1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj',
      '2 0 obj << /Type /Page /Parent 1 0 R >> endobj',
      '3 0 obj <</Type/Page/Parent 1 0 R>> endobj',
    ].join('\n');
    expect(countPdfPages(pdf(body))).toBe(2);
  });

  it('refuses bytes that are not a PDF', () => {
    expect(() => countPdfPages(Buffer.from('<html></html>'))).toThrow(/Not a PDF/);
  });

  it('refuses a PDF without a page object', () => {
    expect(() => countPdfPages(pdf('1 0 obj << /Type /Pages /Count 0 >> endobj'))).toThrow(
      /No page object/,
    );
  });
});

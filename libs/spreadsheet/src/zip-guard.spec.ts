import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { DomainError, DomainErrorCode } from '@app/domain';
import { DEFAULT_SPREADSHEET_LIMITS } from './spreadsheet-limits';
import { inspectXlsxZip, looksLikeZip, streamingWorkbookParts } from './zip-guard';
import { zip } from './zip.test-util';

const limits = { ...DEFAULT_SPREADSHEET_LIMITS, maxUncompressedBytes: 1024 * 1024 };

async function refusal(buffer: Buffer, overrides = {}): Promise<[DomainErrorCode, string]> {
  try {
    await inspectXlsxZip(buffer, { ...limits, ...overrides }, 'en');
  } catch (e: unknown) {
    if (e instanceof DomainError) {
      return [e.code, e.problems[0]?.rule ?? ''];
    }
    throw e;
  }
  throw new Error('not refused');
}

describe('inspectXlsxZip', () => {
  it('counts the entries, inflated bytes, cells and rows of a workbook exceljs wrote', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.columns = [{ width: 10 }, { width: 20 }];
    for (let r = 0; r < 300; r++) {
      sheet.addRow([r, `text ${r}`, r % 2 === 0]);
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(looksLikeZip(buffer)).toBe(true);
    const result = await inspectXlsxZip(buffer, limits, 'en');
    expect(result).toMatchObject({ cells: 900, rows: 300 });
    expect(result.entries).toBeGreaterThan(5);
  });

  it('counts tags that a chunk boundary splits, and none twice', async () => {
    // 64 KiB chunks: 200,000 cells make sure boundaries fall inside tags.
    const xml = `<worksheet><sheetData>${'<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(200_000)}</sheetData></worksheet>`;
    const buffer = zip([
      {
        name: 'xl/worksheets/sheet1.xml',
        data: deflateRawSync(xml),
        declaredSize: xml.length,
      },
    ]);
    const result = await inspectXlsxZip(
      buffer,
      { ...limits, maxUncompressedBytes: 50e6, maxRows: 1e6 },
      'en',
    );
    expect(result).toMatchObject({ cells: 200_000, rows: 200_000 });
  });

  it('stops a zip bomb at the cap even when its header declares a small size', async () => {
    const bomb = deflateRawSync(Buffer.alloc(20 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(
      await refusal(zip([{ name: 'xl/worksheets/sheet1.xml', data: bomb, declaredSize: 10 }])),
    ).toEqual([DomainErrorCode.PayloadTooLarge, 'uncompressed_size']);
  });

  it('refuses declared sizes over the cap before inflating anything', async () => {
    const data = deflateRawSync(Buffer.from('x'));
    expect(await refusal(zip([{ name: 'a', data, declaredSize: 2 * 1024 * 1024 }]))).toEqual([
      DomainErrorCode.PayloadTooLarge,
      'uncompressed_size',
    ]);
  });

  it('refuses too many entries, counted from the directory and not only its end record', async () => {
    const data = deflateRawSync(Buffer.from('x'));
    const entries = Array.from({ length: 11 }, (_, i) => ({
      name: `e${i}`,
      data,
      declaredSize: 1,
    }));
    expect(await refusal(zip(entries), { maxZipEntries: 10 })).toEqual([
      DomainErrorCode.ValidationFailed,
      'zip_entries',
    ]);
  });

  it('refuses more cells or rows than allowed, counted in the XML before parsing', async () => {
    const xml = '<row><c><v>1</v></c><c><v>2</v></c></row>'.repeat(50);
    const entry = {
      name: 'xl/worksheets/sheet1.xml',
      data: deflateRawSync(xml),
      declaredSize: xml.length,
    };
    expect(await refusal(zip([entry]), { maxCells: 99 })).toEqual([
      DomainErrorCode.ValidationFailed,
      'too_many_cells',
    ]);
    expect(await refusal(zip([entry]), { maxRows: 48 })).toEqual([
      DomainErrorCode.ValidationFailed,
      'too_many_rows',
    ]);
  });

  it('refuses encrypted entries, unknown methods, corrupt data and what is no zip', async () => {
    const data = deflateRawSync(Buffer.from('hello'));
    expect(await refusal(zip([{ name: 'a', data, declaredSize: 5, flags: 1 }]))).toEqual([
      DomainErrorCode.ValidationFailed,
      'encrypted',
    ]);
    expect(await refusal(zip([{ name: 'a', data, declaredSize: 5, method: 12 }]))).toEqual([
      DomainErrorCode.ValidationFailed,
      'invalid_xlsx',
    ]);
    expect(
      await refusal(zip([{ name: 'a', data: Buffer.from([0xff, 0xff, 0xff]), declaredSize: 5 }])),
    ).toEqual([DomainErrorCode.ValidationFailed, 'invalid_xlsx']);
    expect(await refusal(Buffer.from('PK\u0003\u0004 not really a zip'))).toEqual([
      DomainErrorCode.ValidationFailed,
      'invalid_xlsx',
    ]);
    const truncated = zip([{ name: 'a', data, declaredSize: 5 }]);
    truncated.writeUInt32LE(9_999_999, truncated.length - 6);
    expect(await refusal(truncated)).toEqual([DomainErrorCode.ValidationFailed, 'invalid_xlsx']);
  });

  it('accepts stored (uncompressed) entries within the cap', async () => {
    const xml = Buffer.from('<row><c/></row>');
    const result = await inspectXlsxZip(
      zip([{ name: 'xl/worksheets/s.xml', data: xml, declaredSize: xml.length, method: 0 }]),
      limits,
      'en',
    );
    expect(result).toEqual({
      entries: 1,
      uncompressedBytes: xml.length,
      cells: 1,
      rows: 1,
      streamable: true,
    });
  });
});

describe('streamable worksheets', () => {
  const sheetWith = (cells: string): Buffer => {
    const xml = `<worksheet xmlns="x"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`;
    return zip([
      { name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(xml), declaredSize: xml.length },
    ]);
  };

  it.each([
    [
      'a merged range',
      '<c r="A1"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells><sheetData><row>',
    ],
    ['a formula with a yes/no result', '<c r="A1" s="2" t="b"><f>TRUE()</f><v>1</v></c>'],
    ['a formula with an error result', '<c r="A1" t="e">\n  <x:f>1/0</x:f><v>#DIV/0!</v></c>'],
    ['inline rich text', '<c r="A1" t="inlineStr"><is><r><t>Ja</t></r><r><t>!</t></r></is></c>'],
    ['a shared formula without a result', '<c r="B1"><f t="shared" si="0"/></c>'],
  ])('is not streamable with %s', async (_, cells) => {
    expect((await inspectXlsxZip(sheetWith(cells), limits, 'en')).streamable).toBe(false);
  });

  it.each([
    [
      'numbers, shared strings and constant yes/no and errors',
      '<c r="A1"><v>1</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c>',
    ],
    [
      'formulas with a number or a text result',
      '<c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"a"</f><v>a</v></c>',
    ],
    ['a shared formula with its result', '<c r="B1"><f t="shared" si="0"/><v>3</v></c>'],
    ['plain inline text', '<c r="A1" t="inlineStr"><is><t>Ja</t></is></c>'],
  ])('is streamable with %s', async (_, cells) => {
    expect((await inspectXlsxZip(sheetWith(cells), limits, 'en')).streamable).toBe(true);
  });

  it('puts the parts a streaming reader needs before the worksheets, each with its sizes', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').addRow(['text', 1]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const parts = streamingWorkbookParts(buffer, 'en');
    // The local headers one after the other, read as an unzipper reads them.
    const names: string[] = [];
    let at = 0;
    while (parts.readUInt32LE(at) === 0x04034b50) {
      expect(parts.readUInt16LE(at + 6) & 0x8).toBe(0);
      const size = parts.readUInt32LE(at + 18);
      const nameLength = parts.readUInt16LE(at + 26);
      names.push(parts.toString('utf8', at + 30, at + 30 + nameLength));
      at += 30 + nameLength + parts.readUInt16LE(at + 28) + size;
    }
    expect(names).toEqual([
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(parts.readUInt32LE(at)).toBe(0x06054b50);
    expect(parts.length).toBe(at + 22);
  });
});

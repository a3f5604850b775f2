import { DomainError, DomainErrorCode, type MessageLanguage } from '@app/domain';
import { createInflateRaw } from 'node:zlib';
import type { SpreadsheetLimits } from './spreadsheet-limits';
import { SPREADSHEET_MESSAGES as M } from './spreadsheet-messages';

/** What inflating every entry of an XLSX zip found, within the limits. */
export interface ZipInspection {
  entries: number;
  /** Bytes of all entries once inflated: counted, not taken from the zip's headers. */
  uncompressedBytes: number;
  /** Cells (`<c>` elements) of all worksheets. */
  cells: number;
  /** Rows (`<row>` elements) of the largest worksheet. */
  rows: number;
  /**
   * Whether exceljs's streaming reader reads every worksheet as loading the whole workbook
   * does. It does not for merged cells (loading gives every cell of the range the value), a
   * formula whose result is yes/no or an error (streamed, its result is a number), inline rich
   * text (streamed, its last run only) and a shared formula without a result (streamed,
   * without its formula); `readXlsxTable` loads a workbook with any of them.
   */
  streamable: boolean;
}

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_EXTRA_ID = 0x0001;
const STORED = 0;
const DEFLATED = 8;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

// A worksheet's cells and rows, with or without a namespace prefix; `<col>`, `<cols>` and
// `<cfRule>` do not match because the name must end right after `c` or `row`.
const CELL_TAG = /<(?:[A-Za-z_][\w.-]*:)?c[\s/>]/g;
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s/>]/g;
const TAG_CARRY = 40;
const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';
// What the streaming reader reads otherwise than loading does (see ZipInspection.streamable).
const MODEL_ONLY = new RegExp(
  [
    `<${PREFIX}mergeCell[\\s/>]`,
    `\\st="[be]"[^<>]*>\\s*<${PREFIX}f[\\s/>]`,
    `<${PREFIX}is>\\s*<${PREFIX}r[\\s>]`,
    `<${PREFIX}f\\s[^<>]*/>\\s*</${PREFIX}c>`,
  ].join('|'),
  'g',
);
const MODEL_ONLY_CARRY = 400;
const WORKSHEET_ENTRY = /^xl\/worksheets\/[^/]+\.xml$/i;
/** What a streaming reader needs before the worksheets, in its order (`streamingWorkbookParts`). */
const STREAMING_ORDER = [
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/** The file is a zip with a `PK\x03\x04` local header first, as every XLSX is. */
export function looksLikeZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer.readUInt32LE(0) === LOCAL_SIGNATURE;
}

class LimitExceeded extends Error {}

function invalid(language: MessageLanguage): DomainError {
  return new DomainError(DomainErrorCode.ValidationFailed, M.invalidXlsx(language), [
    { key: 'file', rule: 'invalid_xlsx', message: M.invalidXlsx(language) },
  ]);
}

function refusal(code: DomainErrorCode, rule: string, message: string): DomainError {
  return new DomainError(code, message, [{ key: 'file', rule, message }]);
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const lowest = Math.max(0, buffer.length - 22 - U16_MAX);
  for (let at = buffer.length - 22; at >= lowest; at--) {
    if (buffer.readUInt32LE(at) === EOCD_SIGNATURE) {
      return at;
    }
  }
  return -1;
}

function readBigSize(buffer: Buffer, at: number): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError('zip64 size out of range');
  }
  return Number(value);
}

/** The central directory's position and declared entry count, zip64 included. */
function centralDirectory(buffer: Buffer): { offset: number; size: number; count: number } {
  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd < 0) {
    throw new RangeError('no end of central directory');
  }
  let count = buffer.readUInt16LE(eocd + 10);
  let size = buffer.readUInt32LE(eocd + 12);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (count === U16_MAX || size === U32_MAX || offset === U32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || buffer.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) {
      throw new RangeError('zip64 locator missing');
    }
    const record = readBigSize(buffer, locator + 8);
    if (record + 56 > buffer.length || buffer.readUInt32LE(record) !== ZIP64_EOCD_SIGNATURE) {
      throw new RangeError('zip64 end of central directory missing');
    }
    count = readBigSize(buffer, record + 32);
    size = readBigSize(buffer, record + 40);
    offset = readBigSize(buffer, record + 48);
  }
  if (offset + size > buffer.length) {
    throw new RangeError('central directory outside the file');
  }
  return { offset, size, count };
}

/** Reads the central directory, refusing more than `maxEntries` entries before reading them. */
function readEntries(buffer: Buffer, maxEntries: number, language: MessageLanguage): ZipEntry[] {
  const directory = centralDirectory(buffer);
  if (directory.count > maxEntries) {
    throw refusal(
      DomainErrorCode.ValidationFailed,
      'zip_entries',
      M.tooManyEntries(maxEntries, language),
    );
  }
  const entries: ZipEntry[] = [];
  const end = directory.offset + directory.size;
  let at = directory.offset;
  while (at + 46 <= end && buffer.readUInt32LE(at) === CENTRAL_SIGNATURE) {
    // The declared count may lie; the records are what an unzipper reads.
    if (entries.length >= maxEntries) {
      throw refusal(
        DomainErrorCode.ValidationFailed,
        'zip_entries',
        M.tooManyEntries(maxEntries, language),
      );
    }
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      flags: buffer.readUInt16LE(at + 8),
      method: buffer.readUInt16LE(at + 10),
      crc32: buffer.readUInt32LE(at + 16),
      compressedSize: buffer.readUInt32LE(at + 20),
      declaredSize: buffer.readUInt32LE(at + 24),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
    };
    applyZip64Extra(buffer, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Fills in the sizes and offset that a zip64 entry keeps in its extra field. */
function applyZip64Extra(buffer: Buffer, start: number, length: number, entry: ZipEntry): void {
  const end = Math.min(start + length, buffer.length);
  for (let at = start; at + 4 <= end;) {
    const id = buffer.readUInt16LE(at);
    const size = buffer.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA_ID) {
      let field = at + 4;
      const next = (): number => {
        const value = field + 8 <= at + 4 + size ? readBigSize(buffer, field) : -1;
        field += 8;
        return value;
      };
      if (entry.declaredSize === U32_MAX) {
        entry.declaredSize = next();
      }
      if (entry.compressedSize === U32_MAX) {
        entry.compressedSize = next();
      }
      if (entry.localHeaderOffset === U32_MAX) {
        entry.localHeaderOffset = next();
      }
      return;
    }
    at += 4 + size;
  }
}

/** The compressed bytes of an entry, located through its local header. */
function entryData(buffer: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_SIGNATURE) {
    throw new RangeError(`local header of ${entry.name} missing`);
  }
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (entry.compressedSize < 0 || end > buffer.length) {
    throw new RangeError(`data of ${entry.name} outside the file`);
  }
  return buffer.subarray(start, end);
}

/** Counts the matches of `pattern` in a stream of text chunks, none twice, none missed. */
class TagCounter {
  count = 0;
  private carry = '';

  constructor(
    private readonly pattern: RegExp,
    private readonly carryLength = TAG_CARRY,
  ) {}

  push(chunk: Buffer): void {
    // latin1 maps byte to character one to one: tags are ASCII, multi-byte text cannot fake one.
    const text = this.carry + chunk.toString('latin1');
    const fresh = this.carry.length;
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(text); m !== null; m = this.pattern.exec(text)) {
      // A match that ends within the carry was counted with the previous chunk.
      if (m.index + m[0].length > fresh) {
        this.count++;
      }
    }
    this.carry = text.slice(-this.carryLength);
  }
}

/**
 * Inflates `data` while counting its bytes and hands each chunk on; stops, and throws
 * `LimitExceeded`, as soon as more than `budget` bytes come out. Memory stays at one chunk
 * whatever the entry claims or really holds.
 */
function inflateCounting(
  data: Buffer,
  budget: number,
  onChunk: (chunk: Buffer) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    let settled = false;
    const fail = (error: Error): void => {
      if (!settled) {
        settled = true;
        inflater.destroy();
        reject(error);
      }
    };
    inflater.on('data', (chunk: Buffer) => {
      if (settled) {
        return;
      }
      total += chunk.length;
      if (total > budget) {
        fail(new LimitExceeded());
        return;
      }
      onChunk(chunk);
    });
    inflater.on('error', fail);
    inflater.on('end', () => {
      if (!settled) {
        settled = true;
        resolve(total);
      }
    });
    inflater.end(data);
  });
}

/**
 * Checks an XLSX zip against the limits before anything parses it: the number of entries, the
 * bytes of every entry as really inflated (a zip bomb is stopped at the cap, whatever sizes its
 * headers declare), and the cells and rows of its worksheets. Throws a `DomainError` with one
 * problem: `PayloadTooLarge` for the inflated size, `ValidationFailed` for the rest and for a
 * file that is not a readable zip.
 */
export async function inspectXlsxZip(
  buffer: Buffer,
  limits: Pick<
    SpreadsheetLimits,
    'maxZipEntries' | 'maxUncompressedBytes' | 'maxCells' | 'maxRows'
  >,
  language: MessageLanguage,
): Promise<ZipInspection> {
  const tooLarge = (): DomainError =>
    refusal(
      DomainErrorCode.PayloadTooLarge,
      'uncompressed_size',
      M.uncompressedTooLarge(limits.maxUncompressedBytes, language),
    );
  let entries: ZipEntry[];
  try {
    entries = readEntries(buffer, limits.maxZipEntries, language);
  } catch (e: unknown) {
    throw e instanceof DomainError ? e : invalid(language);
  }
  if (entries.length === 0) {
    throw invalid(language);
  }
  // Declared sizes cannot be trusted to be small, but a file that declares too much is refused
  // without inflating anything.
  if (entries.reduce((sum, e) => sum + e.declaredSize, 0) > limits.maxUncompressedBytes) {
    throw tooLarge();
  }
  let total = 0;
  let cells = 0;
  let rows = 0;
  let modelOnly = 0;
  for (const entry of entries) {
    if ((entry.flags & 0x1) !== 0) {
      throw refusal(DomainErrorCode.ValidationFailed, 'encrypted', M.encryptedXlsx(language));
    }
    let data: Buffer;
    try {
      data = entryData(buffer, entry);
    } catch {
      throw invalid(language);
    }
    const worksheet = WORKSHEET_ENTRY.test(entry.name);
    const cellCounter = new TagCounter(CELL_TAG);
    const rowCounter = new TagCounter(ROW_TAG);
    const modelOnlyCounter = new TagCounter(MODEL_ONLY, MODEL_ONLY_CARRY);
    const count = (chunk: Buffer): void => {
      if (worksheet) {
        cellCounter.push(chunk);
        rowCounter.push(chunk);
        modelOnlyCounter.push(chunk);
      }
    };
    const budget = limits.maxUncompressedBytes - total;
    if (entry.method === STORED) {
      if (data.length > budget) {
        throw tooLarge();
      }
      count(data);
      total += data.length;
    } else if (entry.method === DEFLATED) {
      try {
        total += await inflateCounting(data, budget, count);
      } catch (e: unknown) {
        throw e instanceof LimitExceeded ? tooLarge() : invalid(language);
      }
    } else {
      throw invalid(language);
    }
    cells += cellCounter.count;
    rows = Math.max(rows, rowCounter.count);
    modelOnly += modelOnlyCounter.count;
    if (cells > limits.maxCells) {
      throw refusal(
        DomainErrorCode.ValidationFailed,
        'too_many_cells',
        M.tooManyCells(limits.maxCells, language),
      );
    }
    // The header row comes on top of the data rows.
    if (rows > limits.maxRows + 1) {
      throw refusal(
        DomainErrorCode.ValidationFailed,
        'too_many_rows',
        M.tooManyRows(limits.maxRows, language),
      );
    }
  }
  return {
    entries: entries.length,
    uncompressedBytes: total,
    cells,
    rows,
    streamable: modelOnly === 0,
  };
}

/**
 * The parts of a workbook in the order a streaming reader needs them (exceljs's WorkbookReader
 * reads a zip front to back): the workbook's relationships, the workbook, the shared strings and
 * the styles before the worksheets. Writers put the worksheets first (Excel and exceljs do), and
 * the streaming reader then parks every worksheet in a temporary file until the shared strings
 * have come. Only these parts are kept, each behind a new local header that states its sizes
 * (from the central directory), so that the reader never searches the data for where an entry
 * ends, and an empty end record after them. For a zip that `inspectXlsxZip` has let through.
 */
export function streamingWorkbookParts(buffer: Buffer, language: MessageLanguage): Buffer {
  const rank = (name: string): number => {
    const at = STREAMING_ORDER.indexOf(name);
    return at >= 0 ? at : WORKSHEET_ENTRY.test(name) ? STREAMING_ORDER.length : -1;
  };
  try {
    const parts = readEntries(buffer, Number.MAX_SAFE_INTEGER, language)
      .filter((entry) => rank(entry.name) >= 0)
      .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
    // An end record closes the entries: the reader reads records until it finds one.
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD_SIGNATURE, 0);
    return Buffer.concat([
      ...parts.flatMap((entry) => {
        const name = Buffer.from(entry.name, 'utf8');
        const header = Buffer.alloc(30);
        header.writeUInt32LE(LOCAL_SIGNATURE, 0);
        header.writeUInt16LE(20, 4);
        // Without bit 3: the sizes are here, and no data descriptor follows the data.
        header.writeUInt16LE(entry.flags & ~0x8, 6);
        header.writeUInt16LE(entry.method, 8);
        header.writeUInt32LE(entry.crc32, 14);
        header.writeUInt32LE(entry.compressedSize, 18);
        header.writeUInt32LE(entry.declaredSize, 22);
        header.writeUInt16LE(name.length, 26);
        return [header, name, entryData(buffer, entry)];
      }),
      end,
    ]);
  } catch (e: unknown) {
    throw e instanceof DomainError ? e : invalid(language);
  }
}

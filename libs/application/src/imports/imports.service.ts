import { Injectable } from '@nestjs/common';
import {
  Action,
  assertCycleOpen,
  type Catalogue,
  DomainError,
  DomainErrorCode,
  isEditable,
  notFound,
  requireAccess,
  validateDraft,
} from '@app/domain';
import {
  companiesOfUnits,
  CycleEntity,
  participatingCompanies,
  StudyEntity,
  SubmissionEntity,
  TenantDb,
  lockCycleSubmissions,
  lockSubmissionsOfUnits,
  unitsTakingPartById,
  submissionsOfCycle,
  findCycle,
  studyOf,
} from '@app/persistence';
import {
  type CellProblem,
  type CycleImportChunk,
  type ExportFormat,
  type ExportTable,
  type TableValue,
  cellProblem,
  EXPORT_MEDIA_TYPES,
  locateProblems,
  SpreadsheetParsePool,
  SPREADSHEET_MESSAGES as M,
  sortByCell,
  TEMPLATE_SHEET_NAMES,
  writeSubmissionTemplate,
  writeTable,
} from '@app/spreadsheet';
import type { TenantTx } from '@app/persistence';
import type { CallerContext, Language } from '../common/caller';
import type { FileResult } from '../common/file-result';
import type { UploadedSpreadsheetFile } from '../common/uploaded-spreadsheet-file';
import type { SubmissionDto } from '../submissions/submission.dto';
import {
  DraftBatchItem,
  DraftBatchPart,
  DraftBatchResult,
  SubmissionContext,
  SubmissionsService,
} from '../submissions/submissions.service';
import { SubmissionRepository } from '@app/persistence';
import type { CycleImportResultDto } from './import.dto';

/** A chunk of an import's rows, with what the database knows of their units. */
interface ChunkUnits {
  chunk: CycleImportChunk;
  companyOf: Map<string, string>;
  submissionOf: Map<string, SubmissionEntity>;
  context: DraftBatchPart['context'];
}

/**
 * At most this many problems go back with a refused import: enough to fix a file in one
 * round, while a file of 5,000 rows that is wrong throughout does not become a 50 MB answer.
 */
export const MAX_LISTED_PROBLEMS = 1000;

/**
 * Chunks of an import whose units are read while an earlier one is checked and stored. The
 * statements of a transaction run one after the other, so a chunk's reads asked for only as
 * the chunk before is handed on would wait behind that chunk's rounds, and the rows' checks
 * behind them; read ahead, they are answered before those rounds come.
 */
const READ_AHEAD_CHUNKS = 2;

/** The profile columns of a cycle export, after the unit id and before the state. */
const PROFILE_COLUMNS = ['industry', 'country', 'sizeBand', 'customerType', 'sourcing'] as const;

const XLSX_TYPE = EXPORT_MEDIA_TYPES.xlsx;

const EXPORT_TEXT = {
  columns: {
    de: ['Bereich', 'Schlüssel', 'Bezeichnung', 'Wert', 'Einheit', 'Kommentar'],
    en: ['Section', 'Key', 'Label', 'Value', 'Unit', 'Comment'],
  },
  sections: {
    de: { submission: 'Datensatz', input: 'Eingabe', derived: 'Berechnet', warning: 'Warnung' },
    en: { submission: 'Submission', input: 'Input', derived: 'Derived', warning: 'Warning' },
  },
  fields: {
    de: {
      unitId: 'Einheiten-Id',
      unitName: 'Einheit',
      year: 'Berichtsjahr',
      state: 'Status',
      version: 'Version',
      submittedAt: 'Eingereicht am',
      returnComment: 'Rückfrage des Herausgebers',
    },
    en: {
      unitId: 'Unit id',
      unitName: 'Unit',
      year: 'Reference year',
      state: 'State',
      version: 'Version',
      submittedAt: 'Submitted at',
      returnComment: "Publisher's query",
    },
  },
  sheet: { de: 'Datensatz', en: 'Submission' },
} as const;

/** A file name part of plain ASCII letters, digits and dashes. */
function slug(text: string, fallback: string): string {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40);
  return plain || fallback;
}

/**
 * Spreadsheets in and out: a unit's XLSX template and its upload as the draft, a publisher's
 * import of a whole cycle, and the CSV and XLSX exports of a submission and of a cycle. Every
 * answer goes through the validation, plausibility checks and audit trail of the submission
 * workflow; an import is all or nothing and lists every bad cell.
 */
@Injectable()
export class ImportsService {
  constructor(
    private readonly db: TenantDb,
    private readonly submissions: SubmissionsService,
    private readonly store: SubmissionRepository,
    private readonly parser: SpreadsheetParsePool,
  ) {}

  /** The XLSX template of a unit's submission, with its current draft filled in. */
  async template(
    req: CallerContext,
    cycleId: string,
    unitId: string,
    language: Language,
  ): Promise<FileResult> {
    requireAccess(req.actor, Action.SubmissionExport);
    const { cycle, unit, study, catalogue, submission } = await this.submissions.context(
      req,
      cycleId,
      unitId,
    );
    const buffer = await writeSubmissionTemplate({
      catalogue,
      answers: submission.answers as SubmissionEntity['answers'],
      language,
      title: `${study.name} ${cycle.year}: ${unit.name}`,
    });
    const name = language === 'de' ? 'vorlage' : 'template';
    return {
      buffer,
      type: XLSX_TYPE,
      fileName: `${name}-${cycle.year}-${slug(unit.name, unit.id.slice(0, 8))}.xlsx`,
    };
  }

  /**
   * Stores a filled-in template as the unit's draft, through the same validation as a draft
   * saved as JSON. One bad cell and nothing is stored: the 422 lists every bad cell.
   */
  async uploadDraft(
    req: CallerContext,
    cycleId: string,
    unitId: string,
    file: UploadedSpreadsheetFile | undefined,
    version: number | undefined,
  ): Promise<SubmissionDto> {
    // Access first, so that a caller who may not write learns nothing from its file.
    const catalogue = await this.submissions.catalogueForDraft(req, cycleId, unitId);
    const read = await this.parser.readSubmissionTemplate(
      this.requireFile(file, req.language),
      catalogue,
      { language: req.language, sheetNames: Object.values(TEMPLATE_SHEET_NAMES) },
    );
    return this.submissions.saveDraft(
      req,
      cycleId,
      unitId,
      { answers: read.answers, version },
      {
        report: (problems) =>
          sortByCell([
            ...read.problems,
            ...locateProblems(problems, read.sheet, (key) => read.cells.get(key), read.fallback),
          ]),
      },
    );
  }

  /**
   * Imports a cycle from one XLSX or CSV file of one row per unit: every row is validated as
   * a draft save would be, and unknown, foreign, duplicate and already submitted units are
   * refused. Any problem stores nothing; otherwise all rows are stored as drafts in one
   * transaction with their audit rows, the publisher recorded as the actor.
   *
   * A parser thread reads the file and hands its rows over in chunks as it reads them, so the
   * database stores the first rows while the thread reads the rest; a refusal of the file or a
   * problem in any row rolls back what was stored.
   */
  async importCycle(
    req: CallerContext,
    cycleId: string,
    file: UploadedSpreadsheetFile | undefined,
  ): Promise<CycleImportResultDto> {
    const catalogue = await this.db.withTenant(req.actor.tenantId, async (m) => {
      const { cycle, study } = await this.publishersCycle(m, req, cycleId, Action.CycleImport);
      assertCycleOpen(cycle);
      return this.store.catalogueOf(m, study.catalogueVersionId);
    });
    // Of a file with more problems than are listed, only those come.
    const chunks = this.parser.streamCycleImport(this.requireFile(file, req.language), catalogue, {
      language: req.language,
      listProblems: MAX_LISTED_PROBLEMS,
    });
    try {
      // A file refused before its first rows (no workbook, over a limit) opens no transaction.
      const first = await chunks.next();
      return await this.db.withTenant(req.actor.tenantId, (m) =>
        this.importChunks(m, req, cycleId, catalogue, first, chunks),
      );
    } finally {
      await chunks.return(undefined);
    }
  }

  /** The import's transaction: see `importCycle`. */
  private async importChunks(
    m: TenantTx,
    req: CallerContext,
    cycleId: string,
    catalogue: Catalogue,
    first: IteratorResult<CycleImportChunk>,
    chunks: AsyncGenerator<CycleImportChunk>,
  ): Promise<CycleImportResultDto> {
    const { cycle } = await this.publishersCycle(m, req, cycleId, Action.CycleImport);
    assertCycleOpen(cycle);
    // The units are locked chunk by chunk as the rows come: one bulk change at a time.
    await lockCycleSubmissions(m, cycleId);
    // Visible units are those of companies in any of this publisher's studies.
    const participants = await participatingCompanies(m, cycle.studyId);
    const plausibility = await this.store.plausibilityReader(m, cycle);
    const problems: CellProblem[] = [];
    let final: CycleImportChunk | undefined;
    // Problems the thread has counted in the sheet so far.
    let sheetProblems = 0;
    let units = 0;
    // Until the drafts are stored or refused: after that the transaction ends, and a chunk
    // still coming reads nothing more.
    let storing = true;

    // A chunk's units: the companies that run them, their submissions (locked for update) and
    // the previous cycle's answers. Asked for as soon as the chunk comes, READ_AHEAD_CHUNKS
    // ahead of the one being stored.
    const unitsOf = async (chunk: CycleImportChunk): Promise<ChunkUnits | null> => {
      const unitIds = chunk.rows.flatMap((r) => (r.unitId ? [r.unitId] : []));
      const companyOf = await companiesOfUnits(m, unitIds);
      if (!storing) {
        return null;
      }
      const current = await lockSubmissionsOfUnits(m, cycleId, unitIds);
      if (!storing) {
        return null;
      }
      return {
        chunk,
        companyOf,
        submissionOf: new Map(current.map((s) => [s.unitId, s])),
        context: await plausibility(unitIds),
      };
    };
    // Chunks are asked for ahead, so past the end too: that answer (done) changes nothing.
    const read = (next: IteratorResult<CycleImportChunk>): Promise<ChunkUnits | null> | null => {
      if (next.done || !storing) {
        return null;
      }
      if (next.value.final) {
        final = next.value;
        return null;
      }
      return unitsOf(next.value);
    };

    // Each row is checked as the writer takes it, so the database stores the rounds before
    // while the next are checked. After the first problem no row is handed on, nothing more
    // is sent, and the rows left are checked only to list their problems; the refusal then
    // rolls back the rounds stored.
    const checkedRows = function* ({
      chunk,
      companyOf,
      submissionOf,
    }: ChunkUnits): Generator<DraftBatchItem> {
      for (const row of chunk.rows) {
        if (!row.unitId) {
          continue;
        }
        const refuse = (rule: string, message: string): void => {
          problems.push(cellProblem(chunk.sheet, row.unitCell, 'unitId', { rule, message }));
        };
        const companyId = companyOf.get(row.unitId);
        if (companyId === undefined) {
          refuse('unknown_unit', M.unknownUnit(row.unitId, req.language));
          continue;
        }
        if (!participants.has(companyId)) {
          refuse('unit_not_participating', M.unitNotParticipating(req.language));
          continue;
        }
        const submission = submissionOf.get(row.unitId) ?? null;
        if (submission && !isEditable(submission.state)) {
          refuse('submission_locked', M.submissionLocked(submission.state, req.language));
          continue;
        }
        const checked = validateDraft(
          catalogue,
          submission?.answers ?? {},
          row.answers,
          req.language,
        );
        if (checked.errors.length > 0) {
          problems.push(...locateProblems(checked.errors, chunk.sheet, row.cellOf, row.unitCell));
          continue;
        }
        units += 1;
        if (sheetProblems === 0 && problems.length === 0) {
          yield { unitId: row.unitId, companyId, current: submission, checked };
        }
      }
    };
    const parts = async function* (): AsyncGenerator<DraftBatchPart> {
      // The chunks ahead, their units read as they come, in the file's order; a failure of
      // either is thrown when its turn comes.
      const ahead: Promise<ChunkUnits | null>[] = [Promise.resolve(read(first))];
      const readNext = (): void => {
        const reading = chunks.next().then(read);
        reading.catch(() => undefined);
        ahead.push(reading);
      };
      for (let k = 0; k < READ_AHEAD_CHUNKS; k++) {
        readNext();
      }
      for (;;) {
        const loaded = await ahead.shift();
        if (!loaded) {
          return;
        }
        readNext();
        sheetProblems = loaded.chunk.problemCount;
        yield { items: checkedRows(loaded), context: loaded.context };
      }
    };
    let result: DraftBatchResult;
    try {
      result = await this.submissions.storeDrafts(m, req, cycle, catalogue, parts());
    } finally {
      storing = false;
    }
    if (!final) {
      throw new Error('a cycle import ended without its problems');
    }
    // Those of the sheet that were not listed are counted all the same.
    const unlisted = final.problemCount - final.problems.length;
    problems.push(...final.problems);
    if (problems.length > 0) {
      const listed = sortByCell(problems).slice(0, MAX_LISTED_PROBLEMS);
      throw new DomainError(
        DomainErrorCode.ValidationFailed,
        M.refused(problems.length + unlisted, listed.length, req.language),
        listed,
      );
    }
    return { cycleId, units, ...result };
  }

  /** One row per unit of the cycle's study: id, profile, state, every input and derived KPI. */
  exportCycle(req: CallerContext, cycleId: string, format: ExportFormat): Promise<FileResult> {
    return this.db.withTenant(req.actor.tenantId, async (m) => {
      const { cycle, study } = await this.publishersCycle(m, req, cycleId, Action.CycleExport);
      const catalogue = await this.store.catalogueOf(m, study.catalogueVersionId);
      const units = await unitsTakingPartById(m, study.id);
      const submissions = await submissionsOfCycle(m, cycleId);
      const submissionOf = new Map(submissions.map((s) => [s.unitId, s]));
      const inputs = catalogue.inputs().map((i) => i.key);
      const derived = catalogue.derived().map((i) => i.key);
      const table: ExportTable = {
        sheet: `${cycle.year}`,
        columns: ['unitId', ...PROFILE_COLUMNS, 'state', ...inputs, ...derived],
        rows: units.map((unit) => {
          const s = submissionOf.get(unit.id);
          return [
            unit.id,
            ...PROFILE_COLUMNS.map((c) => unit[c]),
            s?.state ?? null,
            ...inputs.map((k) => s?.answers[k] ?? null),
            ...derived.map((k) => s?.derived[k] ?? null),
          ];
        }),
      };
      return {
        buffer: await writeTable(table, format),
        type: EXPORT_MEDIA_TYPES[format],
        fileName: `cycle-${cycle.year}-${slug(study.name, 'study')}.${format}`,
      };
    });
  }

  /**
   * One submission as a table of sections: the data set (unit, year, state, the publisher's
   * query), every input and derived KPI with its label and unit, and every warning with the
   * submitter's comment; labels in the request's language.
   */
  async exportSubmission(
    req: CallerContext,
    cycleId: string,
    unitId: string,
    format: ExportFormat,
  ): Promise<FileResult> {
    requireAccess(req.actor, Action.SubmissionExport);
    const context = await this.submissions.context(req, cycleId, unitId);
    const { cycle, unit } = context;
    const table = this.submissionTable(req.language, context);
    const name = req.language === 'de' ? 'datensatz' : 'submission';
    return {
      buffer: await writeTable(table, format),
      type: EXPORT_MEDIA_TYPES[format],
      fileName: `${name}-${cycle.year}-${slug(unit.name, unit.id.slice(0, 8))}.${format}`,
    };
  }

  private submissionTable(
    language: Language,
    { catalogue, cycle, unit, submission: s, warningComments }: SubmissionContext,
  ): ExportTable {
    const section = EXPORT_TEXT.sections[language];
    const field = EXPORT_TEXT.fields[language];
    const rows: TableValue[][] = [
      [section.submission, 'unitId', field.unitId, unit.id, null, null],
      [section.submission, 'unitName', field.unitName, unit.name, null, null],
      [section.submission, 'year', field.year, cycle.year, null, null],
      [section.submission, 'state', field.state, s.state, null, null],
      [section.submission, 'version', field.version, s.version, null, null],
      [section.submission, 'submittedAt', field.submittedAt, s.submittedAt, null, null],
      [section.submission, 'returnComment', field.returnComment, null, null, s.returnComment],
    ];
    for (const item of catalogue.inputs()) {
      const value = s.answers[item.key] as TableValue;
      rows.push([section.input, item.key, item.label[language], value, item.unit, null]);
    }
    for (const item of catalogue.derived()) {
      const value = s.derived[item.key] as TableValue;
      rows.push([section.derived, item.key, item.label[language], value, item.unit, null]);
    }
    const commented = new Set<string>();
    for (const warning of s.warnings) {
      commented.add(warning.id);
      rows.push([section.warning, warning.id, warning.message, null, null, warning.comment]);
    }
    // A comment whose warning no longer shows (the value was corrected) is part of the record.
    for (const [id, comment] of Object.entries(warningComments)) {
      if (!commented.has(id)) {
        rows.push([section.warning, id, null, null, null, comment]);
      }
    }
    return { sheet: EXPORT_TEXT.sheet[language], columns: EXPORT_TEXT.columns[language], rows };
  }

  /** The cycle and its study, if the caller is the publisher that runs them; 404 otherwise. */
  private async publishersCycle(
    m: TenantTx,
    req: CallerContext,
    cycleId: string,
    action: Action,
  ): Promise<{ cycle: CycleEntity; study: StudyEntity }> {
    const cycle = await findCycle(m, cycleId);
    if (!cycle) {
      throw notFound('Cycle', cycleId);
    }
    requireAccess(req.actor, action, { thing: 'Cycle', id: cycleId, ownerId: cycle.tenantId });
    const study = await studyOf(m, cycle);
    return { cycle, study };
  }

  private requireFile(
    file: UploadedSpreadsheetFile | undefined,
    language: Language,
  ): { buffer: Buffer; originalName: string } {
    if (!file) {
      const message = M.noFile(language);
      throw new DomainError(DomainErrorCode.ValidationFailed, message, [
        { key: 'file', rule: 'file_missing', message },
      ]);
    }
    return { buffer: file.buffer, originalName: file.originalname };
  }
}

import { Injectable } from '@nestjs/common';
import {
  Action,
  Actor,
  CatalogueDefinition,
  CatalogueItemEdit,
  diffCatalogues,
  DomainError,
  DomainErrorCode,
  KpiItemDefinition,
  loadCatalogue,
  loadEditedCatalogue,
  notFound,
  requireAccess,
  withItemAdded,
  withItemRemoved,
  withItemReplaced,
} from '@app/domain';
import {
  CatalogueVersionEntity,
  TenantDb,
  catalogueVersionsOf,
  updateCatalogueDraft,
  getCatalogueVersion,
  studiesUsingCatalogueVersion,
  latestCatalogueVersion,
  insertCatalogueVersion,
  findCatalogueVersion,
} from '@app/persistence';
import type { TenantTx } from '@app/persistence';
import {
  DEFAULT_SPREADSHEET_LIMITS,
  EXPORT_MEDIA_TYPES,
  looksLikeZip,
  readCatalogueWorkbook,
  SPREADSHEET_MESSAGES as M,
  writeCatalogueWorkbook,
} from '@app/spreadsheet';
import type { CallerContext } from '../common/caller';
import type { FileResult } from '../common/file-result';
import type { UploadedSpreadsheetFile } from '../common/uploaded-spreadsheet-file';
import { CATALOGUE_TEXTS as T } from './catalogues.texts';
import type {
  CatalogueDiffView,
  CatalogueItemInput,
  CatalogueVersionDetail,
  CatalogueVersionUse,
} from './catalogue-editor.types';
import type { CatalogueVersionView } from '../studies/study.types';

function toVersionView(v: CatalogueVersionEntity): CatalogueVersionView {
  return {
    id: v.id,
    key: v.key,
    version: v.version,
    hash: v.hash,
    createdAt: v.createdAt.toISOString(),
  };
}

/** The item as the catalogue stores it: absent optional fields stay absent. */
function itemOf(input: CatalogueItemInput): CatalogueItemEdit {
  const { position, unit, help, min, max, formula, choices, benchmarked, weightKey } = input;
  const trimmed = formula?.trim();
  const item: KpiItemDefinition = {
    key: input.key.trim(),
    area: input.area,
    type: input.type,
    unit: unit === undefined || unit === null || unit.trim() === '' ? null : unit.trim(),
    label: { de: input.label.de, en: input.label.en },
    help: { de: help?.de ?? '', en: help?.en ?? '' },
    required: input.required,
    polarity: input.polarity,
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
    ...(trimmed === undefined || trimmed === '' ? {} : { formula: trimmed }),
    ...(choices === undefined
      ? {}
      : {
          choices: choices.map((c) => ({
            value: c.value,
            label: { de: c.label.de, en: c.label.en },
          })),
        }),
    ...(benchmarked === undefined ? {} : { benchmarked }),
    ...(weightKey === undefined || weightKey.trim() === '' ? {} : { weightKey: weightKey.trim() }),
  };
  return { item, ...(position === undefined ? {} : { position }) };
}

/**
 * The questionnaire editor: a draft started from a version, its items edited, added and
 * removed one at a time, two versions compared, and the XLSX round trip. A version is a draft
 * while no cycle uses it; every save checks the whole catalogue, so a stored version always
 * loads, and a refused save stores nothing.
 */
@Injectable()
export class CataloguesService {
  constructor(private readonly db: TenantDb) {}

  /** The caller's versions with their definitions and uses, by key, the newest first. */
  listVersions(actor: Actor): Promise<CatalogueVersionDetail[]> {
    requireAccess(actor, Action.CatalogueVersionRead);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const versions = await catalogueVersionsOf(m, actor.tenantId, 'newest first');
      return Promise.all(versions.map((v) => this.detail(m, v)));
    });
  }

  /** A version of the caller's with its definition, its studies and whether it is a draft. */
  getVersion(actor: Actor, versionId: string): Promise<CatalogueVersionDetail> {
    requireAccess(actor, Action.CatalogueVersionRead);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const version = await this.findOwn(m, actor, versionId, Action.CatalogueVersionRead);
      return this.detail(m, version);
    });
  }

  /** A new version (a draft) with the definition of `fromId`, numbered after the key's last. */
  startDraft(actor: Actor, fromId: string): Promise<CatalogueVersionDetail> {
    requireAccess(actor, Action.CatalogueVersionCreate);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const from = await this.findOwn(m, actor, fromId, Action.CatalogueVersionCreate);
      const draft = await this.insert(m, actor, from.definition, from.key, from.id);
      return this.detail(m, draft);
    });
  }

  /** Saves one item of a draft; refused with every problem, and nothing stored, when invalid. */
  saveItem(
    actor: Actor,
    versionId: string,
    itemKey: string,
    input: CatalogueItemInput,
  ): Promise<CatalogueVersionDetail> {
    return this.edit(actor, versionId, (definition) => {
      const edit = itemOf(input);
      return { definition: withItemReplaced(definition, itemKey, edit), itemKey: edit.item.key };
    });
  }

  addItem(
    actor: Actor,
    versionId: string,
    input: CatalogueItemInput,
  ): Promise<CatalogueVersionDetail> {
    return this.edit(actor, versionId, (definition) => {
      const edit = itemOf(input);
      return { definition: withItemAdded(definition, edit), itemKey: edit.item.key };
    });
  }

  removeItem(actor: Actor, versionId: string, itemKey: string): Promise<CatalogueVersionDetail> {
    return this.edit(
      actor,
      versionId,
      (definition) => ({ definition: withItemRemoved(definition, itemKey), itemKey }),
      'removed',
    );
  }

  /** What changed from version `fromId` to version `toId`, both the caller's. */
  diff(actor: Actor, fromId: string, toId: string): Promise<CatalogueDiffView> {
    requireAccess(actor, Action.CatalogueVersionRead);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const from = await this.findOwn(m, actor, fromId, Action.CatalogueVersionRead);
      const to = await this.findOwn(m, actor, toId, Action.CatalogueVersionRead);
      return {
        from: toVersionView(from),
        to: toVersionView(to),
        ...diffCatalogues(from.definition, to.definition),
      };
    });
  }

  /** A version as the workbook `uploadWorkbook` and `replaceFromWorkbook` read back. */
  async workbook(actor: Actor, versionId: string): Promise<FileResult> {
    const version = await this.db.withTenant(actor.tenantId, (m) =>
      this.findOwn(m, actor, versionId, Action.CatalogueVersionRead),
    );
    return {
      buffer: await writeCatalogueWorkbook({
        ...version.definition,
        key: version.key,
        version: version.version,
      }),
      type: EXPORT_MEDIA_TYPES.xlsx,
      fileName: `${version.key}-v${version.version}.xlsx`,
    };
  }

  /**
   * A new version (a draft) from an uploaded workbook, numbered after its key's last. Every
   * problem of the file is refused with its sheet, row and column, and nothing is stored.
   */
  async createFromWorkbook(
    caller: CallerContext,
    file: UploadedSpreadsheetFile | undefined,
  ): Promise<CatalogueVersionDetail> {
    const { actor } = caller;
    requireAccess(actor, Action.CatalogueVersionCreate);
    const buffer = this.requireWorkbook(file, caller);
    // The number is only known once the key is read: read with a placeholder, then renumber.
    const definition = await readCatalogueWorkbook(
      buffer,
      DEFAULT_SPREADSHEET_LIMITS,
      caller.language,
      {
        version: 1,
      },
    );
    return this.db.withTenant(actor.tenantId, async (m) => {
      const created = await this.insert(m, actor, definition, definition.key, null);
      return this.detail(m, created);
    });
  }

  /** Replaces a draft's definition by an uploaded workbook of the same catalogue key. */
  async replaceFromWorkbook(
    caller: CallerContext,
    versionId: string,
    file: UploadedSpreadsheetFile | undefined,
  ): Promise<CatalogueVersionDetail> {
    const { actor } = caller;
    requireAccess(actor, Action.CatalogueVersionEdit);
    // A used version is refused before its file is read: no upload can change it anyway.
    const target = await this.db.withTenant(actor.tenantId, async (m) => {
      const version = await this.findOwn(m, actor, versionId, Action.CatalogueVersionEdit);
      await this.assertDraft(m, version);
      return version;
    });
    const buffer = this.requireWorkbook(file, caller);
    const definition = await readCatalogueWorkbook(
      buffer,
      DEFAULT_SPREADSHEET_LIMITS,
      caller.language,
      {
        version: target.version,
        key: target.key,
      },
    );
    return this.edit(actor, versionId, () => ({ definition, itemKey: null }));
  }

  /** Applies a change to a locked draft, checks the whole catalogue and stores it. */
  private edit(
    actor: Actor,
    versionId: string,
    change: (definition: CatalogueDefinition) => {
      definition: CatalogueDefinition;
      itemKey: string | null;
    },
    kind: 'saved' | 'removed' = 'saved',
  ): Promise<CatalogueVersionDetail> {
    requireAccess(actor, Action.CatalogueVersionEdit);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const version = await this.findOwn(m, actor, versionId, Action.CatalogueVersionEdit, true);
      await this.assertDraft(m, version);
      const { definition, itemKey } = change(version.definition);
      const catalogue =
        itemKey === null
          ? loadCatalogue(definition)
          : loadEditedCatalogue(definition, itemKey, kind);
      // Only these columns: the application role may change nothing else of a version.
      await updateCatalogueDraft(m, version.id, { definition, hash: catalogue.hash });
      return this.detail(m, await getCatalogueVersion(m, version.id));
    });
  }

  /** Refuses (409) the change of a version a cycle uses, naming the study and its cycles. */
  private async assertDraft(m: TenantTx, version: CatalogueVersionEntity): Promise<void> {
    const used = (await this.usesOf(m, version.id)).find((u) => u.cycleYears.length > 0);
    if (used) {
      throw new DomainError(
        DomainErrorCode.InvalidState,
        T.usedByCycle(`${version.key} ${version.version}`, used.studyName, used.cycleYears),
      );
    }
  }

  private async usesOf(m: TenantTx, versionId: string): Promise<CatalogueVersionUse[]> {
    const studies = await studiesUsingCatalogueVersion(m, versionId);
    return studies.map((s) => ({
      studyId: s.id,
      studyName: s.name,
      cycleYears: (s.cycles ?? []).map((c) => c.year).sort((a, b) => a - b),
    }));
  }

  private async detail(m: TenantTx, v: CatalogueVersionEntity): Promise<CatalogueVersionDetail> {
    const usedBy = await this.usesOf(m, v.id);
    return {
      ...toVersionView(v),
      updatedAt: v.updatedAt.toISOString(),
      basedOnId: v.basedOnId,
      editable: usedBy.every((u) => u.cycleYears.length === 0),
      usedBy,
      definition: { ...v.definition },
    };
  }

  /** Stores a definition as the next version of its key (checked first). */
  private async insert(
    m: TenantTx,
    actor: Actor,
    definition: CatalogueDefinition,
    key: string,
    basedOnId: string | null,
  ): Promise<CatalogueVersionEntity> {
    const last = await latestCatalogueVersion(m, actor.tenantId, key);
    // The stored key is the truth: a definition of an older version may name another.
    const numbered = { ...definition, key, version: (last?.version ?? 0) + 1 };
    const catalogue = loadCatalogue(numbered);
    return insertCatalogueVersion(m, {
      tenantId: actor.tenantId,
      key,
      version: numbered.version,
      definition: numbered,
      hash: catalogue.hash,
      basedOnId,
    });
  }

  /** A version of the caller's organisation; another's (or a participant's view) is not found. */
  private async findOwn(
    m: TenantTx,
    actor: Actor,
    versionId: string,
    action: Action,
    lock = false,
  ): Promise<CatalogueVersionEntity> {
    const version = await findCatalogueVersion(m, versionId, lock);
    if (!version) {
      throw notFound('Catalogue version', versionId);
    }
    requireAccess(actor, action, {
      thing: 'Catalogue version',
      id: versionId,
      ownerId: version.tenantId,
    });
    return version;
  }

  private requireWorkbook(
    file: UploadedSpreadsheetFile | undefined,
    caller: CallerContext,
  ): Buffer {
    if (!file) {
      const message = M.noFile(caller.language);
      throw new DomainError(DomainErrorCode.ValidationFailed, message, [
        { key: 'file', rule: 'file_missing', message },
      ]);
    }
    if (!looksLikeZip(file.buffer)) {
      throw new DomainError(DomainErrorCode.ValidationFailed, T.notXlsx, [
        { key: 'file', rule: 'not_xlsx', message: T.notXlsx },
      ]);
    }
    return file.buffer;
  }
}

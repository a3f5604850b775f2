import type { CatalogueDiff, KpiArea, KpiType, LocalizedText, Polarity } from '@app/domain';
import type { CatalogueVersionView } from '../studies/study.types';

/** A choice of a KPI: a snake_case value stored in the answers, and its label. */
export interface KpiChoiceInput {
  value: string;
  label: LocalizedText;
}

/**
 * One item of a catalogue version as the editor saves it; whether it fits the catalogue is
 * checked with the whole catalogue.
 */
export interface CatalogueItemInput {
  key: string;
  area: KpiArea;
  type: KpiType;
  unit?: string | null;
  label: LocalizedText;
  help?: LocalizedText;
  min?: number;
  max?: number;
  required: boolean;
  polarity: Polarity;
  formula?: string;
  choices?: KpiChoiceInput[];
  benchmarked?: boolean;
  weightKey?: string;
  /** Where the item goes, from 1; the end without one. */
  position?: number;
}

/** A study that pins a catalogue version, with the years of its cycles. */
export interface CatalogueVersionUse {
  studyId: string;
  studyName: string;
  cycleYears: number[];
}

/** A catalogue version with its definition, its origin and its uses. */
export interface CatalogueVersionDetail extends CatalogueVersionView {
  updatedAt: string;
  basedOnId: string | null;
  /** No cycle uses it: it is a draft. */
  editable: boolean;
  usedBy: CatalogueVersionUse[];
  definition: Record<string, unknown>;
}

/** What changed from one catalogue version to another. */
export interface CatalogueDiffView extends CatalogueDiff {
  from: CatalogueVersionView;
  to: CatalogueVersionView;
}

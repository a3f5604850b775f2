import type { DisclosureReport, DisclosureReportGroup, FoldedCategory } from '@app/domain';

/** A folded category, labelled in the reader's language. */
export type FoldedCategoryView = Omit<FoldedCategory, 'label'> & { label: string };

/** A peer group of the report, labelled in the reader's language. */
export type DisclosureReportGroupView = Omit<DisclosureReportGroup, 'label'> & { label: string };

/**
 * A snapshot's disclosure report as its publisher reads it: the domain's report of what was
 * released and withheld and why, with the snapshot it is of and the labels in the reader's
 * language.
 */
export interface DisclosureReportView extends Omit<
  DisclosureReport,
  'policy' | 'folding' | 'groups'
> {
  snapshotId: string;
  cycleId: string;
  /** The published snapshot of its cycle. */
  published: boolean;
  computedAt: string | null;
  manifestHash: string | null;
  policy: Record<string, unknown>;
  folding: FoldedCategoryView[];
  groups: DisclosureReportGroupView[];
}

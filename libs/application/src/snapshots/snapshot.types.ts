/** A snapshot ordered or found again: one of the same inputs that has not failed is reused. */
export interface StartedSnapshot {
  snapshotId: string;
  reused: boolean;
}

/** A snapshot as its publisher (and, published, its participants) read it. */
export interface SnapshotView {
  id: string;
  cycleId: string;
  state: string;
  /** 0 to 100. */
  progress: number;
  /** The published snapshot of its cycle. */
  published: boolean;
  manifest: Record<string, unknown> | null;
  manifestHash: string | null;
  /** Why it failed, in the reader's language. */
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** A peer group of a snapshot, labelled in the reader's language. */
export interface PeerGroupView {
  id: string;
  kind: string;
  label: string;
  filter: Record<string, string[]>;
  /** Units in the group. */
  n: number;
  /** At least one cell released. */
  released: boolean;
}

/** Why a cell or a statistic is withheld, in the reader's language. */
export interface SuppressionView {
  rule: string;
  reason: string;
}

/** A statistic withheld from a released cell. */
export interface SuppressedStatisticView extends SuppressionView {
  statistic: string;
}

/** A benchmark cell of a KPI in a peer group: its figures, or why they are withheld. */
export interface BenchmarkCellView {
  kpiKey: string;
  n: number | null;
  mean: number | null;
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  /** Volume-weighted figure. */
  pooled: number | null;
  /** Null: released. */
  suppressed: SuppressionView | null;
  suppressedStatistics: SuppressedStatisticView[];
}

/** A peer group's benchmark cells. */
export interface Benchmarks {
  snapshotId: string;
  peerGroup: PeerGroupView;
  cells: BenchmarkCellView[];
}

/** A unit's position on a KPI within its peer group. */
export interface KpiPositionView {
  kpiKey: string;
  value: number | null;
  /** Better than this % of peers. */
  percentileRank: number | null;
  /** 1 = best quarter. */
  quartile: number | null;
  gapToMedian: number | null;
  gapToTopQuartile: number | null;
  cell: BenchmarkCellView;
}

/** A unit's positions in a peer group of a snapshot. */
export interface PositionView {
  snapshotId: string;
  unitId: string;
  peerGroup: PeerGroupView;
  positions: KpiPositionView[];
}

/** A unit's positions in a year of a study: in the group its benchmark view opens with. */
export interface PositionYear {
  year: number;
  cycleId: string;
  /** The snapshot publishing froze. */
  snapshotId: string;
  /** Null when the snapshot released no group of the unit. */
  peerGroup: PeerGroupView | null;
  positions: KpiPositionView[];
}

/** A unit's positions over the published cycles of a study. */
export interface PositionHistory {
  studyId: string;
  unitId: string;
  years: PositionYear[];
}

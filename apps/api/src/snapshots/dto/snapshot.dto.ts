import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional } from 'class-validator';
import {
  type StartedSnapshot,
  type SnapshotView,
  type PeerGroupView,
  type SuppressionView,
  type SuppressedStatisticView,
  type BenchmarkCellView,
  type Benchmarks,
  type KpiPositionView,
  type PositionView,
} from '@app/application';

export class StartSnapshotDto {
  /**
   * Compute again even if a snapshot of the same inputs exists, e.g. to audit that a
   * recomputation gives the same manifest hash.
   */
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  recompute?: boolean;
}

export class StartedSnapshotDto implements StartedSnapshot {
  @ApiProperty() snapshotId!: string;
  @ApiProperty({ description: 'true when a snapshot of the same inputs was reused' })
  reused!: boolean;
}

export class SnapshotDto implements SnapshotView {
  @ApiProperty() id!: string;
  @ApiProperty() cycleId!: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) state!: string;
  @ApiProperty({ description: '0 to 100' }) progress!: number;
  @ApiProperty({ description: 'the published snapshot of its cycle' }) published!: boolean;
  @ApiProperty({ type: Object, nullable: true }) manifest!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) manifestHash!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
}

export class PeerGroupDto implements PeerGroupView {
  @ApiProperty({ example: 'industry:telecom,utilities;sizeBand:L' }) id!: string;
  @ApiProperty({ enum: ['all', 'dimension', 'pair', 'custom'] }) kind!: string;
  @ApiProperty({ description: 'in the language of the request' }) label!: string;
  @ApiProperty({ type: Object, example: { industry: ['telecom'] } })
  filter!: Record<string, string[]>;
  @ApiProperty({ description: 'units in the group' }) n!: number;
  @ApiProperty({ description: 'at least one cell released' }) released!: boolean;
}

export class SuppressionDto implements SuppressionView {
  @ApiProperty({
    enum: ['min_n', 'min_n_tails', 'p_percent', 'dominance', 'differencing', 'give_to_get'],
  })
  rule!: string;
  @ApiProperty({ description: 'in the language of the request' }) reason!: string;
}

export class SuppressedStatisticDto extends SuppressionDto implements SuppressedStatisticView {
  @ApiProperty({ enum: ['p10', 'p90', 'pooled'] }) statistic!: string;
}

export class BenchmarkCellDto implements BenchmarkCellView {
  @ApiProperty() kpiKey!: string;
  @ApiProperty({ type: Number, nullable: true }) n!: number | null;
  @ApiProperty({ type: Number, nullable: true }) mean!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p10!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p25!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p50!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p75!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'volume-weighted figure' })
  pooled!: number | null;
  @ApiProperty({ type: SuppressionDto, nullable: true, description: 'null: released' })
  suppressed!: SuppressionDto | null;
  @ApiProperty({ type: [SuppressedStatisticDto] })
  suppressedStatistics!: SuppressedStatisticDto[];
}

export class BenchmarksDto implements Benchmarks {
  @ApiProperty() snapshotId!: string;
  @ApiProperty({ type: PeerGroupDto }) peerGroup!: PeerGroupDto;
  @ApiProperty({ type: [BenchmarkCellDto] }) cells!: BenchmarkCellDto[];
}

export class CustomPeerGroupDto {
  /** Values of one dimension are alternatives; all dimensions given must match. */
  @ApiProperty({ type: Object, example: { industry: ['telecom', 'utilities'], sizeBand: ['L'] } })
  @IsObject()
  filter!: Record<string, unknown>;
}

export class KpiPositionDto implements KpiPositionView {
  @ApiProperty() kpiKey!: string;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'better than this % of peers' })
  percentileRank!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '1 = best quarter' })
  quartile!: number | null;
  @ApiProperty({ type: Number, nullable: true }) gapToMedian!: number | null;
  @ApiProperty({ type: Number, nullable: true }) gapToTopQuartile!: number | null;
  @ApiProperty({ type: BenchmarkCellDto }) cell!: BenchmarkCellDto;
}

export class PositionDto implements PositionView {
  @ApiProperty() snapshotId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ type: PeerGroupDto }) peerGroup!: PeerGroupDto;
  @ApiProperty({ type: [KpiPositionDto] }) positions!: KpiPositionDto[];
}

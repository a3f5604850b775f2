import { ApiProperty } from '@nestjs/swagger';
import { KpiPositionDto, PeerGroupDto } from '../../snapshots/dto/snapshot.dto';
import { type PositionYear, type PositionHistory } from '@app/application';

/** A unit's positions in one published cycle of a study. */
export class PositionYearDto implements PositionYear {
  @ApiProperty() year!: number;
  @ApiProperty() cycleId!: string;
  @ApiProperty({ description: 'the snapshot publishing froze' }) snapshotId!: string;
  @ApiProperty({
    type: PeerGroupDto,
    nullable: true,
    description: 'the released group the positions are in; null: the unit is not in the snapshot',
  })
  peerGroup!: PeerGroupDto | null;
  @ApiProperty({
    type: [KpiPositionDto],
    description:
      'as the position of that snapshot gives them (give-to-get, suppression); empty when the unit is not in it',
  })
  positions!: KpiPositionDto[];
}

/** A unit's percentile rank per KPI over the published cycles of a study, oldest first. */
export class PositionHistoryDto implements PositionHistory {
  @ApiProperty() studyId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty({ type: [PositionYearDto] }) years!: PositionYearDto[];
}

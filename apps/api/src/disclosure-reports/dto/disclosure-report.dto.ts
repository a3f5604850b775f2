import { ApiProperty } from '@nestjs/swagger';

export class PolicyRuleDto {
  @ApiProperty({ example: 'p_percent' }) rule!: string;
  @ApiProperty({ type: Object, example: { pPercent: 10 } })
  parameters!: Record<string, number | string | boolean>;
}

export class RuleCountDto {
  @ApiProperty({ example: 'min_n' }) rule!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'share of the total, 0 to 1' })
  share!: number | null;
}

export class WithheldStatisticDto {
  @ApiProperty({ example: 'p10' }) statistic!: string;
  @ApiProperty({ example: 'min_n_tails' }) rule!: string;
  @ApiProperty({ description: 'released cells the statistic is withheld from' }) count!: number;
}

export class CellSummaryDto {
  @ApiProperty() groups!: number;
  @ApiProperty() cells!: number;
  @ApiProperty() released!: number;
  @ApiProperty({ type: Number, nullable: true, description: '0 to 1' })
  releasedShare!: number | null;
  @ApiProperty() suppressed!: number;
  @ApiProperty({ type: [RuleCountDto], description: 'share of all cells of these groups' })
  suppressedByRule!: RuleCountDto[];
  @ApiProperty({ type: [WithheldStatisticDto] }) statisticsWithheld!: WithheldStatisticDto[];
}

export class FoldedCategoryDto {
  @ApiProperty({ example: 'sizeBand' }) dimension!: string;
  @ApiProperty({ type: [String], example: ['L', 'XL'] }) values!: string[];
  @ApiProperty({ description: 'in the language of the request' }) label!: string;
}

export class DecisionCountDto {
  @ApiProperty({ enum: ['released', 'already_released', 'refused'] }) decision!: string;
  @ApiProperty() count!: number;
}

export class RequesterDto {
  @ApiProperty() organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty() requests!: number;
  @ApiProperty({ description: 'requests that count against the cap per participant' })
  counted!: number;
}

export class RequestSummaryDto {
  @ApiProperty() requests!: number;
  @ApiProperty({ type: [DecisionCountDto] }) byDecision!: DecisionCountDto[];
  @ApiProperty({ type: [RuleCountDto], description: 'share of the refused requests' })
  refusedByRule!: RuleCountDto[];
  @ApiProperty({ type: [RequesterDto] }) requesters!: RequesterDto[];
}

export class LedgerEntryDto {
  @ApiProperty() peerGroupId!: string;
  @ApiProperty({ type: Object }) filter!: Record<string, readonly string[]>;
  @ApiProperty({ description: 'units the filter selects' }) n!: number;
  @ApiProperty({ enum: ['released', 'already_released', 'refused'] }) decision!: string;
  @ApiProperty({ type: String, nullable: true, example: 'custom_group_limit' })
  rule!: string | null;
  @ApiProperty() organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty() requestedAt!: string;
}

export class SuppressedByRuleDto {
  @ApiProperty() rule!: string;
  @ApiProperty() count!: number;
}

export class DisclosureReportGroupDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['all', 'dimension', 'pair', 'custom'] }) kind!: string;
  @ApiProperty({ description: 'in the language of the request' }) label!: string;
  @ApiProperty() n!: number;
  @ApiProperty({ description: 'at least one cell released' }) released!: boolean;
  @ApiProperty() cellsReleased!: number;
  @ApiProperty() cellsSuppressed!: number;
  @ApiProperty({ type: [SuppressedByRuleDto] }) suppressedByRule!: SuppressedByRuleDto[];
  @ApiProperty({ description: 'statistics withheld from released cells' })
  statisticsWithheld!: number;
}

export class DisclosureUtilityDto {
  @ApiProperty({ type: Number, nullable: true, description: '0 to 1' })
  standardCellsReleasedShare!: number | null;
  @ApiProperty() units!: number;
  @ApiProperty({
    description:
      'units with a released standard peer group other than all participants of n >= usefulPeerGroupMinN',
  })
  unitsWithUsefulPeerGroup!: number;
  @ApiProperty({ type: Number, nullable: true, description: '0 to 1' })
  unitsWithUsefulPeerGroupShare!: number | null;
  @ApiProperty({ example: 9 }) usefulPeerGroupMinN!: number;
}

/** The disclosure report of a snapshot, for its publisher. */
export class DisclosureReportDto {
  @ApiProperty() snapshotId!: string;
  @ApiProperty() cycleId!: string;
  @ApiProperty() published!: boolean;
  @ApiProperty({ type: String, nullable: true }) computedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) manifestHash!: string | null;
  @ApiProperty({ type: Object, description: 'the disclosure policy of the snapshot manifest' })
  policy!: Record<string, unknown>;
  @ApiProperty({ type: [PolicyRuleDto] }) rules!: PolicyRuleDto[];
  @ApiProperty({ type: CellSummaryDto, description: 'all participants, dimensions and pairs' })
  standard!: CellSummaryDto;
  @ApiProperty({ type: CellSummaryDto, description: 'custom peer groups released on request' })
  custom!: CellSummaryDto;
  @ApiProperty({ type: [FoldedCategoryDto] }) folding!: FoldedCategoryDto[];
  @ApiProperty({ type: RequestSummaryDto }) requests!: RequestSummaryDto;
  @ApiProperty({ type: [LedgerEntryDto], description: 'every custom peer-group request' })
  ledger!: LedgerEntryDto[];
  @ApiProperty({ type: [DisclosureReportGroupDto] }) groups!: DisclosureReportGroupDto[];
  @ApiProperty({ type: DisclosureUtilityDto }) utility!: DisclosureUtilityDto;
}

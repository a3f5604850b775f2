import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Action, DomainError, DomainErrorCode } from '@app/domain';
import { UseCase } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import { Caller, CallerContext } from '../common/request-context';
import {
  BenchmarksDto,
  CustomPeerGroupDto,
  PeerGroupDto,
  PositionDto,
  SnapshotDto,
  StartedSnapshotDto,
  StartSnapshotDto,
} from './dto/snapshot.dto';
import { SnapshotsService } from '@app/application';

const ALL = 'all';

/** The peerGroup query parameter: one id, `all` when left out. */
function peerGroupOf(value: unknown): string {
  if (value === undefined || value === '') {
    return ALL;
  }
  if (typeof value !== 'string' || value.length > 1000) {
    const message = {
      de: 'peerGroup muss die Id einer Vergleichsgruppe sein, z. B. all oder industry:telecom.',
      en: 'peerGroup must be one peer group id, e.g. all or industry:telecom.',
    };
    throw new DomainError(DomainErrorCode.ValidationFailed, message, [
      { key: 'peerGroup', rule: 'peer_group_id', message },
    ]);
  }
  return value;
}

@ApiTags('snapshots')
@ApiBearerAuth()
@Controller(API)
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Post('cycles/:cycleId/snapshots')
  @HttpCode(202)
  @UseCase(Action.SnapshotCompute)
  @ApiOkResponse({ type: StartedSnapshotDto })
  start(
    @Caller() caller: CallerContext,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Body() body: StartSnapshotDto,
  ): Promise<StartedSnapshotDto> {
    return this.snapshots.start(caller, cycleId, body.recompute ?? false);
  }

  @Get('cycles/:cycleId/snapshots')
  @UseCase(Action.SnapshotRead)
  @ApiOkResponse({ type: [SnapshotDto] })
  list(
    @Caller() caller: CallerContext,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
  ): Promise<SnapshotDto[]> {
    return this.snapshots.list(caller, cycleId);
  }

  @Get('snapshots/:snapshotId')
  @UseCase(Action.SnapshotRead)
  @ApiOkResponse({ type: SnapshotDto })
  get(
    @Caller() caller: CallerContext,
    @Param('snapshotId', ParseUUIDPipe) snapshotId: string,
  ): Promise<SnapshotDto> {
    return this.snapshots.get(caller, snapshotId);
  }

  @Get('snapshots/:snapshotId/peer-groups')
  @UseCase(Action.BenchmarkRead)
  @ApiOkResponse({ type: [PeerGroupDto] })
  peerGroups(
    @Caller() caller: CallerContext,
    @Param('snapshotId', ParseUUIDPipe) snapshotId: string,
  ): Promise<PeerGroupDto[]> {
    return this.snapshots.peerGroups(caller, snapshotId);
  }

  @Post('snapshots/:snapshotId/peer-groups')
  @UseCase(Action.PeerGroupRelease)
  @ApiOkResponse({ type: BenchmarksDto })
  createPeerGroup(
    @Caller() caller: CallerContext,
    @Param('snapshotId', ParseUUIDPipe) snapshotId: string,
    @Body() body: CustomPeerGroupDto,
  ): Promise<BenchmarksDto> {
    return this.snapshots.createPeerGroup(caller, snapshotId, body.filter);
  }

  @Get('snapshots/:snapshotId/benchmarks')
  @UseCase(Action.BenchmarkRead)
  @ApiQuery({ name: 'peerGroup', required: false, description: `default: ${ALL}` })
  @ApiOkResponse({ type: BenchmarksDto })
  benchmarks(
    @Caller() caller: CallerContext,
    @Param('snapshotId', ParseUUIDPipe) snapshotId: string,
    @Query('peerGroup') peerGroup?: unknown,
  ): Promise<BenchmarksDto> {
    return this.snapshots.benchmarks(caller, snapshotId, peerGroupOf(peerGroup));
  }

  @Get('snapshots/:snapshotId/units/:unitId/position')
  @UseCase(Action.BenchmarkRead)
  @ApiQuery({ name: 'peerGroup', required: false, description: `default: ${ALL}` })
  @ApiOkResponse({ type: PositionDto })
  position(
    @Caller() caller: CallerContext,
    @Param('snapshotId', ParseUUIDPipe) snapshotId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Query('peerGroup') peerGroup?: unknown,
  ): Promise<PositionDto> {
    return this.snapshots.position(caller, snapshotId, unitId, peerGroupOf(peerGroup));
  }
}

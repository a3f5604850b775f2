import type { PositionHistoryDto } from '../../apps/api/src/position-history/dto/position-history.dto';
import type { CreatedReportDto, ReportDto } from '../../apps/api/src/reports/dto/report.dto';
import type {
  SnapshotDto,
  StartedSnapshotDto,
} from '../../apps/api/src/snapshots/dto/snapshot.dto';
import type { TestApp } from './app';
import type { TestUser } from './factories';

/**
 * The api as one user calls it, each answer checked for its status and typed by the api's own
 * response DTO, so that a spec reads `snapshot.state` instead of casting `response.body`.
 */
export class ApiClient {
  constructor(
    private readonly t: TestApp,
    private readonly user: Pick<TestUser, 'email' | 'password'>,
  ) {}

  /** Orders the computation of a cycle's snapshot (202), or gets the one of the same inputs. */
  startSnapshot(cycleId: string): Promise<StartedSnapshotDto> {
    return this.call('post', `/api/v1/cycles/${cycleId}/snapshots`, 202);
  }

  snapshot(snapshotId: string): Promise<SnapshotDto> {
    return this.call('get', `/api/v1/snapshots/${snapshotId}`, 200);
  }

  async closeCycle(cycleId: string): Promise<void> {
    await this.call('post', `/api/v1/cycles/${cycleId}/close`, 200);
  }

  /** Publishes a closed cycle with the given snapshot. */
  async publishCycle(cycleId: string, snapshotId: string): Promise<void> {
    await this.call('post', `/api/v1/cycles/${cycleId}/publish`, 200, { snapshotId });
  }

  /** Orders the trend report of a study over its published cycles (202). */
  orderTrendReport(studyId: string, language: 'de' | 'en'): Promise<CreatedReportDto> {
    return this.call('post', `/api/v1/studies/${studyId}/trend-reports`, 202, { language });
  }

  report(reportId: string): Promise<ReportDto> {
    return this.call('get', `/api/v1/reports/${reportId}`, 200);
  }

  /** A unit's positions in every published cycle of a study, oldest first. */
  positionHistory(studyId: string, unitId: string): Promise<PositionHistoryDto> {
    return this.call('get', `/api/v1/studies/${studyId}/units/${unitId}/position-history`, 200);
  }

  /** Sends the request as the user; any other status than `expected` fails with the answer. */
  private async call<T>(
    method: 'get' | 'post',
    path: string,
    expected: number,
    body?: object,
  ): Promise<T> {
    const http = this.t.http();
    const request = (method === 'get' ? http.get(path) : http.post(path)).set(
      'Authorization',
      await this.t.tokenFor(this.user),
    );
    const response = body === undefined ? await request : await request.send(body);
    if (response.status !== expected) {
      throw new Error(
        `${method.toUpperCase()} ${path} as ${this.user.email}: ${response.status} instead of ${expected}: ${JSON.stringify(response.body)}`,
      );
    }
    return response.body as T;
  }
}

import type {
  InvitationDto,
  InviteColleagueDto,
  InviteCompanyDto,
} from '../../apps/api/src/invitations/dto/invitation.dto';
import type {
  CreateOrganisationDto,
  OrganisationDto,
  TenantUserDto,
} from '../../apps/api/src/organisations/dto/organisation.dto';
import type {
  CatalogueDiffDto,
  CatalogueItemInputDto,
  CatalogueVersionDetailDto,
} from '../../apps/api/src/catalogues/dto/catalogue-editor.dto';
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

  /** A publisher invites a company's first contact to a study (201). */
  inviteCompany(studyId: string, body: InviteCompanyDto): Promise<InvitationDto> {
    return this.call('post', `/api/v1/studies/${studyId}/invitations`, 201, body);
  }

  /** A company admin invites a colleague (201). */
  inviteColleague(body: InviteColleagueDto): Promise<InvitationDto> {
    return this.call('post', '/api/v1/invitations', 201, body);
  }

  /** The invitations the user's organisation sent. */
  invitations(): Promise<InvitationDto[]> {
    return this.call('get', '/api/v1/invitations', 200);
  }

  resendInvitation(invitationId: string): Promise<InvitationDto> {
    return this.call('post', `/api/v1/invitations/${invitationId}/resend`, 200);
  }

  revokeInvitation(invitationId: string): Promise<InvitationDto> {
    return this.call('post', `/api/v1/invitations/${invitationId}/revoke`, 200);
  }

  /** The operator creates a tenant (201). */
  createOrganisation(body: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.call('post', '/api/v1/organisations', 201, body);
  }

  disableOrganisation(organisationId: string): Promise<OrganisationDto> {
    return this.call('post', `/api/v1/organisations/${organisationId}/disable`, 200);
  }

  tenantUsers(organisationId: string): Promise<TenantUserDto[]> {
    return this.call('get', `/api/v1/organisations/${organisationId}/users`, 200);
  }

  tenantInvitations(organisationId: string): Promise<InvitationDto[]> {
    return this.call('get', `/api/v1/organisations/${organisationId}/invitations`, 200);
  }

  resendTenantInvitation(organisationId: string, invitationId: string): Promise<InvitationDto> {
    return this.call(
      'post',
      `/api/v1/organisations/${organisationId}/invitations/${invitationId}/resend`,
      200,
    );
  }

  catalogueVersion(versionId: string): Promise<CatalogueVersionDetailDto> {
    return this.call('get', `/api/v1/catalogue-versions/${versionId}`, 200);
  }

  /** Starts a new version (a draft) from a stored one (201). */
  startCatalogueDraft(fromId: string): Promise<CatalogueVersionDetailDto> {
    return this.call('post', `/api/v1/catalogue-versions/${fromId}/drafts`, 201);
  }

  saveCatalogueItem(
    versionId: string,
    itemKey: string,
    item: CatalogueItemInputDto,
  ): Promise<CatalogueVersionDetailDto> {
    return this.call('put', `/api/v1/catalogue-versions/${versionId}/items/${itemKey}`, 200, item);
  }

  addCatalogueItem(
    versionId: string,
    item: CatalogueItemInputDto,
  ): Promise<CatalogueVersionDetailDto> {
    return this.call('post', `/api/v1/catalogue-versions/${versionId}/items`, 201, item);
  }

  catalogueDiff(fromId: string, toId: string): Promise<CatalogueDiffDto> {
    return this.call('get', `/api/v1/catalogue-versions/${fromId}/diff/${toId}`, 200);
  }

  /** A unit's positions in every published cycle of a study, oldest first. */
  positionHistory(studyId: string, unitId: string): Promise<PositionHistoryDto> {
    return this.call('get', `/api/v1/studies/${studyId}/units/${unitId}/position-history`, 200);
  }

  /** Sends the request as the user; any other status than `expected` fails with the answer. */
  private async call<T>(
    method: 'get' | 'post' | 'put',
    path: string,
    expected: number,
    body?: object,
  ): Promise<T> {
    const http = this.t.http();
    const request = http[method](path).set('Authorization', await this.t.tokenFor(this.user));
    const response = body === undefined ? await request : await request.send(body);
    if (response.status !== expected) {
      throw new Error(
        `${method.toUpperCase()} ${path} as ${this.user.email}: ${response.status} instead of ${expected}: ${JSON.stringify(response.body)}`,
      );
    }
    return response.body as T;
  }
}

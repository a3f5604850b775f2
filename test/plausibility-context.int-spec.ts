import { asTenantId } from '@app/domain';
import {
  dataSourceOptions,
  SnapshotReader,
  SubmissionRepository,
  TenantDb,
} from '@app/persistence';
import { DataSource } from 'typeorm';
import {
  closeOwnerDataSource,
  createCycle,
  createStudyWorld,
  createSubmission,
  createUnit,
  ownerDataSource,
} from './support/factories';
import { appUrl } from './support/test-env';

/**
 * The previous cycle's values that plausibility compares with come from the KPI vectors, and
 * from the answers where a submission has no vector (the database clears a stale one).
 */
describe('SubmissionRepository.plausibilityContext (application role, real PostgreSQL)', () => {
  let appDb: DataSource;
  let tenantDb: TenantDb;
  const repository = new SubmissionRepository(new SnapshotReader());

  beforeAll(async () => {
    appDb = new DataSource(dataSourceOptions(appUrl(), 1));
    await appDb.initialize();
    tenantDb = new TenantDb(appDb);
  });

  afterAll(async () => {
    await appDb.destroy();
    await closeOwnerDataSource();
  });

  it("gives each unit its previous cycle's numeric inputs, from its vector or else its answers", async () => {
    const { publisher, company, study, cycle, unit } = await createStudyWorld();
    const previous = await createCycle(study, 2025, 'closed');
    const withoutVector = await createUnit(company);
    const answers = { agent_fte: 50, leavers: 12, has_service_strategy: true };
    await createSubmission(previous, unit, answers);
    const stale = await createSubmission(previous, withoutVector, { ...answers, agent_fte: 70 });
    const owner = await ownerDataSource();
    await owner.query('UPDATE submissions SET kpi_vector = NULL WHERE id = $1', [stale.id]);

    const contextOf = await tenantDb.withTenant(asTenantId(publisher.id), (m) =>
      repository.plausibilityContext(m, cycle, [unit.id, withoutVector.id]),
    );

    // From the vector: the numeric inputs only; from the answers: the answers as stored.
    expect(contextOf(unit.id).previousValues).toEqual({ agent_fte: 50, leavers: 12 });
    expect(contextOf(withoutVector.id).previousValues).toEqual({ ...answers, agent_fte: 70 });
  });
});

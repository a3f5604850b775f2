import { asTenantId, generateDemoData } from '@app/domain';
import { SnapshotComputation } from '@app/application';
import { dataSourceOptions, SnapshotEntity, SnapshotReader, TenantDb } from '@app/persistence';
import { DataSource } from 'typeorm';
import {
  closeOwnerDataSource,
  createCycle,
  createOrganisation,
  createStudy,
  createSubmission,
  createUnit,
  enrol,
  ownerDataSource,
} from './support/factories';
import { appUrl } from './support/test-env';

describe('snapshot computation (real PostgreSQL)', () => {
  let app: DataSource;

  beforeAll(async () => {
    app = await new DataSource(dataSourceOptions(appUrl(), 3)).initialize();
  });

  afterAll(async () => {
    await app.destroy();
    await closeOwnerDataSource();
  });

  it('leaves nothing half-written when an attempt fails, and completes on a retry', async () => {
    const publisher = await createOrganisation('publisher');
    const study = await createStudy(publisher);
    const cycle = await createCycle(study, 2025);
    const answers = generateDemoData({ units: 6, years: [2025] }).submissions;
    for (const submission of answers.slice(0, 6)) {
      const company = await createOrganisation('company');
      await enrol(study, company);
      await createSubmission(cycle, await createUnit(company), submission.answers);
    }
    const owner = await ownerDataSource();
    const snapshot = await owner.getRepository(SnapshotEntity).save({
      tenantId: publisher.id,
      cycleId: cycle.id,
      inputKey: 'test',
      state: 'queued',
      progress: 0,
      attempts: 0,
    });
    // A row in the way makes the final write fail after the cells were computed.
    await owner.query(
      `INSERT INTO snapshot_inputs (snapshot_id, tenant_id, units, kpi_keys, kpi_values)
       VALUES ($1, $2, '', '{}', ''::bytea)`,
      [snapshot.id, publisher.id],
    );
    // Nothing reads a snapshot before it is computed: 409 naming its state.
    await expect(
      new TenantDb(app).withTenant(asTenantId(publisher.id), (m) =>
        new SnapshotReader().computedSnapshot(m, snapshot.id, 'en'),
      ),
    ).rejects.toThrow('The snapshot is not computed yet (state queued, 0 %).');
    const computation = new SnapshotComputation(new TenantDb(app));
    const progress: number[] = [];
    await expect(
      computation.run(publisher.id, snapshot.id, (p) => Promise.resolve(void progress.push(p))),
    ).rejects.toThrow(/duplicate key/);
    await computation.recordFailure(
      publisher.id,
      snapshot.id,
      { key: 'internal', params: { errorId: 'e-1' } },
      false,
    );

    const count = async (table: string) =>
      Number(
        (
          await owner.query<{ n: string }[]>(
            `SELECT count(*) AS n FROM ${table} WHERE snapshot_id = $1`,
            [snapshot.id],
          )
        )[0].n,
      );
    expect(await count('snapshot_peer_groups')).toBe(0);
    expect(await count('snapshot_cells')).toBe(0);
    const failed = await owner.getRepository(SnapshotEntity).findOneByOrFail({ id: snapshot.id });
    expect(failed).toMatchObject({
      state: 'queued',
      manifest: null,
      attempts: 1,
      error: { key: 'internal', params: { errorId: 'e-1' } },
    });
    expect(progress).toEqual([5, 40, 80]);

    await owner.query('DELETE FROM snapshot_inputs WHERE snapshot_id = $1', [snapshot.id]);
    await computation.run(publisher.id, snapshot.id, () => Promise.resolve());
    const done = await owner.getRepository(SnapshotEntity).findOneByOrFail({ id: snapshot.id });
    expect(done).toMatchObject({ state: 'done', progress: 100, attempts: 2, error: null });
    expect(await count('snapshot_peer_groups')).toBeGreaterThan(1);
    expect(await count('snapshot_cells')).toBeGreaterThan(30);
  });
});

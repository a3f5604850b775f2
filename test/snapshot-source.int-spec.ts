import { createHash } from 'node:crypto';
import {
  asTenantId,
  benchmarkKpis,
  DEMO_CATALOGUE,
  generateDemoData,
  kpiVector,
  loadCatalogue,
} from '@app/domain';
import { dataSourceOptions, readSource, sourceHash, TenantDb } from '@app/persistence';
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

describe('the source of a snapshot (real PostgreSQL)', () => {
  let app: DataSource;

  beforeAll(async () => {
    app = await new DataSource(dataSourceOptions(appUrl(), 3)).initialize();
  });

  afterAll(async () => {
    await app.destroy();
    await closeOwnerDataSource();
  });

  it('reads the units in id order with their KPI values, derives those without a current vector, and hashes them as sourceHash does', async () => {
    const catalogue = loadCatalogue(DEMO_CATALOGUE);
    const kpis = benchmarkKpis(catalogue);
    const publisher = await createOrganisation('publisher');
    const study = await createStudy(publisher);
    const cycle = await createCycle(study, 2025);
    const answers = generateDemoData({ units: 4, years: [2025] }).submissions.map((s) => s.answers);
    const company = await createOrganisation('company');
    await enrol(study, company);
    const units = [];
    for (const a of answers) {
      const unit = await createUnit(company);
      await createSubmission(cycle, unit, a);
      units.push({ id: unit.id, answers: a });
    }
    // A draft is no source; a unit whose vector is gone (or stale) is derived from its answers.
    await createSubmission(cycle, await createUnit(company), answers[0], 'draft');
    const owner = await ownerDataSource();
    await owner.query('UPDATE submissions SET kpi_vector = NULL WHERE unit_id = $1', [units[1].id]);
    await owner.query(`UPDATE submissions SET kpi_vector = '\\x00'::bytea WHERE unit_id = $1`, [
      units[2].id,
    ]);

    const { read, hash } = await new TenantDb(app).withTenant(
      asTenantId(publisher.id),
      async (m) => ({
        read: await readSource(m, cycle.id, catalogue),
        hash: await sourceHash(m, cycle.id),
      }),
      'REPEATABLE READ',
    );

    const expected = [...units].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(read.inputs.unitIds).toEqual(expected.map((u) => u.id));
    expect(read.inputs.unitTenants).toEqual(expected.map(() => company.id));
    expect(read.inputs.kpiKeys).toEqual(kpis.map((k) => k.key));
    expected.forEach((unit, u) => {
      const vector = kpiVector(catalogue, unit.answers);
      kpis.forEach((_, k) => {
        expect(Object.is(read.inputs.values[k][u], vector.readDoubleLE(k * 8))).toBe(true);
      });
    });
    // The hash over what the database holds, worked out here: per unit in id order, its
    // profile and its stored vector (its answers' text where it has none).
    const [{ entries }] = await owner.query<{ entries: { entry: string }[] }[]>(
      `SELECT json_agg(json_build_object('entry', encode(
                convert_to(concat_ws('|', u.id, u.tenant_id, u.industry, u.country, u.size_band,
                                     u.customer_type, u.sourcing, ''), 'UTF8')
                || coalesce(s.kpi_vector, convert_to(s.answers::text, 'UTF8')), 'hex'))
              ORDER BY u.id) AS entries
         FROM submissions s JOIN units u ON u.id = s.unit_id
        WHERE s.cycle_id = $1 AND s.state = 'accepted'`,
      [cycle.id],
    );
    const joined = Buffer.concat(
      entries.flatMap((e, i) => [
        ...(i === 0 ? [] : [Buffer.from('\n')]),
        Buffer.from(e.entry, 'hex'),
      ]),
    );
    const independent = createHash('sha256').update(joined).digest('hex');
    expect(read.sourceHash).toBe(independent);
    expect(hash).toBe(independent);
  });
});

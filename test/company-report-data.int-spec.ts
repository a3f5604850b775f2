import { asTenantId, BenchmarkCell } from '@app/domain';
import { companyReportInput, SnapshotComputation } from '@app/application';
import {
  CycleEntity,
  dataSourceOptions,
  SnapshotEntity,
  SnapshotReader,
  SubmissionEntity,
  TenantDb,
  UnitEntity,
} from '@app/persistence';
import { renderCompanyReportHtml } from '@app/reporting';
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

/** 24 telecom units of size band M: no group of the report is small. */
const UNITS = 24;

/**
 * Unit i answers, in both cycles, training days 10 + i, an employee NPS of 2i - 5 and an NPS of
 * 30 + i. Unit 0 (10 days, eNPS -5, NPS 30) leaves the NPS open in 2024 and the employee NPS in
 * 2025.
 */
function answersOf(i: number, year: number): SubmissionEntity['answers'] {
  const answers: SubmissionEntity['answers'] = {
    training_days_new: 10 + i,
    employee_nps: 2 * i - 5,
    nps: 30 + i,
  };
  if (i === 0 && year === 2024) {
    delete answers.nps;
  }
  if (i === 0 && year === 2025) {
    delete answers.employee_nps;
  }
  return answers;
}

describe('company report data under give-to-get (real PostgreSQL)', () => {
  let app: DataSource;
  let db: TenantDb;
  let publisherId: string;
  let unit: UnitEntity;
  const snapshots = new Map<number, string>();

  beforeAll(async () => {
    app = await new DataSource(dataSourceOptions(appUrl(), 3)).initialize();
    db = new TenantDb(app);
    const publisher = await createOrganisation('publisher');
    publisherId = publisher.id;
    const study = await createStudy(publisher);
    const cycles = [await createCycle(study, 2024), await createCycle(study, 2025)];
    for (let i = 0; i < UNITS; i++) {
      const company = await createOrganisation('company');
      await enrol(study, company);
      const created = await createUnit(company, 120, { industry: 'telecom' });
      if (i === 0) {
        unit = created;
      }
      for (const cycle of cycles) {
        await createSubmission(cycle, created, answersOf(i, cycle.year));
      }
    }
    const owner = await ownerDataSource();
    const computation = new SnapshotComputation(db);
    for (const cycle of cycles) {
      const snapshot = await owner.getRepository(SnapshotEntity).save({
        tenantId: publisher.id,
        cycleId: cycle.id,
        inputKey: `test-${cycle.year}`,
        state: 'queued',
        progress: 0,
        attempts: 0,
      });
      await computation.run(publisher.id, snapshot.id, () => Promise.resolve());
      await owner
        .getRepository(CycleEntity)
        .update({ id: cycle.id }, { state: 'published', publishedSnapshotId: snapshot.id });
      snapshots.set(cycle.year, snapshot.id);
    }
  }, 120_000);

  afterAll(async () => {
    await app.destroy();
    await closeOwnerDataSource();
  });

  const reportOf2025 = () =>
    db.withTenant(asTenantId(publisherId), (m) =>
      companyReportInput(
        m,
        new SnapshotReader(),
        snapshots.get(2025) ?? '',
        unit.id,
        'en',
        new Date('2026-01-15T09:00:00Z'),
      ),
    );

  it('reads every cycle of the trend with what the unit supplied to that cycle', async () => {
    const input = await reportOf2025();
    const point = (year: number, key: string) =>
      input.trend.find((p) => p.year === year)?.values[key];
    expect(input.trend.map((p) => p.year)).toEqual([2024, 2025]);
    // Training days 10..33 in both cycles: median (21 + 22) / 2 = 21.5.
    expect(point(2024, 'training_days_new')).toEqual({ unit: 10, median: 21.5 });
    expect(point(2025, 'training_days_new')).toEqual({ unit: 10, median: 21.5 });
    // eNPS -5, -3, ..., 41 in 2024: median (17 + 19) / 2 = 18. Not supplied in 2025: withheld.
    expect(point(2024, 'employee_nps')).toEqual({ unit: -5, median: 18 });
    expect(point(2025, 'employee_nps')).toEqual({ unit: null, median: null });
    // NPS not supplied in 2024: withheld. 30..53 in 2025: median (41 + 42) / 2 = 41.5.
    expect(point(2024, 'nps')).toEqual({ unit: null, median: null });
    expect(point(2025, 'nps')).toEqual({ unit: 30, median: 41.5 });
  });

  it('withholds the cells the unit did not supply, which the publisher sees released', async () => {
    const input = await reportOf2025();
    const cell = (cells: BenchmarkCell[], key: string) => cells.find((c) => c.kpiKey === key);
    expect(cell(input.cells, 'employee_nps')).toMatchObject({
      n: null,
      p50: null,
      suppressed: { rule: 'give_to_get' },
    });
    const published = await db.withTenant(asTenantId(publisherId), async (m) => {
      const reader = new SnapshotReader();
      return {
        2024: await reader.cells(m, snapshots.get(2024) ?? '', input.peerGroup.id, {
          kind: 'publisher',
        }),
        2025: await reader.cells(m, snapshots.get(2025) ?? '', input.peerGroup.id, {
          kind: 'publisher',
        }),
      };
    });
    // The withheld figures exist: only give-to-get keeps them from the unit. NPS of 2024 over
    // the 23 other units, 31..53: median 42. eNPS of 2025 over 23 units, -3..41: median 19.
    expect(cell(published[2024], 'nps')).toMatchObject({ suppressed: null, n: 23, p50: 42 });
    expect(cell(published[2025], 'employee_nps')).toMatchObject({
      suppressed: null,
      n: 23,
      p50: 19,
    });
  });

  it('renders no trend tile and no figure for a KPI from a cycle the unit skipped it in', async () => {
    const html = renderCompanyReportHtml(await reportOf2025());
    const tile = (label: string) => html.includes(`<figcaption>${label}</figcaption>`);
    // Each of the two is left with one cycle of data, too little for a tile.
    expect(tile('Employee NPS (eNPS)')).toBe(false);
    expect(tile('Net Promoter Score (NPS)')).toBe(false);
    expect(tile('Basic training of new agents')).toBe(true);
    const start = html.indexOf('<span class="label">Employee NPS (eNPS)</span>');
    const block = html.slice(start, html.indexOf('</tbody>', start));
    expect(block).toContain('only for units that supplied this KPI themselves');
    expect(block).not.toContain('<svg');
    // No number in the block but its footnote marks.
    expect(block.replace(/<sup[^>]*>.*?<\/sup>/gs, '')).not.toMatch(/>\s*-?\d/);
  });

  it('takes the policy and the folded categories of its method appendix from the snapshot manifest', async () => {
    // All 24 units are of size band M: the computation folded nothing.
    const unfolded = await reportOf2025();
    expect(unfolded.folding).toEqual([]);
    expect(unfolded.policy.minNQuantiles).toBe(20);
    expect(renderCompanyReportHtml(unfolded)).toContain(
      'In this reference year no category was combined.',
    );
    // The manifest of a snapshot that folded its lone XL unit into "L, XL", under a policy of
    // its own: the report says what that snapshot did, not what the study says today.
    const id = snapshots.get(2025) ?? '';
    const owner = await ownerDataSource();
    const { manifest } = await owner.getRepository(SnapshotEntity).findOneByOrFail({ id });
    const setManifest = (value: unknown) =>
      owner.query(`UPDATE snapshots SET manifest = $2 WHERE id = $1`, [id, JSON.stringify(value)]);
    try {
      await setManifest({
        ...manifest,
        policy: { ...(manifest?.policy as object), foldBelowN: 12 },
        folding: [
          {
            dimension: 'sizeBand',
            values: ['L', 'XL'],
            label: { de: 'Größenklasse: L, XL', en: 'Size band: L, XL' },
          },
        ],
      });
      const folded = await reportOf2025();
      expect(folded.folding).toEqual([
        {
          dimension: 'sizeBand',
          values: ['L', 'XL'],
          label: { de: 'Größenklasse: L, XL', en: 'Size band: L, XL' },
        },
      ]);
      expect(renderCompanyReportHtml(folded)).toContain(
        'Folding: a size band of fewer than 12 units is combined with its smaller neighbour before the peer groups are formed, so that no unit stands alone. So is every category that could not be released on its own, because its units belong to fewer than 5 companies or fewer than 5 of them lie outside one company: in a dimension such as the country into one category, in a pair such as industry × size band with the smaller neighbour within each industry. In this reference year: size bands L and XL combined.',
      );
    } finally {
      await setManifest(manifest);
    }
  });

  it("refuses a snapshot's frozen inputs to a tenant without access although a reader cached them", async () => {
    const reader = new SnapshotReader();
    const snapshotId = snapshots.get(2025) ?? '';
    const read = (tenantId: string) =>
      db.withTenant(asTenantId(tenantId), (m) => reader.frozenInputs(m, snapshotId));
    expect((await read(publisherId)).unitIds).toHaveLength(UNITS);
    const stranger = await createOrganisation('publisher');
    await expect(read(stranger.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});

import { closeOwnerDataSource, createStudyWorld, createUser } from './support/factories';
import { startApp, TestApp } from './support/app';
import { largeWorkbook, manyCellsWorkbook } from './support/hostile-spreadsheets';

/**
 * Uploads are parsed in worker threads: the api keeps answering while they are. Nothing here
 * asserts a duration (npm run bench:uploads measures the liveness latency); the timeouts are
 * generous for a busy machine.
 */
describe('spreadsheet uploads off the event loop (e2e)', () => {
  let t: TestApp;
  let importPath: string;
  let analyst: string;
  let hostile: Buffer;

  beforeAll(async () => {
    t = await startApp();
    const world = await createStudyWorld();
    importPath = `/api/v1/cycles/${world.cycle.id}/import`;
    analyst = await t.tokenFor(await createUser(world.publisher, 'publisher_analyst'));
    // 4,800 rows of 50 columns and a header: 240,050 cells, just within the cell limit.
    hostile = await largeWorkbook(4_800, 50);
  }, 180_000);

  afterAll(async () => {
    await t.close();
    await closeOwnerDataSource();
  });

  const upload = (file: Buffer, name: string) =>
    t.http().post(importPath).set('Authorization', analyst).attach('file', file, name);

  it('refuses a workbook of a million cells by its cell count, naming the limit', async () => {
    const res = await upload(manyCellsWorkbook(1_000_000), 'million.xlsx');
    expect(res.status).toBe(422);
    expect(res.body.problems).toEqual([
      {
        key: 'file',
        rule: 'too_many_cells',
        message: 'The workbook contains more than 250,000 cells.',
      },
    ]);
  });

  it('answers /health/live while three hostile uploads are parsed, and refuses each upload with a 4xx', async () => {
    let pending = 3;
    const uploads = [1, 2, 3].map(async (i) => {
      try {
        return await upload(hostile, `hostile-${i}.xlsx`);
      } finally {
        pending -= 1;
      }
    });
    const liveness: { status: number; duringUploads: boolean }[] = [];
    while (pending > 0) {
      const duringUploads = pending > 0;
      const res = await t.http().get('/health/live').timeout(30_000);
      liveness.push({ status: res.status, duringUploads });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const answers = await Promise.all(uploads);
    expect(liveness.filter((l) => l.duringUploads).length).toBeGreaterThan(0);
    expect(liveness.filter((l) => l.status !== 200)).toEqual([]);
    for (const res of answers) {
      expect(res.status).toBe(422);
      expect(res.body.problems.length).toBeGreaterThan(0);
    }
  }, 300_000);
});

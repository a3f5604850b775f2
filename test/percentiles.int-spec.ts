import { quantileLinear, SeededRandom } from '@app/domain';
import { Client } from 'pg';
import { appUrl } from './support/test-env';

const LEVELS = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];

describe('linear percentiles against PostgreSQL percentile_cont', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: appUrl() });
    await client.connect();
  });

  afterAll(() => client.end());

  it('agree on random data of many sizes, with ties and negative values', async () => {
    const random = new SeededRandom(4711);
    for (const n of [1, 2, 3, 5, 10, 17, 100, 1001]) {
      // Rounded to one decimal so that ties are common.
      const values = Array.from({ length: n }, () => Math.round(random.normal(0, 50)) / 10);
      const { rows } = await client.query<{ q: number[] }>(
        `SELECT percentile_cont($2::float8[]) WITHIN GROUP (ORDER BY v) AS q
           FROM unnest($1::float8[]) AS v`,
        [values, LEVELS],
      );
      const sorted = Float64Array.from(values).sort();
      LEVELS.forEach((p, i) => {
        expect([n, p, quantileLinear(sorted, p)]).toEqual([n, p, expect.closeTo(rows[0].q[i], 9)]);
      });
    }
  });
});

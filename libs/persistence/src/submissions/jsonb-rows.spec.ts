import { JsonbRows } from './jsonb-rows';

describe('JsonbRows', () => {
  it('is the JSON array of the rows in jsonb binary format: version byte 1, then the text', () => {
    const rows = new JsonbRows();
    rows.add(JSON.stringify({ id: 1, text: 'Grüße, "quoted"' }));
    rows.add(JSON.stringify({ id: 2, text: null }));

    const parameter = rows.parameter();

    expect(rows.count).toBe(2);
    expect(parameter[0]).toBe(1);
    expect(JSON.parse(parameter.subarray(1).toString('utf8'))).toEqual([
      { id: 1, text: 'Grüße, "quoted"' },
      { id: 2, text: null },
    ]);
  });

  it('is an empty array without rows', () => {
    const parameter = new JsonbRows().parameter();

    expect(parameter[0]).toBe(1);
    expect(parameter.subarray(1).toString('utf8')).toBe('[]');
  });
});

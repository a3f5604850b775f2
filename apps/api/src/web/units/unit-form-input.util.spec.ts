import { UNITS_TEXTS } from './units.texts';
import { readUnitForm } from './unit-form-input.util';

const complete = {
  name: '  Kundenservice Leipzig ',
  industry: 'banking',
  country: 'DE',
  customerType: 'b2c',
  sourcing: 'inhouse',
  agentFte: '1.234,5',
};

describe('readUnitForm', () => {
  it('reads a complete form, the agent FTE in the page language', () => {
    expect(readUnitForm(complete, 'de', UNITS_TEXTS.de)).toMatchObject({
      unit: {
        name: 'Kundenservice Leipzig',
        industry: 'banking',
        country: 'DE',
        customerType: 'b2c',
        sourcing: 'inhouse',
        agentFte: 1234.5,
      },
      errors: {},
    });
    expect(readUnitForm({ ...complete, agentFte: '1,234.5' }, 'en', UNITS_TEXTS.en).unit).toEqual(
      expect.objectContaining({ agentFte: 1234.5 }),
    );
  });

  it('names every mistake at its field and keeps what was sent', () => {
    const e = UNITS_TEXTS.de.errors;
    const read = readUnitForm(
      { name: ' ', industry: 'mining', country: '', customerType: 'b2x', agentFte: '-1' },
      'de',
      UNITS_TEXTS.de,
    );
    expect(read.unit).toBeNull();
    expect(read.errors).toEqual({
      name: e.nameMissing,
      industry: e.industryMissing,
      country: e.countryMissing,
      customerType: e.customerTypeMissing,
      sourcing: e.sourcingMissing,
      agentFte: e.agentFteNegative,
    });
    expect(read.posted).toMatchObject({ industry: 'mining', agentFte: '-1', sourcing: '' });
  });

  it.each([
    ['', 'agentFteMissing'],
    ['zwölf', 'agentFteInvalid'],
    ['1.5', 'agentFteInvalid'],
    ['100.000,01', 'agentFteTooLarge'],
    ['12,345', 'agentFteDecimals'],
  ] as const)('refuses the agent FTE %p', (agentFte, error) => {
    expect(readUnitForm({ ...complete, agentFte }, 'de', UNITS_TEXTS.de).errors).toEqual({
      agentFte: UNITS_TEXTS.de.errors[error],
    });
  });

  it('takes 0 and 100,000 agent FTE, the bounds of the API', () => {
    for (const agentFte of ['0', '100.000']) {
      expect(readUnitForm({ ...complete, agentFte }, 'de', UNITS_TEXTS.de).unit).not.toBeNull();
    }
  });
});

import { loadCatalogue } from '../catalogue/catalogue';
import { DEMO_CATALOGUE } from '../catalogue/demo-catalogue';
import { validateAnswers, validateDraft } from './answer-validation';
import { createSubmissionTestCatalogue, VALID_TEST_ANSWERS } from './submission-test-catalogue';

const catalogue = createSubmissionTestCatalogue();
const draft = { forSubmit: false, language: 'en' } as const;
const draftDe = { forSubmit: false, language: 'de' } as const;

function errorsOf(answers: Record<string, unknown>, language: 'de' | 'en' = 'en') {
  return validateAnswers(catalogue, answers, { forSubmit: false, language }).errors;
}

describe('validateAnswers', () => {
  it('accepts valid answers and returns them normalised, without problems', () => {
    const result = validateAnswers(
      catalogue,
      { ...VALID_TEST_ANSWERS },
      {
        forSubmit: true,
        language: 'en',
      },
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.values).toEqual(VALID_TEST_ANSWERS);
  });

  it('returns the derived KPIs of the values it keeps, a wrongly typed answer counting as missing', () => {
    // Hand-worked: 12 leavers of 100 heads is 12 %, 1,000,000 over 250,000 contacts is 4.
    expect(validateAnswers(catalogue, { ...VALID_TEST_ANSWERS }, draft).derived).toEqual({
      attrition_rate: 12,
      cost_per_contact: 4,
    });
    expect(
      validateAnswers(catalogue, { ...VALID_TEST_ANSWERS, leavers: '12' }, draft).derived,
    ).toEqual({ attrition_rate: null, cost_per_contact: 4 });
  });

  describe('types', () => {
    it('refuses a numeric string for a number item as type_number, in English and German', () => {
      expect(errorsOf({ agent_fte: '12' })).toEqual([
        { key: 'agent_fte', rule: 'type_number', message: 'Agent FTE must be a number.' },
      ]);
      expect(errorsOf({ agent_fte: '12' }, 'de')).toEqual([
        { key: 'agent_fte', rule: 'type_number', message: 'Agenten-FTE muss eine Zahl sein.' },
      ]);
    });

    it('refuses a string for a percent and a currency item as type_number', () => {
      expect(errorsOf({ csat: '80', service_cost: true }).map((p) => [p.key, p.rule])).toEqual([
        ['csat', 'type_number'],
        ['service_cost', 'type_number'],
      ]);
    });

    it('refuses a non-finite number as type_number', () => {
      expect(errorsOf({ agent_fte: Number.NaN })[0].rule).toBe('type_number');
      expect(errorsOf({ agent_fte: Number.POSITIVE_INFINITY })[0].rule).toBe('type_number');
    });

    it('accepts a whole number for an integer item and refuses 12.5 as type_integer', () => {
      expect(errorsOf({ leavers: 12 })).toEqual([]);
      expect(errorsOf({ leavers: 12.5 })).toEqual([
        { key: 'leavers', rule: 'type_integer', message: 'Leavers must be a whole number.' },
      ]);
      expect(errorsOf({ leavers: 12.5 }, 'de')).toEqual([
        { key: 'leavers', rule: 'type_integer', message: 'Austritte muss eine ganze Zahl sein.' },
      ]);
    });

    it('refuses a numeric string for an integer item as type_integer', () => {
      expect(errorsOf({ leavers: '12' }).map((p) => p.rule)).toEqual(['type_integer']);
    });

    it('accepts a non-integer number for a number item', () => {
      expect(errorsOf({ agent_fte: 80.25 })).toEqual([]);
    });

    it('refuses anything but true or false for a boolean item as type_boolean', () => {
      expect(errorsOf({ has_strategy: 'yes' })).toEqual([
        {
          key: 'has_strategy',
          rule: 'type_boolean',
          message: 'Service strategy in place must be answered with yes or no.',
        },
      ]);
      expect(errorsOf({ has_strategy: 1 }, 'de')).toEqual([
        {
          key: 'has_strategy',
          rule: 'type_boolean',
          message: 'Servicestrategie vorhanden muss mit Ja oder Nein beantwortet werden.',
        },
      ]);
    });

    it('refuses a value that is not one of the choices as type_choice, naming the choices', () => {
      expect(errorsOf({ horizon: 'forever' })).toEqual([
        {
          key: 'horizon',
          rule: 'type_choice',
          message: 'Planning horizon must be one of these answers: up to 1 year, over 1 year.',
        },
      ]);
      expect(errorsOf({ horizon: 2 }, 'de')).toEqual([
        {
          key: 'horizon',
          rule: 'type_choice',
          message: 'Planungshorizont muss eine dieser Antworten sein: bis 1 Jahr, über 1 Jahr.',
        },
      ]);
    });

    it('leaves a wrongly typed answer out of the values but keeps one outside its bounds', () => {
      const { values } = validateAnswers(catalogue, { agent_fte: '12', leavers: -1 }, draft);
      expect(values).toEqual({ leavers: -1 });
    });
  });

  describe('bounds', () => {
    it('refuses a value below min with the bound and unit, in English and German', () => {
      expect(errorsOf({ agent_fte: -1 })).toEqual([
        { key: 'agent_fte', rule: 'min', message: 'Agent FTE must be at least 0 FTE.' },
      ]);
      expect(errorsOf({ agent_fte: -1 }, 'de')).toEqual([
        { key: 'agent_fte', rule: 'min', message: 'Agenten-FTE muss mindestens 0 FTE sein.' },
      ]);
    });

    it('refuses a value above max with the bound formatted for the language', () => {
      expect(errorsOf({ agent_fte: 20000.5 })).toEqual([
        { key: 'agent_fte', rule: 'max', message: 'Agent FTE must be at most 20,000 FTE.' },
      ]);
      expect(errorsOf({ agent_fte: 20000.5 }, 'de')).toEqual([
        { key: 'agent_fte', rule: 'max', message: 'Agenten-FTE darf höchstens 20.000 FTE sein.' },
      ]);
    });

    it('accepts a value exactly on a bound', () => {
      expect(errorsOf({ agent_fte: 0, leavers: 0 })).toEqual([]);
      expect(errorsOf({ agent_fte: 20000 })).toEqual([]);
    });

    it('names the unit in the language of the message, singular for 1', () => {
      expect(errorsOf({ headcount: 0.5 })[0].message).toBe('Headcount must be at least 1 person.');
      expect(errorsOf({ headcount: 0.5 }, 'de')[0].message).toBe(
        'Mitarbeitende muss mindestens 1 Person sein.',
      );
    });

    it('bounds a percent without own bounds to 0..100', () => {
      expect(errorsOf({ csat: 100.1 })).toEqual([
        { key: 'csat', rule: 'max', message: 'Customer satisfaction must be at most 100 %.' },
      ]);
      expect(errorsOf({ csat: -0.5 }, 'de')).toEqual([
        { key: 'csat', rule: 'min', message: 'Kundenzufriedenheit muss mindestens 0 % sein.' },
      ]);
      expect(errorsOf({ csat: 0 })).toEqual([]);
      expect(errorsOf({ csat: 100 })).toEqual([]);
    });

    it("bounds a percent by the item's own narrower max", () => {
      expect(errorsOf({ sickness_rate: 50.5 })).toEqual([
        { key: 'sickness_rate', rule: 'max', message: 'Sickness rate must be at most 50 %.' },
      ]);
    });
  });

  describe('keys', () => {
    it('refuses a key that is not in the catalogue as unknown_key', () => {
      expect(errorsOf({ agent_fte_typo: 3 })).toEqual([
        {
          key: 'agent_fte_typo',
          rule: 'unknown_key',
          message: "'agent_fte_typo' is not a question of this questionnaire.",
        },
      ]);
      expect(errorsOf({ agent_fte_typo: 3 }, 'de')).toEqual([
        {
          key: 'agent_fte_typo',
          rule: 'unknown_key',
          message: '„agent_fte_typo“ ist keine Frage dieses Fragebogens.',
        },
      ]);
    });

    it('refuses a derived KPI as derived_readonly and keeps it out of the values', () => {
      const result = validateAnswers(catalogue, { cost_per_contact: 4 }, draft);
      expect(result.errors).toEqual([
        {
          key: 'cost_per_contact',
          rule: 'derived_readonly',
          message: 'Cost per contact is computed and cannot be entered.',
        },
      ]);
      expect(result.values).toEqual({});
      expect(validateAnswers(catalogue, { cost_per_contact: null }, draftDe).errors).toEqual([
        {
          key: 'cost_per_contact',
          rule: 'derived_readonly',
          message: 'Kosten je Kontakt wird berechnet und kann nicht eingegeben werden.',
        },
      ]);
    });
  });

  describe('clearing and required answers', () => {
    it('keeps null as an explicitly cleared answer without an error in a draft', () => {
      const result = validateAnswers(catalogue, { agent_fte: null, horizon: null }, draft);
      expect(result.errors).toEqual([]);
      expect(result.values).toEqual({ agent_fte: null, horizon: null });
    });

    it('treats an undefined property as absent', () => {
      expect(validateAnswers(catalogue, { csat: undefined }, draft).values).toEqual({});
    });

    it('does not demand required answers in a draft', () => {
      expect(validateAnswers(catalogue, {}, draft).errors).toEqual([]);
    });

    it('demands every required input on submit, missing or cleared, in both languages', () => {
      const en = validateAnswers(
        catalogue,
        { agent_fte: null },
        { forSubmit: true, language: 'en' },
      );
      expect(en.errors).toEqual([
        {
          key: 'agent_fte',
          rule: 'required',
          message: 'Agent FTE must be answered before submitting.',
        },
        {
          key: 'headcount',
          rule: 'required',
          message: 'Headcount must be answered before submitting.',
        },
        {
          key: 'leavers',
          rule: 'required',
          message: 'Leavers must be answered before submitting.',
        },
      ]);
      const de = validateAnswers(
        catalogue,
        { agent_fte: null },
        { forSubmit: true, language: 'de' },
      );
      expect(de.errors[0]).toEqual({
        key: 'agent_fte',
        rule: 'required',
        message: 'Agenten-FTE muss vor dem Einreichen beantwortet werden.',
      });
    });

    it('reports a wrongly typed required answer once, as a type error', () => {
      const { errors } = validateAnswers(
        catalogue,
        { ...VALID_TEST_ANSWERS, leavers: 'twelve' },
        { forSubmit: true, language: 'en' },
      );
      expect(errors.map((p) => [p.key, p.rule])).toEqual([['leavers', 'type_integer']]);
    });
  });

  describe('cross-field rules', () => {
    it('reports an error rule on each of its keys with the rule message in the language', () => {
      const answers = { headcount: 10, leavers: 21 };
      expect(errorsOf(answers)).toEqual([
        {
          key: 'leavers',
          rule: 'rule:leavers_within_headcount',
          message: 'Leavers exceed twice the headcount.',
        },
        {
          key: 'headcount',
          rule: 'rule:leavers_within_headcount',
          message: 'Leavers exceed twice the headcount.',
        },
      ]);
      expect(errorsOf(answers, 'de')[0].message).toBe(
        'Die Austritte übersteigen das Doppelte der Mitarbeitenden.',
      );
    });

    it('puts a warning rule into warnings, not errors, as data without a sentence', () => {
      const result = validateAnswers(catalogue, { agent_fte: 130, headcount: 100 }, draftDe);
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([
        { key: 'agent_fte', rule: 'rule:fte_within_headcount', params: {} },
      ]);
    });

    it('reports the channel rule of the demo catalogue on every channel and the total', () => {
      const demo = loadCatalogue(DEMO_CATALOGUE);
      const { errors } = validateAnswers(
        demo,
        { contacts_phone: 900, contacts_email: 200, contacts_total: 1000 },
        draft,
      );
      const channelErrors = errors.filter((p) => p.rule === 'rule:channels_not_above_total');
      expect(channelErrors.map((p) => p.key)).toContain('contacts_phone');
      expect(channelErrors.map((p) => p.key)).toContain('contacts_total');
      expect(channelErrors[0].message).toBe(
        'The contacts of the individual channels add up to more than the total contacts.',
      );
    });
  });

  it('collects every problem in one call instead of stopping at the first', () => {
    const result = validateAnswers(
      catalogue,
      {
        agent_fte: '80',
        headcount: 10,
        leavers: 25,
        sickness_rate: 51,
        csat: 'high',
        has_strategy: 'no',
        horizon: 'forever',
        contacts_total: 0.5,
        cost_per_contact: 3,
        mystery: 1,
      },
      { forSubmit: true, language: 'en' },
    );
    expect(result.errors.map((p) => `${p.key}:${p.rule}`)).toEqual([
      'agent_fte:type_number',
      'sickness_rate:max',
      'csat:type_number',
      'has_strategy:type_boolean',
      'horizon:type_choice',
      'contacts_total:type_integer',
      'cost_per_contact:derived_readonly',
      'mystery:unknown_key',
      'leavers:rule:leavers_within_headcount',
      'headcount:rule:leavers_within_headcount',
    ]);
  });
});

describe('validateDraft', () => {
  it('lays the new answers over the current ones, clearing only answers that are there', () => {
    const result = validateDraft(
      catalogue,
      { agent_fte: 50, headcount: 60 },
      { headcount: null, leavers: null, csat: 80 },
      'en',
    );
    expect(result.values).toEqual({ agent_fte: 50, headcount: null, csat: 80 });
    expect(result.errors).toEqual([]);
  });

  it('takes the answers of a new draft as they are, and drops a clearing of nothing', () => {
    expect(validateDraft(catalogue, {}, { agent_fte: 50, csat: 80 }, 'en').values).toEqual({
      agent_fte: 50,
      csat: 80,
    });
    expect(validateDraft(catalogue, {}, { agent_fte: 50, leavers: null }, 'en').values).toEqual({
      agent_fte: 50,
    });
  });

  it('finds unknown keys and bad types in the answers of a new draft, too', () => {
    const result = validateDraft(catalogue, {}, { agent_fte: 'fifty', shoe_size: 42 }, 'en');
    expect(result.errors.map((e) => [e.key, e.rule])).toEqual([
      ['agent_fte', 'type_number'],
      ['shoe_size', 'unknown_key'],
    ]);
  });
});

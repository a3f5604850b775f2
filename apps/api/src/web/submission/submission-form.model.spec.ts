import { DEMO_CATALOGUE, loadCatalogue, warningId } from '@app/domain';
import type { SubmissionDto } from '../../submissions/dto/submission.dto';
import { SUBMISSION_TEXTS } from './submission.texts';
import { FormField, submissionFormModel, SubmissionFormState } from './submission-form.model';

const catalogue = loadCatalogue(DEMO_CATALOGUE);

type Stored = Pick<SubmissionDto, 'answers' | 'derived' | 'warnings'>;

function warning(key: string, rule: string, message: string, comment: string | null = null) {
  return { key, rule, params: {}, message, id: warningId({ key, rule }), comment };
}

function model(stored: Partial<Stored>, more: Partial<SubmissionFormState> = {}) {
  const answers = stored.answers ?? {};
  return submissionFormModel({
    language: 'de',
    texts: SUBMISSION_TEXTS.de,
    catalogue,
    submission: {
      answers,
      derived: stored.derived ?? catalogue.derive(answers as never),
      warnings: stored.warnings ?? [],
    },
    ...more,
  });
}

function field(form: ReturnType<typeof model>, key: string): FormField {
  const found = form.areas.flatMap((a) => a.fields).find((f) => f.key === key);
  if (!found) {
    throw new Error(`no field ${key}`);
  }
  return found;
}

describe('submissionFormModel', () => {
  it('groups every item of the catalogue by area in the questionnaire order', () => {
    const form = model({});
    expect(form.areas.map((a) => a.title)).toEqual([
      'Strategie',
      'Mitarbeitende',
      'Volumen und Kanäle',
      'Produktivität und Qualität',
      'Wertschöpfung',
      'Kundensicht',
      'Kosten',
    ]);
    expect(form.areas.flatMap((a) => a.fields.map((f) => f.key))).toEqual(
      catalogue.items.map((i) => i.key),
    );
  });

  it('gives each input its label, unit, help, format, bounds and type of control', () => {
    const form = model({ answers: { agent_fte: 1234.5, has_service_strategy: false } });
    const fte = field(form, 'agent_fte');
    expect(fte).toMatchObject({
      id: 'kpi-agent_fte',
      name: 'answers[agent_fte]',
      label: 'Agenten (Vollzeitäquivalente)',
      unit: 'FTE',
      required: true,
      isNumber: true,
      value: '1.234,5',
      inputMode: 'decimal',
      hint: 'Zahl, z. B. 1.234,5 · zulässig von 1 FTE bis 20.000 FTE',
      invalid: false,
      describedBy: 'kpi-agent_fte-help',
    });
    expect(fte.help).toContain('Vollzeitäquivalenten');
    expect(field(form, 'leavers').hint).toBe(
      'ganze Zahl · zulässig von 0 Personen bis 60.000 Personen',
    );
    // A percent lies within 0..100 even where the catalogue names no bounds.
    expect(field(form, 'service_level').hint).toContain('zulässig von 0 % bis 100 %');
    // A score that may be negative gets a keyboard with a minus sign.
    expect(field(form, 'nps').inputMode).toBe('text');
    expect(field(form, 'has_service_strategy')).toMatchObject({
      isBoolean: true,
      yes: false,
      no: true,
      noAnswer: false,
    });
    expect(field(form, 'strategy_maturity')).toMatchObject({ isDerived: true, isNumber: false });
    const horizon = field(form, 'strategy_horizon');
    expect(horizon.isChoice).toBe(true);
    expect(horizon.options.map((o) => o.label)).toEqual([
      'bis 1 Jahr',
      '2 bis 3 Jahre',
      'mehr als 3 Jahre',
    ]);
  });

  it('shows derived KPIs as they follow from the saved answers, and what they are computed from', () => {
    const form = model({ answers: { leavers: 30, headcount_avg: 200 } });
    const attrition = field(form, 'attrition_rate');
    expect(attrition.display).toBe('15 %');
    expect(attrition.computedFrom).toBe(
      'Berechnet aus: Austritte im Berichtsjahr ÷ Durchschnittliche Zahl der Mitarbeitenden × 100',
    );
    expect(field(form, 'contacts_per_customer').display).toBe('noch nicht berechenbar');
  });

  it('puts each error at its field and once in the summary, in questionnaire order', () => {
    const channelError =
      'Die Kontakte der einzelnen Kanäle ergeben zusammen mehr als die Kontakte gesamt.';
    const form = model(
      {},
      {
        posted: {
          values: { agent_fte: '25.000', contacts_phone: '9', contacts_total: '5' },
          comments: {},
        },
        problems: [
          { key: 'contacts_phone', rule: 'rule:channels_not_above_total', message: channelError },
          { key: 'contacts_total', rule: 'rule:channels_not_above_total', message: channelError },
          { key: 'agent_fte', rule: 'max', message: 'zu groß' },
        ],
      },
    );
    const fte = field(form, 'agent_fte');
    expect(fte).toMatchObject({
      value: '25.000',
      errors: ['zu groß'],
      invalid: true,
      describedBy: 'kpi-agent_fte-help kpi-agent_fte-error',
    });
    expect(field(form, 'contacts_total').errors).toEqual([channelError]);
    expect(form.errors).toEqual([
      { field: 'kpi-agent_fte', message: 'zu groß' },
      { field: 'kpi-contacts_phone', message: channelError },
    ]);
    // After a refused save, derived KPIs say they come from the saved answers.
    expect(field(form, 'attrition_rate').computedFrom).toMatch(/^Berechnet aus den gespeicherten/);
  });

  it('shows a warning of several fields once, with one comment box naming all its ids', () => {
    const message = 'Die Agenten-Vollzeitäquivalente liegen um mehr als 20 % über …';
    const a = warning('agent_fte', 'rule:agent_fte_within_headcount', message, 'Teilzeit');
    const b = warning('headcount_avg', 'rule:agent_fte_within_headcount', message);
    const aht = warning('aht_seconds', 'previous_cycle_deviation', 'AHT verdoppelt');
    const form = model({ warnings: [aht, b, a] });
    const fte = field(form, 'agent_fte');
    expect(fte.warnings).toHaveLength(1);
    expect(fte.warnings[0]).toMatchObject({
      id: 'warning-1',
      commentName: `comments[${a.id}]`,
      groupName: `commentGroups[${a.id}]`,
      groupIds: `${a.id},${b.id}`,
      message,
      comment: 'Teilzeit',
      commentError: null,
    });
    expect(fte.describedBy).toBe('kpi-agent_fte-help warning-1');
    expect(field(form, 'headcount_avg').warnings).toEqual([]);
    expect(field(form, 'aht_seconds').warnings[0].message).toBe('AHT verdoppelt');
    expect(form.warnings).toEqual([
      { href: '#comment-1', fieldHref: '#kpi-agent_fte', message, commented: true },
      {
        href: '#comment-2',
        fieldHref: '#kpi-aht_seconds',
        message: 'AHT verdoppelt',
        commented: false,
      },
    ]);
    expect(form.otherWarnings).toEqual([]);
  });

  it("puts the service's refusal of an uncommented warning at its comment box", () => {
    const aht = warning('aht_seconds', 'previous_cycle_deviation', 'AHT verdoppelt.');
    const form = model(
      { warnings: [aht] },
      {
        problems: [
          {
            key: 'aht_seconds',
            rule: 'comment_required',
            message: 'AHT verdoppelt. Zum Einreichen ist ein Kommentar zu dieser Warnung nötig.',
          },
        ],
      },
    );
    const box = field(form, 'aht_seconds').warnings[0];
    expect(box.commentError).toBe('Zum Einreichen braucht dieser Hinweis einen Kommentar.');
    // The field itself is fine: only its comment is missing.
    expect(field(form, 'aht_seconds').invalid).toBe(false);
    expect(form.errors).toEqual([
      {
        field: 'comment-1',
        message: 'AHT verdoppelt. Zum Einreichen braucht dieser Hinweis einen Kommentar.',
      },
    ]);
  });

  it('keeps a refusal for a warning the stored data set does not show at its field', () => {
    const form = model(
      {},
      {
        problems: [{ key: 'aht_seconds', rule: 'comment_required', message: 'Kommentar nötig.' }],
      },
    );
    expect(field(form, 'aht_seconds').errors).toEqual(['Kommentar nötig.']);
    expect(form.errors).toEqual([{ field: 'kpi-aht_seconds', message: 'Kommentar nötig.' }]);
  });

  it('keeps a comment typed into a refused form and lists warnings of unknown keys apart', () => {
    const old = warning('retired_kpi', 'previous_cycle_deviation', 'Alt', 'gespeichert');
    const form = model(
      { warnings: [old] },
      { posted: { values: {}, comments: { [old.id]: 'neu getippt' } } },
    );
    expect(form.otherWarnings).toHaveLength(1);
    expect(form.otherWarnings[0].comment).toBe('neu getippt');
  });

  it('writes the answers of the read-only view in English', () => {
    const form = submissionFormModel({
      language: 'en',
      texts: SUBMISSION_TEXTS.en,
      catalogue,
      submission: {
        answers: {
          contacts_total: 1234567,
          has_service_strategy: true,
          strategy_horizon: 'long_term',
        },
        derived: {},
        warnings: [],
      },
    });
    const all = form.areas.flatMap((a) => a.fields);
    const byKey = (key: string) => all.find((f) => f.key === key);
    expect(byKey('contacts_total')?.display).toBe('1,234,567 contacts');
    expect(byKey('contacts_total')?.value).toBe('1,234,567');
    expect(byKey('has_service_strategy')?.display).toBe('Yes');
    expect(byKey('strategy_horizon')?.display).toBe('more than 3 years');
    expect(byKey('agent_fte')?.display).toBe('–');
  });
});

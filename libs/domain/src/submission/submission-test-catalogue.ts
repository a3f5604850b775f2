import { Catalogue, loadCatalogue } from '../catalogue/catalogue';
import { CatalogueDefinition, KpiItemDefinition } from '../catalogue/catalogue-definition';

function createItem(
  overrides: Partial<KpiItemDefinition> & Pick<KpiItemDefinition, 'key' | 'label'>,
): KpiItemDefinition {
  return {
    area: 'employees',
    type: 'number',
    unit: null,
    help: { de: '', en: '' },
    required: false,
    polarity: 'neutral',
    ...overrides,
  };
}

/** A small catalogue with one item of every type, for the specs of this folder only. */
export function createSubmissionTestCatalogue(): Catalogue {
  const definition: CatalogueDefinition = {
    key: 'submission-test',
    version: 1,
    name: { de: 'Testfragebogen', en: 'Test questionnaire' },
    items: [
      createItem({
        key: 'agent_fte',
        unit: 'FTE',
        label: { de: 'Agenten-FTE', en: 'Agent FTE' },
        min: 0,
        max: 20000,
        required: true,
      }),
      createItem({
        key: 'headcount',
        unit: 'persons',
        label: { de: 'Mitarbeitende', en: 'Headcount' },
        min: 1,
        required: true,
      }),
      createItem({
        key: 'leavers',
        type: 'integer',
        unit: 'persons',
        label: { de: 'Austritte', en: 'Leavers' },
        min: 0,
        required: true,
      }),
      createItem({
        key: 'attrition_rate',
        unit: '%',
        label: { de: 'Fluktuationsquote', en: 'Attrition rate' },
        min: 0,
        formula: 'leavers / headcount * 100',
      }),
      createItem({
        key: 'sickness_rate',
        type: 'percent',
        unit: '%',
        label: { de: 'Krankenquote', en: 'Sickness rate' },
        max: 50,
      }),
      createItem({
        key: 'csat',
        type: 'percent',
        unit: '%',
        label: { de: 'Kundenzufriedenheit', en: 'Customer satisfaction' },
      }),
      createItem({
        key: 'has_strategy',
        type: 'boolean',
        label: { de: 'Servicestrategie vorhanden', en: 'Service strategy in place' },
      }),
      createItem({
        key: 'horizon',
        type: 'choice',
        label: { de: 'Planungshorizont', en: 'Planning horizon' },
        choices: [
          { value: 'short_term', label: { de: 'bis 1 Jahr', en: 'up to 1 year' } },
          { value: 'long_term', label: { de: 'über 1 Jahr', en: 'over 1 year' } },
        ],
      }),
      createItem({
        key: 'contacts_total',
        type: 'integer',
        unit: 'contacts',
        label: { de: 'Kontakte gesamt', en: 'Total contacts' },
        min: 1,
      }),
      createItem({
        key: 'service_cost',
        type: 'currency',
        unit: 'EUR',
        label: { de: 'Servicekosten', en: 'Service cost' },
        min: 0,
      }),
      createItem({
        key: 'cost_per_contact',
        type: 'currency',
        unit: 'EUR',
        label: { de: 'Kosten je Kontakt', en: 'Cost per contact' },
        min: 0,
        formula: 'service_cost / contacts_total',
      }),
    ],
    rules: [
      {
        id: 'leavers_within_headcount',
        severity: 'error',
        expression: 'leavers <= 2 * headcount',
        message: {
          de: 'Die Austritte übersteigen das Doppelte der Mitarbeitenden.',
          en: 'Leavers exceed twice the headcount.',
        },
      },
      {
        id: 'fte_within_headcount',
        severity: 'warning',
        expression: 'agent_fte <= 1.2 * headcount',
        keys: ['agent_fte'],
        message: {
          de: 'Die Agenten-FTE liegen deutlich über den Mitarbeitenden.',
          en: 'Agent FTE are well above the headcount.',
        },
      },
    ],
  };
  return loadCatalogue(definition);
}

/** Answers that satisfy every rule of the test catalogue. */
export const VALID_TEST_ANSWERS = {
  agent_fte: 80.5,
  headcount: 100,
  leavers: 12,
  sickness_rate: 6.5,
  csat: 81,
  has_strategy: true,
  horizon: 'long_term',
  contacts_total: 250000,
  service_cost: 1_000_000,
} as const;

import { DEMO_CATALOGUE, diffCatalogues } from '@app/domain';
import type { CatalogueVersionDetailDto } from '../../catalogues/dto/catalogue-editor.dto';
import type { Language } from '../../common/request-context';
import type { PageContext } from '../views/page-context';
import { pageTexts } from '../views/page-texts';
import {
  diffSections,
  itemFormModel,
  itemFormValues,
  itemInputOf,
  newItemValues,
} from './catalogues-page.model';

function pageIn(language: Language): PageContext {
  return {
    language,
    texts: pageTexts(language),
    path: '/catalogues',
    user: null,
    csrfToken: () => 'token',
  };
}

const attrition = DEMO_CATALOGUE.items.find((i) => i.key === 'attrition_rate')!;

const version: CatalogueVersionDetailDto = {
  id: '00000000-0000-4000-8000-000000000001',
  key: 'demo',
  version: 2,
  hash: 'h',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  basedOnId: null,
  editable: true,
  usedBy: [],
  definition: DEMO_CATALOGUE as unknown as Record<string, unknown>,
};

describe('questionnaire editor page model', () => {
  it('reads a German decimal comma and sends the item back as it was', () => {
    const page = pageIn('de');
    const values = itemFormValues(attrition, 7, page);
    expect(values.min).toBe('0');
    const read = itemInputOf({ ...values, max: '12,5' }, page);
    expect(read).toEqual({
      input: {
        key: 'attrition_rate',
        area: 'employees',
        type: 'number',
        unit: '%',
        label: attrition.label,
        help: attrition.help,
        min: 0,
        max: 12.5,
        required: false,
        polarity: 'lower_is_better',
        formula: 'leavers / headcount_avg * 100',
        benchmarked: true,
        weightKey: 'headcount_avg',
        position: 7,
      },
    });
  });

  it('refuses a bound that is no number and a choice without its three parts, at their fields', () => {
    const page = pageIn('en');
    const read = itemInputOf(
      { ...newItemValues(3), min: 'ten', choices: 'in_house | Intern | In-house; outsourced' },
      page,
    );
    expect(read).toEqual({
      errors: {
        min: 'Please enter a number, e.g. 12.5.',
        choices: "Each choice needs the form 'value | German | English'.",
      },
    });
  });

  it("shows the catalogue's refusal of a formula at the formula field", () => {
    const page = pageIn('en');
    const model = itemFormModel(
      version,
      'attrition_rate',
      itemFormValues(attrition, 7, page),
      page,
      {},
      {
        message: 'The item was not saved.',
        detail: "Item 'attrition_rate' was not saved: 1 problem",
        problems: [
          {
            key: 'attrition_rate',
            rule: 'formula_unknown_key',
            message: "formula references unknown key 'x'",
          },
        ],
      },
    );
    expect(model.fields.formula.error).toBe("formula references unknown key 'x'");
    expect(model.fields.key.error).toBeNull();
    expect(model.title).toBe('Edit item attrition_rate');
    expect(model.action).toBe(`/catalogues/${version.id}/items/attrition_rate`);
  });

  it('shows a diff as added, removed and changed rows, old and new value each', () => {
    const page = pageIn('de');
    const to = {
      ...DEMO_CATALOGUE,
      items: DEMO_CATALOGUE.items.map((i) =>
        i.key === 'attrition_rate' ? { ...i, max: 250.5, unit: null } : i,
      ),
    };
    const model = diffSections(diffCatalogues(DEMO_CATALOGUE, to), page);
    expect(model.same).toBe(false);
    expect(model.sections).toEqual([
      {
        heading: 'Elemente',
        added: [],
        removed: [],
        changed: [
          { key: 'attrition_rate', field: 'unit', before: '%', after: '(leer)' },
          { key: '', field: 'max', before: '(leer)', after: '250,5' },
        ],
        empty: false,
      },
    ]);
    expect(diffSections(diffCatalogues(DEMO_CATALOGUE, DEMO_CATALOGUE), page).same).toBe(true);
  });
});

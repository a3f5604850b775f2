import type { Language } from '../../common/request-context';
import type { OrganisationDto } from '../../organisations/dto/organisation.dto';
import type { PageContext } from '../views/page-context';
import { pageTexts } from '../views/page-texts';
import { organisationPageModel, organisationsListModel } from './organisations-page.model';

function pageIn(language: Language): PageContext {
  return {
    language,
    texts: pageTexts(language),
    path: '/organisations',
    user: null,
    csrfToken: () => 'token',
  };
}

const organisation = (
  id: string,
  kind: OrganisationDto['kind'],
  disabledAt: string | null,
): OrganisationDto => ({
  id,
  kind,
  name: `Org ${id}`,
  createdAt: '2026-11-01T08:00:00.000Z',
  disabledAt,
});

describe('organisationsListModel', () => {
  it('says which tenants are disabled and links each one for the operator', () => {
    const model = organisationsListModel(
      [organisation('a', 'company', null), organisation('b', 'publisher', '2026-12-01T00:00:00Z')],
      pageIn('de'),
      { canCreate: true, notice: null },
    );
    expect(model.organisations.map((o) => [o.stateLabel, o.href])).toEqual([
      ['aktiv', '/organisations/a'],
      ['gesperrt', '/organisations/b'],
    ]);
    expect(model.form?.kinds.map((k) => k.label)).toEqual(['Unternehmen', 'Herausgeber']);
  });

  it('shows others the organisations without links or the form', () => {
    const model = organisationsListModel([organisation('a', 'company', null)], pageIn('en'), {
      canCreate: false,
      notice: null,
    });
    expect(model.organisations.map((o) => o.href)).toEqual([null]);
    expect(model.form).toBeNull();
  });
});

describe('organisationPageModel', () => {
  it('offers to disable an active tenant and says since when a disabled one is', () => {
    const page = pageIn('en');
    const state = { notice: null, errors: [] };
    expect(
      organisationPageModel(organisation('a', 'company', null), [], [], page, state).disableAction,
    ).toBe('/organisations/a/disable');
    const disabled = organisationPageModel(
      organisation('b', 'company', '2026-12-03T09:30:00.000Z'),
      [],
      [],
      page,
      state,
    );
    expect([disabled.disableAction, disabled.disabledSince]).toEqual([
      null,
      'Disabled since 2026-12-03.',
    ]);
    expect(
      organisationPageModel(organisation('p', 'platform', null), [], [], page, state).disableAction,
    ).toBeNull();
  });
});

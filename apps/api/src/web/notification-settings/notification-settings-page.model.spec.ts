import type { PageContext } from '../views/page-context';
import { pageTexts } from '../views/page-texts';
import { notificationSettingsPageModel } from './notification-settings-page.model';

const page: PageContext = {
  language: 'en',
  texts: pageTexts('en'),
  path: '/settings/notifications',
  user: {
    name: 'C',
    email: 'c@test.example',
    organisationName: 'Nordlicht AG',
    organisationKind: 'company',
    role: 'company_viewer',
  },
  csrfToken: () => 'token',
};

describe('notificationSettingsPageModel', () => {
  it('has a checkbox per optional notification, checked while it is on', () => {
    const model = notificationSettingsPageModel(
      { submission_digest: true, submission_accepted: false, report_ready: true },
      page,
      true,
    );
    expect(model.intro).toBe(
      'Which e-mails you want to receive. They go to c@test.example, in your language.',
    );
    expect(model.notice).toBe('Your notifications are saved.');
    expect(model.options.map((o) => [o.id, o.name, o.checked])).toEqual([
      ['notification-submission-accepted', 'submission_accepted', false],
      ['notification-report-ready', 'report_ready', true],
      ['notification-submission-digest', 'submission_digest', true],
    ]);
  });
});

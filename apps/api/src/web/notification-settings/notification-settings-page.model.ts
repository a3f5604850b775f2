import { OPTIONAL_NOTIFICATIONS } from '@app/domain';
import type { NotificationPreferencesDto } from '../../deadlines/dto/deadline.dto';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import type { PageContext } from '../views/page-context';

/** The model of `notification-settings/settings.hbs`: one checkbox per optional notification. */
export function notificationSettingsPageModel(
  preferences: NotificationPreferencesDto,
  page: PageContext,
  saved: boolean,
) {
  const t = page.texts.notificationSettings;
  return {
    title: t.title,
    intro: fill(t.intro, { email: page.user?.email ?? '' }),
    notice: saved ? t.saved : null,
    action: pagePaths.notificationSettings(),
    options: OPTIONAL_NOTIFICATIONS.map((purpose) => ({
      name: purpose,
      id: `notification-${purpose.replace(/_/g, '-')}`,
      label: t[purpose],
      checked: preferences[purpose],
    })),
  };
}

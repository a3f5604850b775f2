import { Injectable } from '@nestjs/common';
import {
  Action,
  Actor,
  DomainError,
  DomainErrorCode,
  OPTIONAL_NOTIFICATIONS,
  requireAccess,
} from '@app/domain';
import { notificationOptOuts, setNotificationOptOuts, TenantDb } from '@app/persistence';
import type { NotificationPreferenceChanges, NotificationPreferences } from './deadline.types';

/** An API key is no person: it receives no mail, so it has no notifications to set. */
const NO_USER = {
  de: 'Benachrichtigungen gehören zu einer Person: ein API-Schlüssel erhält keine E-Mails.',
  en: 'Notifications belong to a person: an API key receives no e-mail.',
};

/**
 * The optional notifications a user receives (a reminder and a returned submission ask the
 * company to act and always go; see OPTIONAL_NOTIFICATIONS).
 */
@Injectable()
export class NotificationSettingsService {
  constructor(private readonly db: TenantDb) {}

  get(actor: Actor): Promise<NotificationPreferences> {
    requireAccess(actor, Action.NotificationSettingsRead);
    const userId = this.userOf(actor);
    return this.db.withTenant(actor.tenantId, async (m) =>
      preferencesOf(await notificationOptOuts(m, userId)),
    );
  }

  update(actor: Actor, input: NotificationPreferenceChanges): Promise<NotificationPreferences> {
    requireAccess(actor, Action.NotificationSettingsUpdate);
    const userId = this.userOf(actor);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const off = new Set(await notificationOptOuts(m, userId));
      for (const purpose of OPTIONAL_NOTIFICATIONS) {
        const wanted = input[purpose];
        if (wanted === true) {
          off.delete(purpose);
        } else if (wanted === false) {
          off.add(purpose);
        }
      }
      await setNotificationOptOuts(m, userId, [...off]);
      return preferencesOf([...off]);
    });
  }

  private userOf(actor: Actor): string {
    if (actor.userId === null) {
      throw new DomainError(DomainErrorCode.InvalidState, NO_USER);
    }
    return actor.userId;
  }
}

function preferencesOf(off: readonly string[]): NotificationPreferences {
  return {
    submission_digest: !off.includes('submission_digest'),
    submission_accepted: !off.includes('submission_accepted'),
    report_ready: !off.includes('report_ready'),
  };
}

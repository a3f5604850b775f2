import { Action, roleMay, type OrganisationKind, type Role } from '@app/domain';
import { pagePaths } from '../page-urls';
import type { PageTexts } from './page-texts';

/** A link of the main navigation. */
export interface NavigationLink {
  href: string;
  label: string;
  /** The link of the page shown (`aria-current="page"`). */
  current: boolean;
}

/**
 * The main navigation of each kind of organisation. A feature whose pages belong in it adds its
 * entry here (see the URL scheme in web.module.ts); pages reached from other pages stay out.
 */
function entries(
  kind: OrganisationKind,
  role: Role | null,
  texts: PageTexts,
): { href: string; label: string }[] {
  const overview = { href: pagePaths.home(), label: texts.common.nav.overview };
  // Only those who send invitations see the page that lists them.
  const invitations =
    role !== null && roleMay(role, Action.InvitationRead)
      ? [{ href: pagePaths.invitations(), label: texts.invitations.nav }]
      : [];
  const notifications = {
    href: pagePaths.notificationSettings(),
    label: texts.notificationSettings.nav,
  };
  switch (kind) {
    case 'company':
      return [
        overview,
        { href: pagePaths.units(), label: texts.units.nav },
        ...invitations,
        notifications,
      ];
    case 'publisher':
      return [
        overview,
        { href: pagePaths.studies(), label: texts.common.nav.studies },
        ...invitations,
        { href: pagePaths.catalogues(), label: texts.catalogues.nav },
        notifications,
      ];
    case 'platform':
      return [overview, { href: pagePaths.organisations(), label: texts.common.nav.organisations }];
  }
}

/** The navigation of a signed-in person on a path; none for a visitor. */
export function navigationFor(
  kind: OrganisationKind | null,
  texts: PageTexts,
  path: string,
  role: Role | null = null,
): NavigationLink[] {
  if (kind === null) {
    return [];
  }
  const pathname = path.split('?')[0];
  return entries(kind, role, texts).map((entry) => ({
    ...entry,
    current:
      entry.href === '/'
        ? pathname === '/'
        : pathname === entry.href || pathname.startsWith(`${entry.href}/`),
  }));
}

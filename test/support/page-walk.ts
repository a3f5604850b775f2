import type { Role } from '@app/domain';
import { seedDemo } from '@app/application';
import { DEMO_LOGINS, DEMO_PASSWORD, OrganisationEntity } from '@app/persistence';
import { createUser, ownerDataSource } from './factories';

/** How far a walk goes. */
export interface WalkLimits {
  /** At most this many pages of one kind (the same path but for its ids) are read. */
  perKind: number;
  /** The walk stops after this many pages, whatever it has not reached yet. */
  total: number;
}

/** A page a walk read: its path and query, its kind and its HTML. */
export interface WalkedPage {
  path: string;
  kind: string;
  html: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The kind of a page: its path with ids blanked, and the names of its query parameters. */
export function kindOf(url: URL): string {
  const names = [...url.searchParams.keys()].sort().join('&');
  return `${url.pathname.replace(UUID, ':id')}?${names}`;
}

/** The links of a page to further pages of the cockpit: no downloads, no sign-out. */
function pageLinks(html: string, base: URL): URL[] {
  const links: URL[] = [];
  for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
    const url = new URL(href.replace(/&amp;/g, '&'), base);
    if (
      url.origin === base.origin &&
      !url.pathname.startsWith('/api/') &&
      !url.pathname.startsWith('/assets/') &&
      !/\.(pdf|xlsx|csv|json)$|\/(pdf|xlsx|csv|template|export)$/.test(url.pathname) &&
      !url.searchParams.has('lang')
    ) {
      links.push(url);
    }
  }
  return links;
}

/**
 * The pages a person reaches from the home page by following links (the navigation and every
 * link of a page), breadth first. `read` fetches a path as the signed-in person and returns its
 * HTML, or null for an answer that is not a page (a download). The walk knows no list of pages:
 * a page a feature adds is walked as soon as a link leads to it.
 */
export async function walkPages(
  read: (path: string) => Promise<string | null>,
  limits: WalkLimits,
): Promise<WalkedPage[]> {
  const base = new URL('http://cockpit.test/');
  const queue: URL[] = [new URL('/', base)];
  const seen = new Set<string>();
  const perKind = new Map<string, number>();
  const pages: WalkedPage[] = [];
  while (queue.length > 0 && pages.length < limits.total) {
    const url = queue.shift() as URL;
    const path = `${url.pathname}${url.search}`;
    const kind = kindOf(url);
    if (seen.has(path) || (perKind.get(kind) ?? 0) >= limits.perKind) {
      continue;
    }
    seen.add(path);
    perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    const html = await read(path);
    if (html === null) {
      continue;
    }
    pages.push({ path, kind, html });
    queue.push(...pageLinks(html, url));
  }
  return pages;
}

/** A person who walks the pages. */
export interface Walker {
  role: Role;
  email: string;
  password: string;
}

/**
 * Seeds the demo into the database `ownerUrl` names, as `npm start` does, and returns a person
 * of every role: the demo's logins and, for the roles the demo has no login for, new users in
 * the demo's publisher and first company.
 */
export async function seedDemoWalkers(ownerUrl: string): Promise<Walker[]> {
  await seedDemo(ownerUrl);
  const walkers: Walker[] = DEMO_LOGINS.map((login) => ({
    role: login.role,
    email: login.email,
    password: DEMO_PASSWORD,
  }));
  const db = await ownerDataSource();
  const organisationOf = async (email: string): Promise<OrganisationEntity> => {
    const [{ tenant_id }] = await db.query<{ tenant_id: string }[]>(
      'SELECT tenant_id FROM users WHERE email = $1',
      [email],
    );
    return db.getRepository(OrganisationEntity).findOneByOrFail({ id: tenant_id });
  };
  const publisher = await organisationOf('publisher@demo.example');
  const company = await organisationOf('company1@demo.example');
  walkers.push(await createUser(publisher, 'publisher_analyst'));
  walkers.push(await createUser(company, 'company_editor'));
  walkers.push(await createUser(company, 'company_viewer'));
  return walkers;
}

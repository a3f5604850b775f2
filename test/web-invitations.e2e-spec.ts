import { ApiClient } from './support/api-client';
import { attributeOf, BrowserTestApp, textOf } from './support/browser';
import { createOrganisation, createUser, TEST_PASSWORD } from './support/factories';
import {
  accept,
  MailWorld,
  login,
  NEW_PASSWORD,
  nextToken,
  publisherWorld,
  startMailWorld,
  tokenIn,
} from './support/mail-world';
import type { SmtpInbox } from './support/smtp-inbox';

/**
 * The invitation pages and the operator's console in Chromium, against a real SMTP server, the
 * api and the worker: the links are read from the mails that arrive.
 */
jest.setTimeout(300_000);

describe('invitation pages and the operator console (e2e: Chromium, SMTP server, worker)', () => {
  let world: MailWorld;
  let t: BrowserTestApp;
  let inbox: SmtpInbox;

  beforeAll(async () => {
    world = await startMailWorld('webinv');
    ({ t, inbox } = world);
  });

  afterAll(async () => {
    await world?.close();
  });

  it('lets a publisher invite a company on its page; the contact follows the link in Chromium, sets a password and lands signed in in the cockpit', async () => {
    const { admin, study } = await publisherWorld(t);
    const email = 'lea.licht@leuchtturm.example';
    const publisherPage = await t.newPage({ acceptLanguage: 'en' });
    await t.signIn(publisherPage, admin, '/login?next=%2Finvitations');
    expect(publisherPage.url()).toBe(t.url('/invitations'));
    expect(await textOf(publisherPage, 'main h1')).toBe('Invitations');
    await publisherPage.locator(`#companyName-${study.id}`).fill('Leuchtturm Service AG');
    await publisherPage.locator(`#name-${study.id}`).fill('Lea Licht');
    await publisherPage.locator(`#email-${study.id}`).fill(email);
    await publisherPage.select(`#language-${study.id}`, 'de');
    await Promise.all([
      publisherPage.waitForNavigation(),
      publisherPage.locator('form.invite-company-form button').click(),
    ]);
    expect(await textOf(publisherPage, '.notice')).toBe('The invitation is on its way.');
    expect(await textOf(publisherPage, '#invitations-table tbody tr')).toContain('Lea Licht');
    expect(await textOf(publisherPage, '#invitations-table .invitation-state')).toBe('pending');

    const mail = await inbox.waitForMailTo(email);
    expect(mail.subject).toBe('Einladung zu Benchmark Cockpit: Leuchtturm Service AG');
    const link = `${t.baseUrl}/invitations/accept?token=${tokenIn(mail.text)}`;
    const page = await t.newPage({ acceptLanguage: 'de-DE' });
    await page.goto(link);
    expect(await textOf(page, 'main h1')).toBe('Einladung annehmen');
    expect(await textOf(page, '#accept-intro')).toBe(
      `Guten Tag Lea Licht, legen Sie ein Passwort mit mindestens 10 Zeichen für Ihren Zugang ${email} fest. Danach sind Sie angemeldet.`,
    );
    // Two passwords that differ are refused at the form, and nothing is used up.
    await page.locator('#password').fill(NEW_PASSWORD);
    await page.locator('#passwordRepeat').fill('something-else-entirely');
    await Promise.all([page.waitForNavigation(), page.locator('form.form button').click()]);
    expect(await textOf(page, '#password-error')).toBe(
      'Die beiden Passwörter stimmen nicht überein.',
    );
    await page.locator('#password').fill(NEW_PASSWORD);
    await page.locator('#passwordRepeat').fill(NEW_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.locator('form.form button').click()]);
    expect(page.url()).toBe(t.url('/'));
    expect(await textOf(page, 'main')).toContain('Leuchtturm Service AG');
    expect(await textOf(page, 'header')).toContain('Lea Licht');

    // Back on the publisher's page, the invitation is accepted.
    await publisherPage.reload();
    expect(await textOf(publisherPage, '#invitations-table .invitation-state')).toBe('accepted');
  });

  it("shows the operator's console: a tenant is created inviting its admin, its invitation sent again, and it is disabled", async () => {
    const platform = await createOrganisation('platform');
    const operator = await createUser(platform, 'platform_admin');
    const email = 'admin@konsole.example';
    const page = await t.newPage({ acceptLanguage: 'de-DE' });
    await t.signIn(page, operator, '/login?next=%2Forganisations');
    expect(page.url()).toBe(t.url('/organisations'));
    // A form with a wrong address comes back with the rule at its field.
    await page.locator('#name').fill('Konsole GmbH');
    await page.locator('[id="admin.name"]').fill('Karl Konsole');
    await page.locator('[id="admin.email"]').fill('not-an-address');
    await Promise.all([
      page.waitForNavigation(),
      page.locator('form.create-organisation-form button').click(),
    ]);
    expect(await textOf(page, '.form-errors')).toContain('admin.email');
    await page.locator('[id="admin.email"]').fill(email);
    await page.select('[id="admin.language"]', 'en');
    await Promise.all([
      page.waitForNavigation(),
      page.locator('form.create-organisation-form button').click(),
    ]);
    expect(await textOf(page, '.notice')).toBe(
      'Der Mandant ist angelegt; die Einladung ist unterwegs.',
    );
    const first = await nextToken(inbox, email, 0);
    await Promise.all([page.waitForNavigation(), page.locator('a::-p-text(Konsole GmbH)').click()]);
    expect(await textOf(page, 'main h1')).toBe('Konsole GmbH');
    expect(await textOf(page, '#tenant-invitations-table tbody tr')).toContain('Karl Konsole');
    expect(await textOf(page, '.invitation-state')).toBe('offen');
    expect(await textOf(page, '.empty')).toBe('Dieser Mandant hat noch keine Benutzer.');

    await Promise.all([
      page.waitForNavigation(),
      page.locator('#tenant-invitations-table form button').click(),
    ]);
    expect(await textOf(page, '.notice')).toBe(
      'Die Einladung wurde mit einem neuen Link erneut gesendet; der alte Link gilt nicht mehr.',
    );
    const second = await nextToken(inbox, email, 1);
    expect((await accept(t, first, NEW_PASSWORD)).status).toBe(422);
    expect((await accept(t, second, NEW_PASSWORD)).status).toBe(204);
    await page.reload();
    expect(await textOf(page, '#users-table tbody tr')).toContain(email);
    expect(await textOf(page, '.invitation-state')).toBe('angenommen');

    await Promise.all([page.waitForNavigation(), page.locator('form.disable-form button').click()]);
    expect(await textOf(page, '.notice')).toBe('Der Mandant ist gesperrt.');
    expect(await textOf(page, '#disabled-since')).toMatch(/^Gesperrt seit \d{4}-\d{2}-\d{2}\.$/);
    expect((await login(t, email, NEW_PASSWORD)).status).toBe(401);
  });

  it('lets a company admin invite a colleague on the page, with a mistake shown at its field, and revoke the invitation', async () => {
    const company = await createOrganisation('company', 'Seitenweise AG');
    const admin = await createUser(company, 'company_admin');
    const email = 'viewer@seitenweise.example';
    const page = await t.newPage({ acceptLanguage: 'en' });
    await t.signIn(page, admin, '/login?next=%2Finvitations');
    await page.locator('#name').fill('Vera Viewer');
    await page.locator('#email').fill('no-address');
    await page.select('#role', 'company_viewer');
    await Promise.all([
      page.waitForNavigation(),
      page.locator('form.invite-colleague-form button').click(),
    ]);
    expect(await textOf(page, '.form-errors a[href="#email"]')).toContain('email');
    // The refused form keeps what was typed.
    expect(await attributeOf(page, '#name', 'value')).toBe('Vera Viewer');
    await page.locator('#email').fill(email);
    await Promise.all([
      page.waitForNavigation(),
      page.locator('form.invite-colleague-form button').click(),
    ]);
    expect(await textOf(page, '.notice')).toBe('The invitation is on its way.');
    expect(await textOf(page, '#invitations-table tbody tr')).toContain('viewer');
    const token = await nextToken(inbox, email, 0);
    await Promise.all([
      page.waitForNavigation(),
      page.locator('#invitations-table button::-p-text(Revoke)').click(),
    ]);
    expect(await textOf(page, '.notice')).toBe(
      'The invitation was revoked; its link no longer works.',
    );
    expect(await textOf(page, '#invitations-table .invitation-state')).toBe('revoked');
    expect((await accept(t, token, NEW_PASSWORD)).status).toBe(422);
  });

  it('refuses the sign-in form to a user of a disabled tenant', async () => {
    const platform = await createOrganisation('platform');
    const operator = await createUser(platform, 'platform_admin');
    const company = await createOrganisation('company', 'Gesperrt AG');
    const user = await createUser(company, 'company_editor');
    await new ApiClient(t, operator).disableOrganisation(company.id);
    const page = await t.newPage({ acceptLanguage: 'en' });
    await t.signIn(page, { email: user.email, password: TEST_PASSWORD });
    expect(page.url()).toBe(t.url('/login'));
    expect(await textOf(page, '.form-errors')).toContain('wrong');
  });
});

import type { INestApplicationContext } from '@nestjs/common';
import { NotificationRun } from '@app/application';
import { generateDemoData } from '@app/domain';
import type { CycleEntity, StudyEntity } from '@app/persistence';
import type { HTTPResponse, Page } from 'puppeteer';
import request from 'supertest';
import { ApiClient } from './support/api-client';
import { publishSnapshot } from './support/published-snapshot';
import { attributeOf, BrowserTestApp, heading, mainText, textOf } from './support/browser';
import {
  createCycle,
  createOrganisation,
  createStudy,
  createSubmission,
  createUnit,
  createUser,
  enrol,
  TestUser,
} from './support/factories';
import { pdfText } from './support/pdf-text';
import { MailWorld, startMailWorld } from './support/mail-world';
import type { SmtpInbox } from './support/smtp-inbox';

/**
 * The story of a study run without a developer, in Chromium, with mail through a real SMTP
 * server: a publisher invites a company new to the platform; its contact follows the mail's
 * link, sets a password and lands in the cockpit; the company enters data, misses the deadline
 * and is reminded, follows the mail's link and submits; the publisher accepts (a mail) and
 * publishes; the company is told its report is ready, follows that link and downloads the PDF.
 * The publisher's completion page shows the reminder.
 */
jest.setTimeout(600_000);

const UNIT_NAME = 'Contact Center Bremen';
const COMPANY_NAME = 'Nordwind Service GmbH';

/** The path of the first link to the cockpit in a mail's text. */
function linkIn(text: string): string {
  const match = /https:\/\/cockpit\.test(\/\S+)/.exec(text);
  if (!match) {
    throw new Error(`no link in: ${text}`);
  }
  return match[1];
}

describe('a study run by mail: invitation, deadline, reminder and notifications (e2e: Chromium, SMTP, worker)', () => {
  let world: MailWorld;
  let t: BrowserTestApp;
  let worker: INestApplicationContext;
  let inbox: SmtpInbox;
  /** The company's first contact, invited in the story. */
  const contact = { email: 'nora@nordwind.example', password: 'nordwind-password-2026' };
  let answers: Record<string, string | number | boolean | null>[];
  let publisher: TestUser;
  let study: StudyEntity;
  let cycle: CycleEntity;
  let unitId: string;

  /** Clicks a button that sends a form and waits for the page it leads to. */
  async function send(page: Page, selector: string): Promise<HTTPResponse | null> {
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.locator(selector).click(),
    ]);
    return response;
  }

  beforeAll(async () => {
    world = await startMailWorld('story', { LOGIN_ATTEMPTS_PER_MINUTE: '100' });
    ({ t, inbox, worker } = world);

    const publisherOrg = await createOrganisation('publisher');
    publisher = await createUser(publisherOrg, 'publisher_admin');
    study = await createStudy(publisherOrg, 'Service Benchmark Nord', { minNQuantiles: 5 });
    cycle = await createCycle(study, 2026);
    answers = generateDemoData({ units: 8, years: [2026] }).submissions.map((s) => s.answers);
    for (let i = 1; i < 8; i++) {
      const company = await createOrganisation('company');
      await enrol(study, company);
      await createSubmission(cycle, await createUnit(company, 100 + 10 * i), answers[i]);
    }

    const set = await t
      .http()
      .patch(`/api/v1/cycles/${cycle.id}`)
      .set('Authorization', await t.tokenFor(publisher))
      .send({ submissionDeadline: '2026-03-31' });
    expect(set.status).toBe(200);
  });

  afterAll(async () => {
    await world?.close();
  });

  it('reminds a company that missed the deadline, tells it of the acceptance and of its ready report, which it downloads', async () => {
    // The publisher invites the company, new to the platform, on its invitations page.
    const publisherPage = await t.newPage({ acceptLanguage: 'en' });
    await t.signIn(publisherPage, publisher, '/login?next=%2Finvitations');
    await publisherPage.locator(`#companyName-${study.id}`).fill(COMPANY_NAME);
    await publisherPage.locator(`#name-${study.id}`).fill('Nora Nordwind');
    await publisherPage.locator(`#email-${study.id}`).fill(contact.email);
    await publisherPage.select(`#language-${study.id}`, 'de');
    await send(publisherPage, 'form.invite-company-form button');
    expect(await textOf(publisherPage, '.notice')).toBe('The invitation is on its way.');

    // Its contact follows the mail's link, sets a password and lands signed in in the cockpit.
    const invitation = await inbox.waitForMailTo(contact.email);
    expect(invitation.subject).toBe(`Einladung zu Benchmark Cockpit: ${COMPANY_NAME}`);
    const page = await t.newPage({ acceptLanguage: 'de-DE' });
    await page.goto(t.url(linkIn(invitation.text)));
    await page.locator('#password').fill(contact.password);
    await page.locator('#passwordRepeat').fill(contact.password);
    await send(page, 'form.form button');
    expect(page.url()).toBe(t.url('/'));
    expect(await mainText(page)).toContain(COMPANY_NAME);

    // The company adds its contact center and the data it has so far, as a draft (by the API,
    // as its BI tool would).
    const token = await t.tokenFor(contact);
    const created = await t.http().post('/api/v1/units').set('Authorization', token).send({
      name: UNIT_NAME,
      industry: 'telecom',
      country: 'DE',
      customerType: 'b2c',
      sourcing: 'inhouse',
      agentFte: 120,
    });
    expect(created.status).toBe(201);
    unitId = (created.body as { id: string }).id;
    const draft = await t
      .http()
      .put(`/api/v1/cycles/${cycle.id}/units/${unitId}/submission`)
      .set('Authorization', token)
      .send({ answers: answers[0], version: 0 });
    expect(draft.status).toBe(200);
    const formPath = `/cycles/${cycle.id}/units/${unitId}/submission`;

    // Enters data and saves the draft, but does not submit.
    await page.goto(t.url(formPath));
    await page.locator('#kpi-training_days_new').fill('');
    await page.locator('#kpi-training_days_new').fill('21');
    const saved = await send(page, 'button[value=draft]');
    expect(saved?.status()).toBe(200);

    // A day after the deadline: the worker's pass reminds the contact.
    const run = worker.get(NotificationRun);
    const written = await run.pass(new Date('2026-04-02T06:00:00Z'));
    expect(written.filter((m) => m.tenantId === cycle.tenantId)).toHaveLength(1);
    const reminder = await inbox.waitForMailTo(contact.email, 2);
    expect(reminder.subject).toBe(
      `Erinnerung: Ihre Daten für Service Benchmark Nord 2026 (${UNIT_NAME})`,
    );
    expect(reminder.text).toContain('ist am 31.03.2026, 23:59 UTC abgelaufen');
    expect(linkIn(reminder.text)).toBe(formPath);

    // The publisher sees the reminder on the cycle's completion page.
    await publisherPage.goto(t.url(`/cycles/${cycle.id}`));
    await Promise.all([
      publisherPage.waitForNavigation(),
      publisherPage.locator('#cycle-completion').click(),
    ]);
    expect(await heading(publisherPage)).toBe('Completion: cycle 2026');
    expect(await textOf(publisherPage, `#unit-${unitId}`)).toContain('1 days after the deadline');

    // The contact follows the mail's link and submits.
    await page.goto(t.url(linkIn(reminder.text)));
    let submitted = await send(page, 'button[value=submit]');
    if (submitted?.status() === 422) {
      for (const textarea of await page.$$('.field-warning textarea')) {
        await textarea.type('Geprüft.');
      }
      submitted = await send(page, 'button[value=submit]');
    }
    expect(submitted?.status()).toBe(200);
    expect(await textOf(page, '.page-header .badge')).toBe('eingereicht');

    // Accepted: a mail.
    const accepted = await t
      .http()
      .post(`/api/v1/cycles/${cycle.id}/units/${unitId}/submission/accept`)
      .set('Authorization', await t.tokenFor(publisher))
      .send();
    expect(accepted.status).toBe(200);
    const acceptedMail = await inbox.waitForMailTo(contact.email, 3);
    expect(acceptedMail.subject).toBe(
      `Ihre Daten für Service Benchmark Nord 2026 (${UNIT_NAME}) wurden angenommen`,
    );

    // Published, the reports ordered: the company is told its report is ready.
    const snapshotId = await publishSnapshot(new ApiClient(t, publisher), cycle.id);
    const batch = await t
      .http()
      .post(`/api/v1/snapshots/${snapshotId}/reports/batch`)
      .set('Authorization', await t.tokenFor(publisher))
      .send({ languages: ['de'] });
    expect(batch.status).toBe(202);
    const ready = await inbox.waitForMailTo(contact.email, 4);
    expect(ready.subject).toBe(
      `Ihr Bericht für Service Benchmark Nord 2026 (${UNIT_NAME}) ist fertig`,
    );
    const reportPath = linkIn(ready.text);
    expect(reportPath).toMatch(/^\/reports\/[0-9a-f-]{36}$/);

    await page.goto(t.url(reportPath));
    await page.waitForSelector('#report-pdf');
    const cookies = await page.browserContext().cookies();
    const pdf = await request(t.app.getHttpServer())
      .get((await attributeOf(page, '#report-pdf', 'href')) ?? '')
      .set('Cookie', cookies.map((c) => `${c.name}=${c.value}`).join('; '))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await pdfText(pdf.body as Buffer)).text).toContain(UNIT_NAME);
    // One mail each: the invitation, a reminder, an acceptance, a ready report.
    expect(inbox.mailsTo(contact.email).map((m) => m.subject.split(':')[0].split(' ')[0])).toEqual([
      'Einladung',
      'Erinnerung',
      'Ihre',
      'Ihr',
    ]);
  });
  it("sets the deadline on the completion page, answers another publisher's cycle with the not-found page, and switches a notification off", async () => {
    // The story's cycle is published: the next year's is open.
    const next = await createCycle(study, 2027);
    const page = await t.newPage({ acceptLanguage: 'de-DE' });
    await t.signIn(page, publisher);
    await page.goto(t.url(`/cycles/${next.id}/completion`));
    expect(await heading(page)).toBe('Abgabestand: Zyklus 2027');
    await page.locator('#reminder-offsets').fill('');
    await page.locator('#reminder-offsets').fill('-7, zwei');
    const refused = await send(page, 'form[action$="/deadline"] button');
    expect(refused?.status()).toBe(422);
    expect(await textOf(page, '.form-errors')).toContain(
      'Die Erinnerungstage müssen ganze Zahlen sein',
    );
    expect(await attributeOf(page, '#reminder-offsets', 'value')).toBe('-7, zwei');
    await page.locator('#reminder-offsets').fill('');
    await page.locator('#reminder-offsets').fill('-7, 2');
    const saved = await send(page, 'form[action$="/deadline"] button');
    expect(saved?.status()).toBe(200);
    expect(await textOf(page, '.notice')).toBe('Frist und Erinnerungstage sind gespeichert.');
    expect(await attributeOf(page, '#reminder-offsets', 'value')).toBe('-7, 2');
    expect(await mainText(page)).toContain('Der Zyklus hat noch keine Frist');

    const otherPublisher = await createUser(
      await createOrganisation('publisher'),
      'publisher_admin',
    );
    const other = await t.newPage({ acceptLanguage: 'de-DE' });
    await t.signIn(other, otherPublisher);
    const foreign = await other.goto(t.url(`/cycles/${next.id}/completion`));
    expect(foreign?.status()).toBe(404);
    expect(await heading(other)).toBe('Seite nicht gefunden');

    const company = await t.newPage({ acceptLanguage: 'en' });
    await t.signIn(company, contact);
    await company.goto(t.url('/settings/notifications'));
    expect(await heading(company)).toBe('Notifications');
    await company.locator('#notification-report-ready').click();
    const stored = await send(company, 'form[action="/settings/notifications"] button');
    expect(stored?.status()).toBe(200);
    expect(await textOf(company, '.notice')).toBe('Your notifications are saved.');
    expect(await attributeOf(company, '#notification-report-ready', 'checked')).toBeNull();
    const preferences = await t
      .http()
      .get('/api/v1/me/notification-preferences')
      .set('Authorization', await t.tokenFor(contact));
    expect(preferences.body).toEqual({
      submission_digest: true,
      submission_accepted: true,
      report_ready: false,
    });
  });
});

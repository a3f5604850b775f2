import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { NotificationRun } from '@app/application';
import { randomUUID } from 'node:crypto';
import { WorkerModule } from '../apps/worker/src/worker.module';
import type { CycleCompletionDto } from '../apps/api/src/deadlines/dto/deadline.dto';
import type { CycleDto } from '../apps/api/src/studies/dto/study.dto';
import { startApp, TestApp } from './support/app';
import {
  closeOwnerDataSource,
  createOrganisation,
  createStudyWorld,
  createSubmission,
  createUnit,
  createUser,
  ownerDataSource,
  TestUser,
} from './support/factories';
import { startSmtpInbox, SmtpInbox } from './support/smtp-inbox';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { testConfig } from './support/test-env';
import { until } from './support/waiting';

/**
 * Deadlines, reminders and notifications against a real SMTP server (smtp-server), the api,
 * the worker with its reconciler (which gives every queued mail its job), PostgreSQL and
 * Redis. The notification pass is run by the test at moments of its choosing: its schedule is
 * off (NOTIFICATION_INTERVAL_MS 0), and nothing here depends on the clock.
 *
 * The file has a database and Redis keys of its own, so that no other file's worker takes its
 * mail jobs.
 */
jest.setTimeout(300_000);

const PUBLIC_URL = 'https://cockpit.test';

/** The deadline of the cycle: 31 March 2026, end of day UTC. */
const DEADLINE = '2026-03-31';
/** 14 days before the deadline's moment (2026-03-17T23:59:59.999Z), and a bit. */
const AT_MINUS_14 = new Date('2026-03-18T08:00:00Z');
const AT_MINUS_3 = new Date('2026-03-29T08:00:00Z');
const AT_PLUS_1 = new Date('2026-04-02T08:00:00Z');

interface OutboxRow {
  recipient: string;
  purpose: string;
  state: string;
  language: string;
}

describe('deadlines, reminders and notifications (e2e: SMTP server, api, worker)', () => {
  let database: TestDatabase;
  let inbox: SmtpInbox;
  let t: TestApp;
  let worker: INestApplicationContext;
  let run: NotificationRun;

  const overrides = (): Record<string, string> => ({
    SMTP_URL: inbox.url,
    MAIL_FROM: 'Benchmark Cockpit <cockpit@cockpit.test>',
    PUBLIC_URL,
    REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cockpit-test'}-deadlines`,
    JOB_RECONCILE_INTERVAL_MS: '1000',
  });

  const outbox = async (recipient: string): Promise<OutboxRow[]> =>
    (await ownerDataSource()).query<OutboxRow[]>(
      `SELECT recipient::text, purpose, state, language FROM outbox_messages
        WHERE recipient = $1 ORDER BY created_at, purpose`,
      [recipient],
    );

  const language = async (user: TestUser, lang: 'de' | 'en'): Promise<void> => {
    await (
      await ownerDataSource()
    ).query(`UPDATE users SET preferred_language = $2 WHERE id = $1`, [user.id, lang]);
  };

  /**
   * A publisher with an open cycle due on 31 March 2026; a company with two units, one
   * submitted and one not started, an admin (English), an editor (German) and a viewer.
   */
  const world = async () => {
    const w = await createStudyWorld();
    const submittedUnit = await createUnit(w.company);
    await createSubmission(w.cycle, submittedUnit, {}, 'submitted');
    const publisherAdmin = await createUser(w.publisher, 'publisher_admin');
    const admin = await createUser(w.company, 'company_admin');
    const editor = await createUser(w.company, 'company_editor');
    const viewer = await createUser(w.company, 'company_viewer');
    await language(admin, 'en');
    const auth = await t.tokenFor(publisherAdmin);
    const set = await t
      .http()
      .patch(`/api/v1/cycles/${w.cycle.id}`)
      .set('Authorization', auth)
      .send({ submissionDeadline: DEADLINE });
    expect(set.status).toBe(200);
    return { ...w, submittedUnit, publisherAdmin, admin, editor, viewer, auth };
  };

  /**
   * The mails one pass wrote for the world's publisher: the pass goes over every open cycle,
   * those of the other tests' worlds too.
   */
  const passOf = async (w: { publisher: { id: string } }, now: Date) =>
    (await run.pass(now)).filter((mail) => mail.tenantId === w.publisher.id);

  beforeAll(async () => {
    database = await createTestDatabase(process.env.TEST_SUPERUSER_URL ?? '');
    process.env.TEST_OWNER_URL = database.ownerUrl;
    process.env.TEST_APP_URL = database.appUrl;
    inbox = await startSmtpInbox();
    t = await startApp(overrides());
    worker = await (
      await Test.createTestingModule({
        imports: [WorkerModule.forRoot(testConfig(overrides()))],
      }).compile()
    ).init();
    run = worker.get(NotificationRun);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await inbox?.stop();
    await closeOwnerDataSource();
    await database?.drop();
  });

  it('sets a deadline and reminder offsets, refuses a wrong one by field and rule, and keeps the cycle as it was', async () => {
    const w = await createStudyWorld();
    const auth = await t.tokenFor(await createUser(w.publisher, 'publisher_admin'));
    const ok = await t
      .http()
      .patch(`/api/v1/cycles/${w.cycle.id}`)
      .set('Authorization', auth)
      .send({ submissionDeadline: '2026-03-31T18:00:00+02:00', reminderOffsets: [2, -7] });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject<Partial<CycleDto>>({
      submissionDeadline: '2026-03-31T16:00:00.000Z',
      reminderOffsets: [-7, 2],
    });

    const wrongDate = await t
      .http()
      .patch(`/api/v1/cycles/${w.cycle.id}`)
      .set('Authorization', auth)
      .set('Accept-Language', 'en')
      .send({ submissionDeadline: '31.03.2026', reminderOffsets: [-1] });
    expect(wrongDate.status).toBe(422);
    expect(wrongDate.body.problems).toEqual([
      {
        key: 'submissionDeadline',
        rule: 'date_time',
        message:
          'submissionDeadline must be a date (YYYY-MM-DD, meaning the end of that day in UTC) or an ISO 8601 date and time with its offset, not "31.03.2026".',
      },
    ]);
    const wrongOffsets = await t
      .http()
      .patch(`/api/v1/cycles/${w.cycle.id}`)
      .set('Authorization', auth)
      .set('Accept-Language', 'de')
      .send({ reminderOffsets: [-3, 400, -3] });
    expect(wrongOffsets.status).toBe(400);
    expect(
      (wrongOffsets.body.problems as { key: string; rule: string }[]).map((p) => [p.key, p.rule]),
    ).toEqual(
      expect.arrayContaining([
        ['reminderOffsets', 'max'],
        ['reminderOffsets', 'arrayUnique'],
      ]),
    );
    const now = await t.http().get(`/api/v1/cycles/${w.cycle.id}`).set('Authorization', auth);
    expect(now.body).toMatchObject({
      submissionDeadline: '2026-03-31T16:00:00.000Z',
      reminderOffsets: [-7, 2],
    });

    // A cycle made with a deadline takes the default offsets.
    const made = await t
      .http()
      .post(`/api/v1/studies/${w.study.id}/cycles`)
      .set('Authorization', auth)
      .send({ year: 2027, submissionDeadline: '2027-03-31' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      submissionDeadline: '2027-03-31T23:59:59.999Z',
      reminderOffsets: [-14, -3, 1],
    });
  });

  it('reminds the editors of the units that have not submitted once per offset, however often the pass runs', async () => {
    const w = await world();

    expect(await passOf(w, new Date('2026-03-17T12:00:00Z'))).toEqual([]);
    const first = await passOf(w, AT_MINUS_14);
    // The admin and the editor of the unit that has not submitted; not the viewer, and nobody
    // for the submitted unit.
    expect(first).toHaveLength(2);
    expect(await passOf(w, AT_MINUS_14)).toEqual([]);
    expect(await passOf(w, new Date('2026-03-20T08:00:00Z'))).toEqual([]);

    const english = await inbox.waitForMailTo(w.admin.email);
    expect(english.subject).toBe(`Reminder: your data for ${w.study.name} 2026 (${w.unit.name})`);
    expect(english.text).toContain('The deadline is 2026-03-31 23:59 UTC.');
    expect(english.text).toContain(
      `${PUBLIC_URL}/cycles/${w.cycle.id}/units/${w.unit.id}/submission`,
    );
    const german = await inbox.waitForMailTo(w.editor.email);
    expect(german.subject).toBe(`Erinnerung: Ihre Daten für ${w.study.name} 2026 (${w.unit.name})`);
    expect(german.text).toContain('Die Frist endet am 31.03.2026, 23:59 UTC.');

    // The next offset is a reminder of its own; its arrival shows the mails before it are all in.
    expect(await passOf(w, AT_MINUS_3)).toHaveLength(2);
    await inbox.waitForMailTo(w.admin.email, 2);
    expect(inbox.mailsTo(w.admin.email)).toHaveLength(2);
    expect(inbox.mailsTo(w.editor.email).length).toBeGreaterThanOrEqual(1);
    expect(inbox.mailsTo(w.viewer.email)).toEqual([]);
    expect(
      (await outbox(w.editor.email)).filter((m) => m.purpose === 'deadline_reminder'),
    ).toHaveLength(2);

    const completion = await t
      .http()
      .get(`/api/v1/cycles/${w.cycle.id}/completion`)
      .set('Authorization', w.auth);
    expect(completion.status).toBe(200);
    const body = completion.body as CycleCompletionDto;
    expect(body.counts).toEqual({
      not_started: 1,
      draft: 0,
      submitted: 1,
      returned: 0,
      accepted: 0,
    });
    const waiting = body.units.find((u) => u.unitId === w.unit.id);
    expect(waiting).toMatchObject({
      state: 'not_started',
      lastReminderAt: AT_MINUS_3.toISOString(),
      lastReminderOffset: -3,
    });
    expect(body.units.find((u) => u.unitId === w.submittedUnit.id)).toMatchObject({
      state: 'submitted',
      lastReminderAt: null,
    });
  });

  it('reminds by hand once per request and refuses a second reminder to the unit within the hour', async () => {
    const w = await world();
    const requestId = randomUUID();
    const remind = (body: object, lang = 'en') =>
      t
        .http()
        .post(`/api/v1/cycles/${w.cycle.id}/reminders`)
        .set('Authorization', w.auth)
        .set('Accept-Language', lang)
        .send(body);

    const sent = await remind({ unitId: w.unit.id, requestId });
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({
      reminded: [{ unitId: w.unit.id, recipients: 2 }],
      remindedRecently: [],
    });
    // The same click again: the same answer, no second mail.
    const again = await remind({ unitId: w.unit.id, requestId });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(sent.body);
    expect(
      (await outbox(w.editor.email)).filter((m) => m.purpose === 'deadline_reminder'),
    ).toHaveLength(1);

    const soon = await remind({ unitId: w.unit.id, requestId: randomUUID() });
    expect(soon.status).toBe(409);
    expect(soon.body.message).toBe(
      `${w.unit.name} was reminded less than 60 minutes ago; another reminder can go 60 minutes after the last one at the earliest.`,
    );
    const all = await remind({ requestId: randomUUID() }, 'de');
    expect(all.status).toBe(409);
    expect(all.body.message).toBe(
      'Jede Einheit ohne eingereichte Daten wurde in den letzten 60 Minuten erinnert; eine weitere Erinnerung geht frühestens 60 Minuten nach der letzten.',
    );
    const submitted = await remind({ unitId: w.submittedUnit.id, requestId: randomUUID() });
    expect(submitted.status).toBe(409);
    expect(submitted.body.message).toBe(
      `${w.submittedUnit.name} has submitted already; only units that have not submitted are reminded.`,
    );
    await inbox.waitForMailTo(w.admin.email);
  });

  it('tells the company of a return always and of an acceptance unless switched off, in its language', async () => {
    const w = await world();
    const optOut = await t
      .http()
      .put('/api/v1/me/notification-preferences')
      .set('Authorization', await t.tokenFor(w.admin))
      .send({ submission_accepted: false });
    expect(optOut.status).toBe(200);
    expect(optOut.body).toEqual({
      submission_digest: true,
      submission_accepted: false,
      report_ready: true,
    });
    const wrong = await t
      .http()
      .put('/api/v1/me/notification-preferences')
      .set('Authorization', await t.tokenFor(w.admin))
      .send({ report_ready: 'no' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.problems).toEqual([
      expect.objectContaining({ key: 'report_ready', rule: 'isBoolean' }),
    ]);

    const path = `/api/v1/cycles/${w.cycle.id}/units/${w.submittedUnit.id}/submission`;
    const returned = await t
      .http()
      .post(`${path}/return`)
      .set('Authorization', w.auth)
      .send({ comment: 'Bitte die Kosten prüfen <b>jetzt</b>.' });
    expect(returned.status).toBe(200);
    const returnedMail = await inbox.waitForMailTo(w.admin.email);
    expect(returnedMail.subject).toBe(
      `Your data for ${w.study.name} 2026 (${w.submittedUnit.name}) were returned`,
    );
    expect(returnedMail.text).toContain('Bitte die Kosten prüfen <b>jetzt</b>.');
    expect(returnedMail.html).toContain('Bitte die Kosten prüfen &lt;b&gt;jetzt&lt;/b&gt;.');
    await inbox.waitForMailTo(w.editor.email);

    await (
      await ownerDataSource()
    ).query(
      `UPDATE submissions SET state = 'submitted' WHERE id = (SELECT id FROM submissions
       WHERE unit_id = $1)`,
      [w.submittedUnit.id],
    );
    const accepted = await t.http().post(`${path}/accept`).set('Authorization', w.auth).send();
    expect(accepted.status).toBe(200);
    const acceptedMail = await inbox.waitForMailTo(w.editor.email, 2);
    expect(acceptedMail.subject).toBe(
      `Ihre Daten für ${w.study.name} 2026 (${w.submittedUnit.name}) wurden angenommen`,
    );
    expect((await outbox(w.admin.email)).map((m) => m.purpose)).toEqual(['submission_returned']);
  });

  it('sends the publisher a digest of the day before while the cycle collects, once a day', async () => {
    const w = await world();
    const analyst = await createUser(w.publisher, 'publisher_analyst');
    await t
      .http()
      .put('/api/v1/me/notification-preferences')
      .set('Authorization', await t.tokenFor(analyst))
      .send({ submission_digest: false });
    await (
      await ownerDataSource()
    ).query(`UPDATE submissions SET submitted_at = '2026-03-19T15:00:00Z' WHERE unit_id = $1`, [
      w.submittedUnit.id,
    ]);

    const mails = await passOf(w, new Date('2026-03-20T00:30:00Z'));
    // The reminder of -14 to the company's two editors, the digest to the publisher's admin.
    expect(mails).toHaveLength(3);
    expect(await passOf(w, new Date('2026-03-20T23:00:00Z'))).toEqual([]);
    const digest = await inbox.waitForMailTo(w.publisherAdmin.email);
    expect(digest.subject).toBe(`${w.study.name} 2026: 1 neue Einreichungen am 19.03.2026`);
    expect(digest.text).toContain(`${PUBLIC_URL}/cycles/${w.cycle.id}/review`);
    expect(await outbox(analyst.email)).toEqual([]);
    // After the deadline and its last reminder (1 April, end of day) the cycle collects no more.
    await (
      await ownerDataSource()
    ).query(`UPDATE submissions SET submitted_at = '2026-04-02T15:00:00Z' WHERE unit_id = $1`, [
      w.submittedUnit.id,
    ]);
    expect(await passOf(w, new Date('2026-04-03T00:30:00Z'))).toHaveLength(2);
    expect((await outbox(w.publisherAdmin.email)).map((m) => m.purpose)).toEqual([
      'submission_digest',
    ]);
  });

  it('keeps a reminder in the outbox while the SMTP server is down and sends it once it is back', async () => {
    const w = await world();
    await inbox.stop();
    try {
      expect(await passOf(w, AT_PLUS_1)).toHaveLength(2);
      // The mail job failed against the stopped server; the mail is still queued, with why.
      await until(
        () => outbox(w.admin.email),
        (rows) => rows.length === 1,
      );
      const [row] = await until(
        () =>
          ownerDataSource().then((db) =>
            db.query<{ state: string; error: unknown }[]>(
              `SELECT state, error FROM outbox_messages WHERE recipient = $1`,
              [w.admin.email],
            ),
          ),
        (rows) => rows[0]?.error !== null,
      );
      expect(row.state).toBe('queued');
    } finally {
      await inbox.start();
    }
    const mail = await inbox.waitForMailTo(w.admin.email);
    expect(mail.text).toContain('the deadline of');
    expect(mail.text).toContain('passed on 2026-03-31 23:59 UTC');
    await until(
      () => outbox(w.admin.email),
      (rows) => rows[0].state === 'sent',
    );
    expect(await passOf(w, AT_PLUS_1)).toEqual([]);
  });

  it("answers another tenant's cycle and unit with 404, and a company with 403", async () => {
    const w = await world();
    const other = await createUser(await createOrganisation('publisher'), 'publisher_admin');
    const auth = await t.tokenFor(other);
    const requests = [
      t.http().get(`/api/v1/cycles/${w.cycle.id}/completion`).set('Authorization', auth),
      t
        .http()
        .post(`/api/v1/cycles/${w.cycle.id}/reminders`)
        .set('Authorization', auth)
        .send({ requestId: randomUUID() }),
      t
        .http()
        .patch(`/api/v1/cycles/${w.cycle.id}`)
        .set('Authorization', auth)
        .send({ submissionDeadline: '2026-05-01' }),
    ];
    for (const response of await Promise.all(requests)) {
      expect(response.status).toBe(404);
    }
    const foreignUnit = await createUnit(await createOrganisation('company'));
    const unit = await t
      .http()
      .post(`/api/v1/cycles/${w.cycle.id}/reminders`)
      .set('Authorization', w.auth)
      .send({ unitId: foreignUnit.id, requestId: randomUUID() });
    expect(unit.status).toBe(404);
    const company = await t
      .http()
      .get(`/api/v1/cycles/${w.cycle.id}/completion`)
      .set('Authorization', await t.tokenFor(w.admin));
    expect(company.status).toBe(403);
    const unchanged = await t
      .http()
      .get(`/api/v1/cycles/${w.cycle.id}`)
      .set('Authorization', w.auth);
    expect(unchanged.body.submissionDeadline).toBe('2026-03-31T23:59:59.999Z');
  });
});

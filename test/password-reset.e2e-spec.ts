import { getQueueToken } from '@nestjs/bull';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { WorkFailure } from '@app/domain';
import { deliveryState, jobIds, JobQueue, QueueName } from '@app/jobs';
import request from 'supertest';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { startApp, TestApp } from './support/app';
import {
  closeOwnerDataSource,
  createOrganisation,
  createUser,
  ownerDataSource,
  TEST_PASSWORD,
  TestUser,
} from './support/factories';
import { startSmtpInbox, SmtpInbox } from './support/smtp-inbox';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { testConfig } from './support/test-env';
import { until } from './support/waiting';

/**
 * Password reset by e-mail and the mail outbox, against a real SMTP server (smtp-server), the
 * api, the worker with its reconciler, PostgreSQL and Redis.
 *
 * The file has a database and Redis keys of its own, so that its reconciler (on, every second)
 * sees no other file's unfinished work and no other file's worker takes its mail jobs.
 */
jest.setTimeout(300_000);

const PUBLIC_URL = 'https://cockpit.test';
const NEW_PASSWORD = 'a-new-password-of-length';

interface OutboxRow {
  id: string;
  state: string;
  attempts: number;
  error: WorkFailure | null;
  language: string;
  has_secret: boolean;
}

function tokenIn(text: string): string {
  const match = /\/password-reset\/confirm\?token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) {
    throw new Error(`no reset link in: ${text}`);
  }
  return match[1];
}

function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) {
    throw new Error('no CSRF field in the page');
  }
  return match[1];
}

describe('password reset and the mail outbox (e2e: SMTP server, api, worker)', () => {
  let database: TestDatabase;
  let inbox: SmtpInbox;
  let t: TestApp;
  let worker: INestApplicationContext;

  const overrides = (): Record<string, string> => ({
    SMTP_URL: inbox.url,
    MAIL_FROM: 'Benchmark Cockpit <cockpit@cockpit.test>',
    PUBLIC_URL,
    REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cockpit-test'}-mail`,
    JOB_RECONCILE_INTERVAL_MS: '1000',
  });

  const outbox = async (recipient: string): Promise<OutboxRow[]> =>
    (await ownerDataSource()).query<OutboxRow[]>(
      `SELECT id, state, attempts, error, language, secret_params IS NOT NULL AS has_secret
         FROM outbox_messages WHERE recipient = $1 ORDER BY created_at`,
      [recipient],
    );

  const requestReset = (email: string) =>
    t.http().post('/api/v1/auth/password-reset').send({ email });

  const confirm = (token: string, password: string) =>
    t.http().post('/api/v1/auth/password-reset/confirm').send({ token, password });

  const login = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').send({ email, password });

  /** Asks for a reset of the user's password and returns the token of the link it is sent. */
  const resetToken = async (user: TestUser): Promise<string> => {
    const before = inbox.mailsTo(user.email).length;
    expect((await requestReset(user.email)).status).toBe(202);
    return tokenIn((await inbox.waitForMailTo(user.email, before + 1)).text);
  };

  beforeAll(async () => {
    database = await createTestDatabase(process.env.TEST_SUPERUSER_URL ?? '');
    // This file's factories, api and worker use its own database (Jest gives each file its own
    // process.env).
    process.env.TEST_OWNER_URL = database.ownerUrl;
    process.env.TEST_APP_URL = database.appUrl;
    inbox = await startSmtpInbox();
    t = await startApp(overrides());
    worker = await (
      await Test.createTestingModule({
        imports: [WorkerModule.forRoot(testConfig(overrides()))],
      }).compile()
    ).init();
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await inbox?.stop();
    await closeOwnerDataSource();
    await database?.drop();
  });

  it('mails a reset link in the user language, and answers an unknown address the same', async () => {
    const user = await createUser(
      await createOrganisation('company', 'Nordlicht AG'),
      'company_admin',
    );
    await (
      await ownerDataSource()
    ).query(`UPDATE users SET preferred_language = 'en' WHERE id = $1`, [user.id]);
    const unknown = 'nobody.here@test.example';

    const known = await requestReset(user.email).set('Accept-Language', 'de');
    const missing = await requestReset(unknown).set('Accept-Language', 'de');
    expect([known.status, known.body]).toEqual([missing.status, missing.body]);
    expect(known.status).toBe(202);
    expect(known.body).toEqual({
      message:
        'Wenn es zu dieser E-Mail-Adresse einen Zugang gibt, ist ein Link zum Zurücksetzen des Passworts unterwegs. Er gilt eine Stunde.',
    });

    const mail = await inbox.waitForMailTo(user.email);
    expect(mail.from).toBe('cockpit@cockpit.test');
    expect(mail.subject).toBe('Reset your Benchmark Cockpit password');
    expect(mail.text).toContain('Hello Test company_admin,');
    expect(mail.text).toContain('for your account at Nordlicht AG');
    expect(mail.text).toContain('The link is valid for 60 minutes and once only.');
    const token = tokenIn(mail.text);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail.text).toContain(`${PUBLIC_URL}/password-reset/confirm?token=${token}`);
    expect(mail.html).toContain('Set a new password');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@benchmark-cockpit\.invalid>$/);

    const rows = await until(
      () => outbox(user.email),
      (rs) => rs.length === 1 && rs[0].state === 'sent',
    );
    // Sent: the link is no longer kept.
    expect(rows).toEqual([
      {
        id: rows[0].id,
        state: 'sent',
        attempts: 0,
        error: null,
        language: 'en',
        has_secret: false,
      },
    ]);
    // Only the hash of the token is stored.
    const [stored] = await (
      await ownerDataSource()
    ).query<{ token_hash: string }[]>(
      'SELECT token_hash FROM password_reset_tokens WHERE user_id = $1',
      [user.id],
    );
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(token);
    expect(await outbox(unknown)).toEqual([]);
    expect(inbox.mailsTo(unknown)).toEqual([]);
  });

  it('sets the new password once and ends every session, access token and other link of the user', async () => {
    const user = await createUser(await createOrganisation('company'), 'company_editor');
    const before = (await login(user.email, TEST_PASSWORD)).body as { accessToken: string };
    const earlier = await resetToken(user);
    const token = await resetToken(user);

    const short = await confirm(token, 'too-short');
    expect(short.status).toBe(422);
    expect(short.body.message).toBe(
      'password: The new password must be at least 10 characters long.',
    );
    expect(short.body.problems).toEqual([
      {
        key: 'password',
        rule: 'minLength',
        message: 'password: The new password must be at least 10 characters long.',
      },
    ]);
    // A refusal changes nothing: the old password and the token still work.
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);

    expect((await confirm(token, NEW_PASSWORD)).status).toBe(204);
    const me = await t
      .http()
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${before.accessToken}`);
    expect(me.status).toBe(401);
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(401);
    const after = (await login(user.email, NEW_PASSWORD)).body as { accessToken: string };
    const meAfter = await t
      .http()
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${after.accessToken}`);
    expect(meAfter.status).toBe(200);

    const reused = await confirm(token, 'yet-another-password');
    expect(reused.status).toBe(422);
    expect(reused.body.message).toBe(
      'token: This password reset link was used already; it is valid once only. Ask for a new one.',
    );
    const other = await confirm(earlier, 'yet-another-password').set('Accept-Language', 'de');
    expect(other.status).toBe(422);
    expect(other.body.message).toBe(
      'token: Dieser Link zum Zurücksetzen des Passworts wurde schon verwendet; er gilt nur einmal. Fordern Sie einen neuen an.',
    );
    expect(other.body.problems).toEqual([
      {
        key: 'token',
        rule: 'valid_reset_token',
        message:
          'token: Dieser Link zum Zurücksetzen des Passworts wurde schon verwendet; er gilt nur einmal. Fordern Sie einen neuen an.',
      },
    ]);
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses an expired token and one that was never issued', async () => {
    const user = await createUser(await createOrganisation('company'), 'company_viewer');
    const token = await resetToken(user);
    await (
      await ownerDataSource()
    ).query(
      `UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [user.id],
    );
    const expired = await confirm(token, NEW_PASSWORD);
    expect(expired.status).toBe(422);
    expect(expired.body.message).toBe(
      'token: This password reset link has expired (it is valid for one hour). Ask for a new one.',
    );
    const page = await t
      .http()
      .get(`/password-reset/confirm?token=${token}`)
      .set('Cookie', 'lang=de');
    expect(page.status).toBe(400);
    expect(page.text).toContain(
      'Dieser Link zum Zurücksetzen des Passworts ist abgelaufen (er gilt eine Stunde).',
    );
    expect(page.text).not.toContain('name="password"');

    const invented = await confirm('A'.repeat(43), NEW_PASSWORD);
    expect(invented.status).toBe(422);
    expect(invented.body.message).toBe(
      'token: This password reset link is not valid. Ask for a new one.',
    );
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('keeps a mail in the outbox while the SMTP server is down and sends it once when it is back', async () => {
    const user = await createUser(await createOrganisation('company'), 'company_admin');
    const mailQueue = worker.get<JobQueue<QueueName.Mail>>(getQueueToken(QueueName.Mail));
    await inbox.stop();
    try {
      expect((await requestReset(user.email)).status).toBe(202);
      const [{ id }] = await until(
        () => outbox(user.email),
        (rs) => rs.length === 1,
      );
      // Bull tried as often as it may and gave up: the job is failed, the mail is not.
      await until(
        async () => deliveryState(await mailQueue.getJob(jobIds.sendMail(id))),
        (state) => state === 'failed',
      );
      const [waiting] = await outbox(user.email);
      expect(waiting).toMatchObject({ state: 'queued', attempts: 0, has_secret: true });
      expect(waiting.error).toEqual({
        key: 'mail_deferred',
        params: { code: expect.stringMatching(/^E[A-Z]+$/) as string },
      });
      expect(inbox.mailsTo(user.email)).toEqual([]);
    } finally {
      await inbox.start();
    }
    // The reconciler gives the queued mail a new job.
    const mail = await inbox.waitForMailTo(user.email);
    const rows = await until(
      () => outbox(user.email),
      (rs) => rs[0].state === 'sent',
    );
    expect(rows).toEqual([
      {
        id: rows[0].id,
        state: 'sent',
        attempts: 0,
        error: null,
        language: 'de',
        has_secret: false,
      },
    ]);
    expect(inbox.mailsTo(user.email)).toEqual([mail]);
    expect(mail.subject).toBe('Passwort zurücksetzen für Benchmark Cockpit');
    // The link works after the delay.
    expect((await confirm(tokenIn(mail.text), NEW_PASSWORD)).status).toBe(204);
  });

  it('gives a mail up that the server refuses for good, and sends a disabled user none', async () => {
    const refusedUser = await createUser(await createOrganisation('company'), 'company_admin');
    inbox.refuse(refusedUser.email);
    expect((await requestReset(refusedUser.email)).status).toBe(202);
    const [given] = await until(
      () => outbox(refusedUser.email),
      (rs) => rs.length === 1 && rs[0].state !== 'queued',
    );
    expect(given).toMatchObject({ state: 'failed', attempts: 0, has_secret: false });
    expect(given.error).toEqual({ key: 'mail_rejected', params: { code: 550 } });
    expect(inbox.mailsTo(refusedUser.email)).toEqual([]);

    const disabled = await createUser(await createOrganisation('company'), 'company_viewer');
    await (
      await ownerDataSource()
    ).query('UPDATE users SET disabled_at = now() WHERE id = $1', [disabled.id]);
    const answer = await requestReset(disabled.email);
    expect([answer.status, answer.body.message]).toEqual([
      202,
      'If there is an account for this e-mail address, a link to reset its password is on its way. It is valid for one hour.',
    ]);
    expect(await outbox(disabled.email)).toEqual([]);
  });

  it('answers more than 5 requests a minute for one address and client with 429', async () => {
    const address = 'flooded.mailbox@test.example';
    for (let i = 0; i < 5; i++) {
      expect((await requestReset(address)).status).toBe(202);
    }
    const over = await requestReset(address);
    expect(over.status).toBe(429);
    expect(over.body.message).toBe(
      'Too many password reset requests for this e-mail address. Wait a minute and try again.',
    );
    const german = await requestReset(address).set('Accept-Language', 'de');
    expect([german.status, german.body.message]).toEqual([
      429,
      'Zu viele Anfragen zum Zurücksetzen des Passworts für diese E-Mail-Adresse. Warten Sie eine Minute und versuchen Sie es erneut.',
    ]);
  });

  it("answers a malformed request with 400 in the reader's language", async () => {
    const answers = [
      ['de', 'email muss eine E-Mail-Adresse sein.', 'token darf höchstens 200 Zeichen lang sein.'],
      ['en', 'email must be an e-mail address.', 'token must be at most 200 characters long.'],
    ] as const;
    for (const [language, email, token] of answers) {
      const request = await t
        .http()
        .post('/api/v1/auth/password-reset')
        .set('Accept-Language', language)
        .send({ email: 'no address' });
      expect([request.status, request.body.problems]).toEqual([
        400,
        [{ key: 'email', rule: 'isEmail', message: email }],
      ]);
      const confirmation = await t
        .http()
        .post('/api/v1/auth/password-reset/confirm')
        .set('Accept-Language', language)
        .send({ token: 'x'.repeat(201), password: NEW_PASSWORD });
      expect([confirmation.status, confirmation.body.problems]).toEqual([
        400,
        [{ key: 'token', rule: 'maxLength', message: token }],
      ]);
    }
  });

  it('resets through the pages in German and English, with the CSRF token of the session, and ends the web session', async () => {
    const user = await createUser(await createOrganisation('company'), 'company_admin');
    const signedIn = request.agent(t.app.getHttpServer());
    const login = await signedIn.get('/login');
    await signedIn
      .post('/login')
      .type('form')
      .send({ _csrf: csrfTokenIn(login.text), email: user.email, password: TEST_PASSWORD })
      .expect(303);
    expect((await signedIn.get('/')).status).toBe(200);
    // The language a signed-in person chooses becomes the one their mails are written in.
    await signedIn.get('/language?lang=en').expect(303);

    const visitor = request.agent(t.app.getHttpServer());
    await visitor.get('/language?lang=en');
    const form = await visitor.get('/password-reset');
    expect(form.status).toBe(200);
    expect(form.text).toContain('Forgot your password');
    const forged = await visitor
      .post('/password-reset')
      .type('form')
      .send({ email: user.email, _csrf: 'not-the-token' });
    expect(forged.status).toBe(403);
    expect(inbox.mailsTo(user.email)).toEqual([]);
    const sent = await visitor
      .post('/password-reset')
      .type('form')
      .send({ email: user.email, _csrf: csrfTokenIn(form.text) });
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('If there is an account for this e-mail address');
    const mail = await inbox.waitForMailTo(user.email);
    expect(mail.subject).toBe('Reset your Benchmark Cockpit password');
    const token = tokenIn(mail.text);

    await visitor.get('/language?lang=de');
    const confirmForm = await visitor.get(`/password-reset/confirm?token=${token}`);
    expect(confirmForm.status).toBe(200);
    expect(confirmForm.text).toContain('Neues Passwort festlegen');
    expect(confirmForm.text).toContain('mindestens 10 Zeichen');
    const differ = await visitor
      .post('/password-reset/confirm')
      .type('form')
      .send({
        _csrf: csrfTokenIn(confirmForm.text),
        token,
        password: NEW_PASSWORD,
        passwordRepeat: `${NEW_PASSWORD}!`,
      });
    expect(differ.status).toBe(422);
    expect(differ.text).toContain('Die beiden Passwörter stimmen nicht überein.');
    const done = await visitor
      .post('/password-reset/confirm')
      .type('form')
      .send({
        _csrf: csrfTokenIn(confirmForm.text),
        token,
        password: NEW_PASSWORD,
        passwordRepeat: NEW_PASSWORD,
      });
    expect(done.status).toBe(200);
    expect(done.text).toContain('Ihr Passwort ist geändert');

    // The session that signed in before the reset has ended.
    const home = await signedIn.get('/');
    expect(home.status).toBe(303);
    expect(home.headers.location).toMatch(/^\/login/);
  });
});

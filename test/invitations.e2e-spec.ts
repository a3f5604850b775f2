import { createHash } from 'node:crypto';
import { ApiClient } from './support/api-client';
import type { BrowserTestApp } from './support/browser';
import {
  createOrganisation,
  createStudy,
  createUser,
  enrol,
  ownerDataSource,
} from './support/factories';
import {
  accept,
  MailWorld,
  login,
  NEW_PASSWORD,
  nextToken,
  PUBLIC_URL,
  publisherWorld,
  startMailWorld,
  tokenIn,
} from './support/mail-world';
import type { SmtpInbox } from './support/smtp-inbox';

/**
 * Invitations by e-mail and the operator's console over the API, against a real SMTP server
 * (smtp-server), the api, the worker, PostgreSQL and Redis: the links are read from the mails
 * that arrive. The pages are web-invitations.e2e-spec.ts.
 */
jest.setTimeout(300_000);

/** SHA-256 in hex, computed here rather than by the code under test. */
const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

describe('invitations and the operator console (e2e: SMTP server, api, worker)', () => {
  let world: MailWorld;
  let t: BrowserTestApp;
  let inbox: SmtpInbox;

  beforeAll(async () => {
    world = await startMailWorld('inv');
    ({ t, inbox } = world);
  });

  afterAll(async () => {
    await world?.close();
  });

  it('invites a new company to a study: the company is made and enrolled, and the link in the contact language makes its admin', async () => {
    const { api, study } = await publisherWorld(t);
    const email = 'erika.muster@nordlicht.example';

    const invitation = await api.inviteCompany(study.id, {
      companyName: 'Nordlicht AG',
      email,
      name: 'Erika Muster',
      language: 'en',
    });
    expect(invitation).toMatchObject({
      organisationName: 'Nordlicht AG',
      studyId: study.id,
      studyName: 'Contact Center Benchmark DACH',
      email,
      name: 'Erika Muster',
      role: 'company_admin',
      language: 'en',
      state: 'pending',
      acceptedAt: null,
      revokedAt: null,
    });
    // Valid 7 days: 604,800,000 ms after it was sent.
    expect(Date.parse(invitation.expiresAt) - Date.parse(invitation.sentAt)).toBe(604_800_000);

    const db = await ownerDataSource();
    const [company] = await db.query<{ id: string; kind: string }[]>(
      `SELECT id, kind FROM organisations WHERE name = 'Nordlicht AG'`,
    );
    expect(company).toEqual({ id: invitation.organisationId, kind: 'company' });
    const enrolled = await db.query<{ company_id: string }[]>(
      'SELECT company_id FROM participations WHERE study_id = $1',
      [study.id],
    );
    expect(enrolled).toEqual([{ company_id: company.id }]);

    const mail = await inbox.waitForMailTo(email);
    expect(mail.subject).toBe('Invitation to Benchmark Cockpit: Nordlicht AG');
    expect(mail.text).toContain('Hello Erika Muster,');
    expect(mail.text).toContain(
      'invites you to work with Nordlicht AG in Benchmark Cockpit (study Contact Center Benchmark DACH).',
    );
    expect(mail.text).toContain('The link is valid for 7 days and once only.');
    const token = tokenIn(mail.text);
    expect(mail.text).toContain(`${PUBLIC_URL}/invitations/accept?token=${token}`);
    // Only the hash of the token is stored.
    const stored = await db.query<{ token_hash: string }[]>(
      'SELECT token_hash FROM invitations WHERE id = $1',
      [invitation.id],
    );
    expect(stored).toEqual([{ token_hash: sha256(token) }]);

    const short = await accept(t, token, 'too-short');
    expect(short.status).toBe(422);
    expect(short.body.message).toBe(
      'password: The new password must be at least 10 characters long.',
    );
    expect((await accept(t, token, NEW_PASSWORD)).status).toBe(204);
    const signedIn = await login(t, email, NEW_PASSWORD);
    expect(signedIn.status).toBe(200);
    const me = await t
      .http()
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${(signedIn.body as { accessToken: string }).accessToken}`);
    expect(me.body).toMatchObject({
      organisationId: company.id,
      organisationKind: 'company',
      role: 'company_admin',
    });
    const [user] = await db.query<{ preferred_language: string }[]>(
      'SELECT preferred_language FROM users WHERE email = $1',
      [email],
    );
    expect(user.preferred_language).toBe('en');

    const [listed] = await api.invitations();
    expect([listed.id, listed.state]).toEqual([invitation.id, 'accepted']);

    // Single use: the link is refused once it was used, in the reader's language.
    const reused = await accept(t, token, 'another-password-1').set('Accept-Language', 'de');
    expect(reused.status).toBe(422);
    expect(reused.body.message).toBe(
      'token: Diese Einladung wurde schon angenommen; ihr Link gilt nur einmal. Melden Sie sich an.',
    );
    const page = await t.http().get(`/invitations/accept?token=${token}`).set('Cookie', 'lang=en');
    expect(page.status).toBe(400);
    expect(page.text).toContain(
      'This invitation was accepted already; its link is valid once only. Sign in instead.',
    );
    expect(page.text).not.toContain('name="password"');
  });

  it('invites a company the publisher knows by name, without making a second one', async () => {
    const { publisher, api } = await publisherWorld(t);
    const known = await createOrganisation('company', 'Südwind Service GmbH');
    await enrol(await createStudy(publisher), known);
    const study = await createStudy(publisher);

    const invitation = await api.inviteCompany(study.id, {
      companyName: 'Südwind Service GmbH',
      email: 'kontakt@suedwind.example',
      name: 'Jonas Wind',
      language: 'de',
    });
    expect(invitation.organisationId).toBe(known.id);
    const mail = await inbox.waitForMailTo('kontakt@suedwind.example');
    expect(mail.subject).toBe('Einladung zu Benchmark Cockpit: Südwind Service GmbH');
    expect(mail.text).toContain('Guten Tag Jonas Wind,');
    expect(mail.text).toContain('Der Link gilt 7 Tage und nur einmal.');
    const named = await (
      await ownerDataSource()
    ).query(`SELECT id FROM organisations WHERE name = 'Südwind Service GmbH'`);
    expect(named).toEqual([{ id: known.id }]);
  });

  it('refuses an expired link, and sending the invitation again replaces its link', async () => {
    const { api, study } = await publisherWorld(t);
    const email = 'spaet@nordwest.example';
    const invitation = await api.inviteCompany(study.id, {
      companyName: 'Nordwest Kundendienst AG',
      email,
      name: 'Petra Spät',
      language: 'de',
    });
    const first = await nextToken(inbox, email, 0);
    await (
      await ownerDataSource()
    ).query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      invitation.id,
    ]);
    const expired = await accept(t, first, NEW_PASSWORD);
    expect(expired.status).toBe(422);
    expect(expired.body.message).toBe(
      'token: This invitation link has expired (it is valid for 7 days). Ask for a new invitation.',
    );
    const page = await t.http().get(`/invitations/accept?token=${first}`).set('Cookie', 'lang=de');
    expect(page.status).toBe(400);
    expect(page.text).toContain(
      'Dieser Einladungslink ist abgelaufen (er gilt 7 Tage). Bitten Sie um eine neue Einladung.',
    );
    expect((await api.invitations()).map((i) => i.state)).toEqual(['expired']);

    // Inviting the same address again renews the one invitation with a new link.
    const again = await api.inviteCompany(study.id, {
      companyId: invitation.organisationId,
      email,
      name: 'Petra Spät',
      language: 'de',
    });
    expect([again.id, again.state]).toEqual([invitation.id, 'pending']);
    const second = await nextToken(inbox, email, 1);
    expect(second).not.toBe(first);
    // And sending it again replaces that link too.
    const resent = await api.resendInvitation(invitation.id);
    expect(resent.state).toBe('pending');
    const third = await nextToken(inbox, email, 2);
    for (const old of [first, second]) {
      const refused = await accept(t, old, NEW_PASSWORD);
      expect(refused.status).toBe(422);
      expect(refused.body.message).toBe(
        'token: This invitation link is not valid. Ask for a new invitation.',
      );
    }
    // One mail per link: the outbox holds three, each sent once.
    const outbox = await (
      await ownerDataSource()
    ).query<{ n: string }[]>(
      `SELECT count(DISTINCT object_id) AS n FROM outbox_messages WHERE recipient = $1 AND purpose = 'invitation'`,
      [email],
    );
    expect(outbox).toEqual([{ n: '3' }]);
    expect(inbox.mailsTo(email)).toHaveLength(3);
    expect((await accept(t, third, NEW_PASSWORD)).status).toBe(204);
  });

  it('revokes an open invitation, whose link is then refused', async () => {
    const { admin, api, study } = await publisherWorld(t);
    const email = 'widerruf@ostsee.example';
    const invitation = await api.inviteCompany(study.id, {
      companyName: 'Ostsee Service KG',
      email,
      name: 'Olaf Ost',
      language: 'en',
    });
    const token = await nextToken(inbox, email, 0);
    const revoked = await api.revokeInvitation(invitation.id);
    expect(revoked.state).toBe('revoked');
    expect(revoked.revokedAt).not.toBeNull();
    const refused = await accept(t, token, NEW_PASSWORD);
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe(
      'token: This invitation was revoked. Ask for a new invitation.',
    );
    const again = await t
      .http()
      .post(`/api/v1/invitations/${invitation.id}/revoke`)
      .set('Authorization', await t.tokenFor(admin));
    expect(again.status).toBe(409);
    expect((await api.invitations()).map((i) => [i.id, i.state])).toEqual([
      [invitation.id, 'revoked'],
    ]);
  });

  it("answers another organisation's invitations as not found: listed, revoked or sent again", async () => {
    const { api, study } = await publisherWorld(t);
    const invitation = await api.inviteCompany(study.id, {
      companyName: 'Fremd AG',
      email: 'fremd@fremd.example',
      name: 'Frida Fremd',
      language: 'de',
    });
    const otherPublisher = await createUser(
      await createOrganisation('publisher'),
      'publisher_admin',
    );
    const company = await createOrganisation('company');
    const companyAdmin = await createUser(company, 'company_admin');
    const colleague = await new ApiClient(t, companyAdmin).inviteColleague({
      email: 'kollegin@company.example',
      name: 'Karla Kollegin',
      role: 'company_viewer',
      language: 'de',
    });
    expect(colleague).toMatchObject({ organisationId: company.id, role: 'company_viewer' });
    const otherCompanyAdmin = await createUser(
      await createOrganisation('company'),
      'company_admin',
    );

    for (const [stranger, id] of [
      [otherPublisher, invitation.id],
      [otherCompanyAdmin, invitation.id],
      [otherCompanyAdmin, colleague.id],
      [otherPublisher, colleague.id],
    ] as const) {
      const token = await t.tokenFor(stranger);
      expect(await new ApiClient(t, stranger).invitations()).toEqual([]);
      for (const verb of ['revoke', 'resend']) {
        const res = await t
          .http()
          .post(`/api/v1/invitations/${id}/${verb}`)
          .set('Authorization', token);
        expect(res.status).toBe(404);
        expect(res.body.message).toBe(`Invitation ${id} was not found.`);
      }
    }
    // Nothing changed: both are still pending.
    expect((await api.invitations()).map((i) => i.state)).toEqual(['pending']);
    expect((await new ApiClient(t, companyAdmin).invitations()).map((i) => i.state)).toEqual([
      'pending',
    ]);
    // A publisher's study of another publisher is not found either.
    const foreign = await t
      .http()
      .post(`/api/v1/studies/${study.id}/invitations`)
      .set('Authorization', await t.tokenFor(otherPublisher))
      .send({ companyName: 'X AG', email: 'x@x.example', name: 'X', language: 'de' });
    expect(foreign.status).toBe(404);
  });

  it('lets a company admin invite a colleague as editor or viewer, never as admin, and not twice', async () => {
    const company = await createOrganisation('company', 'Kollegen AG');
    const admin = await createUser(company, 'company_admin');
    const api = new ApiClient(t, admin);
    const asAdmin = await t
      .http()
      .post('/api/v1/invitations')
      .set('Authorization', await t.tokenFor(admin))
      .send({
        email: 'chef@kollegen.example',
        name: 'Chef',
        role: 'company_admin',
        language: 'de',
      });
    expect(asAdmin.status).toBe(400);
    const existing = await t
      .http()
      .post('/api/v1/invitations')
      .set('Authorization', await t.tokenFor(admin))
      .send({ email: admin.email, name: 'Me', role: 'company_editor', language: 'de' });
    expect(existing.status).toBe(409);
    expect(existing.body.message).toBe(
      `email: ${admin.email} has an account in your organisation already.`,
    );

    const invited = await api.inviteColleague({
      email: 'editor@kollegen.example',
      name: 'Eddi Editor',
      role: 'company_editor',
      language: 'de',
    });
    const token = await nextToken(inbox, 'editor@kollegen.example', 0);
    const mail = inbox.mailsTo('editor@kollegen.example')[0];
    expect(mail.text).toContain(`Test company_admin (Kollegen AG) lädt Sie ein, bei Kollegen AG`);
    expect((await accept(t, token, NEW_PASSWORD)).status).toBe(204);
    const signedIn = await login(t, 'editor@kollegen.example', NEW_PASSWORD);
    const me = await t
      .http()
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${(signedIn.body as { accessToken: string }).accessToken}`);
    expect(me.body).toMatchObject({ organisationId: company.id, role: 'company_editor' });
    expect((await api.invitations()).map((i) => [i.id, i.state])).toEqual([
      [invited.id, 'accepted'],
    ]);
  });

  it("lets the operator create a tenant that invites its admin, resend the invitation, list the tenant's users and disable it: its users cannot sign in", async () => {
    const platform = await createOrganisation('platform');
    const operator = await createUser(platform, 'platform_admin');
    const api = new ApiClient(t, operator);
    const email = 'admin@neuverlag.example';
    const tenant = await api.createOrganisation({
      kind: 'publisher',
      name: 'Neuverlag GmbH',
      admin: { email, name: 'Nina Neu', language: 'en' },
    });
    expect(tenant).toMatchObject({ kind: 'publisher', name: 'Neuverlag GmbH', disabledAt: null });
    const first = await nextToken(inbox, email, 0);
    const [pending] = await api.tenantInvitations(tenant.id);
    expect(pending).toMatchObject({
      senderId: platform.id,
      organisationId: tenant.id,
      organisationName: 'Neuverlag GmbH',
      role: 'publisher_admin',
      state: 'pending',
    });
    expect(await api.tenantUsers(tenant.id)).toEqual([]);

    const resent = await api.resendTenantInvitation(tenant.id, pending.id);
    expect(resent.state).toBe('pending');
    const second = await nextToken(inbox, email, 1);
    expect((await accept(t, first, NEW_PASSWORD)).status).toBe(422);
    expect((await accept(t, second, NEW_PASSWORD)).status).toBe(204);
    const users = await api.tenantUsers(tenant.id);
    expect(users.map((u) => [u.email, u.name, u.role, u.disabledAt])).toEqual([
      [email, 'Nina Neu', 'publisher_admin', null],
    ]);
    expect((await api.tenantInvitations(tenant.id)).map((i) => i.state)).toEqual(['accepted']);
    const resendAccepted = await t
      .http()
      .post(`/api/v1/organisations/${tenant.id}/invitations/${pending.id}/resend`)
      .set('Authorization', await t.tokenFor(operator));
    expect(resendAccepted.status).toBe(409);

    const signedIn = await login(t, email, NEW_PASSWORD);
    expect(signedIn.status).toBe(200);
    const bearer = `Bearer ${(signedIn.body as { accessToken: string }).accessToken}`;
    const disabled = await api.disableOrganisation(tenant.id);
    expect(disabled.disabledAt).not.toBeNull();
    expect((await login(t, email, NEW_PASSWORD)).status).toBe(401);
    expect((await t.http().get('/api/v1/auth/me').set('Authorization', bearer)).status).toBe(401);
    const own = await t
      .http()
      .post(`/api/v1/organisations/${platform.id}/disable`)
      .set('Authorization', await t.tokenFor(operator));
    expect(own.status).toBe(409);
    // Another tenant's ids and ones that name nothing are not found.
    for (const path of ['users', 'invitations']) {
      const missing = await t
        .http()
        .get(`/api/v1/organisations/00000000-0000-4000-8000-000000000000/${path}`)
        .set('Authorization', await t.tokenFor(operator));
      expect(missing.status).toBe(404);
    }
    const wrongTenant = await t
      .http()
      .post(`/api/v1/organisations/${platform.id}/invitations/${pending.id}/resend`)
      .set('Authorization', await t.tokenFor(operator));
    expect(wrongTenant.status).toBe(404);
  });
});

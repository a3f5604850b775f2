import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Test as PendingRequest } from 'supertest';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { ApiClient } from './api-client';
import { BrowserTestApp, startBrowserApp } from './browser';
import { closeOwnerDataSource, createOrganisation, createStudy, createUser } from './factories';
import { startSmtpInbox, SmtpInbox } from './smtp-inbox';
import { createTestDatabase, TestDatabase } from './test-database';
import { testConfig } from './test-env';

/** The start of every link in the mails of the specs that read mail. */
export const PUBLIC_URL = 'https://cockpit.test';
/** A password an invitee sets: long enough for the password rule. */
export const NEW_PASSWORD = 'a-new-password-of-length';

/**
 * The api, the worker and a real SMTP server for a spec that reads the mails it causes, on a
 * database and Redis keys of its own (`name`, a few letters: the prefix of Redis keys has a limit), so that no other file's worker takes its mail
 * jobs; `extra` settings on top.
 */
export interface MailWorld {
  t: BrowserTestApp;
  inbox: SmtpInbox;
  worker: INestApplicationContext;
  close(): Promise<void>;
}

export async function startMailWorld(
  name: string,
  extra: Record<string, string> = {},
): Promise<MailWorld> {
  const started: Array<() => Promise<unknown>> = [];
  // Stops what was started, the last first: after the spec, or when the start fails halfway
  // (an SMTP server left listening would keep Jest from ending).
  const close = async () => {
    for (const stop of started.reverse()) {
      await stop();
    }
  };
  try {
    const database: TestDatabase = await createTestDatabase(process.env.TEST_SUPERUSER_URL ?? '');
    started.push(() => database.drop(), closeOwnerDataSource);
    process.env.TEST_OWNER_URL = database.ownerUrl;
    process.env.TEST_APP_URL = database.appUrl;
    const inbox = await startSmtpInbox();
    started.push(() => inbox.stop());
    const overrides = {
      SMTP_URL: inbox.url,
      MAIL_FROM: 'Benchmark Cockpit <cockpit@cockpit.test>',
      PUBLIC_URL,
      REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX ?? 'cockpit-test'}-${name}`,
      JOB_RECONCILE_INTERVAL_MS: '1000',
      ...extra,
    };
    const t = await startBrowserApp(overrides);
    started.push(() => t.close());
    const worker: INestApplicationContext = await (
      await Test.createTestingModule({
        imports: [WorkerModule.forRoot(testConfig(overrides))],
      }).compile()
    ).init();
    started.push(() => worker.close());
    return { t, inbox, worker, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The token of the invitation link in a mail. */
export function tokenIn(text: string): string {
  const match = /\/invitations\/accept\?token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) {
    throw new Error(`no invitation link in: ${text}`);
  }
  return match[1];
}

/** The token of the next mail to `email`, after `before` mails to it. */
export async function nextToken(inbox: SmtpInbox, email: string, before: number): Promise<string> {
  return tokenIn((await inbox.waitForMailTo(email, before + 1)).text);
}

/** Accepts an invitation over the API, as the link's page does. */
export function accept(t: BrowserTestApp, token: string, password: string): PendingRequest {
  return t.http().post('/api/v1/auth/invitations/accept').send({ token, password });
}

export function login(t: BrowserTestApp, email: string, password: string): PendingRequest {
  return t.http().post('/api/v1/auth/login').send({ email, password });
}

/** A publisher with an admin and a study. */
export async function publisherWorld(t: BrowserTestApp) {
  const publisher = await createOrganisation('publisher', 'Benchmark Verlag GmbH');
  const admin = await createUser(publisher, 'publisher_admin');
  const study = await createStudy(publisher, 'Contact Center Benchmark DACH');
  return { publisher, admin, api: new ApiClient(t, admin), study };
}

import { findFreePort } from '@app/devstack';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { until } from './waiting';

/** A mail as the test's SMTP server received it, parsed. */
export interface ReceivedMail {
  /** The envelope's recipients. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives, for the tests of everything that
 * sends mail (password reset, invitations, reminders). `stop` closes it so that connections are
 * refused, as in an outage; `start` opens it again on the same port.
 */
export interface SmtpInbox {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  /** Every mail received so far, in order. */
  mails: ReceivedMail[];
  /** The mails to an address. */
  mailsTo(address: string): ReceivedMail[];
  /**
   * Answers every mail to `address` with a permanent refusal (550), as a server does for a
   * mailbox that does not exist.
   */
  refuse(address: string): void;
  /** Waits until a mail to `address` arrives (or `count` of them) and returns the last. */
  waitForMailTo(address: string, count?: number): Promise<ReceivedMail>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts an SMTP inbox on a free port (no TLS, no authentication). */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  const port = await findFreePort();
  const mails: ReceivedMail[] = [];
  const refused = new Set<string>();
  let server: SMTPServer | null = null;

  const newServer = (): SMTPServer =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // A stop must not wait for the sender's pooled connections to end on their own.
      closeTimeout: 100,
      onRcptTo(address, _session, callback) {
        if (refused.has(address.address.toLowerCase())) {
          callback(
            Object.assign(new Error(`5.1.1 <${address.address}>: no such mailbox`), {
              responseCode: 550,
            }),
          );
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (parsed) => {
            mails.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              messageId: parsed.messageId ?? '',
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });

  const inbox: SmtpInbox = {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuse: (address) => refused.add(address.toLowerCase()),
    mailsTo: (address) =>
      mails.filter((mail) => mail.to.some((to) => to.toLowerCase() === address.toLowerCase())),
    waitForMailTo: async (address, count = 1) => {
      const received = await until(
        () => Promise.resolve(inbox.mailsTo(address)),
        (found) => found.length >= count,
      );
      return received[received.length - 1];
    },
    start: () =>
      new Promise<void>((resolve, reject) => {
        const started = newServer();
        started.once('error', reject);
        started.listen(port, '127.0.0.1', () => {
          server = started;
          resolve();
        });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        const running = server;
        server = null;
        if (running) {
          running.close(() => resolve());
        } else {
          resolve();
        }
      }),
  };
  await inbox.start();
  return inbox;
}

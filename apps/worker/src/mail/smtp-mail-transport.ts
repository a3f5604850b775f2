import { OnModuleDestroy } from '@nestjs/common';
import type { MailTransport, OutgoingMail } from '@app/application';
import { createTransport, Transporter } from 'nodemailer';

/**
 * The worker's SMTP connection (nodemailer): a small pool, and timeouts short enough that a
 * server that hangs is noticed as one that is down, and the mail waits in the outbox.
 */
export class SmtpMailTransport implements MailTransport, OnModuleDestroy {
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    const url = new URL(smtpUrl);
    this.transporter = createTransport({
      host: url.hostname,
      port: url.port === '' ? undefined : Number(url.port),
      secure: url.protocol === 'smtps:',
      auth:
        url.username === ''
          ? undefined
          : { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
      pool: true,
      maxConnections: 2,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({ from: this.from, ...mail });
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}

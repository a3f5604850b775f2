import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { asTenantId } from '@app/domain';
import { untilInfrastructureHolds } from '@app/jobs';
import { markMailSent, queuedMail, recordMailFailure, TenantDb } from '@app/persistence';
import { renderMail } from '@app/reporting';
import { MailFailure, mailFailureOf, mailWorkFailure } from './mail-failure';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport';

/** The domain of the Message-ID of every mail. */
const MESSAGE_ID_DOMAIN = 'benchmark-cockpit.invalid';

/**
 * Sends a message of the outbox, for the worker's mail job: read it (nothing when it was sent
 * or given up already, so a repeated job sends nothing), render it in the recipient's
 * language, hand it to the SMTP server, note it sent. A failure is recorded on the row (see
 * MailFailure) and thrown, unless the server refused the mail for good: the job then ends.
 */
@Injectable()
export class MailDelivery {
  private readonly logger = new Logger(MailDelivery.name);

  constructor(
    private readonly db: TenantDb,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {}

  /** Sends the message; resolves without sending when it is not queued (any more). */
  async deliver(tenantId: string, messageId: string): Promise<void> {
    const tenant = asTenantId(tenantId);
    // PostgreSQL down: wait for it rather than count an attempt.
    const onOutage = (error: unknown, waitMs: number) =>
      this.logger.warn(`mail ${messageId}: ${messageOf(error)}; trying again in ${waitMs} ms`);
    const message = await untilInfrastructureHolds(
      () => this.db.withTenant(tenant, (m) => queuedMail(m, messageId)),
      onOutage,
    );
    if (!message) {
      return;
    }
    try {
      const mail = renderMail(message.purpose, message.language, {
        ...message.params,
        ...message.secretParams,
      });
      await this.transport.send({
        to: message.recipient,
        ...mail,
        messageId: `<${message.id}@${MESSAGE_ID_DOMAIN}>`,
      });
    } catch (error) {
      const failure: MailFailure = mailFailureOf(error);
      const errorId = randomUUID();
      // Ids and the error only: never the address or the link.
      this.logger.warn(
        `mail ${messageId} (${message.purpose}) not sent, ${failure} (error id ${errorId}): ${messageOf(error)}`,
      );
      const stored = mailWorkFailure(error, failure, errorId);
      await untilInfrastructureHolds(
        () => this.db.withTenant(tenant, (m) => recordMailFailure(m, messageId, stored, failure)),
        onOutage,
      );
      if (failure === 'give_up') {
        return;
      }
      throw error;
    }
    await untilInfrastructureHolds(
      () => this.db.withTenant(tenant, (m) => markMailSent(m, messageId)),
      onOutage,
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

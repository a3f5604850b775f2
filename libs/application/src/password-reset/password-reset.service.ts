import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { asTenantId, DomainError, DomainErrorCode, type LocalizedMessage } from '@app/domain';
import { JobQueue, QueueName } from '@app/jobs';
import {
  consumePasswordReset,
  createPasswordReset,
  loginAccounts,
  type LoginAccount,
  passwordResetByHash,
  preferredLanguage,
  queueMail,
  resetPassword,
  TenantDb,
  userNames,
} from '@app/persistence';
import * as argon2 from 'argon2';
import { enqueueMails } from '../common/enqueue-mails';
import type { QueuedMail } from '../notifications/notification-mails';
import { hashLinkToken, isLinkToken, newLinkToken } from '../common/single-use-token';
import { PUBLIC_URL } from '../notifications/public-url';
import { PASSWORD_MIN_LENGTH } from '../organisations/organisation.types';
import { PASSWORD_RESET_TEXTS } from './password-reset.texts';

/** How long a reset link is valid. */
export const PASSWORD_RESET_VALID_SECONDS = 3600;

/** Where a reset link leads: the page that takes the new password. */
export const PASSWORD_RESET_CONFIRM_PATH = '/password-reset/confirm';

const refused = (message: LocalizedMessage) =>
  new DomainError(DomainErrorCode.ValidationFailed, message, [
    { key: 'token', rule: 'valid_reset_token', message },
  ]);

/**
 * Password reset by e-mail: a request writes a single-use token (stored as its SHA-256) and a
 * mail with its link into the outbox of each organisation the address has an active account
 * in, and answers the same whether there is one or not; the link sets a new password once,
 * within an hour, and ends every session, access token and other reset link of the user.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly db: TenantDb,
    @InjectQueue(QueueName.Mail) private readonly queue: JobQueue<QueueName.Mail>,
    @Inject(PUBLIC_URL) private readonly publicUrl: string,
  ) {}

  /**
   * Asks for a reset link for the accounts of an address. Resolves alike for an unknown
   * address, and as soon: once the accounts are looked up (one query, an index lookup either
   * way), the links are written and their mails enqueued after the answer, so that its timing
   * does not tell whether there was anything to write. A Redis that cannot be reached only
   * delays the mails (the reconciler gives each a job).
   */
  async request(email: string): Promise<void> {
    const accounts = await this.db.withoutTenant((m) => loginAccounts(m, email));
    const active = accounts.filter((account) => account.disabled_at === null);
    if (active.length > 0) {
      void this.sendLinks(active).catch((error: unknown) =>
        this.logger.error(`password reset links not written: ${messageOf(error)}`),
      );
    }
  }

  /**
   * Refuses a token that is malformed, unknown, expired or used, without using it: the page
   * that takes the new password checks it before showing the form.
   *
   * @throws DomainError ValidationFailed naming the token and why
   */
  async check(token: string): Promise<void> {
    await this.usableToken(token);
  }

  /**
   * Sets the new password of the token's user, uses the token, and ends every session, access
   * token and other reset token of the user, in one transaction: a refusal changes nothing.
   *
   * @throws DomainError ValidationFailed naming the token or the password and the rule
   */
  async complete(token: string, password: string): Promise<void> {
    const found = await this.usableToken(token);
    if (password.length < PASSWORD_MIN_LENGTH) {
      const message = PASSWORD_RESET_TEXTS.passwordTooShort(PASSWORD_MIN_LENGTH);
      throw new DomainError(DomainErrorCode.ValidationFailed, message, [
        { key: 'password', rule: 'minLength', message },
      ]);
    }
    const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
    // A refusal thrown inside rolls the whole transaction back: the token stays as it was.
    await this.db.withTenant(asTenantId(found.tenant_id), async (m) => {
      const userId = await consumePasswordReset(m, found.id);
      if (userId === null) {
        // Another request used the token since it was checked.
        throw refused(PASSWORD_RESET_TEXTS.tokenUsed);
      }
      if (!(await resetPassword(m, userId, passwordHash, new Date()))) {
        // The user was disabled since the link was sent.
        throw refused(PASSWORD_RESET_TEXTS.tokenUnknown);
      }
    });
  }

  private async usableToken(token: string) {
    const found = isLinkToken(token)
      ? await this.db.withoutTenant((m) => passwordResetByHash(m, hashLinkToken(token)))
      : undefined;
    if (!found) {
      throw refused(PASSWORD_RESET_TEXTS.tokenUnknown);
    }
    if (found.used) {
      throw refused(PASSWORD_RESET_TEXTS.tokenUsed);
    }
    if (found.expired) {
      throw refused(PASSWORD_RESET_TEXTS.tokenExpired);
    }
    return found;
  }

  /** Writes a token and its mail per account, then enqueues the mails. */
  private async sendLinks(accounts: LoginAccount[]): Promise<void> {
    const queued: QueuedMail[] = [];
    for (const account of accounts) {
      const token = newLinkToken();
      const messageId = await this.db.withTenant(asTenantId(account.tenant_id), async (m) => {
        const names = await userNames(m, account.id);
        if (!names) {
          return null;
        }
        const tokenId = await createPasswordReset(
          m,
          account.id,
          hashLinkToken(token),
          PASSWORD_RESET_VALID_SECONDS,
        );
        return queueMail(m, {
          recipient: names.email,
          language: await preferredLanguage(m, account.id),
          purpose: 'password_reset',
          objectId: tokenId,
          params: {
            name: names.name,
            organisationName: names.organisationName,
            validMinutes: String(PASSWORD_RESET_VALID_SECONDS / 60),
          },
          secretParams: { link: `${this.publicUrl}${PASSWORD_RESET_CONFIRM_PATH}?token=${token}` },
        });
      });
      if (messageId !== null) {
        queued.push({ tenantId: account.tenant_id, messageId });
      }
    }
    await enqueueMails(this.queue, queued, this.logger);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

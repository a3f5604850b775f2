/** A mail ready for the SMTP server. */
export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /**
   * The Message-ID header, made from the outbox message's id: should a mail ever go out twice
   * (the server took it, then the worker died before noting it), the copies carry the same id.
   */
  messageId: string;
}

/** Hands mails to an SMTP server (nodemailer in the worker, a test's own in tests). */
export interface MailTransport {
  /** Resolves once the server took the mail; rejects with the server's or the socket's error. */
  send(mail: OutgoingMail): Promise<void>;
}

/** The injection token of the worker's MailTransport. */
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

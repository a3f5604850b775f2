import { workFailureText } from '@app/domain';
import { mailFailureOf, mailWorkFailure } from './mail-failure';

const smtpError = (code: string, responseCode?: number): Error =>
  Object.assign(new Error(`${code} ${responseCode ?? ''}`), { code, responseCode });

describe('mailFailureOf', () => {
  it('waits for a server that is down, busy or refuses for now, and for wrong credentials', () => {
    expect(mailFailureOf(smtpError('ECONNECTION'))).toBe('wait');
    expect(mailFailureOf(smtpError('ETIMEDOUT'))).toBe('wait');
    expect(mailFailureOf(smtpError('EMESSAGE', 421))).toBe('wait');
    expect(mailFailureOf(smtpError('EENVELOPE', 450))).toBe('wait');
    expect(mailFailureOf(smtpError('EAUTH', 535))).toBe('wait');
  });

  it('gives up on a message the server refused for good', () => {
    expect(mailFailureOf(smtpError('EENVELOPE', 550))).toBe('give_up');
    expect(mailFailureOf(smtpError('EMESSAGE', 552))).toBe('give_up');
    expect(mailFailureOf(smtpError('EENVELOPE'))).toBe('give_up');
  });

  it('waits for PostgreSQL and counts an attempt for a failure of the message itself', () => {
    expect(mailFailureOf(Object.assign(new Error('down'), { code: '57P01' }))).toBe('wait');
    expect(mailFailureOf(new Error('"link" not defined in [object Object]'))).toBe('attempt');
    expect(mailFailureOf('a string')).toBe('attempt');
  });
});

describe('mailWorkFailure', () => {
  it("stores the server's reply code or nodemailer's code as data, not the server's sentence", () => {
    const refused = mailWorkFailure(smtpError('EENVELOPE', 550), 'give_up', 'e-1');
    expect(refused).toEqual({ key: 'mail_rejected', params: { code: 550 } });
    expect(workFailureText(refused, 'de')).toBe(
      'Der Mailserver hat die Mail endgültig abgelehnt (550); sie wird nicht erneut gesendet.',
    );
    expect(workFailureText(refused, 'en')).toBe(
      'The mail server refused the mail for good (550); it will not be sent again.',
    );
    const waiting = mailWorkFailure(smtpError('ECONNECTION'), 'wait', 'e-2');
    expect(waiting).toEqual({ key: 'mail_deferred', params: { code: 'ECONNECTION' } });
    expect(workFailureText(waiting, 'en')).toBe(
      'The mail server could not take the mail (ECONNECTION); it will be sent again.',
    );
  });

  it('stores a failure of the message itself as an internal error under its error id', () => {
    expect(
      mailWorkFailure(new Error('"link" not defined in [object Object]'), 'attempt', 'e-3'),
    ).toEqual({ key: 'internal', params: { errorId: 'e-3' } });
  });
});

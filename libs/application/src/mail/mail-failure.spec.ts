import { mailFailureOf } from './mail-failure';

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

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderMail } from './mail-templates';

const MAIL_TEMPLATES = join(__dirname, '..', '..', '..', 'templates', 'mail');

const params = {
  name: 'Anna <b>Bär</b> & Co',
  organisationName: 'Nordlicht Energie AG',
  link: 'https://cockpit.example/password-reset/confirm?token=abc_DEF-123',
  validMinutes: '60',
};

describe('renderMail', () => {
  it('writes a password reset in German with the values escaped in HTML and as they are in text', () => {
    const mail = renderMail('password_reset', 'de', params, MAIL_TEMPLATES);
    expect(mail.subject).toBe('Passwort zurücksetzen für Benchmark Cockpit');
    expect(mail.html.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(mail.html).toContain("lang='de'");
    expect(mail.html).toContain('Guten Tag Anna &lt;b&gt;Bär&lt;/b&gt; &amp; Co,');
    expect(mail.html).toContain(
      "href='https://cockpit.example/password-reset/confirm?token&#x3D;abc_DEF-123'",
    );
    expect(mail.text).toContain('Guten Tag Anna <b>Bär</b> & Co,');
    expect(mail.text).toContain(`\n${params.link}\n`);
    expect(mail.text).toContain('Der Link gilt 60 Minuten und nur einmal.');
  });

  it('writes the same mail in English', () => {
    const mail = renderMail('password_reset', 'en', params, MAIL_TEMPLATES);
    expect(mail.subject).toBe('Reset your Benchmark Cockpit password');
    expect(mail.html).toContain("lang='en'");
    expect(mail.text).toContain('The link is valid for 60 minutes and once only.');
    expect(mail.text).not.toContain('Guten Tag');
  });

  it('refuses to render a mail whose values lack one the template names', () => {
    const { link: _link, ...withoutLink } = params;
    expect(() => renderMail('password_reset', 'en', withoutLink, MAIL_TEMPLATES)).toThrow(
      /"link" not defined/,
    );
  });

  it('has a subject, an HTML and a text template in both languages for every purpose', () => {
    const files = readdirSync(MAIL_TEMPLATES).filter((file) => file !== 'layout.html.hbs');
    const purposes = new Set(files.map((file) => file.split('.')[0]));
    for (const purpose of purposes) {
      for (const language of ['de', 'en']) {
        for (const part of ['subject', 'html', 'text']) {
          expect(files).toContain(`${purpose}.${language}.${part}.hbs`);
        }
      }
    }
  });
});

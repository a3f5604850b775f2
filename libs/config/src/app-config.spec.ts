import { ConfigError, loadConfig, publicUrlOf, trustedProxies } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://cockpit_app@127.0.0.1:5432/cockpit',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('applies defaults to a minimal valid environment', () => {
    const config = loadConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.REDIS_PREFIX).toBe('cockpit');
    expect(config.DEMO).toBe(false);
  });

  it('sends mail to the local SMTP catcher from a no-reply sender, linking to the api by default', () => {
    const config = loadConfig({ ...valid, PORT: '8080' });
    expect(config.SMTP_URL).toBe('smtp://127.0.0.1:1025');
    expect(config.MAIL_FROM).toBe('Benchmark Cockpit <no-reply@localhost>');
    expect(publicUrlOf(config)).toBe('http://localhost:8080');
    const given = loadConfig({
      ...valid,
      SMTP_URL: 'smtps://user:secret@mail.example.com:465',
      MAIL_FROM: 'cockpit@example.com',
      PUBLIC_URL: 'https://cockpit.example.com/app',
    });
    expect(given.SMTP_URL).toBe('smtps://user:secret@mail.example.com:465');
    expect(publicUrlOf(given)).toBe('https://cockpit.example.com/app');
  });

  it('names a wrong SMTP_URL, MAIL_FROM and PUBLIC_URL', () => {
    expect(() =>
      loadConfig({
        ...valid,
        SMTP_URL: 'http://mail.example.com',
        MAIL_FROM: 'Cockpit <no address>',
        PUBLIC_URL: 'https://cockpit.example.com/',
      }),
    ).toThrow(
      new ConfigError([
        'SMTP_URL must be an smtp:// or smtps:// URL',
        'MAIL_FROM must be an e-mail address or "Name <address>"',
        'PUBLIC_URL must be an http:// or https:// URL without query and trailing slash',
      ]),
    );
  });

  it('reads PORT as a number and DEMO as a flag', () => {
    const config = loadConfig({ ...valid, PORT: '8080', DEMO: 'true' });
    expect(config.PORT).toBe(8080);
    expect(config.DEMO).toBe(true);
  });

  it('defaults the PDF rendering to the system Chromium, 2 pages at once and 60 s a render', () => {
    const config = loadConfig(valid);
    expect(config.CHROMIUM_PATH).toBe('/usr/bin/chromium');
    expect(config.REPORT_CONCURRENCY).toBe(2);
    expect(config.REPORT_TIMEOUT_MS).toBe(60000);
    expect(config.REPORT_RENDERS_PER_CONTEXT).toBe(50);
  });

  it('reads the PDF rendering settings and names wrong ones', () => {
    const config = loadConfig({
      ...valid,
      REPORT_CONCURRENCY: '4',
      REPORT_TIMEOUT_MS: '90000',
      REPORT_RENDERS_PER_CONTEXT: '1',
    });
    expect(config.REPORT_CONCURRENCY).toBe(4);
    expect(config.REPORT_TIMEOUT_MS).toBe(90000);
    expect(config.REPORT_RENDERS_PER_CONTEXT).toBe(1);
    const attempt = () =>
      loadConfig({
        ...valid,
        CHROMIUM_PATH: 'chromium',
        REPORT_CONCURRENCY: '0',
        REPORT_TIMEOUT_MS: 'soon',
        REPORT_RENDERS_PER_CONTEXT: '0',
      });
    expect(attempt).toThrow(/CHROMIUM_PATH must be an absolute path/);
    expect(attempt).toThrow(/REPORT_CONCURRENCY must be between 1 and 16/);
    expect(attempt).toThrow(/REPORT_TIMEOUT_MS must be an integer/);
    expect(attempt).toThrow(/REPORT_RENDERS_PER_CONTEXT must be between 1 and 1000/);
  });

  it('names a missing DATABASE_URL', () => {
    const { DATABASE_URL: _omitted, ...rest } = valid;
    expect(() => loadConfig(rest)).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it('names every wrong value at once', () => {
    const attempt = () =>
      loadConfig({ ...valid, PORT: 'eighty', JWT_SECRET: 'short', REDIS_URL: 'http://x' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT must be an integer/);
    expect(attempt).toThrow(/JWT_SECRET must be at least 32 characters long/);
    expect(attempt).toThrow(/REDIS_URL must be a redis:\/\//);
  });

  it('trusts no proxy by default, so that X-Forwarded-For names no client', () => {
    const config = loadConfig(valid);
    expect(config.TRUST_PROXY).toBe('none');
    expect(trustedProxies(config.TRUST_PROXY)).toBe(false);
  });

  it('reads TRUST_PROXY as a list of addresses, subnets and range names', () => {
    const config = loadConfig({ ...valid, TRUST_PROXY: '10.0.0.7, 172.16.0.0/12,uniquelocal,::1' });
    expect(trustedProxies(config.TRUST_PROXY)).toEqual([
      '10.0.0.7',
      '172.16.0.0/12',
      'uniquelocal',
      '::1',
    ]);
  });

  it.each(['true', '1', '*', '10.0.0.0/33', 'proxy.example', '10.0.0.1,', 'loopback/8'])(
    'names a TRUST_PROXY of %p as wrong',
    (setting) => {
      expect(() => loadConfig({ ...valid, TRUST_PROXY: setting })).toThrow(
        /TRUST_PROXY must be none or a comma-separated list/,
      );
    },
  );
});

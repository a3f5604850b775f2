import { ConfigError, loadConfig } from '@app/config';
import { startEmbeddedPostgres, startMailCatcher, startRedisServer } from '@app/devstack';
import { seedDemo } from '@app/application';
import {
  DEMO_LOGINS,
  DEMO_PASSWORD,
  ensureDatabase,
  runMigrations,
  urlFor,
} from '@app/persistence';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ChildLogs, logFormatOf } from './child-logs';
import { runningProcess, supervise } from './supervisor';

/**
 * `npm start`: runs the product on this machine. Without DATABASE_URL it starts an embedded
 * PostgreSQL under .data/, without REDIS_URL the machine's redis-server; it migrates, seeds
 * the demo (always on embedded defaults, otherwise only with DEMO=true); without SMTP_URL it
 * runs MailDev, which catches every mail into an inbox in the browser; then it starts the api
 * and the worker as child processes. It supervises them and its Redis: a child that crashes is
 * started again with backoff, so a single-machine install survives a worker crash with nobody
 * watching; it stops everything on Ctrl+C, or when a child keeps crashing.
 */

const ROOT = resolve(__dirname, '..', '..', '..');
const DATA_DIR = resolve(process.env.COCKPIT_DATA_DIR ?? join(ROOT, '.data'));
const log = (message: string) => console.log(`[launcher] ${message}`);

interface LocalSecrets {
  ownerPassword: string;
  appPassword: string;
  jwtSecret: string;
}

/** Passwords of the embedded roles and the token secret, made once and kept with the data. */
function localSecrets(): LocalSecrets {
  const file = join(DATA_DIR, 'secrets.json');
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  }
  const secrets: LocalSecrets = {
    ownerPassword: randomBytes(18).toString('base64url'),
    appPassword: randomBytes(18).toString('base64url'),
    jwtSecret: randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

async function waitUntilReady(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) {
      return;
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`the api did not become ready at ${url} within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  const migrateOnly = process.argv.includes('--migrate-only');
  const env: NodeJS.ProcessEnv = { ...process.env };
  const stops: (() => Promise<void>)[] = [];
  const embedded = !env.DATABASE_URL;
  mkdirSync(DATA_DIR, { recursive: true });

  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) {
      return;
    }
    shuttingDown = true;
    for (const stop of stops.reverse()) {
      await stop().catch((error: unknown) => log(`while stopping: ${String(error)}`));
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    if (embedded) {
      const secrets = localSecrets();
      env.JWT_SECRET ??= secrets.jwtSecret;
      log(`no DATABASE_URL: starting an embedded PostgreSQL in ${join(DATA_DIR, 'postgres')}`);
      const pg = await startEmbeddedPostgres({ dataDir: join(DATA_DIR, 'postgres'), log });
      stops.push(() => pg.stop());
      await ensureDatabase(pg.superuserUrl, 'cockpit', {
        owner: { name: 'cockpit_owner', password: secrets.ownerPassword },
        app: { name: 'cockpit_app_login', password: secrets.appPassword },
      });
      env.DATABASE_URL = urlFor(
        pg.superuserUrl,
        'cockpit',
        'cockpit_app_login',
        secrets.appPassword,
      );
      env.DATABASE_OWNER_URL = urlFor(
        pg.superuserUrl,
        'cockpit',
        'cockpit_owner',
        secrets.ownerPassword,
      );
    }
    if (!env.REDIS_URL) {
      log('no REDIS_URL: starting redis-server');
      // A restarted Redis must come back on the port the api and the worker know.
      let port: number | undefined;
      const redis = await supervise(
        'redis-server',
        async () => {
          const started = await startRedisServer({ dataDir: join(DATA_DIR, 'redis'), port, log });
          if (port !== undefined && started.port !== port) {
            await started.stop();
            throw new Error(`port ${port} is taken`);
          }
          port = started.port;
          env.REDIS_URL = started.url;
          return started;
        },
        { log, giveUp: () => void shutdown(1) },
      );
      stops.push(() => redis.stop());
    }
    let inboxUrl: string | undefined;
    if (!env.SMTP_URL && !migrateOnly) {
      log('no SMTP_URL: starting MailDev, which catches every mail');
      // A restarted MailDev must come back on the ports the worker and the person know.
      let ports: { smtp: number; web: number } | undefined;
      const catcher = await supervise(
        'maildev',
        async () => {
          const started = await startMailCatcher({
            dataDir: join(DATA_DIR, 'mail'),
            root: ROOT,
            smtpPort: ports?.smtp,
            webPort: ports?.web,
            log,
          });
          const smtp = Number(new URL(started.smtpUrl).port);
          const web = Number(new URL(started.inboxUrl).port);
          if (ports !== undefined && (smtp !== ports.smtp || web !== ports.web)) {
            await started.stop();
            throw new Error(`port ${ports.smtp} or ${ports.web} is taken`);
          }
          ports = { smtp, web };
          env.SMTP_URL = started.smtpUrl;
          inboxUrl = started.inboxUrl;
          return started;
        },
        { log, giveUp: () => void shutdown(1) },
      );
      stops.push(() => catcher.stop());
    }
    const config = loadConfig(env);

    if (config.DATABASE_OWNER_URL) {
      const applied = await runMigrations(config.DATABASE_OWNER_URL);
      log(
        applied.length > 0
          ? `applied migrations: ${applied.join(', ')}`
          : 'database schema is up to date',
      );
      if (embedded || config.DEMO) {
        log(
          (await seedDemo(config.DATABASE_OWNER_URL))
            ? 'seeded the demo study'
            : 'demo study present',
        );
      }
    } else {
      log('DATABASE_OWNER_URL is not set: not running migrations (run them with the owner role)');
    }
    if (migrateOnly) {
      await shutdown(0);
      return;
    }

    // JSON lines on the terminal only when asked for; else into files, warnings summarised.
    const childLogs =
      logFormatOf(process.env.LOG_FORMAT) === 'json' ? null : new ChildLogs(join(DATA_DIR, 'logs'));
    const children = await Promise.all(
      ['api', 'worker'].map((app) =>
        supervise(
          app,
          () => {
            const child = fork(join(ROOT, 'dist', 'apps', app, 'main.js'), [], {
              env,
              stdio: childLogs === null ? 'inherit' : ['ignore', 'pipe', 'pipe', 'ipc'],
            });
            childLogs?.attach(app, child);
            return Promise.resolve(runningProcess(child));
          },
          { log, giveUp: () => void shutdown(1) },
        ),
      ),
    );
    // Both at once: Ctrl+C reaches them too, and neither may be restarted meanwhile.
    stops.push(async () => {
      await Promise.all(children.map((child) => child.stop()));
    });

    const url = `http://localhost:${config.PORT}`;
    await waitUntilReady(`${url}/health/ready`);
    log(`Benchmark Cockpit runs at ${url} (API docs: ${url}/api/docs)`);
    if (embedded || config.DEMO) {
      log(`demo logins (password "${DEMO_PASSWORD}"):`);
      for (const login of DEMO_LOGINS) {
        log(`  ${login.email.padEnd(26)} ${login.role.padEnd(16)} ${login.organisation}`);
      }
    }
    if (inboxUrl !== undefined) {
      log(`mails (password reset links) are caught in the inbox at ${inboxUrl}`);
    }
    if (childLogs !== null) {
      log(
        `logs (JSON lines): ${childLogs.fileOf('api')} and ${childLogs.fileOf('worker')}; ` +
          'warnings and errors are shown here, LOG_FORMAT=json prints every line here instead',
      );
    }
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    await shutdown(1);
  }
}

void main();

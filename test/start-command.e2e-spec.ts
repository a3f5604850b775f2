import { findFreePort } from '@app/devstack';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { until } from './support/waiting';

const ROOT = resolve(__dirname, '..');

async function waitForReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`npm start exited early with code ${child.exitCode}`);
    }
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      return;
    }
    await new Promise((done) => setTimeout(done, 1000));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s`);
}

describe('the README start command', () => {
  let child: ChildProcess;
  let dataDir: string;
  let output = '';

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      try {
        process.kill(-child.pid, 'SIGINT');
      } catch (error) {
        // Its process group is gone already: npm has ended, and its exit event is on the way.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
          throw error;
        }
      }
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with no DATABASE_URL or REDIS_URL, seeds the demo and serves the catalogue to a demo user', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cockpit-start-'));
    // As root, the embedded PostgreSQL runs as the postgres user, who must reach its data folder.
    chmodSync(dataDir, 0o755);
    const port = await findFreePort(39300);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      COCKPIT_DATA_DIR: dataDir,
      // Info, as a person's `npm start` has it: the routine lines must stay off the terminal.
      LOG_LEVEL: 'info',
      // The killed worker's job is taken over after 5 s instead of 30 s.
      JOB_STALL_TIMEOUT_MS: '5000',
    };
    for (const name of [
      'DATABASE_URL',
      'DATABASE_OWNER_URL',
      'REDIS_URL',
      'SMTP_URL',
      'JWT_SECRET',
      'DEMO',
    ]) {
      delete env[name];
    }
    child = spawn('npm', ['start'], {
      cwd: ROOT,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForReady(`${base}/health/ready`, child, 240_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- output ---\n${output.slice(-4000)}`);
    }

    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'company1@demo.example', password: 'cockpit-demo' }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };

    const studies = (await (await fetch(`${base}/api/v1/studies`, { headers: auth })).json()) as {
      id: string;
      name: string;
      cycles: { id: string; year: number; state: string }[];
    }[];
    expect(studies.map((s) => s.name)).toEqual(['Contact Center Benchmark DACH']);
    expect(studies[0].cycles.map((c) => c.year)).toEqual([2023, 2024, 2025]);

    // The past cycles come with published benchmarks that the company can read at once.
    const lastPublished = studies[0].cycles[1];
    const snapshots = (await (
      await fetch(`${base}/api/v1/cycles/${lastPublished.id}/snapshots`, { headers: auth })
    ).json()) as { id: string; published: boolean; state: string }[];
    expect(snapshots.map((s) => [s.state, s.published])).toEqual([['done', true]]);
    const benchmarks = (await (
      await fetch(`${base}/api/v1/snapshots/${snapshots[0].id}/benchmarks`, { headers: auth })
    ).json()) as { peerGroup: { n: number }; cells: { suppressed: unknown }[] };
    expect(benchmarks.peerGroup.n).toBeGreaterThan(150);
    expect(benchmarks.cells.filter((c) => c.suppressed === null).length).toBeGreaterThanOrEqual(25);

    const catalogue = await fetch(`${base}/api/v1/studies/${studies[0].id}/catalogue`, {
      headers: auth,
    });
    expect(catalogue.status).toBe(200);
    const body = (await catalogue.json()) as { definition: { items: unknown[] } };
    expect(body.definition.items.length).toBeGreaterThanOrEqual(40);
    // The launcher prints the logins once its own readiness poll (every 500 ms) saw the api.
    await until(
      () => Promise.resolve(output),
      (text) => text.includes('publisher@demo.example'),
    );
    expect(output).toContain('publisher@demo.example');

    // The publisher sees the generated demo study: about 180 units.
    const asPublisher = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'publisher@demo.example', password: 'cockpit-demo' }),
    });
    const publisherToken = ((await asPublisher.json()) as { accessToken: string }).accessToken;
    const units = (await (
      await fetch(`${base}/api/v1/studies/${studies[0].id}/units`, {
        headers: { authorization: `Bearer ${publisherToken}` },
      })
    ).json()) as unknown[];
    expect(units.length).toBe(180);

    // The publisher's trend report over the two published demo cycles, rendered by the worker,
    // which is killed right after the order: the launcher starts it again, and the report is
    // rendered without anybody asking again.
    const publisherAuth = { authorization: `Bearer ${publisherToken}` };
    const ordered = await fetch(`${base}/api/v1/studies/${studies[0].id}/trend-reports`, {
      method: 'POST',
      headers: { ...publisherAuth, 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'de' }),
    });
    expect(ordered.status).toBe(202);
    const { reportId } = (await ordered.json()) as { reportId: string };
    const [workerPid] = execFileSync(
      'pgrep',
      ['-g', String(child.pid), '-f', 'dist/apps/worker/main.js'],
      {
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter(Boolean);
    process.kill(Number(workerPid), 'SIGKILL');
    await until(
      () => Promise.resolve(output),
      (text) => text.includes('[launcher] worker restarted'),
    );
    expect(output).toContain('[launcher] worker ended (signal SIGKILL); restarting it in 1 s');
    const report = await until(
      async () =>
        (await (
          await fetch(`${base}/api/v1/reports/${reportId}`, { headers: publisherAuth })
        ).json()) as { state: string; pages: number | null; sha256: string | null },
      (r) => r.state === 'done' || r.state === 'failed',
      { timeoutMs: 180_000, everyMs: 500 },
    );
    expect(report.state).toBe('done');
    expect(report.pages).toBeGreaterThan(5);
    const pdf = Buffer.from(
      await (
        await fetch(`${base}/api/v1/reports/${reportId}/pdf`, { headers: publisherAuth })
      ).arrayBuffer(),
    );
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(report.sha256);
    // The api and Redis went on as they were.
    expect(output).not.toMatch(/\[launcher\] (api|redis-server) ended/);

    // The web cockpit: a visitor is sent to the sign-in form.
    const home = await fetch(`${base}/`, { redirect: 'manual' });
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toMatch(/^\/login/);
    const form = await fetch(`${base}/login`, { headers: { 'accept-language': 'de' } });
    expect(form.status).toBe(200);
    expect(await form.text()).toMatch(/<input[^>]+type="password"/);

    // Without SMTP_URL, mails are caught by MailDev, whose inbox the launcher names.
    const inbox = /mails \(password reset links\) are caught in the inbox at (http:\S+)/.exec(
      output,
    )?.[1];
    expect(inbox).toBeDefined();
    const reset = await fetch(`${base}/api/v1/auth/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'company1@demo.example' }),
    });
    expect(reset.status).toBe(202);
    const caught = await until(
      async () =>
        (await (await fetch(`${inbox}/api/email`)).json()) as {
          subject: string;
          to: { address: string }[];
        }[],
      (mails) => mails.length > 0,
    );
    expect(caught.map((m) => [m.to.map((to) => to.address), m.subject])).toEqual([
      [['company1@demo.example'], 'Passwort zurücksetzen für Benchmark Cockpit'],
    ]);

    // A terminal a person can read: the api's JSON lines (route mapping, requests) go to its
    // log file, which the launcher names, and not to the terminal.
    const apiLog = /\[launcher\] logs \(JSON lines\): (\S+api\.log)/.exec(output)?.[1];
    expect(apiLog).toBeDefined();
    expect(output).not.toContain('"level":');
    expect(output).not.toContain('Mapped {');
    const lines = readFileSync(apiLog as string, 'utf8')
      .trim()
      .split('\n');
    const mapped = lines.filter((line) => line.includes('Mapped {'));
    expect(mapped.length).toBeGreaterThan(50);
    expect(mapped.every((line) => (JSON.parse(line) as { level: number }).level === 30)).toBe(true);
  }, 480_000);
});

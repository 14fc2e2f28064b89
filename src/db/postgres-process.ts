import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { promisify } from 'node:util';

/** Process-level helpers shared by the bundled PostgreSQL launcher and the PostgreSQL 15 test server. */

export const run = promisify(execFile);

/** The unprivileged account PostgreSQL runs as when we are root (PostgreSQL refuses root). */
export const POSTGRES_OS_USER = 'postgres';

/** The account a PostgreSQL program runs as; undefined: as ourselves. `name` is for messages. */
export type OsUser = { uid: number; gid: number; name?: string } | undefined;

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** As root: the `postgres` account, created if missing. Otherwise undefined: run as ourselves. */
export async function ensurePostgresOsUser(): Promise<OsUser> {
  if (!isRoot()) return undefined;
  const lookup = async (): Promise<OsUser> => {
    const [uid, gid] = await Promise.all([
      run('id', ['-u', POSTGRES_OS_USER]).then((r) => Number.parseInt(r.stdout, 10)),
      run('id', ['-g', POSTGRES_OS_USER]).then((r) => Number.parseInt(r.stdout, 10)),
    ]);
    return { uid, gid, name: POSTGRES_OS_USER };
  };
  try {
    return await lookup();
  } catch {
    await run('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      POSTGRES_OS_USER,
    ]);
    return lookup();
  }
}

/**
 * The account with this uid (its primary group and name), or undefined when no account has it. PostgreSQL
 * refuses to run under a uid that has no account.
 */
export async function osUserWithUid(uid: number): Promise<OsUser> {
  try {
    const [name, gid] = await Promise.all([
      run('id', ['-nu', String(uid)]).then((r) => r.stdout.trim()),
      run('id', ['-g', String(uid)]).then((r) => Number.parseInt(r.stdout, 10)),
    ]);
    return Number.isInteger(gid) && name ? { uid, gid, name } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `osUser` may search (enter) `dir`, and so every directory above it. */
export function canEnter(osUser: OsUser, dir: string): Promise<boolean> {
  return runAs(osUser, 'test', ['-d', dir, '-a', '-x', dir]).then(
    () => true,
    () => false,
  );
}

/** Runs a PostgreSQL program as the given account, with predictable (English) messages. */
export function runAs(osUser: OsUser, file: string, args: string[]) {
  return run(file, args, {
    ...(osUser ? { uid: osUser.uid, gid: osUser.gid } : {}),
    env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' },
    cwd: os.tmpdir(),
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A process that has exited but not been reaped yet (a zombie) still answers kill(pid, 0).
  const stat = readProcStat(pid);
  return stat === undefined || !/^\d+ \(.*\) Z/.test(stat);
}

function readProcStat(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
}

export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** False when something already listens on 127.0.0.1:port (or we may not listen there). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.on('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

export function describeError(error: unknown): string {
  if (error && typeof error === 'object' && 'stderr' in error)
    return String((error as { stderr: unknown }).stderr).trim();
  return error instanceof Error ? error.message : String(error);
}

/**
 * Starts a cluster with `pg_ctl` on 127.0.0.1 only, with no socket file (so clusters never collide in
 * /tmp), waiting until it accepts connections. `settings` are extra `-c name=value` options.
 */
export function startPostgresOnLoopback(args: {
  osUser: OsUser;
  pgCtl: string;
  clusterDir: string;
  logFile: string;
  port: number;
  settings?: string[];
}) {
  const options = [
    `-p ${args.port}`,
    '-c listen_addresses=127.0.0.1',
    "-c unix_socket_directories=''",
    ...(args.settings ?? []).map((setting) => `-c ${setting}`),
  ];
  return runAs(args.osUser, args.pgCtl, [
    'start',
    '--pgdata',
    args.clusterDir,
    '--wait',
    '--timeout=60',
    '--silent',
    `--log=${args.logFile}`,
    '-o',
    options.join(' '),
  ]);
}

/** Stops a cluster with a fast shutdown (open transactions roll back, committed ones stay) and waits. */
export function stopPostgres(args: { osUser: OsUser; pgCtl: string; clusterDir: string }) {
  return runAs(args.osUser, args.pgCtl, [
    'stop',
    '--pgdata',
    args.clusterDir,
    '--mode=fast',
    '--wait',
    '--timeout=30',
    '--silent',
  ]);
}

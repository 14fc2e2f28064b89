import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { copyServerBinaries, loadBundledBinaries, SHARED_POSTGRES_DIR } from '../src/db/embedded-postgres.ts';
import {
  canEnter,
  ensurePostgresOsUser,
  findFreePort,
  isRoot,
  type OsUser,
  run,
  runAs,
} from '../src/db/postgres-process.ts';
import {
  type AppProcess,
  readPostmasterPid,
  startApp,
  waitUntilGone,
  waitUntilServing,
} from './app-process.ts';
import { ROOT, runScript } from './run-script.ts';

/**
 * The bundled PostgreSQL when the app runs as root: PostgreSQL then runs as another account, which may not
 * reach DATA_DIR (root's private home folder) or may own the cluster already (the service account of the
 * deployment guide). Only root can run programs as another account, so these tests need root.
 */

const ROOT_ONLY = 'needs root: only root runs PostgreSQL as another account';

async function stopApp(app: AppProcess | undefined): Promise<void> {
  if (app && app.child.exitCode === null && app.child.signalCode === null) {
    app.child.kill('SIGTERM');
    await app.exited;
  }
}

/** The uid a process runs as, from /proc. */
async function uidOf(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  return Number.parseInt(/^Uid:\s+(\d+)/m.exec(status)?.[1] ?? '', 10);
}

/** Stops (fast shutdown) a postmaster a failed test left for this data directory. */
async function stopLeftoverPostmaster(dataDir: string): Promise<void> {
  const orphan = await readPostmasterPid(dataDir);
  if (orphan) {
    process.kill(orphan, 'SIGINT');
    await waitUntilGone(orphan);
  }
}

describe('copies of the bundled binaries', () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const dir of made) await fs.rm(dir, { recursive: true, force: true });
  });

  it('are made once per version, atomically, and run from their new place', async () => {
    const into = await fs.mkdtemp(path.join(os.tmpdir(), 'samverkan-binaries-'));
    made.push(into);
    // The postgres account must be able to enter it (as root, below).
    await fs.chmod(into, 0o755);
    const from = path.dirname(path.dirname((await loadBundledBinaries()).postgres));

    const copy = await copyServerBinaries({ from, version: '1.0.0', into });
    expect(path.dirname(copy)).toBe(into);
    const marker = await fs.stat(path.join(copy, '.samverkan-version'));
    const { stdout } = await run(path.join(copy, 'bin', 'postgres'), ['--version']);
    expect(stdout).toMatch(/^postgres \(PostgreSQL\) 18\./);
    expect(await fs.readdir(path.join(copy, 'share', 'postgresql'))).toContain('postgres.bki');
    if (isRoot()) {
      // The libraries come from the copy's own lib (run path $ORIGIN/../lib), as the server account.
      const { stdout: asPostgres } = await runAs(
        await ensurePostgresOsUser(),
        path.join(copy, 'bin', 'initdb'),
        ['--version'],
      );
      expect(asPostgres).toMatch(/^initdb \(PostgreSQL\) 18\./);
    }

    // The same version again: nothing is copied.
    expect(await copyServerBinaries({ from, version: '1.0.0', into })).toBe(copy);
    expect((await fs.stat(path.join(copy, '.samverkan-version'))).mtimeMs).toBe(marker.mtimeMs);

    // Another version: a copy of its own, also when two processes copy it at once.
    const [a, b] = await Promise.all([
      copyServerBinaries({ from, version: '2.0.0', into }),
      copyServerBinaries({ from, version: '2.0.0', into }),
    ]);
    expect(a).toBe(b);
    expect(a).not.toBe(copy);
    expect((await fs.readFile(path.join(a, '.samverkan-version'), 'utf8')).trim()).toBe('2.0.0');
    // No half-made copies are left behind.
    expect((await fs.readdir(into)).sort()).toEqual([path.basename(copy), path.basename(a)].sort());
  }, 60_000);
});

describe.skipIf(!!process.env.TEST_DATABASE_URL)('the bundled PostgreSQL as root', () => {
  let app: AppProcess | undefined;
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    await stopApp(app);
    app = undefined;
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  it('starts with DATA_DIR in a private (0700) folder, keeping the cluster where postgres can reach it', async (context) => {
    if (!isRoot()) context.skip(ROOT_ONLY);
    const privateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'samverkan-private-'));
    await fs.chmod(privateDir, 0o700);
    const dataDir = path.join(privateDir, 'data');
    cleanups.push(() => fs.rm(privateDir, { recursive: true, force: true }));
    const postgresAccount = (await ensurePostgresOsUser())!;
    expect(await canEnter(postgresAccount, privateDir)).toBe(false);
    const port = await findFreePort();

    app = startApp({ DATA_DIR: dataDir, PORT: String(port) });
    await waitUntilServing(app, port);
    const link = path.join(dataDir, 'pg');
    const clusterDir = await fs.realpath(link);
    cleanups.push(async () => {
      await stopLeftoverPostmaster(dataDir);
      await fs.rm(path.dirname(clusterDir), { recursive: true, force: true });
    });

    const page = await fetch(`http://127.0.0.1:${port}/larosaten`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Södertörns högskola');
    // The cluster lives outside DATA_DIR, under the shared directory, and DATA_DIR links to it.
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(path.dirname(path.dirname(clusterDir))).toBe(path.join(SHARED_POSTGRES_DIR, 'clusters'));
    expect(path.relative(dataDir, clusterDir).startsWith('..')).toBe(true);
    expect((await fs.readFile(path.join(path.dirname(clusterDir), 'data-dir'), 'utf8')).trim()).toBe(dataDir);
    // The password file and app.pid stay in DATA_DIR.
    expect((await fs.lstat(path.join(dataDir, 'pg-password'))).isFile()).toBe(true);
    expect(existsSync(path.join(dataDir, 'app.pid'))).toBe(true);
    const postmaster = await readPostmasterPid(dataDir);
    expect(postmaster && (await uidOf(postmaster))).toBe(postgresAccount.uid);

    app.child.kill('SIGTERM');
    expect((await app.exited).code).toBe(0);
    expect(postmaster && (await waitUntilGone(postmaster))).toBe(true);

    // Started again, it finds the same cluster.
    app = startApp({ DATA_DIR: dataDir, PORT: String(port) });
    await waitUntilServing(app, port);
    expect(await fs.realpath(link)).toBe(clusterDir);
    expect((await fetch(`http://127.0.0.1:${port}/larosaten`)).status).toBe(200);
  }, 120_000);

  /** `nobody`, when it exists and can run the app from this checkout. */
  async function serviceAccount(): Promise<NonNullable<OsUser> | string> {
    const account = await lookupAccount('nobody');
    if (!account) return 'no account `nobody` here';
    const readable = await runAs(account, 'test', [
      '-r',
      path.join(ROOT, 'src', 'server.ts'),
      '-a',
      '-x',
      path.join(ROOT, 'node_modules'),
    ]).then(
      () => true,
      () => false,
    );
    return readable ? account : `nobody cannot read ${ROOT}`;
  }

  /** A data directory owned by the account, mode 0750, as the deployment guide makes one. */
  async function dataDirOwnedBy(account: NonNullable<OsUser>): Promise<string> {
    const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'samverkan-owned-'));
    await fs.chmod(parent, 0o755);
    const dataDir = path.join(parent, 'data');
    await fs.mkdir(dataDir);
    await fs.chown(dataDir, account.uid, account.gid);
    await fs.chmod(dataDir, 0o750);
    cleanups.push(async () => {
      await stopLeftoverPostmaster(dataDir);
      await fs.rm(parent, { recursive: true, force: true });
    });
    return dataDir;
  }

  /** Every file of DATA_DIR but backups/ (a command's output) and everything in the cluster. */
  async function ownersOf(dataDir: string): Promise<Set<number>> {
    const owners = new Set<number>();
    const visit = async (dir: string) => {
      for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
        if (dir === dataDir && entry.name === 'backups') continue;
        const entryPath = path.join(dir, entry.name);
        owners.add((await fs.lstat(entryPath)).uid);
        if (entry.isDirectory()) await visit(entryPath);
      }
    };
    await visit(dataDir);
    return owners;
  }

  it('runs PostgreSQL as the owner of an existing cluster, so that a backup as root leaves the service able to start', async (context) => {
    if (!isRoot()) context.skip(ROOT_ONLY);
    const account = await serviceAccount();
    if (typeof account === 'string') context.skip(account);
    const owner = account as NonNullable<OsUser>;
    const dataDir = await dataDirOwnedBy(owner);
    const port = await findFreePort();

    // The service creates its cluster, as itself.
    app = startApp({ DATA_DIR: dataDir, PORT: String(port) }, { as: owner });
    await waitUntilServing(app, port);
    app.child.kill('SIGTERM');
    expect((await app.exited).code).toBe(0);

    // With the service stopped, root takes a backup.
    const backup = await runScript('scripts/db-backup.ts', [], { DATA_DIR: dataDir });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('Säkerhetskopian är sparad:');

    const stat = await fs.stat(dataDir);
    expect([stat.uid, stat.gid, stat.mode & 0o777]).toEqual([owner.uid, owner.gid, 0o750]);
    expect(await ownersOf(dataDir)).toEqual(new Set([owner.uid]));
    expect(existsSync(path.join(dataDir, 'app.pid'))).toBe(false);

    // An app.pid that root left (as older versions did) does not stop the service either.
    await fs.writeFile(path.join(dataDir, 'app.pid'), '1', { mode: 0o644 });
    app = startApp({ DATA_DIR: dataDir, PORT: String(port) }, { as: owner });
    await waitUntilServing(app, port);
    expect((await fetch(`http://127.0.0.1:${port}/larosaten`)).status).toBe(200);
    const postmaster = await readPostmasterPid(dataDir);
    expect(postmaster && (await uidOf(postmaster))).toBe(owner.uid);
  }, 120_000);

  it('creates a new cluster in a data directory owned by another account as that account', async (context) => {
    if (!isRoot()) context.skip(ROOT_ONLY);
    const account = await serviceAccount();
    if (typeof account === 'string') context.skip(account);
    const owner = account as NonNullable<OsUser>;
    const dataDir = await dataDirOwnedBy(owner);

    // Root runs the migrations before the service ever started: the files are the service's all the same.
    const migrate = await runScript('scripts/db-migrate.ts', [], { DATA_DIR: dataDir });
    expect(migrate.code).toBe(0);
    expect((await fs.lstat(path.join(dataDir, 'pg'))).isDirectory()).toBe(true);
    expect(await ownersOf(dataDir)).toEqual(new Set([owner.uid]));

    const port = await findFreePort();
    app = startApp({ DATA_DIR: dataDir, PORT: String(port) }, { as: owner });
    await waitUntilServing(app, port);
    expect((await fetch(`http://127.0.0.1:${port}/larosaten`)).status).toBe(200);
  }, 120_000);
});

async function lookupAccount(name: string): Promise<OsUser> {
  try {
    const [uid, gid] = await Promise.all([
      run('id', ['-u', name]).then((r) => Number.parseInt(r.stdout, 10)),
      run('id', ['-g', name]).then((r) => Number.parseInt(r.stdout, 10)),
    ]);
    return { uid, gid, name };
  } catch {
    return undefined;
  }
}

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  describeError,
  ensurePostgresOsUser,
  findFreePort,
  type OsUser,
  runAs,
  startPostgresOnLoopback,
  stopPostgres,
} from '../src/db/postgres-process.ts';

/**
 * Usage: node --import tsx scripts/pg15-test-server.ts <command> [args…]
 * Starts a throwaway PostgreSQL 15 cluster (Debian's postgresql-15), runs the command with
 * TEST_DATABASE_URL pointing at it, then removes the cluster, also when the command fails.
 */

const BIN_DIR = process.env.PG15_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
const DATABASE_USER = 'samverkan';

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error(
      'Ange ett kommando att köra, t.ex.: node --import tsx scripts/pg15-test-server.ts vitest run',
    );
    return 2;
  }
  if (!existsSync(path.join(BIN_DIR, 'postgres'))) {
    console.error(
      `PostgreSQL 15 finns inte i ${BIN_DIR}. Installera det med: apt-get install -y postgresql-15`,
    );
    return 1;
  }
  const osUser = await ensurePostgresOsUser();
  const baseDir = await fs.mkdtemp(path.join(os.tmpdir(), 'samverkan-pg15-'));
  await fs.chmod(baseDir, 0o755);
  const clusterDir = path.join(baseDir, 'pg');
  const logFile = path.join(baseDir, 'postgres.log');
  let started = false;
  try {
    await initialiseCluster(osUser, clusterDir, logFile);
    const port = await findFreePort();
    await startCluster(osUser, clusterDir, logFile, port);
    started = true;
    const url = `postgres://${DATABASE_USER}@127.0.0.1:${port}/postgres`;
    console.error(`PostgreSQL 15 körs på port ${port} för: ${[command, ...args].join(' ')}`);
    return await runCommand(command, args, { ...process.env, TEST_DATABASE_URL: url });
  } catch (error) {
    console.error(`PostgreSQL 15 kunde inte starta: ${describeError(error)}`);
    console.error(await fs.readFile(logFile, 'utf8').catch(() => ''));
    return 1;
  } finally {
    if (started) {
      await stopPostgres({ osUser, pgCtl: path.join(BIN_DIR, 'pg_ctl'), clusterDir }).catch(() => undefined);
    }
    await fs.rm(baseDir, { recursive: true, force: true });
  }
}

async function initialiseCluster(osUser: OsUser, clusterDir: string, logFile: string): Promise<void> {
  await fs.mkdir(clusterDir, { mode: 0o700 });
  await fs.writeFile(logFile, '');
  if (osUser) {
    await fs.chown(clusterDir, osUser.uid, osUser.gid);
    await fs.chown(logFile, osUser.uid, osUser.gid);
  }
  await runPg15(osUser, 'initdb', [
    `--pgdata=${clusterDir}`,
    `--username=${DATABASE_USER}`,
    // Trust is safe here: a throwaway cluster that only listens on 127.0.0.1 and has no socket file.
    '--auth=trust',
    '--encoding=UTF8',
    '--locale-provider=icu',
    '--icu-locale=sv-SE',
    '--locale=C',
    '--no-sync',
  ]);
}

async function startCluster(
  osUser: OsUser,
  clusterDir: string,
  logFile: string,
  port: number,
): Promise<void> {
  await startPostgresOnLoopback({
    osUser,
    pgCtl: path.join(BIN_DIR, 'pg_ctl'),
    clusterDir,
    logFile,
    port,
    // Test data is thrown away afterwards; durability would only slow the run.
    settings: ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'],
  });
}

function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    // Pass Ctrl-C on to the command and still stop the cluster afterwards.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`Kunde inte köra ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** A program of Debian's PostgreSQL 15, run as the server's account. */
function runPg15(osUser: OsUser, program: string, args: string[]) {
  return runAs(osUser, path.join(BIN_DIR, program), args);
}

process.exitCode = await main();

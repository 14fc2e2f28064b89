import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { childEnv, ROOT } from './run-script.ts';

export type AppProcess = {
  child: ChildProcess;
  /** Everything the app wrote to stdout and stderr so far. */
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Starts `node --import tsx src/server.ts` as `npm start` does. */
export function startApp(
  env: Record<string, string>,
  options: { as?: { uid: number; gid: number } } = {},
): AppProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    // As another account (as root only): its own uid and gid, and a home it may write to.
    ...(options.as ? { uid: options.as.uid, gid: options.as.gid } : {}),
    env: childEnv({ LOG_LEVEL: 'warn', ...(options.as ? { HOME: os.tmpdir() } : {}), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return { child, output: collectOutput(child), exited };
}

/** Everything a child process writes to stdout and stderr, as it comes. */
export function collectOutput(child: ChildProcess): () => string {
  let output = '';
  const keep = (chunk: Buffer | string) => {
    output += chunk;
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output;
}

/** Polls until the app answers any HTTP request; fails early if it exits. */
export async function waitUntilServing(app: AppProcess, port: number, timeoutMs = 60_000): Promise<void> {
  let exited = false;
  void app.exited.then(() => {
    exited = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The app exited before serving:\n${app.output()}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`The app did not answer within ${timeoutMs} ms:\n${app.output()}`);
}

/** The bundled server's URL, from its postmaster.pid (line 4 is the port) and the password file. */
export async function readBundledDatabaseUrl(dataDir: string): Promise<string> {
  const lines = (await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n');
  const password = (await fs.readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim();
  return `postgres://samverkan:${encodeURIComponent(password)}@127.0.0.1:${lines[3]}/samverkan`;
}

/** The postmaster's pid while one runs for this data directory. */
export async function readPostmasterPid(dataDir: string): Promise<number | undefined> {
  const text = await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  return pid && isAlive(pid) ? pid : undefined;
}

/** A zombie (exited, not yet reaped by init) counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  let stat = '';
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    // No /proc (macOS): trust kill(0).
  }
  return !/^\d+ \(.*\) Z/.test(stat);
}

/** Waits until the process is gone; false if it is still there after the timeout. */
export async function waitUntilGone(pid: number, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

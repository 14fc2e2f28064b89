import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type ScriptResult = { code: number; stdout: string; stderr: string };

/** Runs `node --import tsx <script> …args` from the repository root, as `npm run` would. */
export function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<ScriptResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      { cwd: ROOT, env: childEnv(env), timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Vite puts BASE_URL, MODE and friends into process.env; a child app would read BASE_URL as its own. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [
    'BASE_URL',
    'MODE',
    'DEV',
    'PROD',
    'SSR',
    'LOG_LEVEL',
    'DATABASE_URL',
    'DATA_DIR',
    'PORT',
  ]) {
    delete env[key];
  }
  return { ...env, ...extra };
}

import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from './app-server.ts';
import { buildCrawl, CRAWL_SERVER_ENV, fetchTarget } from './routes.ts';

const VNU_JAR = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar');

type VnuMessage = {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
};

let server: AppServer;
let directory: string;

beforeAll(async () => {
  server = await startAppServer({ env: CRAWL_SERVER_ENV });
  directory = await fs.mkdtemp(path.join(os.tmpdir(), 'samverkan-vnu-'));
});

afterAll(async () => {
  await server?.stop();
  if (directory) await fs.rm(directory, { recursive: true, force: true });
});

describe('every page in the crawl', () => {
  it('is valid HTML to the Nu Html Checker', async () => {
    const crawl = await buildCrawl(server.baseUrl, server.database, server.devMailKey);
    /** File → what it holds, to name the page in a failure. */
    const files = new Map<string, string>();
    await Promise.all(
      crawl.map(async (target, index) => {
        const response = await fetchTarget(server.baseUrl, target);
        expect(response.status, target.name).toBe(target.status);
        const file = path.join(directory, `${String(index).padStart(3, '0')}-${slugify(target.name)}.html`);
        await fs.writeFile(file, await response.text());
        files.set(file, target.form ? `POST ${target.form.action} from ${target.url}` : target.url);
      }),
    );
    // A page that is known to be invalid goes along, to show the checker really finds errors.
    const knownBad = path.join(directory, 'known-bad.html');
    await fs.writeFile(
      knownBad,
      '<!DOCTYPE html><html lang="sv"><title>x</title><span><div>x</div></span></html>',
    );

    // One JVM for every page: starting Java is most of the cost of a check.
    const messages = await runVnu([...files.keys(), knownBad]);
    const fileOf = (message: VnuMessage) => (message.url ? fileURLToPath(message.url) : '(no file)');
    expect(
      messages.filter((message) => fileOf(message) === knownBad && message.type === 'error'),
    ).not.toEqual([]);
    const problems = messages
      .filter((message) => message.type !== 'info' && fileOf(message) !== knownBad)
      .map((message) => {
        const page = files.get(fileOf(message)) ?? fileOf(message);
        const where = message.lastLine ? `:${message.lastLine}:${message.firstColumn ?? 0}` : '';
        return `${page}${where} ${message.type}: ${message.message}${message.extract ? `\n    ${message.extract}` : ''}`;
      });
    expect(problems, `the Nu Html Checker found:\n${problems.join('\n')}`).toEqual([]);
  });
});

async function runVnu(files: string[]): Promise<VnuMessage[]> {
  // C1-only JIT: a short run never pays back C2's compile time (2.3 s instead of 6.8 s for 67 pages);
  // it needs a deeper stack for the HTML schema. vnu exits 1 when it finds errors; stdout has the JSON.
  const args = [
    '-Xss16m',
    '-XX:TieredStopAtLevel=1',
    '-jar',
    VNU_JAR,
    '--format',
    'json',
    '--stdout',
    ...files,
  ];
  const { stdout } = await promisify(execFile)('java', args, { maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout?: string; stderr?: string; message: string }) => {
      if (error.stdout) return { stdout: error.stdout };
      throw new Error(`vnu did not run: ${error.stderr || error.message}`);
    },
  );
  return (JSON.parse(stdout) as { messages: VnuMessage[] }).messages;
}

function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

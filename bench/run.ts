import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { seedDatabase } from '../seeds/apply-seed.ts';
import { createApp } from '../src/app.tsx';
import { createAppDeps } from '../src/app-deps.ts';
import { loadConfig } from '../src/config.ts';
import { connectToDatabase } from '../src/db/client.ts';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { findFreePort } from '../src/db/postgres-process.ts';
import { recordAnswer } from '../src/features/feedback/feedback.service.ts';
import { createRateLimiter } from '../src/features/rate-limits/rate-limits.service.ts';
import { systemClock } from '../src/lib/clock.ts';
import { harvestRegister, timeFiles } from './api.ts';
import {
  CAPACITY_SIZE,
  CAPACITY_TARGET_P99_MS,
  capacityLatency,
  generateCapacity,
  prepareCapacityViewer,
} from './capacity.ts';
import { type DatasetCounts, generateDataset } from './dataset.ts';
import { prepareEditor, startEditing } from './editor.ts';
import { GOAL_FIGURES_TARGET_MS, GOAL_SIZE, generateGoalData, goalFiguresLatency } from './goals.ts';
import {
  appPids,
  type CpuSnapshot,
  childCpuSecondsFromStat,
  coreBusy,
  coreSnapshot,
  cpuSecondsBetween,
  cpuSnapshot,
  cpusAllowed,
  isAlive,
  type Memory,
  memoryOf,
  postgresPids,
  postmasterPid,
  postmastersFor,
  processTree,
} from './procs.ts';
import type { CapturedPage } from './raw-server.ts';

/**
 * `npm run bench`: the app on the bundled database with a realistic data set, against a raw node:http
 * server that returns the same bytes from memory. See bench/README.md for what is measured and how.
 * Settings (environment): BENCH_DURATION (s, default 10), BENCH_WARMUP (s, 2), BENCH_CONNECTIONS (50),
 * BENCH_PAGES (comma-separated paths), BENCH_SEARCHES (200), BENCH_SETTLE (s, 31; 0 skips the settled-idle
 * memory reading), BENCH_KEEP=1 keeps the temporary directory,
 * BENCH_CPU_PROF=<dir> runs the app with --cpu-prof into that directory.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const CANNON = path.join(ROOT, 'bench', 'cannon.mjs');

const settings = {
  duration: Number(process.env.BENCH_DURATION ?? 10),
  warmup: Number(process.env.BENCH_WARMUP ?? 2),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  pages: (process.env.BENCH_PAGES ?? '/,/larosaten,/sok?q=forskning,/avtal,/mal').split(',').filter(Boolean),
  /** Open API lists (issue 12), measured as the pages are but against their own p99 target. */
  apiPages: (process.env.BENCH_API_PAGES ?? '/api/v1/activities,/api/v1/agreements?status=active')
    .split(',')
    .filter(Boolean),
  searches: Number(process.env.BENCH_SEARCHES ?? 200),
  /** After the load: wait past the pool's 30 s idle timeout and measure memory again (0 skips). */
  settleSeconds: Number(process.env.BENCH_SETTLE ?? 31),
  keep: process.env.BENCH_KEEP === '1',
  cpuProfDir: process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined,
};

/** The organisation the background editor changes (a demo unit in the seeded data). */
const EDITED_ORGANISATION = 'ekdalsskolan';

const TARGETS = { ratio: 0.3, p99Ms: 50, firstResponseS: 3, idleRssMb: 300, junkRatio: 0.9, apiP99Ms: 20 };

/** Varied search terms: common and rare words, stems, missing accents, phrases, nothing found, page 2. */
const SEARCH_TERMS = [
  'forskning',
  'forskning&sida=2',
  'förskola',
  'forskola',
  'skolan',
  'äldreomsorg',
  'aldreomsorg',
  'demensvård',
  'hemtjänsten',
  'kompetensförsörjning',
  'rekrytering av lärare',
  'handledning studenter',
  'Flemingsberg',
  'Segeltorp',
  'Skogås',
  'Södertörns högskola',
  'sodertorn',
  'Karolinska',
  'KTH',
  'VFU',
  'ULF',
  'examensarbete',
  'masteruppsats',
  'seminarium',
  'klimatanpassning',
  'dagvatten',
  '"psykisk hälsa"',
  'våld i nära relationer',
  'artificiell intelligens',
  'digitalisering',
  'medborgardialog',
  'skolnärvaro',
  'matematik',
  'läsförståelse',
  'integration',
  'arbetsgrupp',
  'nätverk',
  'samverkansavtal',
  'KS-2021',
  'xylofonorkester',
];

type CannonResult = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  throughput: { average: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
};

type PageRun = {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  requests: number;
  errors: number;
  non2xx: number;
  cpuMsPerRequest: number;
  nodeCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
  serverCoreBusy: number;
  loadCoreBusy: number;
  loadToolCpuShare: number;
  otherProcessesServerCore: number;
  otherProcessesLoadCore: number;
};

type PageResult = {
  path: string;
  bytes: number;
  queriesPerRequest: number;
  sequentialMs: number;
  app: PageRun;
  raw: PageRun;
  ratio: number;
  /** The app again, with a new junk query string on every request (`?x=<random>`). */
  junk: PageRun;
  /** junk req/s over plain app req/s: junk must be served from the page cache like the page itself. */
  junkRatio: number;
  pass: { ratio: boolean; p99: boolean; junk: boolean };
};

/** An open API list under load: app against the raw server; the issue's target is p99 < 20 ms. */
type ApiListResult = {
  path: string;
  app: PageRun;
  raw: PageRun;
  /** The app while an editor's save empties the cache every second. */
  underEdits: PageRun;
  ratio: number;
  pass: boolean;
};

// ---------------------------------------------------------------------------------------------------
// Processes we start, so that they can all be stopped on success, error or Ctrl-C.

const children = new Set<ChildProcess>();
let embedded: EmbeddedPostgres | undefined;
let clusterDir: string | undefined;
let tmpDir: string | undefined;
let cleaningUp: Promise<void> | undefined;
let interrupted = false;

const canPin = (() => {
  if (os.cpus().length < 2) return false;
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function pinned(core: number, args: string[]): [string, string[]] {
  return canPin ? ['taskset', ['-c', String(core), ...args]] : [args[0] as string, args.slice(1)];
}

function start(core: number, args: string[], env: NodeJS.ProcessEnv = process.env) {
  if (interrupted) throw new Error('interrupted');
  const [command, rest] = pinned(core, args);
  // Its own process group, so that stopping it also stops what it started (autocannon under its shell,
  // tsx's esbuild service), and so that Ctrl-C reaches only us: we stop the children in order.
  const child = spawn(command, rest, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return { child, exited, output: () => output };
}

/** Signals a child's whole process group (see `start`). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  signalGroup(child, 'SIGTERM');
  const done = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
  if (!done) {
    signalGroup(child, 'SIGKILL');
    await exited;
  }
}

/**
 * Stops our PostgreSQL server however it was left. After an interruption the app may have been stopped
 * while it was starting the server, so keep looking for a few seconds.
 */
async function stopPostgres(lookForMs = 0) {
  if (embedded) await embedded.stop().catch(() => undefined);
  embedded = undefined;
  if (!clusterDir) return;
  const cluster = clusterDir;
  const deadline = performance.now() + lookForMs;
  do {
    const pids = [...new Set([postmasterPid(cluster), ...postmastersFor(cluster)])].filter(
      (pid): pid is number => pid !== undefined,
    );
    for (const pid of pids) process.kill(pid, 'SIGINT'); // fast shutdown
    for (let i = 0; i < 200 && pids.some(isAlive); i += 1) await sleep(50);
    for (const pid of pids.filter(isAlive)) process.kill(pid, 'SIGQUIT');
    if (performance.now() < deadline) await sleep(250);
  } while (performance.now() < deadline);
}

function cleanup(): Promise<void> {
  cleaningUp ??= (async () => {
    await Promise.all(
      [...children].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 15_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            signalGroup(child, 'SIGTERM');
          }),
      ),
    );
    await stopPostgres(interrupted ? 3_000 : 0);
    if (tmpDir && !settings.keep)
      await fs.rm(tmpDir, { recursive: true, force: true }).catch(() => undefined);
  })();
  return cleaningUp;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the app, PostgreSQL and the load tool …`);
    void cleanup().then(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------
// Small helpers.

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function log(message: string) {
  process.stderr.write(`[bench] ${message}\n`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function get(
  url: string,
  agent?: http.Agent,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: agent ?? false, timeout: 10_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

// ---------------------------------------------------------------------------------------------------
// Phases.

/** Bundled server in-process: migrate, seed, add the volume, count queries per page, stop. */
async function prepareData(dataDir: string) {
  const logger = pino({ level: 'error' });
  embedded = await startEmbeddedPostgres({ dataDir, logger });
  const database = connectToDatabase(embedded.url, logger);
  try {
    await migrateDatabase(database.db);
    await seedDatabase(database.db, { demo: true });
    const started = performance.now();
    const counts = await generateDataset(embedded.url);
    Object.assign(counts, await generateCapacity(embedded.url));
    Object.assign(counts, await generateGoalData(embedded.url));
    log(`data set generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const perPage = await profilePagesInProcess(database, dataDir);
    log('goal figures: uncached builds of the figures on /mal');
    const goalFigures = await goalFiguresLatency(database.db);
    log('rate-limit check against the feedback insert it guards');
    const rateLimit = await measureRateLimitCheck(database);
    const editor = await prepareEditor(database.db, EDITED_ORGANISATION);
    const capacityViewer = await prepareCapacityViewer(database.db, embedded.url);
    return { counts, perPage, rateLimit, editor, capacityViewer, goalFigures };
  } finally {
    await database.close();
    await embedded.stop();
    embedded = undefined;
  }
}

/**
 * Queries per request (every pool.query call) and sequential time per request, with the app built
 * in-process on the same database. Explains where the time goes; not the load test.
 */
async function profilePagesInProcess(database: ReturnType<typeof connectToDatabase>, dataDir: string) {
  const pool = database.pool as unknown as { query: (...args: unknown[]) => unknown };
  const original = pool.query.bind(pool);
  let queries = 0;
  pool.query = (...args: unknown[]) => {
    queries += 1;
    return original(...args);
  };
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'production' });
  const app = createApp(
    createAppDeps({ db: database.db, config, clock: systemClock, logger: pino({ level: 'silent' }) }),
  );
  const result: Record<string, { queriesPerRequest: number; sequentialMs: number }> = {};
  for (const page of settings.pages) {
    for (let i = 0; i < 5; i += 1) await (await app.request(page)).arrayBuffer();
    const rounds = 20;
    queries = 0;
    const started = performance.now();
    for (let i = 0; i < rounds; i += 1) await (await app.request(page)).arrayBuffer();
    result[page] = {
      queriesPerRequest: queries / rounds,
      sequentialMs: Math.round(((performance.now() - started) / rounds) * 100) / 100,
    };
  }
  return result;
}

/**
 * What a rate-limit check costs now that it is counted in PostgreSQL (one upsert, decision 010), beside
 * the write it guards (one page-feedback insert), each timed one at a time on the same connection pool;
 * then checks from 20 concurrent callers, as under load. Keys are 1,000 made-up addresses.
 */
async function measureRateLimitCheck(database: ReturnType<typeof connectToDatabase>) {
  const deps = { db: database.db, clock: systemClock };
  const limiter = createRateLimiter(deps, { scope: 'bench', limit: 1_000_000, windowMs: 3_600_000 });
  const address = (i: number) => `198.51.${Math.floor(i / 250) % 4}.${i % 250}`;
  const timeEach = async (rounds: number, work: (i: number) => Promise<unknown>) => {
    const timings: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      const started = performance.now();
      await work(i);
      timings.push((performance.now() - started) * 1000);
    }
    timings.sort((a, b) => a - b);
    return { p50Us: round(percentile(timings, 50), 0), p99Us: round(percentile(timings, 99), 0) };
  };
  await timeEach(200, (i) => limiter.hit(address(i))); // warm-up: salt, prepared plans, pool
  const check = await timeEach(2_000, (i) => limiter.hit(address(i)));
  const insert = await timeEach(2_000, () => recordAnswer(deps, { pagePath: '/', helpful: true }));
  const concurrentChecks = 4_000;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < concurrentChecks) await limiter.hit(address(next++));
    }),
  );
  const checksPerSecond = round(concurrentChecks / ((performance.now() - started) / 1000), 0);
  return { check, feedbackInsert: insert, ratioP50: round(check.p50Us / insert.p50Us, 2), checksPerSecond };
}

async function startApp(dataDir: string, port: number) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    // Production serves only BASE_URL's host name; the load tool asks for 127.0.0.1.
    BASE_URL: `http://127.0.0.1:${port}`,
    DEMO_DATA: 'true',
    // The load tool is one client address: the open API's per-client limit would be all it measured.
    API_RATE_LIMIT: '1000000',
  };
  delete env.DATABASE_URL;
  const profile = settings.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.cpuProfDir}`] : [];
  const spawnedAt = performance.now();
  const app = start(0, [process.execPath, ...profile, '--import', 'tsx', 'src/server.ts'], env);
  const deadline = spawnedAt + 60_000;
  for (;;) {
    if (app.child.exitCode !== null)
      throw new Error(`the app exited (${app.child.exitCode}):\n${app.output()}`);
    if (performance.now() > deadline) throw new Error(`no 200 on / within 60 s:\n${app.output()}`);
    const status = await get(`http://127.0.0.1:${port}/`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) break;
    await sleep(20);
  }
  return { ...app, firstResponseS: (performance.now() - spawnedAt) / 1000 };
}

async function startRawServer(pagesFile: string, port: number) {
  const raw = start(0, [process.execPath, '--import', 'tsx', 'bench/raw-server.ts', pagesFile, String(port)]);
  const deadline = performance.now() + 30_000;
  while (!raw.output().includes('ready')) {
    if (raw.child.exitCode !== null || performance.now() > deadline)
      throw new Error(`raw server: ${raw.output()}`);
    await sleep(20);
  }
  return raw;
}

/** One autocannon run on the load-tool core; its CPU time comes from the waiting shell's cutime/cstime. */
async function autocannon(
  url: string,
  seconds: number,
  newIdPerRequest = false,
): Promise<CannonResult & { cpuSeconds: number }> {
  const script = 'node "$0" "$@"; code=$?; cat /proc/$$/stat >&2; exit $code';
  const run = start(1, [
    'sh',
    '-c',
    script.replace('node', process.execPath),
    CANNON,
    url,
    String(settings.connections),
    String(seconds),
    // A fresh random id in place of [<id>] on every request (the junk query string).
    ...(newIdPerRequest ? ['new-id'] : []),
  ]);
  let stdout = '';
  let stderr = '';
  run.child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  run.child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await run.exited;
  if (code !== 0) throw new Error(`autocannon failed (${code}): ${run.output()}`);
  const statLine = stderr.split('\n').findLast((line) => /^\d+ \(/.test(line)) ?? '';
  return {
    ...(JSON.parse(stdout.slice(stdout.indexOf('{'))) as CannonResult),
    cpuSeconds: childCpuSecondsFromStat(statLine),
  };
}

async function loadTest(
  url: string,
  pids: () => number[],
  nodePids: () => number[],
  reaper?: number,
  newIdPerRequest = false,
): Promise<PageRun> {
  await autocannon(url, settings.warmup, newIdPerRequest);
  const cpuBefore: CpuSnapshot = cpuSnapshot(pids(), reaper);
  const coresBefore = coreSnapshot();
  const startedAt = performance.now();
  const result = await autocannon(url, settings.duration, newIdPerRequest);
  const cpuAfter = cpuSnapshot(pids(), reaper);
  const coresAfter = coreSnapshot();
  const elapsed = (performance.now() - startedAt) / 1000;
  const busy = coreBusy(coresBefore, coresAfter);
  const requests = result.requests.total;
  const cpuS = cpuSecondsBetween(cpuBefore, cpuAfter);
  const node = new Set(nodePids());
  const nodeS = cpuSecondsBetween(cpuBefore, cpuAfter, (pid) => node.has(pid));
  const perRequest = (seconds: number) => (requests > 0 ? round((seconds * 1000) / requests, 3) : Number.NaN);
  // CPU time that other processes on the machine took from the two cores during the run (cores × s).
  const otherServerCore = canPin ? Math.max(0, (busy[0] ?? 0) * elapsed - cpuS) / elapsed : Number.NaN;
  const otherLoadCore = canPin
    ? Math.max(0, (busy[1] ?? 0) * elapsed - result.cpuSeconds) / elapsed
    : Number.NaN;
  return {
    reqPerSec: round(result['2xx'] / result.duration, 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: round(result.latency.average, 2),
    maxMs: result.latency.max,
    requests,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuMsPerRequest: perRequest(cpuS),
    nodeCpuMsPerRequest: perRequest(nodeS),
    postgresCpuMsPerRequest: perRequest(cpuS - nodeS),
    serverCoreBusy: round(busy[0] ?? 0, 2),
    loadCoreBusy: round(busy[1] ?? 0, 2),
    loadToolCpuShare: round(result.cpuSeconds / elapsed, 2),
    otherProcessesServerCore: round(otherServerCore, 2),
    otherProcessesLoadCore: round(otherLoadCore, 2),
  };
}

/**
 * Distinct search URLs, so that none is answered from the app's page cache: each term alone, with a
 * place, on page 2, and with one or two extra words.
 */
function searchUrls(count: number): string[] {
  const variants = [
    (term: string) => `q=${encodeURIComponent(term)}`,
    (term: string, i: number) =>
      `q=${encodeURIComponent(`${term} ${PLACES_FOR_SEARCH[i % PLACES_FOR_SEARCH.length]}`)}`,
    (term: string) => `q=${encodeURIComponent(term)}&sida=2`,
    (term: string) => `q=${encodeURIComponent(`${term} projekt`)}`,
    (term: string) => `q=${encodeURIComponent(`${term} samverkan kommunen`)}`,
  ];
  const urls = new Set<string>();
  for (let i = 0; urls.size < count && i < count * 4; i += 1) {
    const term = SEARCH_TERMS[i % SEARCH_TERMS.length] as string;
    const lap = Math.floor(i / SEARCH_TERMS.length);
    const variant = variants[lap % variants.length] as (term: string, i: number) => string;
    const suffix = lap >= variants.length ? `&sida=${2 + Math.floor(lap / variants.length)}` : '';
    const url = `/sok?${variant(term, i)}${suffix}`;
    // The load-tested pages were fetched already and may sit in the page cache.
    if (!settings.pages.includes(url)) urls.add(url);
  }
  return [...urls];
}

const PLACES_FOR_SEARCH = ['Flemingsberg', 'Segeltorp', 'Skogås', 'Vårby', 'Stuvsta'];

async function searchLatency(port: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const timings: number[] = [];
  const urls = searchUrls(settings.searches);
  let cacheHits = 0;
  try {
    for (const target of urls) {
      const started = performance.now();
      const response = await get(`http://127.0.0.1:${port}${target}`, agent);
      timings.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`search ${target} answered ${response.status}`);
      if (response.headers['x-cache'] === 'hit') cacheHits += 1;
    }
  } finally {
    agent.destroy();
  }
  timings.sort((a, b) => a - b);
  return {
    searches: timings.length,
    distinctQueries: urls.length,
    cacheHits,
    p50Ms: round(percentile(timings, 50), 1),
    p95Ms: round(percentile(timings, 95), 1),
    maxMs: round(timings.at(-1) ?? Number.NaN, 1),
  };
}

function round(value: number, digits: number) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

// ---------------------------------------------------------------------------------------------------
// Report.

function pass(ok: boolean) {
  return ok ? 'PASS' : 'FAIL';
}

function printReport(report: {
  environment: Record<string, unknown>;
  dataset: DatasetCounts;
  firstResponseS: number;
  idleMemory: Memory;
  memoryAfterLoad: Memory;
  settledMemory: Memory | null;
  pages: PageResult[];
  search: Awaited<ReturnType<typeof searchLatency>>;
  capacity: Awaited<ReturnType<typeof capacityLatency>>;
  goalFigures: Awaited<ReturnType<typeof goalFiguresLatency>>;
  rateLimit: Awaited<ReturnType<typeof measureRateLimitCheck>>;
  editing: { saves: number; failures: number; p50Ms: number; p99Ms: number };
  apiLists: ApiListResult[];
  harvest: Awaited<ReturnType<typeof harvestRegister>>;
  files: Awaited<ReturnType<typeof timeFiles>>;
}) {
  const { environment: env } = report;
  const out: string[] = [];
  out.push('');
  out.push(
    `Samverkan bench — ${env.cpus} cores, Node ${env.node}, ${settings.connections} connections, ` +
      `${settings.duration} s per run after ${settings.warmup} s warm-up, ${env.pinning}`,
  );
  out.push(
    `Data: ${Object.entries(report.dataset)
      .map(([table, n]) => `${table} ${n}`)
      .join(', ')}`,
  );
  out.push('');
  const mem = report.idleMemory;
  out.push(
    `First response (existing data dir, spawn → 200 on /): ${report.firstResponseS.toFixed(2)} s   ` +
      `target < ${TARGETS.firstResponseS} s   ${pass(report.firstResponseS < TARGETS.firstResponseS)}`,
  );
  out.push(
    `Memory 2 s after the first response (RSS sum): ${mem.rssMb} MB = node ${mem.nodeRssMb} + postgres ${mem.postgresRssMb} ` +
      `(${mem.postgresProcesses} processes, start-up connections still open); PSS ${mem.pssMb} MB`,
  );
  out.push(
    `Memory after load (RSS sum): ${report.memoryAfterLoad.rssMb} MB (node ${report.memoryAfterLoad.nodeRssMb}, ` +
      `${report.memoryAfterLoad.postgresProcesses} postgres processes); PSS ${report.memoryAfterLoad.pssMb} MB`,
  );
  if (report.settledMemory) {
    const settled = report.settledMemory;
    // Idle means no requests for longer than the pool keeps unused connections (30 s).
    out.push(
      `Idle memory, ${settings.settleSeconds} s without requests (RSS sum): ${settled.rssMb} MB = node ${settled.nodeRssMb} + ` +
        `postgres ${settled.postgresRssMb} (${settled.postgresProcesses} processes); PSS ${settled.pssMb} MB   ` +
        `target < ${TARGETS.idleRssMb} MB   ${pass(settled.rssMb < TARGETS.idleRssMb)}`,
    );
  }
  out.push('');
  const header = [
    'page'.padEnd(18),
    'bytes'.padStart(7),
    'app req/s'.padStart(10),
    'raw req/s'.padStart(10),
    'ratio'.padStart(6),
    'app p50'.padStart(8),
    'app p99'.padStart(8),
    'raw p50'.padStart(8),
    'raw p99'.padStart(8),
    'app CPU/req (node+pg)'.padStart(23),
    'raw CPU/req'.padStart(12),
    'q/req'.padStart(6),
    'seq ms'.padStart(7),
    '  ratio≥0.3  p99<50ms',
  ];
  out.push(header.join(' '));
  out.push('-'.repeat(header.join(' ').length));
  for (const page of report.pages) {
    const { app, raw } = page;
    out.push(
      [
        page.path.padEnd(18),
        String(page.bytes).padStart(7),
        app.reqPerSec.toFixed(0).padStart(10),
        raw.reqPerSec.toFixed(0).padStart(10),
        page.ratio.toFixed(3).padStart(6),
        `${app.p50Ms} ms`.padStart(8),
        `${app.p99Ms} ms`.padStart(8),
        `${raw.p50Ms} ms`.padStart(8),
        `${raw.p99Ms} ms`.padStart(8),
        `${app.cpuMsPerRequest.toFixed(2)} (${app.nodeCpuMsPerRequest.toFixed(2)}+${app.postgresCpuMsPerRequest.toFixed(2)}) ms`.padStart(
          23,
        ),
        `${raw.cpuMsPerRequest.toFixed(3)} ms`.padStart(12),
        String(page.queriesPerRequest).padStart(6),
        page.sequentialMs.toFixed(1).padStart(7),
        `  ${pass(page.pass.ratio).padEnd(10)} ${pass(page.pass.p99)}`,
      ].join(' '),
    );
  }
  out.push('');
  for (const page of report.pages) {
    out.push(
      `Junk query string on every request, ${page.path}: ${page.junk.reqPerSec.toFixed(0)} req/s, ` +
        `p99 ${page.junk.p99Ms} ms, non-2xx ${page.junk.non2xx} = ${page.junkRatio.toFixed(3)} of the plain page   ` +
        `target ≥ ${TARGETS.junkRatio}   ${pass(page.pass.junk)}`,
    );
  }
  out.push('');
  for (const list of report.apiLists) {
    const { app, raw } = list;
    out.push(
      `Open API ${list.path} (cached list): app ${app.reqPerSec.toFixed(0)} req/s, raw ${raw.reqPerSec.toFixed(0)} req/s, ` +
        `ratio ${list.ratio.toFixed(3)}; app p50 ${app.p50Ms} ms, p99 ${app.p99Ms} ms; raw p99 ${raw.p99Ms} ms; ` +
        `non-2xx ${app.non2xx}   target p99 < ${TARGETS.apiP99Ms} ms   ${pass(list.pass)}`,
    );
    out.push(
      `  the same while an editor saves every second (each save empties the cache): ` +
        `${list.underEdits.reqPerSec.toFixed(0)} req/s, p50 ${list.underEdits.p50Ms} ms, p99 ${list.underEdits.p99Ms} ms`,
    );
  }
  const harvest = report.harvest;
  out.push(
    `Harvest of the whole register through the API (every resource, pages of 100, one request at a time, ` +
      `the editor emptying the cache each second): ${harvest.seconds} s for ${harvest.requests} requests, ` +
      `${harvest.items} items, ${(harvest.bytes / 1024 / 1024).toFixed(1)} MB; one page p50 ${harvest.p50Ms} ms, ` +
      `p99 ${harvest.p99Ms} ms (${Object.entries(harvest.perResource)
        .map(([name, counts]) => `${name} ${counts.items}`)
        .join(', ')})`,
  );
  for (const file of report.files) {
    out.push(
      `${file.path} (${(file.bytes / 1024).toFixed(0)} KB): built after a change ${file.builtMs} ms, ` +
        `then from the cache ${file.cachedMs} ms`,
    );
  }
  out.push('');
  const edit = report.editing;
  out.push(
    `Edits during the load (one save a second, each emptying the page cache): ${edit.saves} saves, ` +
      `${edit.failures} failed; one edit request p50 ${edit.p50Ms} ms, p99 ${edit.p99Ms} ms`,
  );
  const limit = report.rateLimit;
  out.push(
    `Rate-limit check (PostgreSQL upsert), one at a time: p50 ${limit.check.p50Us} µs, p99 ${limit.check.p99Us} µs; ` +
      `the feedback insert it guards: p50 ${limit.feedbackInsert.p50Us} µs, p99 ${limit.feedbackInsert.p99Us} µs ` +
      `(check/insert ${limit.ratioP50}); ${limit.checksPerSecond} checks/s from 20 concurrent callers`,
  );
  out.push('');
  out.push(
    'Load tool (core 1) CPU share, app / raw run: ' +
      report.pages
        .map((page) => `${page.path} ${pct(page.app.loadToolCpuShare)} / ${pct(page.raw.loadToolCpuShare)}`)
        .join('; '),
  );
  const busiest = Math.max(
    ...report.pages.flatMap((page) =>
      [page.app, page.raw].flatMap((run) => [run.otherProcessesServerCore, run.otherProcessesLoadCore]),
    ),
  );
  out.push(
    `Other processes on the machine took up to ${pct(busiest)} of a core during a run` +
      (busiest > 0.1 ? ' — WARNING: the machine was not quiet; absolute figures are depressed.' : '.'),
  );
  const failures = report.pages.flatMap((page) =>
    [page.app, page.raw].filter((run) => run.errors + run.non2xx > 0).map(() => page.path),
  );
  if (failures.length > 0)
    out.push(`WARNING: errors or non-2xx answers during load on ${failures.join(', ')}`);
  const capacity = report.capacity;
  for (const kind of ['filtered', 'unfiltered'] as const) {
    const run = capacity[kind];
    out.push(
      `Capacity list ${capacity.term}, ${kind} (signed in, ${CAPACITY_SIZE.units} units × ${CAPACITY_SIZE.kinds} kinds, ` +
        `${CAPACITY_SIZE.requests} requests; ${run.requests} requests one at a time, ~${run.rowsPerPage} rows a page): ` +
        `p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, max ${run.maxMs} ms` +
        (kind === 'filtered'
          ? `   target p99 < ${CAPACITY_TARGET_P99_MS} ms   ${pass(run.p99Ms < CAPACITY_TARGET_P99_MS)}`
          : ''),
    );
  }
  const goals = report.goalFigures;
  out.push(
    `Goal figures (loadGoalFigures, all computed indicators, uncached, ${goals.rounds} builds one at a time; ` +
      `${GOAL_SIZE.activitiesInFiveYears} activities in the five years shown): median ${goals.medianMs} ms, ` +
      `p90 ${goals.p90Ms} ms, max ${goals.maxMs} ms   target median < ${GOAL_FIGURES_TARGET_MS} ms   ` +
      `${pass(goals.medianMs < GOAL_FIGURES_TARGET_MS)}`,
  );
  const s = report.search;
  out.push(
    `Search at scale: ${s.searches} sequential searches, ${s.distinctQueries} distinct queries ` +
      `(${s.cacheHits} answered from the page cache): p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms, max ${s.maxMs} ms`,
  );
  out.push(
    'q/req and seq ms: database queries and time per request WITHOUT the page cache, one request at a time, ' +
      'app built in-process on the same data (no HTTP).',
  );
  console.log(out.join('\n'));
}

function pct(value: number) {
  return `${Math.round(value * 100)}%`;
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  const startedAt = new Date();
  const began = performance.now();
  if (canPin) execFileSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
  else log('taskset not available or fewer than 2 cores: processes are not pinned');

  tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), 'samverkan-bench-'));
  await fs.chmod(tmpDir, 0o755); // PostgreSQL runs as an unprivileged user when we are root
  const dataDir = path.join(tmpDir, 'data');
  clusterDir = path.join(dataDir, 'pg');

  log(`preparing the data set in ${dataDir}`);
  const { counts, perPage, rateLimit, editor, capacityViewer, goalFigures } = await prepareData(dataDir);

  log('starting the app on the existing data directory');
  const port = await findFreePort();
  const app = await startApp(dataDir, port);
  const nodePid = app.child.pid as number;
  log(`first 200 on / after ${app.firstResponseS.toFixed(2)} s`);
  await sleep(2_000);
  const idleMemory = memoryOf(nodePid, clusterDir);
  const cluster = clusterDir;
  const postmaster = postmasterPid(cluster);

  log('capturing the pages for the raw server');
  const captured: CapturedPage[] = [];
  for (const page of [...settings.pages, ...settings.apiPages]) {
    // The second answer, as under load: served from the app's page cache when it has one.
    await get(`http://127.0.0.1:${port}${page}`);
    const response = await get(`http://127.0.0.1:${port}${page}`);
    if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name))
        continue;
      if (typeof value === 'string') headers[name] = value;
    }
    captured.push({ path: page, status: response.status, headers, body: response.body.toString('base64') });
  }
  const pagesFile = path.join(tmpDir, 'pages.json');
  await fs.writeFile(pagesFile, JSON.stringify(captured));
  const rawPort = await findFreePort();
  const raw = await startRawServer(pagesFile, rawPort);
  const rawPid = raw.child.pid as number;

  log(`search latency: ${settings.searches} sequential searches`);
  const search = await searchLatency(port);
  log('capacity list (signed in): filtered and unfiltered, one request at a time');
  const capacity = await capacityLatency(port, capacityViewer);

  // An editor saves a change once a second through the whole load: every save empties the page cache
  // (issue 8: the lines must hold with edits running), and each save's time is the cost of an edit.
  log('an editor saves a change once a second from now on');
  const editing = startEditing(port, editor);
  const pages: PageResult[] = [];
  for (const page of settings.pages) {
    log(`load ${page}: app`);
    const appRun = await loadTest(
      `http://127.0.0.1:${port}${page}`,
      () => appPids(nodePid, cluster),
      () => processTree(nodePid),
      postmaster,
    );
    log(`load ${page}: raw`);
    const rawRun = await loadTest(
      `http://127.0.0.1:${rawPort}${page}`,
      () => processTree(rawPid),
      () => processTree(rawPid),
    );
    log(`load ${page}: app, a new junk query string on every request`);
    const junkRun = await loadTest(
      `http://127.0.0.1:${port}${page}${page.includes('?') ? '&' : '?'}x=[<id>]`,
      () => appPids(nodePid, cluster),
      () => processTree(nodePid),
      postmaster,
      true,
    );
    const ratio = rawRun.reqPerSec > 0 ? round(appRun.reqPerSec / rawRun.reqPerSec, 3) : Number.NaN;
    const junkRatio = appRun.reqPerSec > 0 ? round(junkRun.reqPerSec / appRun.reqPerSec, 3) : Number.NaN;
    pages.push({
      path: page,
      bytes: Buffer.from(captured.find((c) => c.path === page)?.body ?? '', 'base64').length,
      queriesPerRequest: perPage[page]?.queriesPerRequest ?? Number.NaN,
      sequentialMs: perPage[page]?.sequentialMs ?? Number.NaN,
      app: appRun,
      raw: rawRun,
      ratio,
      junk: junkRun,
      junkRatio,
      pass: {
        ratio: ratio >= TARGETS.ratio,
        p99: appRun.p99Ms < TARGETS.p99Ms,
        junk: junkRatio >= TARGETS.junkRatio,
      },
    });
  }
  // The open API's lists: first while the editor still empties the cache every second (each clear means
  // one rebuild that requests wait for), then — the issue's target — as a cached list, with no edits.
  const apiUnderEdits: Record<string, PageRun> = {};
  for (const list of settings.apiPages) {
    log(`load ${list}: app, while the editor saves`);
    apiUnderEdits[list] = await loadTest(
      `http://127.0.0.1:${port}${list}`,
      () => appPids(nodePid, cluster),
      () => processTree(nodePid),
      postmaster,
    );
  }
  log('harvesting the whole register through the open API (every resource, every page of 100)');
  const harvest = await harvestRegister(port);
  log('the catalogue and the largest download, built after a change and then from the cache');
  const files = await timeFiles(port);
  const edits = await editing.stop();
  const apiLists: ApiListResult[] = [];
  for (const list of settings.apiPages) {
    log(`load ${list}: app, cached (no edits)`);
    const appRun = await loadTest(
      `http://127.0.0.1:${port}${list}`,
      () => appPids(nodePid, cluster),
      () => processTree(nodePid),
      postmaster,
    );
    log(`load ${list}: raw`);
    const rawRun = await loadTest(
      `http://127.0.0.1:${rawPort}${list}`,
      () => processTree(rawPid),
      () => processTree(rawPid),
    );
    const ratio = rawRun.reqPerSec > 0 ? round(appRun.reqPerSec / rawRun.reqPerSec, 3) : Number.NaN;
    const underEdits = apiUnderEdits[list] as PageRun;
    apiLists.push({
      path: list,
      app: appRun,
      raw: rawRun,
      underEdits,
      ratio,
      pass: appRun.p99Ms < TARGETS.apiP99Ms,
    });
  }
  const editTimings = [...edits.timings].sort((a, b) => a - b);
  const editing_ = {
    saves: edits.timings.length,
    failures: edits.failures,
    p50Ms: round(percentile(editTimings, 50), 1),
    p99Ms: round(percentile(editTimings, 99), 1),
  };
  const memoryAfterLoad = memoryOf(nodePid, cluster);
  let settledMemory: Memory | undefined;
  if (settings.settleSeconds > 0) {
    log(`waiting ${settings.settleSeconds} s for idle database connections to close`);
    await sleep(settings.settleSeconds * 1000);
    settledMemory = memoryOf(nodePid, cluster);
  }
  const pinning = canPin
    ? `load tool on core 1; app on core ${cpusAllowed(nodePid)}, postgres on core ${postmaster ? cpusAllowed(postmaster) : '?'}, raw server on core ${cpusAllowed(rawPid)}`
    : 'not pinned';

  await stopChild(raw.child, raw.exited);
  await stopChild(app.child, app.exited);
  const leftovers = postgresPids(cluster).length;
  await stopPostgres();

  const report = {
    startedAt: startedAt.toISOString(),
    seconds: round((performance.now() - began) / 1000, 1),
    command: 'npm run bench',
    settings: { ...settings, cpuProfDir: settings.cpuProfDir ?? null },
    targets: TARGETS,
    environment: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '?',
      node: process.version,
      pinning,
      postgresLeftAfterAppStopped: leftovers,
    },
    dataset: counts,
    firstResponseS: round(app.firstResponseS, 3),
    idleMemory,
    memoryAfterLoad,
    settledMemory: settledMemory ?? null,
    search,
    capacity,
    goalFigures,
    rateLimit,
    editing: editing_,
    pages,
    apiLists,
    harvest,
    files,
    pass: {
      firstResponse: app.firstResponseS < TARGETS.firstResponseS,
      idleRss: settledMemory ? settledMemory.rssMb < TARGETS.idleRssMb : null,
      pages: Object.fromEntries(
        pages.map((page) => [page.path, page.pass.ratio && page.pass.p99 && page.pass.junk]),
      ),
      apiLists: Object.fromEntries(apiLists.map((list) => [list.path, list.pass])),
    },
  };
  printReport(report);
  await fs.mkdir(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  await fs.writeFile(path.join(RESULTS_DIR, 'latest.json'), json);
  await fs.writeFile(
    path.join(RESULTS_DIR, `run-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`),
    json,
  );
  log(`done in ${report.seconds} s; wrote bench/results/latest.json`);
}

main()
  .catch((error: unknown) => {
    if (interrupted) return; // the children were stopped under it; nothing to report
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => cleanup());

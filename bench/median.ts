import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Medians over several `npm run bench` results: node --import tsx bench/median.ts [file.json …]
 * Without arguments, the three newest bench/results/run-*.json.
 */

type Run = {
  startedAt: string;
  firstResponseS: number;
  idleMemory: { rssMb: number; pssMb: number };
  settledMemory: { rssMb: number; pssMb: number } | null;
  search: { p50Ms: number; p95Ms: number };
  pages: {
    path: string;
    ratio: number;
    queriesPerRequest: number;
    sequentialMs: number;
    app: {
      reqPerSec: number;
      p50Ms: number;
      p99Ms: number;
      cpuMsPerRequest: number;
      otherProcessesServerCore: number;
    };
    raw: { reqPerSec: number; p99Ms: number; cpuMsPerRequest: number };
  }[];
};

const RESULTS_DIR = path.join(import.meta.dirname, 'results');

function median(values: number[]): number {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function main() {
  let files = process.argv.slice(2);
  if (files.length === 0) {
    const names = (await fs.readdir(RESULTS_DIR)).filter((name) => /^run-.*\.json$/.test(name)).sort();
    files = names.slice(-3).map((name) => path.join(RESULTS_DIR, name));
  }
  if (files.length === 0) throw new Error('no results: run `npm run bench` first');
  const runs = await Promise.all(
    files.map(async (file) => JSON.parse(await fs.readFile(file, 'utf8')) as Run),
  );
  const m = (pick: (run: Run) => number | undefined) => median(runs.map((run) => pick(run) ?? Number.NaN));

  console.log(`Medians of ${runs.length} runs: ${runs.map((run) => run.startedAt).join(', ')}`);
  console.log(`First response: ${m((r) => r.firstResponseS).toFixed(2)} s`);
  console.log(
    `Idle memory after start: RSS ${m((r) => r.idleMemory.rssMb)} MB, PSS ${m((r) => r.idleMemory.pssMb)} MB`,
  );
  console.log(
    `Idle memory after the load settled: RSS ${m((r) => r.settledMemory?.rssMb)} MB, PSS ${m((r) => r.settledMemory?.pssMb)} MB`,
  );
  console.log(`Search: p50 ${m((r) => r.search.p50Ms)} ms, p95 ${m((r) => r.search.p95Ms)} ms`);
  console.log(
    [
      'page'.padEnd(18),
      'app req/s',
      'raw req/s',
      ' ratio',
      'app p50',
      'app p99',
      'raw p99',
      'CPU/req',
      'raw CPU/req',
      'seq ms',
    ].join('  '),
  );
  for (const page of runs[0]?.pages ?? []) {
    const of = (run: Run) => run.pages.find((candidate) => candidate.path === page.path);
    console.log(
      [
        page.path.padEnd(18),
        m((r) => of(r)?.app.reqPerSec)
          .toFixed(0)
          .padStart(9),
        m((r) => of(r)?.raw.reqPerSec)
          .toFixed(0)
          .padStart(9),
        m((r) => of(r)?.ratio)
          .toFixed(3)
          .padStart(6),
        `${m((r) => of(r)?.app.p50Ms)} ms`.padStart(7),
        `${m((r) => of(r)?.app.p99Ms)} ms`.padStart(7),
        `${m((r) => of(r)?.raw.p99Ms)} ms`.padStart(7),
        `${m((r) => of(r)?.app.cpuMsPerRequest).toFixed(2)} ms`.padStart(7),
        `${m((r) => of(r)?.raw.cpuMsPerRequest).toFixed(3)} ms`.padStart(11),
        m((r) => of(r)?.sequentialMs)
          .toFixed(1)
          .padStart(6),
      ].join('  '),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});

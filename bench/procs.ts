import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Reading processes from /proc (Linux only): the app, its PostgreSQL server, CPU time and memory. */

let clockTicks: number | undefined;

/** Clock ticks per second, the unit of utime/stime in /proc/<pid>/stat. */
export function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number.parseInt(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }), 10) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

type Stat = { pid: number; ppid: number; utime: number; stime: number; cutime: number; cstime: number };

function readStat(pid: number): Stat | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may contain spaces; fields after it are plain.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const num = (index: number) => Number.parseInt(fields[index - 3] ?? '0', 10);
  return { pid, ppid: num(4), utime: num(14), stime: num(15), cutime: num(16), cstime: num(17) };
}

function allPids(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** The postmaster's pid from `<clusterDir>/postmaster.pid`, if the server runs. */
export function postmasterPid(clusterDir: string): number | undefined {
  try {
    const pid = Number.parseInt(
      fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '',
      10,
    );
    return pid && readStat(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * PostgreSQL servers started on `clusterDir` (`postgres -D <clusterDir>` in their command line), also one
 * that has not written postmaster.pid yet.
 */
export function postmastersFor(clusterDir: string): number[] {
  return allPids().filter((pid) => {
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return (args[0] ?? '').endsWith('/postgres') && args.includes(clusterDir);
    } catch {
      return false;
    }
  });
}

/** The postmaster and all its children (backends, io workers, checkpointer, …). */
export function postgresPids(clusterDir: string): number[] {
  const root = postmasterPid(clusterDir);
  if (!root) return [];
  const children = allPids().filter((pid) => readStat(pid)?.ppid === root);
  return [root, ...children];
}

/** A process and all its descendants (the app's node process has tsx's esbuild service as a child). */
export function processTree(rootPid: number): number[] {
  const stats = allPids()
    .map((pid) => readStat(pid))
    .filter((stat): stat is Stat => stat !== undefined);
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i += 1) {
    for (const stat of stats) if (stat.ppid === tree[i] && !tree.includes(stat.pid)) tree.push(stat.pid);
  }
  return readStat(rootPid) ? tree : [];
}

/** The app's processes: the node process (with its children) plus its PostgreSQL server. */
export function appPids(nodePid: number, clusterDir: string): number[] {
  return [...processTree(nodePid), ...postgresPids(clusterDir)];
}

export type CpuSnapshot = { ticks: Map<number, number>; reaped: number };

/**
 * CPU time (utime + stime, in ticks) per process. For `reaper` (the postmaster) the time of children it
 * has already waited for is added, so backends that exit during a run are still counted.
 */
export function cpuSnapshot(pids: number[], reaper?: number): CpuSnapshot {
  const ticks = new Map<number, number>();
  let reaped = 0;
  for (const pid of pids) {
    const stat = readStat(pid);
    if (!stat) continue;
    ticks.set(pid, stat.utime + stat.stime);
    if (pid === reaper) reaped = stat.cutime + stat.cstime;
  }
  return { ticks, reaped };
}

/** CPU seconds used between two snapshots; processes that appeared in between count from zero. */
export function cpuSecondsBetween(
  before: CpuSnapshot,
  after: CpuSnapshot,
  only?: (pid: number) => boolean,
): number {
  let ticks = 0;
  for (const [pid, value] of after.ticks) {
    if (only && !only(pid)) continue;
    ticks += value - (before.ticks.get(pid) ?? 0);
  }
  if (!only) ticks += after.reaped - before.reaped;
  return ticks / ticksPerSecond();
}

function statusField(pid: number, field: string): number {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return match ? Number.parseInt(match[1] ?? '0', 10) : 0;
  } catch {
    return 0;
  }
}

function pssKb(pid: number): number {
  try {
    const text = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const match = /^Pss:\s+(\d+) kB/m.exec(text);
    return match ? Number.parseInt(match[1] ?? '0', 10) : 0;
  } catch {
    return 0;
  }
}

export type Memory = {
  /** Sum of VmRSS (counts PostgreSQL's shared memory once per process that touched it: an upper bound). */
  rssMb: number;
  /** Sum of PSS (shared pages divided among the processes sharing them: closer to the real footprint). */
  pssMb: number;
  /** The node process and its children (tsx's esbuild service). */
  nodeRssMb: number;
  nodeProcesses: number;
  postgresRssMb: number;
  postgresProcesses: number;
};

export function memoryOf(nodePid: number, clusterDir: string): Memory {
  const pg = postgresPids(clusterDir);
  const node = processTree(nodePid);
  const nodeRss = node.reduce((sum, pid) => sum + statusField(pid, 'VmRSS'), 0);
  const pgRss = pg.reduce((sum, pid) => sum + statusField(pid, 'VmRSS'), 0);
  const pss = [...node, ...pg].reduce((sum, pid) => sum + pssKb(pid), 0);
  const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;
  return {
    rssMb: mb(nodeRss + pgRss),
    pssMb: mb(pss),
    nodeRssMb: mb(nodeRss),
    nodeProcesses: node.length,
    postgresRssMb: mb(pgRss),
    postgresProcesses: pg.length,
  };
}

/** The CPUs a process may run on, e.g. "0" (shows that pinning reached the PostgreSQL server). */
export function cpusAllowed(pid: number): string {
  try {
    return /^Cpus_allowed_list:\s+(\S+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '?';
  } catch {
    return '?';
  }
}

export type CoreSnapshot = { busy: number[]; total: number[] };

/** CPU seconds a finished child used, from the `cutime`/`cstime` of the shell that waited for it. */
export function childCpuSecondsFromStat(statLine: string): number {
  const fields = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
  const ticks = Number.parseInt(fields[16 - 3] ?? '0', 10) + Number.parseInt(fields[17 - 3] ?? '0', 10);
  return ticks / ticksPerSecond();
}

/** Per-core busy and total jiffies from /proc/stat, to tell whether a core was saturated. */
export function coreSnapshot(): CoreSnapshot {
  const busy: number[] = [];
  const total: number[] = [];
  for (const line of fs.readFileSync('/proc/stat', 'utf8').split('\n')) {
    const match = /^cpu(\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const values = (match[2] ?? '').split(/\s+/).map(Number);
    const sum = values.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    busy[Number(match[1])] = sum - idle;
    total[Number(match[1])] = sum;
  }
  return { busy, total };
}

/** Busy fraction (0–1) of each core between two snapshots. */
export function coreBusy(before: CoreSnapshot, after: CoreSnapshot): number[] {
  return after.busy.map((busy, core) => {
    const total = (after.total[core] ?? 0) - (before.total[core] ?? 0);
    return total > 0 ? (busy - (before.busy[core] ?? 0)) / total : 0;
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

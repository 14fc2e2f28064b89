import type { Logger } from 'pino';
import { isAlive } from './postgres-process.ts';

/** Thrown by `start` when trying again cannot help, e.g. another program now holds the port. */
export class CannotRestartError extends Error {}

export type PostmasterWatchdog = {
  /** Stops watching; waits for a restart under way, so that the caller's shutdown stops that server too. */
  stop: () => Promise<void>;
};

/**
 * Starts the bundled server again when its postmaster is gone without our asking (SIGKILL, the OOM
 * killer, a crash); PostgreSQL's crash recovery replays the WAL. Gives up through `onServerLost` when
 * `start` throws a CannotRestartError or keeps failing for `retryForMs`.
 */
export function watchPostmaster(options: {
  pid: number;
  /** Starts the server again and resolves with the new postmaster's pid. */
  start: () => Promise<number>;
  onServerLost: (error: Error) => void;
  logger: Logger;
  pollMs?: number;
  retryForMs?: number;
  retryPauseMs?: number;
}): PostmasterWatchdog {
  const { start, onServerLost, logger, pollMs = 1_000, retryForMs = 20_000, retryPauseMs = 500 } = options;
  let pid = options.pid;
  let stopped = false;
  let restarting: Promise<void> | undefined;

  const restart = async () => {
    logger.error({ postmasterPid: pid }, 'bundled PostgreSQL stopped unexpectedly; starting it again');
    const deadline = Date.now() + retryForMs;
    for (let attempt = 1; !stopped; attempt++) {
      try {
        pid = await start();
        logger.warn({ postmasterPid: pid, attempt }, 'bundled PostgreSQL started again');
        return;
      } catch (error) {
        const reason = error instanceof Error ? error : new Error(String(error));
        if (stopped) return;
        if (reason instanceof CannotRestartError || Date.now() >= deadline) {
          stopWatching();
          logger.error({ reason: reason.message, attempt }, 'bundled PostgreSQL could not be started again');
          onServerLost(reason);
          return;
        }
        // After a SIGKILL, orphaned backends hold the shared memory for a moment.
        logger.warn({ reason: reason.message, attempt }, 'bundled PostgreSQL did not start; trying again');
        await new Promise((resolve) => setTimeout(resolve, retryPauseMs));
      }
    }
  };

  // `pg_ctl start` runs the postmaster, so it is not our child and sends us no exit event: poll /proc.
  const timer = setInterval(() => {
    if (stopped || restarting || isAlive(pid)) return;
    restarting = restart().finally(() => {
      restarting = undefined;
    });
  }, pollMs);
  timer.unref();

  function stopWatching() {
    stopped = true;
    clearInterval(timer);
  }

  return {
    stop: async () => {
      stopWatching();
      await restarting;
    },
  };
}

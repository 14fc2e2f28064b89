import type { Logger } from 'pino';
import type { Db } from './db/client.ts';
import { deleteExpiredSignInData } from './features/auth/housekeeping.ts';
import { deleteExpiredSubscriptions } from './features/needs/alerts.service.ts';
import { deletePastPlacementStudents } from './features/placements/requests.service.ts';
import { deleteExpiredRateLimitData } from './features/rate-limits/rate-limits.service.ts';
import type { Clock } from './lib/clock.ts';

/**
 * Deletes what can never be used again (ended sessions, old sign-in links, ended rate-limit windows and
 * their salts) every `intervalMs`. Every process runs it; the deletes are idempotent. The timer does not
 * keep the process alive.
 */
export function startHousekeeping(deps: { db: Db; clock: Clock; logger: Logger }, intervalMs: number) {
  const run = async () => {
    const now = deps.clock.now();
    for (const [job, clean] of [
      ['sign-in data', deleteExpiredSignInData],
      ['rate limits', deleteExpiredRateLimitData],
      ['unconfirmed alert subscriptions', deleteExpiredSubscriptions],
      // GDPR data minimisation: students named on placement requests, once their term is over.
      ['placement students', deletePastPlacementStudents],
    ] as const) {
      await clean(deps.db, now).catch((error: unknown) =>
        deps.logger.warn({ err: error, job }, 'housekeeping failed'),
      );
    }
  };
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

import type { AppDeps } from '../../app-deps.ts';
import { pingDatabase } from './health.queries.ts';

export type Health = { status: 'ok' | 'unavailable'; database: 'ok' | 'unreachable' };

/**
 * Whether this instance can serve: for a monitor or a load balancer. Asks the database every time (never
 * the page cache, which keeps serving pages for a while after the database is gone). Any failure is
 * "unavailable" (a wrong password or a missing database too), and the log says which.
 */
export async function checkHealth(deps: Pick<AppDeps, 'db' | 'logger'>): Promise<Health> {
  try {
    await pingDatabase(deps.db);
    return { status: 'ok', database: 'ok' };
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    deps.logger.warn({ code, reason: message }, 'health check: the database does not answer');
    return { status: 'unavailable', database: 'unreachable' };
  }
}

import type { AppDeps } from '../../app-deps.ts';
import { isDatabaseUnavailable } from '../../db/errors.ts';
import { pingDatabase } from './health.queries.ts';

export type Health = { status: 'ok' | 'unavailable'; database: 'ok' | 'unreachable' };

/**
 * Whether this instance can serve: for a monitor or a load balancer. Asks the database every time (never
 * the page cache, which keeps serving pages for a while after the database is gone).
 */
export async function checkHealth(deps: Pick<AppDeps, 'db'>): Promise<Health> {
  try {
    await pingDatabase(deps.db);
    return { status: 'ok', database: 'ok' };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return { status: 'unavailable', database: 'unreachable' };
  }
}

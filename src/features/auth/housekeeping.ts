import { lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { signInTokens } from '../accounts/accounts.table.ts';
import { deleteDeadSessions } from './sessions.ts';

/** Used and unused sign-in links are kept a day after they expire, for the person's own export. */
const KEEP_DEAD_LINKS_MS = 24 * 3_600_000;

/**
 * Deletes what can never be used again: ended sessions and old sign-in links. (Abandoned OIDC sign-ins
 * are pruned by the next sign-in that starts, see oidc.service.ts.)
 */
export async function deleteExpiredSignInData(db: Db, now: Date): Promise<void> {
  await deleteDeadSessions(db, now);
  await db
    .delete(signInTokens)
    .where(lt(signInTokens.expiresAt, new Date(now.getTime() - KEEP_DEAD_LINKS_MS)));
}

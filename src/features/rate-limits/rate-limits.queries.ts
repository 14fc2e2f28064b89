import { lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rateLimitCounts, rateLimitSalts } from './rate-limits.table.ts';

/** The salt of the hour starting at `hourStartsAt`: the one stored, or `candidate` if none was yet. */
export async function findOrCreateSalt(db: Db, hourStartsAt: Date, candidate: Buffer): Promise<Buffer> {
  // A process that lost the race to a concurrent insert sees neither row in that statement's snapshot;
  // its next statement does.
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await db.execute<{ salt: Buffer }>(sql`
      with created as (
        insert into ${rateLimitSalts} (hour_starts_at, salt) values (${hourStartsAt}, ${candidate})
        on conflict (hour_starts_at) do nothing
        returning salt
      )
      select salt from created
      union all
      select salt from ${rateLimitSalts} where hour_starts_at = ${hourStartsAt}`);
    const salt = result.rows[0]?.salt;
    if (salt) return salt;
  }
  throw new Error('rate_limit_salts: no salt for the hour');
}

/** Counts one hit of `keyHash` in the window ending at `windowEndsAt`; the count including this one. */
export async function countHit(db: Db, scope: string, keyHash: Buffer, windowEndsAt: Date): Promise<number> {
  const result = await db.execute<{ hits: number }>(sql`
    insert into ${rateLimitCounts} (scope, key_hash, window_ends_at, hits)
    values (${scope}, ${keyHash}, ${windowEndsAt}, 1)
    on conflict (scope, key_hash, window_ends_at)
    do update set hits = ${rateLimitCounts}.hits + 1
    returning hits`);
  return Number(result.rows[0]?.hits);
}

/** Forgets ended windows and the salts of past hours. */
export async function deleteExpiredRateLimits(db: Db, now: Date, currentHourStartsAt: Date): Promise<void> {
  await db.delete(rateLimitCounts).where(lte(rateLimitCounts.windowEndsAt, now));
  await db.delete(rateLimitSalts).where(lt(rateLimitSalts.hourStartsAt, currentHourStartsAt));
}

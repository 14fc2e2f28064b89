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

/** The salt of an hour if any process made one (none means nobody was counted that hour). */
export async function findSalt(db: Db, hourStartsAt: Date): Promise<Buffer | undefined> {
  const result = await db.execute<{ salt: Buffer }>(
    sql`select salt from ${rateLimitSalts} where hour_starts_at = ${hourStartsAt}`,
  );
  return result.rows[0]?.salt;
}

/**
 * Counts one hit in the current window and reads the key's count in the window before, in one statement:
 * the current count including this hit, and the previous window's (0 if none).
 */
export async function countHit(
  db: Db,
  scope: string,
  current: { keyHash: Buffer; windowEndsAt: Date },
  previous: { keyHash: Buffer | undefined; windowEndsAt: Date },
): Promise<{ current: number; previous: number }> {
  const result = await db.execute<{ current: number; previous: number }>(sql`
    with hit as (
      insert into ${rateLimitCounts} (scope, key_hash, window_ends_at, hits)
      values (${scope}, ${current.keyHash}, ${current.windowEndsAt}, 1)
      on conflict (scope, key_hash, window_ends_at)
      do update set hits = ${rateLimitCounts}.hits + 1
      returning hits
    )
    select hit.hits as current, coalesce((
      select hits from ${rateLimitCounts}
       where scope = ${scope} and key_hash = ${previous.keyHash ?? null}
         and window_ends_at = ${previous.windowEndsAt}
    ), 0) as previous
    from hit`);
  const row = result.rows[0];
  return { current: Number(row?.current), previous: Number(row?.previous) };
}

/** Forgets windows that ended before `countsBefore` and salts of hours before `saltsBefore`. */
export async function deleteExpiredRateLimits(db: Db, countsBefore: Date, saltsBefore: Date): Promise<void> {
  await db.delete(rateLimitCounts).where(lte(rateLimitCounts.windowEndsAt, countsBefore));
  await db.delete(rateLimitSalts).where(lt(rateLimitSalts.hourStartsAt, saltsBefore));
}

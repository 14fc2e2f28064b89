import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Logger } from 'pino';
import type { Db } from './client.ts';

export const MIGRATIONS_FOLDER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../migrations',
);

/**
 * Applies the committed SQL migrations that have not run yet (drizzle keeps track in its own table).
 * Several app processes may start at once on one database: a session advisory lock lets one migrate
 * while the others wait, then find nothing left to do.
 */
export async function migrateDatabase(db: Db, logger?: Logger): Promise<void> {
  const client = await db.$client.connect();
  let failure: Error | undefined;
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      `select pg_try_advisory_lock(hashtext('samverkan:migrate')) as locked`,
    );
    if (!rows[0]?.locked) {
      // Say why the start stands still: during a rolling upgrade another instance may be migrating.
      logger?.info('waiting for another process to finish migrating the database');
      await client.query(`select pg_advisory_lock(hashtext('samverkan:migrate'))`);
    }
    // On the locked connection itself, so that a pool of one connection (tests) cannot deadlock.
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    failure = error as Error;
    throw error;
  } finally {
    // A failed unlock must not hide the migration's own error; a session that ended frees its lock anyway.
    await client.query(`select pg_advisory_unlock(hashtext('samverkan:migrate'))`).catch(() => undefined);
    // A connection that failed is closed rather than handed back to the pool.
    client.release(failure);
  }
}

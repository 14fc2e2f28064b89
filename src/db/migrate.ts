import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
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
export async function migrateDatabase(db: Db): Promise<void> {
  const client = await db.$client.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('samverkan:migrate'))`);
    try {
      // On the locked connection itself, so that a pool of one connection (tests) cannot deadlock.
      await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query(`select pg_advisory_unlock(hashtext('samverkan:migrate'))`);
    }
  } finally {
    client.release();
  }
}

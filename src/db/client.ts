import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import * as schema from './schema.ts';

/** The app's database handle; `$client` is its pool (for the few things that need one connection). */
export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/** A transaction on the database, as `db.transaction` hands it to its callback. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The database, or a transaction on it: queries that may run inside a caller's transaction take this. */
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  pool: pg.Pool;
  url: string;
  /** Closes the pool and, for the bundled server, stops PostgreSQL. */
  close: () => Promise<void>;
};

// DATE columns come back as 'YYYY-MM-DD' strings (no time zone shifts); counts as numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export function connectToDatabase(url: string, logger: Logger, poolSize = 10): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Fail fast while the database is down, so a request gets a 503 instead of hanging.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    application_name: 'samverkan',
  });
  // An idle client losing its connection (database restart) must not crash the process.
  // Only code and message: pg hangs the whole client (connection parameters included) on the error.
  pool.on('error', (error: Error & { code?: string }) =>
    logger.warn({ code: error.code, reason: error.message }, 'idle database connection lost'),
  );
  return {
    db: drizzle({ client: pool, schema, casing: 'snake_case' }),
    pool,
    url,
    close: () => pool.end(),
  };
}

/**
 * The bundled PostgreSQL unless DATABASE_URL names a server. With `onServerLost`, a bundled server that
 * dies is started again; the callback hears only when that fails (see startEmbeddedPostgres).
 */
export async function openDatabase(
  config: Config,
  logger: Logger,
  options: { shareRunningServer?: boolean; onServerLost?: (error: Error) => void } = {},
): Promise<Database> {
  if (config.databaseUrl) return connectToDatabase(config.databaseUrl, logger);
  const server = await startEmbeddedPostgres({ dataDir: config.dataDir, logger, ...options });
  const database = connectToDatabase(server.url, logger);
  return {
    ...database,
    close: async () => {
      await database.pool.end();
      await server.stop();
    },
  };
}

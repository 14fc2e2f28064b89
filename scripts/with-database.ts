import pino, { type Logger } from 'pino';
import { type Config, ConfigError, loadConfig } from '../src/config.ts';
import { BackupError } from '../src/db/backup.ts';
import { type Database, openDatabase } from '../src/db/client.ts';

type Job = (context: { database: Database; config: Config; logger: Logger }) => Promise<void>;

/**
 * Runs one command-line job: settings → database (bundled, or DATABASE_URL) → job → close.
 * Failures print one Swedish line and exit 1; no stack trace for a person to decode.
 */
export async function runWithDatabase(job: Job): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    return fail(error);
  }
  // Logs go to stderr so that a report on stdout can be piped; quiet unless LOG_LEVEL asks for more.
  const logger = pino({ level: process.env.LOG_LEVEL ? config.logLevel : 'warn' }, pino.destination(2));
  let database: Database | undefined;
  try {
    // Backups and reports may run beside a running app: they borrow its PostgreSQL server.
    database = await openDatabase(config, logger, { shareRunningServer: true });
    await job({ database, config, logger });
  } catch (error) {
    if (!(error instanceof BackupError || error instanceof ConfigError))
      logger.debug({ err: error }, 'command failed');
    process.exitCode = 1;
    printFailure(error);
  } finally {
    await database?.close().catch(() => undefined);
  }
}

function fail(error: unknown): void {
  printFailure(error);
  process.exitCode = 1;
}

function printFailure(error: unknown): void {
  const known = error instanceof BackupError || error instanceof ConfigError;
  const message = error instanceof Error ? error.message : String(error);
  console.error(known ? message : `Kommandot misslyckades: ${message}`);
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { connectToDatabase, type Database } from '../src/db/client.ts';
import { TEMPLATE_DATABASE, withDatabaseName } from './database-names.ts';

export type TestDatabase = Database & {
  /** The database's name, e.g. to point a child process at it. */
  name: string;
  /** Closes the pool and drops the database. */
  cleanup: () => Promise<void>;
};

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'warn' });

/**
 * A fresh, migrated database of its own (a copy of the template, made in milliseconds), so that tests
 * never see each other's rows. Call `cleanup` in `afterAll`.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  await runAdminStatement(adminUrl, `create database ${name} template ${TEMPLATE_DATABASE}`);
  const database = connectToDatabase(withDatabaseName(adminUrl, name), logger, 5);
  let cleanedUp = false;
  return {
    ...database,
    name,
    cleanup: async () => {
      if (cleanedUp) return;
      cleanedUp = true;
      await database.close();
      await runAdminStatement(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function runAdminStatement(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

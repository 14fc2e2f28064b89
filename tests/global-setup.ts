import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { connectToDatabase } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { TEMPLATE_DATABASE, withDatabaseName } from './database-names.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL (database `postgres`) of the one server this test run uses. */
    adminUrl: string;
  }
}

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'warn' });

/**
 * Starts one PostgreSQL server for the whole run (the bundled one, or TEST_DATABASE_URL's) and a
 * migrated template database that each test file clones.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startServer();
  try {
    await createTemplate(server.adminUrl);
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide('adminUrl', server.adminUrl);
  return async () => {
    await dropTemplate(server.adminUrl).catch(() => undefined);
    await server.stop();
  };
}

async function startServer(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { adminUrl: external, stop: async () => undefined };

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'samverkan-test-'));
  // As root, PostgreSQL runs as the `postgres` user. Let it enter the directory, so that the cluster stays
  // in it (and goes with it) rather than under /var/lib/samverkan-postgres (decision 002).
  await fs.chmod(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir, logger });
  // A throwaway server: trading crash safety for speed is fine here.
  await runAdminStatements(server.adminUrl, [
    'alter system set fsync = off',
    'alter system set synchronous_commit = off',
    'alter system set full_page_writes = off',
    'select pg_reload_conf()',
  ]);
  return {
    adminUrl: server.adminUrl,
    stop: async () => {
      await server.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function createTemplate(adminUrl: string): Promise<void> {
  await dropTemplate(adminUrl);
  await runAdminStatements(adminUrl, [`create database ${TEMPLATE_DATABASE}`]);
  const template = connectToDatabase(withDatabaseName(adminUrl, TEMPLATE_DATABASE), logger, 1);
  try {
    await migrateDatabase(template.db);
  } finally {
    // CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
    await template.close();
  }
}

async function dropTemplate(adminUrl: string): Promise<void> {
  await runAdminStatements(adminUrl, [`drop database if exists ${TEMPLATE_DATABASE} with (force)`]);
}

async function runAdminStatements(adminUrl: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

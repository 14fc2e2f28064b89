import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { MIGRATIONS_FOLDER, migrateDatabase } from './migrate.ts';
import {
  type CatalogTable,
  escapeIdentifier,
  readForeignKeys,
  readSequences,
  readTables,
  sortParentsFirst,
} from './table-catalog.ts';

/**
 * Logical backups through the `pg` driver, because the bundled server ships no pg_dump and Debian's
 * pg_dump 15 refuses newer servers. A backup is gzip'd JSON: the applied migrations and every table in
 * `public` as rows (see docs/decisions for the format).
 */
export const BACKUP_FORMAT = 'samverkan-backup';
export const BACKUP_VERSION = 1;

/** A refusal with a message for the person running the command. */
export class BackupError extends Error {}

export type BackupSummary = { file: string; tables: number; rows: number };

type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  migrations: string[];
  tables: Record<string, { columns: string[]; rows: unknown[] }>;
};

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

/** `<dataDir>/backups/samverkan-backup-YYYYMMDD-HHMMSS.json.gz`, in Stockholm time. */
export function defaultBackupFile(dataDir: string, now: Date = new Date()): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const stamp = `${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}${parts.second}`;
  return path.join(dataDir, 'backups', `samverkan-backup-${stamp}.json.gz`);
}

/** Writes every table from one consistent snapshot; the file appears only when complete. */
export async function backupDatabase(pool: pg.Pool, file: string): Promise<BackupSummary> {
  const client = await pool.connect();
  let body: string;
  let rowCount = 0;
  let tableCount = 0;
  try {
    await client.query('begin isolation level repeatable read read only');
    const migrations = await readAppliedMigrations(client);
    const tables = await readTables(client);
    const tableParts: string[] = [];
    for (const table of tables) {
      const { json, count } = await readRows(client, table);
      tableParts.push(
        `${JSON.stringify(table.name)}:{"columns":${JSON.stringify(table.columns)},"rows":${json}}`,
      );
      rowCount += count;
    }
    tableCount = tables.length;
    await client.query('commit');
    // Rows stay PostgreSQL's own JSON text: parsing them in JavaScript would round big numerics.
    body = `{"format":"${BACKUP_FORMAT}","version":${BACKUP_VERSION},"createdAt":${JSON.stringify(new Date().toISOString())},"migrations":${JSON.stringify(migrations)},"tables":{${tableParts.join(',')}}}`;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }

  const target = path.resolve(file);
  const createdDir = await fs.mkdir(path.dirname(target), { recursive: true });
  // A new file with an unguessable name, never one that is there already: a link planted under this name
  // (by whoever owns the folder, when root takes the backup) cannot make the write land elsewhere.
  const partial = `${target}.partial-${randomBytes(8).toString('hex')}`;
  await fs.writeFile(partial, await gzip(body), { mode: 0o600, flag: 'wx' });
  await fs.rename(partial, target);
  await handToDirectoryOwner(target, createdDir);
  return { file: target, tables: tableCount, rows: rowCount };
}

/**
 * Replaces every row in `public` with the backup's, in one transaction: on any error nothing changes.
 * The backup's migrations must be the code's or an earlier prefix of them.
 */
export async function restoreDatabase(pool: pg.Pool, file: string): Promise<BackupSummary> {
  const { text, header } = await readBackupFile(file);
  assertMigrationsFit(header.migrations);
  // Drizzle's migrator commits on its own, so it runs before (not inside) the restore transaction.
  await migrateDatabase(drizzle({ client: pool }));

  const client = await pool.connect();
  let rowCount = 0;
  try {
    await client.query('begin');
    const tables = await readTables(client);
    const order = sortParentsFirst(
      tables.map((table) => table.name),
      await readForeignKeys(client),
    );
    if (!order)
      throw new BackupError(
        'Tabellernas främmande nycklar bildar en cirkel; återställningen kan inte ordna dem.',
      );
    const unknown = Object.keys(header.tables).filter((name) => !tables.some((table) => table.name === name));
    if (unknown.length > 0) {
      throw new BackupError(
        `Säkerhetskopian innehåller tabeller som inte finns i databasen: ${unknown.join(', ')}.`,
      );
    }

    if (tables.length > 0) {
      const names = tables.map((table) => `public.${escapeIdentifier(table.name)}`).join(', ');
      await client.query(`truncate table ${names} restart identity cascade`);
    }
    // Sent once as jsonb (exact numerics), then read table by table on the server.
    await client.query('create temporary table restore_document (doc jsonb) on commit drop');
    await client.query('insert into restore_document (doc) values ($1::jsonb)', [text]);
    for (const name of order) {
      const saved = header.tables[name];
      if (saved) rowCount += await insertRows(client, name, saved.columns);
      await resetSequences(client, name);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `Återställningen avbröts och databasen är oförändrad: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    client.release();
  }
  return { file: path.resolve(file), tables: Object.keys(header.tables).length, rows: rowCount };
}

async function readAppliedMigrations(client: pg.PoolClient): Promise<string[]> {
  const exists = await client.query(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists.rows[0]?.present) return [];
  const result = await client.query<{ hash: string }>(
    'select hash from drizzle.__drizzle_migrations order by created_at, id',
  );
  return result.rows.map((row) => row.hash);
}

async function readRows(
  client: pg.PoolClient,
  table: CatalogTable,
): Promise<{ json: string; count: number }> {
  const columns = table.columns.map(escapeIdentifier).join(', ');
  const order = table.primaryKey.map((column) => `t.${escapeIdentifier(column)}`).join(', ');
  const result = await client.query<{ json: string; count: number }>(
    `select coalesce(json_agg(t${order ? ` order by ${order}` : ''}), '[]')::text as json, count(*)::int as count
     from (select ${columns} from public.${escapeIdentifier(table.name)}) t`,
  );
  const row = result.rows[0];
  return { json: row?.json ?? '[]', count: row?.count ?? 0 };
}

async function insertRows(client: pg.PoolClient, table: string, columns: string[]): Promise<number> {
  if (columns.length === 0) return 0;
  const list = columns.map(escapeIdentifier).join(', ');
  const qualified = `public.${escapeIdentifier(table)}`;
  const result = await client.query(
    `insert into ${qualified} (${list}) overriding system value
     select ${list} from jsonb_populate_recordset(null::${qualified},
       (select doc -> 'tables' -> $1::text -> 'rows' from restore_document))`,
    [table],
  );
  return result.rowCount ?? 0;
}

/** New rows must get ids after the restored ones. */
async function resetSequences(client: pg.PoolClient, table: string): Promise<void> {
  for (const { column, sequence } of await readSequences(client, table)) {
    await client.query(
      `select setval($1::regclass, coalesce((select max(${escapeIdentifier(column)}) from public.${escapeIdentifier(table)}), 0) + 1, false)`,
      [sequence],
    );
  }
}

async function readBackupFile(file: string): Promise<{ text: string; header: BackupHeader }> {
  const notABackup = new BackupError(`${file} är ingen säkerhetskopia från Samverkan.`);
  const compressed = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(
      error.code === 'ENOENT'
        ? `Filen ${file} finns inte.`
        : `Filen ${file} kunde inte läsas: ${error.message}`,
    );
  });
  let text: string;
  let header: unknown;
  try {
    text = (await gunzip(compressed)).toString('utf8');
    header = JSON.parse(text);
  } catch {
    throw notABackup;
  }
  if (!isBackupHeader(header)) throw notABackup;
  return { text, header };
}

function isBackupHeader(value: unknown): value is BackupHeader {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Partial<BackupHeader>;
  return (
    candidate.format === BACKUP_FORMAT &&
    candidate.version === BACKUP_VERSION &&
    Array.isArray(candidate.migrations) &&
    candidate.migrations.every((hash) => typeof hash === 'string') &&
    !!candidate.tables &&
    typeof candidate.tables === 'object' &&
    Object.values(candidate.tables).every(
      (table) =>
        !!table &&
        Array.isArray(table.columns) &&
        table.columns.every((column) => typeof column === 'string') &&
        Array.isArray(table.rows),
    )
  );
}

/** Rows fit the schema only if the backup was taken at this code's migrations or an earlier prefix of them. */
function assertMigrationsFit(backupMigrations: string[]): void {
  const codeMigrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map(
    (migration) => migration.hash,
  );
  const fits =
    backupMigrations.length <= codeMigrations.length &&
    backupMigrations.every((hash, index) => hash === codeMigrations[index]);
  if (!fits) {
    throw new BackupError(
      'Säkerhetskopian kommer från en annan version av Samverkan: dess databasmigreringar stämmer inte med den här versionens. Återställ den med den version som gjorde säkerhetskopian.',
    );
  }
}

/**
 * Run as root in a directory a service user owns (`DATA_DIR/backups`), the backup and any folder made for
 * it go to that user: a root-owned backups folder would make the service's own backups fail later.
 * Symbolic links are not followed (lchown), so a link planted there cannot redirect the change.
 */
async function handToDirectoryOwner(file: string, createdDir: string | undefined): Promise<void> {
  if (process.getuid?.() !== 0) return;
  // The folder that was there before: the one mkdir started from, or the one holding the file.
  const existingParent = createdDir ? path.dirname(createdDir) : path.dirname(file);
  const owner = await fs.stat(existingParent);
  if (owner.uid === 0) return;
  if (createdDir) {
    for (let dir = path.dirname(file); dir.length >= createdDir.length; dir = path.dirname(dir))
      await fs.lchown(dir, owner.uid, owner.gid);
  }
  await fs.lchown(file, owner.uid, owner.gid);
}

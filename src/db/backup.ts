import { isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
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
  readSelfReferencingTables,
  readSequences,
  readTables,
  sortParentsFirst,
} from './table-catalog.ts';

/**
 * Logical backups through the `pg` driver, because the bundled server ships no pg_dump and Debian's
 * pg_dump 15 refuses newer servers. A backup is gzip'd JSON Lines, written and read as a stream: a header
 * (the applied migrations and the tables), then every table in `public`, parents first, one row per line
 * (see docs/decisions/003-backup-format.md). Version 1 files (one JSON document) still restore.
 */
export const BACKUP_FORMAT = 'samverkan-backup';
export const BACKUP_VERSION = 2;

/** A refusal with a message for the person running the command. */
export class BackupError extends Error {}

export type BackupSummary = { file: string; tables: number; rows: number };

/**
 * How many rows go to or from PostgreSQL at a time. A batch closes at `rows` rows or at about `bytes` of
 * JSON, whichever comes first; a single larger row is a batch of its own. Memory follows these, not the
 * size of a table.
 */
export type BatchLimits = { rows: number; bytes: number };

const DEFAULT_LIMITS: BatchLimits = { rows: 1000, bytes: 8 * 1024 * 1024 };
/** Row addresses (and sizes) read per FETCH when backing up: a few hundred KiB. */
const KEYS_PER_FETCH = 10_000;
/** A header line is small; a row line holds at most one row (PostgreSQL's limit for one value is 1 GB). */
const MAX_HEADER_LINE_BYTES = 16 * 1024 * 1024;
const MAX_ROW_LINE_BYTES = 1024 * 1024 * 1024;

type SavedTable = { name: string; columns: string[] };

/** The first line of a version 2 file. */
type BackupHeader = {
  format: typeof BACKUP_FORMAT;
  version: 2;
  createdAt: string;
  migrations: string[];
  /** In the order the file holds them: parents before the tables that refer to them. */
  tables: SavedTable[];
};

/** A version 1 file: one JSON document with every row in it. */
type Version1Document = {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: Record<string, { columns: string[]; rows: unknown[] }>;
};

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

/**
 * Writes every table from one consistent snapshot, streaming: rows go from a cursor through gzip to the
 * file a batch at a time. The file appears only when complete.
 */
export async function backupDatabase(
  pool: pg.Pool,
  file: string,
  limits: BatchLimits = DEFAULT_LIMITS,
): Promise<BackupSummary> {
  const target = path.resolve(file);
  const createdDir = await fs.mkdir(path.dirname(target), { recursive: true });
  // A new file with an unguessable name, never one that is there already: a link planted under this name
  // (by whoever owns the folder, when root takes the backup) cannot make the write land elsewhere.
  const partial = `${target}.partial-${randomBytes(8).toString('hex')}`;
  const client = await pool.connect();
  let output: fs.FileHandle | undefined;
  let stopped = false;
  let summary: BackupSummary;
  try {
    await client.query('begin isolation level repeatable read read only');
    const migrations = await readAppliedMigrations(client);
    const tables = await readTables(client);
    const byName = new Map(tables.map((table) => [table.name, table]));
    // Parents first, so that restore can insert each table as it reads it. Should the keys ever form a
    // circle, the backup is still taken (in name order); restore then says what is wrong.
    const order = sortParentsFirst([...byName.keys()], await readForeignKeys(client)) ?? [...byName.keys()];
    const ordered = order.map((name) => byName.get(name) as CatalogTable);
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      migrations,
      tables: ordered.map(({ name, columns }) => ({ name, columns })),
    };
    let rowCount = 0;
    // Once the backup has failed no further query starts, even if the generator is still running: the
    // catch below rolls back and hands the client back to the pool.
    const run: Run = (text, values) => {
      if (stopped) return Promise.reject(new Error('the backup has stopped'));
      return client.query(text, values);
    };
    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify(header)}\n`;
      for (const table of ordered) {
        const count = await countRows(run, table.name);
        yield `${JSON.stringify({ table: table.name, rows: count })}\n`;
        let written = 0;
        // Rows stay PostgreSQL's own JSON text: parsing them in JavaScript would round big numerics.
        for await (const json of readRows(run, table, limits)) {
          // Two writes rather than `${json}\n`: a joined string would copy a row of many MB once more.
          yield json;
          yield '\n';
          written += 1;
        }
        if (written !== count) throw new Error(`${table.name}: ${written} rader lästa, ${count} räknade`);
        rowCount += count;
      }
      yield `${JSON.stringify({ end: true, tables: ordered.length, rows: rowCount })}\n`;
    }
    output = await fs.open(partial, 'wx', 0o600);
    // pipeline waits for gzip to drain before asking for the next line, so a slow disk holds the reads back.
    await pipeline(lines, zlib.createGzip(), output.createWriteStream({ flush: true }));
    await client.query('commit');
    summary = { file: target, tables: ordered.length, rows: rowCount };
  } catch (error) {
    stopped = true;
    await client.query('rollback').catch(() => undefined);
    if (output) {
      await output.close().catch(() => undefined);
      await fs.rm(partial, { force: true }).catch(() => undefined);
    }
    await handToDirectoryOwner(target, createdDir, { withFile: false }).catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  await fs.rename(partial, target);
  await handToDirectoryOwner(target, createdDir, { withFile: true });
  return summary;
}

/**
 * Replaces every row in `public` with the backup's, in one transaction: on any error nothing changes.
 * The backup's migrations must be the code's or an earlier prefix of them. The file is read as a stream.
 */
export async function restoreDatabase(
  pool: pg.Pool,
  file: string,
  limits: BatchLimits = DEFAULT_LIMITS,
): Promise<BackupSummary> {
  const start = await readStart(file);
  if (VERSION_1_START.test(start)) return restoreVersion1(pool, file);

  const reader = await GzipLines.open(file);
  try {
    const header = await readHeader(reader, file);
    assertMigrationsFit(header.migrations);
    // Drizzle's migrator commits on its own, so it runs before (not inside) the restore transaction.
    await migrateDatabase(drizzle({ client: pool }));
    reader.maxLineBytes = MAX_ROW_LINE_BYTES;
    return await restoreVersion2(pool, file, header, reader, limits);
  } finally {
    await reader.close();
  }
}

async function restoreVersion2(
  pool: pg.Pool,
  file: string,
  header: BackupHeader,
  reader: GzipLines,
  limits: BatchLimits,
): Promise<BackupSummary> {
  const damaged = (detail: string) =>
    new BackupError(
      `Säkerhetskopian ${file} är skadad eller ofullständig (${detail}). Återställningen avbröts och databasen är oförändrad.`,
    );
  const nextLine = async (): Promise<string | undefined> => {
    try {
      return await reader.next();
    } catch (error) {
      throw damaged(describeReadError(error));
    }
  };

  const client = await pool.connect();
  let rowCount = 0;
  let linesRead = 0;
  try {
    await client.query('begin');
    const tables = await readTables(client);
    const names = tables.map((table) => table.name);
    const foreignKeys = await readForeignKeys(client);
    const order = sortParentsFirst(names, foreignKeys);
    if (!order)
      throw new BackupError(
        'Tabellernas främmande nycklar bildar en cirkel; återställningen kan inte ordna dem.',
      );
    const unknown = header.tables.filter((saved) => !names.includes(saved.name)).map((saved) => saved.name);
    if (unknown.length > 0) {
      throw new BackupError(
        `Säkerhetskopian innehåller tabeller som inte finns i databasen: ${unknown.join(', ')}.`,
      );
    }
    if (tables.length > 0) {
      const all = names.map((name) => `public.${escapeIdentifier(name)}`).join(', ');
      await client.query(`truncate table ${all} restart identity cascade`);
    }

    // A table goes in batch by batch as it is read when every table it refers to is in already. The file
    // is written parents first, but this database's keys decide: a table whose parents are not in yet, or
    // that refers to itself, is held in a temporary table and inserted in one statement once they are.
    const saved = new Map(header.tables.map((table) => [table.name, table]));
    const selfReferencing = new Set(await readSelfReferencingTables(client));
    const inserted = new Set(names.filter((name) => !saved.has(name)));
    const held = new Set<string>();
    const parentsIn = (name: string) =>
      foreignKeys.every(({ child, parent }) => child !== name || inserted.has(parent));
    let staging = false;

    for (const table of header.tables) {
      const count = parseTableLine(await nextLine(), table.name);
      if (count === undefined) throw damaged(`tabellen ${table.name} saknas där den borde börja`);
      const direct = !selfReferencing.has(table.name) && parentsIn(table.name);
      if (!direct && !staging) {
        await client.query(
          'create temporary table restore_held_rows (table_name text not null, doc json not null) on commit drop',
        );
        staging = true;
      }
      const send = async (rows: string[]) => {
        const json = `[${rows.join(',')}]`;
        if (direct) rowCount += await insertRows(client, table, json);
        else await holdRows(client, table.name, json);
      };
      // row_to_json writes every column in order, so each row begins with the first column's name: a
      // table line or the end line where a row should be means that lines are missing.
      const rowStart = table.columns.length > 0 ? `{${JSON.stringify(table.columns[0])}:` : '{}';
      let batch: string[] = [];
      let batchBytes = 0;
      for (let index = 0; index < count; index += 1) {
        const line = await nextLine();
        if (line === undefined) throw damaged('filen tar slut mitt i en tabell');
        if (!line.startsWith(rowStart)) throw damaged(`raderna i tabellen ${table.name} stämmer inte`);
        batch.push(line);
        batchBytes += line.length;
        linesRead += 1;
        if (batch.length >= limits.rows || batchBytes >= limits.bytes) {
          await send(batch);
          batch = [];
          batchBytes = 0;
        }
      }
      if (batch.length > 0) await send(batch);
      if (direct) inserted.add(table.name);
      else held.add(table.name);
      // Parents first: one pass lets a held table's held children follow it.
      for (const name of order) {
        if (held.has(name) && parentsIn(name)) {
          rowCount += await insertHeldRows(client, saved.get(name) as SavedTable);
          held.delete(name);
          inserted.add(name);
        }
      }
    }
    if (!isEndLine(await nextLine(), header.tables.length, linesRead) || held.size > 0)
      throw damaged('slutet saknas');
    if ((await nextLine()) !== undefined) throw damaged('det finns rader efter slutet');

    for (const name of order) await resetSequences(client, name);
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
  return { file: path.resolve(file), tables: header.tables.length, rows: rowCount };
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

/** A query on the backup's snapshot. */
type Run = <Row extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<pg.QueryResult<Row>>;

async function countRows(run: Run, table: string): Promise<number> {
  const result = await run<{ count: string }>(
    `select count(*)::text as count from public.${escapeIdentifier(table)}`,
  );
  return Number(result.rows[0]?.count ?? 0);
}

/**
 * A table's rows as PostgreSQL's JSON text, in primary-key order, a batch at a time. A cursor yields each
 * row's address (ctid; stable within the snapshot) and an estimate of its size that PostgreSQL knows
 * without reading the value; batches are then read by address. So a batch holds at most `limits.rows`
 * rows and about `limits.bytes`, or one row larger than that.
 */
async function* readRows(run: Run, table: CatalogTable, limits: BatchLimits): AsyncGenerator<string> {
  const qualified = `public.${escapeIdentifier(table.name)}`;
  const columns = table.columns.map((column) => `x.${escapeIdentifier(column)}`);
  // Stored size, unless compressed: then the size of its text, which costs a decompression.
  const sizes = columns.map(
    (column) =>
      `coalesce(case when pg_column_compression(${column}) is null then pg_column_size(${column}) else octet_length(${column}::text) end, 0)`,
  );
  // JSON spends a name and punctuation per column, and two characters per byte of bytea.
  const overhead = table.columns.reduce((sum, column) => sum + column.length + 32, 2);
  const order = table.primaryKey.map((column) => `x.${escapeIdentifier(column)}`).join(', ');
  await run(
    `declare backup_rows no scroll cursor for
     select x.tableoid::int8::text || '/' || x.ctid::text as key, (${sizes.join(' + ') || '0'})::float8 as size
     from ${qualified} x${order ? ` order by ${order}` : ''}`,
  );
  const readBatch = async (keys: string[]): Promise<string[]> => {
    const tids = [...new Set(keys.map((key) => key.slice(key.indexOf('/') + 1)))];
    const result = await run<{ key: string; json: string }>(
      `select x.tableoid::int8::text || '/' || x.ctid::text as key, row_to_json(r)::text as json
       from ${qualified} x cross join lateral (select ${columns.join(', ')}) r
       where x.ctid = any($1::tid[])`,
      [tids],
    );
    const byKey = new Map(result.rows.map((row) => [row.key, row.json]));
    return keys.map((key) => {
      const json = byKey.get(key);
      if (json === undefined) throw new Error(`${table.name}: raden ${key} försvann ur ögonblicksbilden`);
      return json;
    });
  };
  let batch: string[] = [];
  let batchBytes = 0;
  for (;;) {
    const { rows } = await run<{ key: string; size: number }>(
      `fetch forward ${KEYS_PER_FETCH} from backup_rows`,
    );
    for (const row of rows) {
      const bytes = 2 * row.size + overhead;
      if (batch.length > 0 && (batch.length >= limits.rows || batchBytes + bytes > limits.bytes)) {
        yield* await readBatch(batch);
        batch = [];
        batchBytes = 0;
      }
      batch.push(row.key);
      batchBytes += bytes;
    }
    if (rows.length < KEYS_PER_FETCH) break;
  }
  if (batch.length > 0) yield* await readBatch(batch);
  // Left open on an error: the rollback closes it.
  await run('close backup_rows');
}

/** Inserts a batch of rows (a JSON array of row objects) and says how many went in. */
async function insertRows(client: pg.PoolClient, table: SavedTable, json: string): Promise<number> {
  if (table.columns.length === 0) return 0;
  const list = table.columns.map(escapeIdentifier).join(', ');
  const qualified = `public.${escapeIdentifier(table.name)}`;
  const result = await client.query(
    `insert into ${qualified} (${list}) overriding system value
     select ${list} from json_populate_recordset(null::${qualified}, $1::json)`,
    [json],
  );
  return result.rowCount ?? 0;
}

async function holdRows(client: pg.PoolClient, table: string, json: string): Promise<void> {
  await client.query(
    'insert into restore_held_rows (table_name, doc) select $1, value from json_array_elements($2::json)',
    [table, json],
  );
}

/** All held rows of a table in one statement: foreign keys are checked at its end, so any order fits. */
async function insertHeldRows(client: pg.PoolClient, table: SavedTable): Promise<number> {
  let count = 0;
  if (table.columns.length > 0) {
    const list = table.columns.map(escapeIdentifier).join(', ');
    const qualified = `public.${escapeIdentifier(table.name)}`;
    const result = await client.query(
      `insert into ${qualified} (${list}) overriding system value
       select ${table.columns.map((column) => `r.${escapeIdentifier(column)}`).join(', ')}
       from restore_held_rows h cross join lateral json_populate_record(null::${qualified}, h.doc) r
       where h.table_name = $1`,
      [table.name],
    );
    count = result.rowCount ?? 0;
  }
  await client.query('delete from restore_held_rows where table_name = $1', [table.name]);
  return count;
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

/** How every version 1 file begins (they were written by one template). */
const VERSION_1_START = /^\s*\{\s*"format"\s*:\s*"samverkan-backup"\s*,\s*"version"\s*:\s*1\s*[,}]/;

/** The first few hundred characters of the unpacked file: enough to tell version 1 from version 2. */
async function readStart(file: string): Promise<string> {
  const reader = await GzipLines.open(file);
  try {
    return (await reader.readStart(256)).toString('latin1');
  } catch (error) {
    const { syscall, message } = error as NodeJS.ErrnoException;
    throw syscall ? new BackupError(`Filen ${file} kunde inte läsas: ${message}`) : notABackup(file);
  } finally {
    await reader.close();
  }
}

async function readHeader(reader: GzipLines, file: string): Promise<BackupHeader> {
  let line: string | undefined;
  let header: unknown;
  try {
    line = await reader.next();
    header = line === undefined ? undefined : JSON.parse(line);
  } catch {
    throw notABackup(file);
  }
  if (!isBackupHeader(header)) throw notABackup(file);
  return header;
}

function notABackup(file: string): BackupError {
  return new BackupError(`${file} är ingen säkerhetskopia från Samverkan.`);
}

function isBackupHeader(value: unknown): value is BackupHeader {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Partial<BackupHeader>;
  return (
    candidate.format === BACKUP_FORMAT &&
    candidate.version === BACKUP_VERSION &&
    typeof candidate.createdAt === 'string' &&
    isStringArray(candidate.migrations) &&
    Array.isArray(candidate.tables) &&
    candidate.tables.every(
      (table: Partial<SavedTable> | null) =>
        !!table && typeof table.name === 'string' && isStringArray(table.columns),
    ) &&
    new Set(candidate.tables.map((table) => table.name)).size === candidate.tables.length
  );
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** `{"table":NAME,"rows":N}` begins a table's rows: N, or undefined when the line is something else. */
function parseTableLine(line: string | undefined, table: string): number | undefined {
  if (line === undefined || line.length > 64 * 1024) return undefined;
  try {
    const parsed = JSON.parse(line) as { table?: unknown; rows?: unknown };
    return parsed.table === table && Number.isSafeInteger(parsed.rows) && (parsed.rows as number) >= 0
      ? (parsed.rows as number)
      : undefined;
  } catch {
    return undefined;
  }
}

/** `{"end":true,"tables":T,"rows":R}` closes a complete file. */
function isEndLine(line: string | undefined, tables: number, rows: number): boolean {
  if (line === undefined || line.length > 64 * 1024) return false;
  try {
    const parsed = JSON.parse(line) as { end?: unknown; tables?: unknown; rows?: unknown };
    return parsed.end === true && parsed.tables === tables && parsed.rows === rows;
  } catch {
    return false;
  }
}

function describeReadError(error: unknown): string {
  if (error instanceof LineTooLongError) return 'en rad är orimligt lång';
  const { syscall, message } = error as NodeJS.ErrnoException;
  // A read error is the disk's; anything else (zlib, UTF-8) is the content's.
  return syscall ? `filen kunde inte läsas: ${message}` : 'den packade datan är trasig eller avkortad';
}

class LineTooLongError extends Error {}
class NotUtf8Error extends Error {}

/** Invalid UTF-8 is refused rather than turned into U+FFFD (checked without a copy). */
function decodeLine(bytes: Buffer): string {
  if (!isUtf8(bytes)) throw new NotUtf8Error();
  return bytes.toString('utf8');
}

/**
 * A gzip'd file as lines, read as a stream: memory holds the line being read and zlib's buffers, never
 * the file. UTF-8 is checked (fatal), and a line longer than `maxLineBytes` is refused, so a damaged or
 * foreign file cannot fill the memory.
 */
class GzipLines {
  maxLineBytes = MAX_HEADER_LINE_BYTES;
  private readonly chunks: AsyncIterator<Buffer>;
  private rest: Buffer[] = [];
  private restBytes = 0;
  private done = false;

  private constructor(
    private readonly handle: fs.FileHandle,
    private readonly unzip: zlib.Gunzip,
  ) {
    this.chunks = unzip[Symbol.asyncIterator]();
  }

  static async open(file: string): Promise<GzipLines> {
    const handle = await fs.open(file, 'r').catch((error: NodeJS.ErrnoException) => {
      throw new BackupError(
        error.code === 'ENOENT'
          ? `Filen ${file} finns inte.`
          : `Filen ${file} kunde inte läsas: ${error.message}`,
      );
    });
    const input = handle.createReadStream();
    const unzip = zlib.createGunzip();
    input.on('error', (error) => unzip.destroy(error));
    input.pipe(unzip);
    return new GzipLines(handle, unzip);
  }

  /** At least `bytes` of unpacked data from the start (less if the file is shorter), not consumed. */
  async readStart(bytes: number): Promise<Buffer> {
    while (this.restBytes < bytes && (await this.pull())) {}
    return Buffer.concat(this.rest).subarray(0, bytes);
  }

  /** The next line without its newline, or undefined at the end of the file. */
  async next(): Promise<string | undefined> {
    for (;;) {
      const line = this.takeLine();
      if (line !== undefined) return line;
      if (!(await this.pull())) {
        if (this.restBytes === 0) return undefined;
        const last = Buffer.concat(this.rest);
        this.rest = [];
        this.restBytes = 0;
        return decodeLine(last);
      }
    }
  }

  async close(): Promise<void> {
    this.done = true;
    this.unzip.destroy();
    await this.handle.close().catch(() => undefined);
  }

  private takeLine(): string | undefined {
    // A newline can only be in the last chunk: earlier ones were searched when they arrived.
    const last = this.rest.at(-1);
    const end = last?.indexOf(10) ?? -1;
    if (!last || end === -1) return undefined;
    const parts = [...this.rest.slice(0, -1), last.subarray(0, end)];
    const tail = last.subarray(end + 1);
    this.rest = tail.length > 0 ? [tail] : [];
    this.restBytes = tail.length;
    return decodeLine(parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts));
  }

  /** Appends the next chunk; false at the end of the file. */
  private async pull(): Promise<boolean> {
    if (this.done) return false;
    const { value, done } = await this.chunks.next();
    if (done) {
      this.done = true;
      return false;
    }
    this.rest.push(value);
    this.restBytes += value.length;
    if (this.restBytes > this.maxLineBytes && value.indexOf(10) === -1) throw new LineTooLongError();
    return true;
  }
}

/** Version 1: the whole file is one JSON document, sent to PostgreSQL as one jsonb value. */
async function restoreVersion1(pool: pg.Pool, file: string): Promise<BackupSummary> {
  const { text, document } = await readVersion1File(file);
  assertMigrationsFit(document.migrations);
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
    const unknown = Object.keys(document.tables).filter(
      (name) => !tables.some((table) => table.name === name),
    );
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
      const saved = document.tables[name];
      if (saved && saved.columns.length > 0) {
        const list = saved.columns.map(escapeIdentifier).join(', ');
        const qualified = `public.${escapeIdentifier(name)}`;
        const result = await client.query(
          `insert into ${qualified} (${list}) overriding system value
           select ${list} from jsonb_populate_recordset(null::${qualified},
             (select doc -> 'tables' -> $1::text -> 'rows' from restore_document))`,
          [name],
        );
        rowCount += result.rowCount ?? 0;
      }
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
  return { file: path.resolve(file), tables: Object.keys(document.tables).length, rows: rowCount };
}

async function readVersion1File(file: string): Promise<{ text: string; document: Version1Document }> {
  const compressed = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(
      error.code === 'ENOENT'
        ? `Filen ${file} finns inte.`
        : `Filen ${file} kunde inte läsas: ${error.message}`,
    );
  });
  let text: string;
  let document: unknown;
  try {
    text = (await gunzip(compressed)).toString('utf8');
    document = JSON.parse(text);
  } catch {
    throw notABackup(file);
  }
  if (!isVersion1Document(document)) throw notABackup(file);
  return { text, document };
}

function isVersion1Document(value: unknown): value is Version1Document {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Partial<Version1Document>;
  return (
    candidate.format === BACKUP_FORMAT &&
    candidate.version === 1 &&
    isStringArray(candidate.migrations) &&
    !!candidate.tables &&
    typeof candidate.tables === 'object' &&
    Object.values(candidate.tables).every(
      (table) => !!table && isStringArray(table.columns) && Array.isArray(table.rows),
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
 * it go to that user: a root-owned backups folder would make the service's own backups fail later (so a
 * failed backup hands over the folders it made, too). Symbolic links are not followed (lchown), so a link planted there cannot redirect the change.
 */
async function handToDirectoryOwner(
  file: string,
  createdDir: string | undefined,
  { withFile }: { withFile: boolean },
): Promise<void> {
  if (process.getuid?.() !== 0) return;
  // The folder that was there before: the one mkdir started from, or the one holding the file.
  const existingParent = createdDir ? path.dirname(createdDir) : path.dirname(file);
  const owner = await fs.stat(existingParent);
  if (owner.uid === 0) return;
  if (createdDir) {
    for (let dir = path.dirname(file); dir.length >= createdDir.length; dir = path.dirname(dir))
      await fs.lchown(dir, owner.uid, owner.gid);
  }
  if (withFile) await fs.lchown(file, owner.uid, owner.gid);
}

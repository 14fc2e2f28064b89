import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { seedDatabase } from '../seeds/apply-seed.ts';
import { BackupError, backupDatabase, defaultBackupFile, restoreDatabase } from '../src/db/backup.ts';
import { escapeIdentifier, readForeignKeys, readTables } from '../src/db/table-catalog.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { runScript } from './run-script.ts';
import { readAllRows } from './table-contents.ts';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'samverkan-backup-test-'));
  await seedDatabase(database.db, { demo: true });
  // Values that a careless dump would change: a numeric beyond double precision, microseconds, odd text.
  await database.pool.query(`
    with goal as (select id from goals order by id limit 1),
         indicator as (insert into indicators (goal_id, slug) select id, 'antal-studenter' from goal returning id)
    insert into indicator_values (indicator_id, year, target, value, source, measured_on)
    select id, 2026, 12345678901234567890.123456789, 0.1, 'Enkät', '2026-10-01' from indicator`);
  await database.pool.query(`
    insert into page_feedback (page_path, helpful, comment, created_at) values
      ('/avtal', false, E'Saknar datum; "citat" och \\\\ snedstreck\\nny rad', '2026-11-27 17:05:06.123456+01'),
      ('/', true, null, '2026-03-29 02:30:00+00')`);
});

afterAll(async () => {
  await database.cleanup();
  await fs.rm(dir, { recursive: true, force: true });
});

/** A version 2 file taken apart: the header, each table's marker line and row lines, the end line. */
type Unpacked = {
  header: {
    format: string;
    version: number;
    createdAt: string;
    migrations: string[];
    tables: { name: string; columns: string[] }[];
  };
  sections: { name: string; rows: string[] }[];
  end: { end: boolean; tables: number; rows: number };
};

async function unpack(file: string): Promise<Unpacked> {
  const text = (await gunzip(await fs.readFile(file))).toString('utf8');
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  const header = JSON.parse(lines.shift()!);
  const sections: Unpacked['sections'] = [];
  for (const table of header.tables) {
    const marker = JSON.parse(lines.shift()!);
    expect(marker).toEqual({ table: table.name, rows: expect.any(Number) });
    sections.push({ name: table.name, rows: lines.splice(0, marker.rows) });
  }
  const end = JSON.parse(lines.shift()!);
  expect(lines).toEqual([]);
  return { header, sections, end };
}

async function pack(file: string, { header, sections, end }: Unpacked): Promise<void> {
  const lines = [JSON.stringify(header)];
  for (const { name, rows } of sections)
    lines.push(JSON.stringify({ table: name, rows: rows.length }), ...rows);
  lines.push(JSON.stringify(end));
  await fs.writeFile(file, await gzip(`${lines.join('\n')}\n`));
}

/** A backup in the version 1 shape (one JSON document, whole tables by json_agg), as older code wrote it. */
async function writeVersion1Backup(file: string): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const { rows: migrations } = await client.query(
      'select hash from drizzle.__drizzle_migrations order by created_at, id',
    );
    const parts: string[] = [];
    for (const table of await readTables(client)) {
      const order = table.primaryKey.map((column) => `t.${escapeIdentifier(column)}`).join(', ');
      const { rows } = await client.query(
        `select coalesce(json_agg(t${order ? ` order by ${order}` : ''}), '[]')::text as json
         from (select ${table.columns.map(escapeIdentifier).join(', ')} from public.${escapeIdentifier(table.name)}) t`,
      );
      parts.push(
        `${JSON.stringify(table.name)}:{"columns":${JSON.stringify(table.columns)},"rows":${rows[0].json}}`,
      );
    }
    await client.query('commit');
    const body = `{"format":"samverkan-backup","version":1,"createdAt":${JSON.stringify(new Date().toISOString())},"migrations":${JSON.stringify(migrations.map((row) => row.hash))},"tables":{${parts.join(',')}}}`;
    await fs.writeFile(file, await gzip(body));
  } finally {
    client.release();
  }
}

/** Changes that a restore must undo. */
async function changeData(): Promise<void> {
  await database.pool.query(
    `update organisations set name = 'Ändrat namn' where slug = 'sodertorns-hogskola'`,
  );
  await database.pool.query('delete from group_members');
  await database.pool.query('delete from page_feedback');
  await database.pool.query(`insert into focus_areas (slug, name) values ('ny', 'Nytt område')`);
  await database.pool.query('update indicator_values set target = 42');
}

describe('backup and restore', () => {
  it('gives back exactly the backed-up rows after the data has changed', async () => {
    const file = path.join(dir, 'round-trip.json.gz');
    const before = await readAllRows(database.pool);
    const summary = await backupDatabase(database.pool, file);
    expect(summary.rows).toBe(Object.values(before).reduce((sum, rows) => sum + rows.length, 0));

    await changeData();
    await restoreDatabase(database.pool, file);
    expect(await readAllRows(database.pool)).toEqual(before);
  });

  it('gives new rows ids after the restored ones', async () => {
    const file = path.join(dir, 'sequences.json.gz');
    await backupDatabase(database.pool, file);
    await restoreDatabase(database.pool, file);
    const { rows } = await database.pool.query<{ max: number; id: number }>(`
      with previous as (select max(id) as max from organisations)
      insert into organisations (slug, name, kind) values ('ny-organisation', 'Ny organisation', 'unit')
      returning id, (select max from previous)`);
    expect(rows[0]!.id).toBe(rows[0]!.max + 1);
    await database.pool.query(`delete from organisations where slug = 'ny-organisation'`);
  });

  it('recomputes the search columns of restored rows', async () => {
    const file = path.join(dir, 'search.json.gz');
    await backupDatabase(database.pool, file);
    await restoreDatabase(database.pool, file);
    const { rows } = await database.pool.query(
      `select slug from organisations where search_vector @@ websearch_to_tsquery('samverkan_sv', 'sodertorn')`,
    );
    expect(rows.map((row) => row.slug)).toContain('sodertorns-hogskola');
  });

  it('writes gzip’d JSON Lines: a header, each table’s rows one per line, parents first, and an end line', async () => {
    const file = path.join(dir, 'header.json.gz');
    const summary = await backupDatabase(database.pool, file);
    const { header, sections, end } = await unpack(file);
    expect(header).toMatchObject({ format: 'samverkan-backup', version: 2 });
    expect(new Date(header.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const { rows } = await database.pool.query(
      'select hash from drizzle.__drizzle_migrations order by created_at',
    );
    expect(header.migrations).toEqual(rows.map((row) => row.hash));
    const organisations = header.tables.find((table) => table.name === 'organisations')!;
    expect(organisations.columns).toContain('name');
    expect(organisations.columns).not.toContain('search_vector');
    const organisationRows = sections.find((section) => section.name === 'organisations')!.rows;
    expect(organisationRows.length).toBeGreaterThan(1);
    expect(JSON.parse(organisationRows[0]!)).not.toHaveProperty('search_vector');
    expect(end).toEqual({ end: true, tables: header.tables.length, rows: summary.rows });
    expect(sections.reduce((sum, section) => sum + section.rows.length, 0)).toBe(summary.rows);

    const position = new Map(header.tables.map((table, index) => [table.name, index]));
    const client = await database.pool.connect();
    try {
      const tables = await readTables(client);
      expect([...position.keys()].sort()).toEqual(tables.map((table) => table.name).sort());
      for (const { child, parent } of await readForeignKeys(client))
        expect({ child, parent, before: position.get(parent)! < position.get(child)! }).toMatchObject({
          before: true,
        });
    } finally {
      client.release();
    }
    // The numeric beyond double precision is PostgreSQL's text, not a JavaScript number's.
    const values = sections.find((section) => section.name === 'indicator_values')!.rows;
    expect(values.some((row) => row.includes('12345678901234567890.123456789'))).toBe(true);
  });

  it('names backups by Stockholm date and time under DATA_DIR/backups', () => {
    expect(defaultBackupFile('/data', new Date('2026-07-01T10:02:03Z'))).toBe(
      '/data/backups/samverkan-backup-20260701-120203.json.gz',
    );
  });

  it.each([
    ['a text file', async (file: string) => fs.writeFile(file, 'inte en säkerhetskopia')],
    [
      'gzip’d JSON of another kind',
      async (file: string) => fs.writeFile(file, await gzip('{"format":"annat"}')),
    ],
    ['gzip’d text that is not JSON', async (file: string) => fs.writeFile(file, await gzip('hej'))],
  ])('refuses %s and changes nothing', async (_kind, write) => {
    const file = path.join(dir, 'not-a-backup');
    await write(file);
    const before = await readAllRows(database.pool);
    await expect(restoreDatabase(database.pool, file)).rejects.toThrow(
      new BackupError(`${file} är ingen säkerhetskopia från Samverkan.`),
    );
    expect(await readAllRows(database.pool)).toEqual(before);
  });

  it('refuses a backup whose migrations are not those of this code', async () => {
    const file = path.join(dir, 'other-version.json.gz');
    await backupDatabase(database.pool, file);
    const backup = await unpack(file);
    backup.header.migrations.push('a-migration-this-code-does-not-have');
    await pack(file, backup);
    await expect(restoreDatabase(database.pool, file)).rejects.toThrow(/annan version av Samverkan/);
  });

  it('restores nothing and says why when a row does not fit', async () => {
    const file = path.join(dir, 'broken-row.json.gz');
    await backupDatabase(database.pool, file);
    const backup = await unpack(file);
    const rows = backup.sections.find((section) => section.name === 'organisations')!.rows;
    rows[0] = JSON.stringify({ ...JSON.parse(rows[0]!), kind: 'ingen-sådan-sort' });
    await pack(file, backup);
    const before = await readAllRows(database.pool);
    await expect(restoreDatabase(database.pool, file)).rejects.toThrow(/databasen är oförändrad/);
    expect(await readAllRows(database.pool)).toEqual(before);
  });

  it.each([
    [
      'cut off in the middle',
      async (file: string) => {
        const bytes = await fs.readFile(file);
        await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      },
    ],
    [
      'without its last lines',
      async (file: string) => {
        const text = (await gunzip(await fs.readFile(file))).toString('utf8');
        const lines = text.split('\n');
        await fs.writeFile(file, await gzip(lines.slice(0, -3).join('\n')));
      },
    ],
    [
      'with a table’s rows missing',
      async (file: string) => {
        const text = (await gunzip(await fs.readFile(file))).toString('utf8');
        const lines = text.split('\n');
        // The marker still promises the old count: the lines no longer line up with the tables.
        const marker = lines.findIndex((line) => line.startsWith('{"table":"organisations"'));
        lines.splice(marker + 1, 1);
        await fs.writeFile(file, await gzip(lines.join('\n')));
      },
    ],
  ])('refuses a backup %s, says so in Swedish and changes nothing', async (_kind, damage) => {
    const file = path.join(dir, 'damaged.json.gz');
    const good = path.join(dir, 'undamaged.json.gz');
    await backupDatabase(database.pool, good);
    await fs.copyFile(good, file);
    await damage(file);
    const before = await readAllRows(database.pool);
    await changeData();
    const changed = await readAllRows(database.pool);
    expect(changed).not.toEqual(before);
    onTestFinished(() => restoreDatabase(database.pool, good).then(() => undefined));
    await expect(restoreDatabase(database.pool, file)).rejects.toThrow(
      new RegExp(
        `^Säkerhetskopian ${file} är skadad eller ofullständig \\(.+\\)\\. Återställningen avbröts och databasen är oförändrad\\.$`,
      ),
    );
    expect(await readAllRows(database.pool)).toEqual(changed);
  });

  it('still restores a version 1 backup (one JSON document)', async () => {
    const file = path.join(dir, 'version-1.json.gz');
    const before = await readAllRows(database.pool);
    await writeVersion1Backup(file);
    await changeData();
    const summary = await restoreDatabase(database.pool, file);
    expect(summary.rows).toBe(Object.values(before).reduce((sum, rows) => sum + rows.length, 0));
    expect(await readAllRows(database.pool)).toEqual(before);
  });

  it('restores a self-referencing table whose children come before their parents, batch after batch', async () => {
    // Ids chosen so that key order puts every child before its parent, and two rows that refer to each other.
    await database.pool.query(`
      insert into organisations (id, slug, name, kind, parent_id) overriding system value values
        (900003, 'forälder', 'Förälder', 'unit', null),
        (900002, 'barn', 'Barn', 'unit', 900003),
        (900001, 'barnbarn', 'Barnbarn', 'unit', 900002),
        (900010, 'den-ena', 'Den ena', 'unit', null),
        (900011, 'den-andra', 'Den andra', 'unit', 900010)`);
    await database.pool.query('update organisations set parent_id = 900011 where id = 900010');
    try {
      const file = path.join(dir, 'self-reference.json.gz');
      const before = await readAllRows(database.pool);
      const oneRowAtATime = { rows: 1, bytes: 1 };
      await backupDatabase(database.pool, file, oneRowAtATime);
      const ids = (await unpack(file)).sections
        .find((section) => section.name === 'organisations')!
        .rows.map((row) => JSON.parse(row).id);
      expect(ids.indexOf(900001)).toBeLessThan(ids.indexOf(900003));

      await database.pool.query('delete from organisations where id in (900001, 900002, 900003)');
      await restoreDatabase(database.pool, file, oneRowAtATime);
      expect(await readAllRows(database.pool)).toEqual(before);
    } finally {
      await database.pool.query('update organisations set parent_id = null where id >= 900000');
      await database.pool.query('delete from organisations where id >= 900000');
    }
  });

  it('restores a file whose tables are not in parents-first order', async () => {
    const file = path.join(dir, 'children-first.json.gz');
    const before = await readAllRows(database.pool);
    await backupDatabase(database.pool, file);
    const backup = await unpack(file);
    backup.header.tables.reverse();
    backup.sections.reverse();
    await pack(file, backup);
    await changeData();
    await restoreDatabase(database.pool, file, { rows: 2, bytes: 8 * 1024 * 1024 });
    expect(await readAllRows(database.pool)).toEqual(before);
  });

  it('carries bytea values byte for byte, several MB each', async () => {
    await database.pool.query(
      'create table backup_blob_probe (id int primary key generated always as identity, bytes bytea not null)',
    );
    try {
      const values = [
        ...Array.from({ length: 5 }, () => randomBytes(3 * 1024 * 1024)),
        Buffer.alloc(0),
        Buffer.from([0, 92, 120, 34, 10, 255]),
      ];
      for (const value of values)
        await database.pool.query('insert into backup_blob_probe (bytes) values ($1)', [value]);
      const expected = values.map((value, index) => ({
        id: index + 1,
        sha256: createHash('sha256').update(value).digest('hex'),
        length: value.length,
      }));
      const file = path.join(dir, 'blobs.json.gz');
      await backupDatabase(database.pool, file);
      const probe = (await unpack(file)).sections.find((section) => section.name === 'backup_blob_probe')!;
      expect(probe.rows).toHaveLength(values.length);

      await database.pool.query('delete from backup_blob_probe');
      await restoreDatabase(database.pool, file);
      const { rows } = await database.pool.query(
        `select id, encode(sha256(bytes), 'hex') as sha256, octet_length(bytes) as length
         from backup_blob_probe order by id`,
      );
      expect(rows).toEqual(expected);
      const next = await database.pool.query(
        `insert into backup_blob_probe (bytes) values ('\\x00') returning id`,
      );
      expect(next.rows[0].id).toBe(values.length + 1);
    } finally {
      await database.pool.query('drop table if exists backup_blob_probe');
    }
  });
});

describe('npm run db:backup and db:restore', () => {
  it('back up and restore through the scripts', async () => {
    const env = { DATABASE_URL: database.url, DATA_DIR: dir };
    const file = path.join(dir, 'by-script.json.gz');
    const before = await readAllRows(database.pool);

    const backup = await runScript('scripts/db-backup.ts', [file], env);
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toContain(`Säkerhetskopian är sparad: ${file}`);

    await database.pool.query('delete from page_feedback');
    const restore = await runScript('scripts/db-restore.ts', [file], env);
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(restore.stdout).toContain('Databasen är återställd');
    expect(await readAllRows(database.pool)).toEqual(before);
  });

  it('saves into DATA_DIR/backups when no file is given', async () => {
    const dataDir = path.join(dir, 'data');
    const result = await runScript('scripts/db-backup.ts', [], {
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
    });
    expect(result.code).toBe(0);
    const files = await fs.readdir(path.join(dataDir, 'backups'));
    expect(files).toEqual([expect.stringMatching(/^samverkan-backup-\d{8}-\d{6}\.json\.gz$/)]);
  });

  it('refuses a file that is not a backup with a Swedish message, exit code 1 and no stack trace', async () => {
    const file = path.join(dir, 'notes.txt');
    await fs.writeFile(file, 'anteckningar');
    const result = await runScript('scripts/db-restore.ts', [file], {
      DATABASE_URL: database.url,
      DATA_DIR: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`${file} är ingen säkerhetskopia från Samverkan.`);
  });

  it('refuses a cut-off backup with a Swedish message, exit code 1 and no stack trace', async () => {
    const file = path.join(dir, 'cut-off.json.gz');
    await backupDatabase(database.pool, file);
    const bytes = await fs.readFile(file);
    await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const result = await runScript('scripts/db-restore.ts', [file], {
      DATABASE_URL: database.url,
      DATA_DIR: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^Säkerhetskopian \S+ är skadad eller ofullständig \(.+\)\. Återställningen avbröts och databasen är oförändrad\.$/,
    );
  });

  it('asks for a file when none is given', async () => {
    const result = await runScript('scripts/db-restore.ts', [], {
      DATABASE_URL: database.url,
      DATA_DIR: dir,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Ange säkerhetskopian');
  });
});

describe.skipIf(process.getuid?.() !== 0)('a backup taken as root in a service user’s directory', () => {
  it('hands the backup and the folder made for it to the directory’s owner', async () => {
    const dataDir = path.join(dir, 'tjanstens-data');
    await fs.mkdir(dataDir);
    // `nobody` (65534) stands for the service user that owns DATA_DIR.
    await fs.chown(dataDir, 65534, 65534);
    const file = path.join(dataDir, 'backups', 'samverkan-backup.json.gz');
    await backupDatabase(database.pool, file);
    for (const made of [path.join(dataDir, 'backups'), file]) {
      const { uid, gid } = await fs.stat(made);
      expect({ made: path.basename(made), uid, gid }).toEqual({
        made: path.basename(made),
        uid: 65534,
        gid: 65534,
      });
    }
  });

  it('hands a backup written into a folder that was there already to that folder’s owner', async () => {
    const backups = path.join(dir, 'tjanstens-backups');
    await fs.mkdir(backups);
    await fs.chown(backups, 65534, 65534);
    const file = path.join(backups, 'samverkan-backup.json.gz');
    await backupDatabase(database.pool, file);
    expect((await fs.stat(file)).uid).toBe(65534);
  });
});

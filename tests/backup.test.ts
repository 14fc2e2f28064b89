import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../seeds/apply-seed.ts';
import { BackupError, backupDatabase, defaultBackupFile, restoreDatabase } from '../src/db/backup.ts';
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
         indicator as (insert into indicators (goal_id, slug, name) select id, 'antal-studenter', 'Antal studenter' from goal returning id)
    insert into indicator_values (indicator_id, year, target, value)
    select id, 2026, 12345678901234567890.123456789, 0.1 from indicator`);
  await database.pool.query(`
    insert into page_feedback (page_path, helpful, comment, created_at) values
      ('/avtal', false, E'Saknar datum; "citat" och \\\\ snedstreck\\nny rad', '2026-11-27 17:05:06.123456+01'),
      ('/', true, null, '2026-03-29 02:30:00+00')`);
});

afterAll(async () => {
  await database.cleanup();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('gives back exactly the backed-up rows after the data has changed', async () => {
    const file = path.join(dir, 'round-trip.json.gz');
    const before = await readAllRows(database.pool);
    const summary = await backupDatabase(database.pool, file);
    expect(summary.rows).toBe(Object.values(before).reduce((sum, rows) => sum + rows.length, 0));

    await database.pool.query(
      `update organisations set name = 'Ändrat namn' where slug = 'sodertorns-hogskola'`,
    );
    await database.pool.query('delete from group_members');
    await database.pool.query('delete from page_feedback');
    await database.pool.query(`insert into focus_areas (slug, name) values ('ny', 'Nytt område')`);
    await database.pool.query('update indicator_values set value = 42');

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

  it('writes a gzip file with the format header, the migrations and no generated columns', async () => {
    const file = path.join(dir, 'header.json.gz');
    await backupDatabase(database.pool, file);
    const backup = JSON.parse((await gunzip(await fs.readFile(file))).toString('utf8'));
    expect(backup).toMatchObject({ format: 'samverkan-backup', version: 1 });
    expect(new Date(backup.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const { rows } = await database.pool.query(
      'select hash from drizzle.__drizzle_migrations order by created_at',
    );
    expect(backup.migrations).toEqual(rows.map((row) => row.hash));
    expect(backup.tables.organisations.columns).toContain('name');
    expect(backup.tables.organisations.columns).not.toContain('search_vector');
    expect(backup.tables.organisations.rows[0]).not.toHaveProperty('search_vector');
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
    const backup = JSON.parse((await gunzip(await fs.readFile(file))).toString('utf8'));
    backup.migrations.push('a-migration-this-code-does-not-have');
    await fs.writeFile(file, await gzip(JSON.stringify(backup)));
    await expect(restoreDatabase(database.pool, file)).rejects.toThrow(/annan version av Samverkan/);
  });

  it('restores nothing and says why when a row does not fit', async () => {
    const file = path.join(dir, 'broken-row.json.gz');
    await backupDatabase(database.pool, file);
    const backup = JSON.parse((await gunzip(await fs.readFile(file))).toString('utf8'));
    backup.tables.organisations.rows[0].kind = 'ingen-sådan-sort';
    await fs.writeFile(file, await gzip(JSON.stringify(backup)));
    const before = await readAllRows(database.pool);
    await expect(restoreDatabase(database.pool, file)).rejects.toThrow(/databasen är oförändrad/);
    expect(await readAllRows(database.pool)).toEqual(before);
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

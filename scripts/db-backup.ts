import { backupDatabase, defaultBackupFile } from '../src/db/backup.ts';
import { runWithDatabase } from './with-database.ts';

/** npm run db:backup [FILE] — default <DATA_DIR>/backups/samverkan-backup-YYYYMMDD-HHMMSS.json.gz. */
await runWithDatabase(async ({ database, config }) => {
  const file = process.argv[2] ?? defaultBackupFile(config.dataDir);
  const summary = await backupDatabase(database.pool, file);
  console.log(
    `Säkerhetskopian är sparad: ${summary.file} (${summary.rows} rader i ${summary.tables} tabeller).`,
  );
});

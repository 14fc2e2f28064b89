import { restoreDatabase } from '../src/db/backup.ts';
import { runWithDatabase } from './with-database.ts';

/** npm run db:restore FILE — replaces every row in the database with the backup's. */
const file = process.argv[2];
if (file) {
  await runWithDatabase(async ({ database }) => {
    const summary = await restoreDatabase(database.pool, file);
    console.log(
      `Databasen är återställd från ${summary.file} (${summary.rows} rader i ${summary.tables} tabeller).`,
    );
  });
} else {
  console.error('Ange säkerhetskopian som ska återställas: npm run db:restore -- FIL');
  process.exitCode = 1;
}

import { migrateDatabase } from '../src/db/migrate.ts';
import { runWithDatabase } from './with-database.ts';

/** npm run db:migrate — applies the committed migrations that have not run yet. */
await runWithDatabase(async ({ database }) => {
  await migrateDatabase(database.db);
  console.log('Databasen är migrerad.');
});

import { seedDatabase } from '../seeds/apply-seed.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { runWithDatabase } from './with-database.ts';

/** npm run db:seed — the source page's facts, plus demo data unless DEMO_DATA=false (which removes it). */
await runWithDatabase(async ({ database, config }) => {
  await migrateDatabase(database.db);
  await seedDatabase(database.db, { demo: config.demoData });
  console.log(
    config.demoData
      ? 'Grunddata och exempeldata är inlagda.'
      : 'Grunddata är inlagda; exempeldata är borttagna.',
  );
});

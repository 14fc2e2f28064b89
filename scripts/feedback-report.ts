import { migrateDatabase } from '../src/db/migrate.ts';
import { findFeedbackSummaries, formatFeedbackReport } from '../src/features/feedback/feedback.report.ts';
import { runWithDatabase } from './with-database.ts';

/** npm run feedback:report — answers per page, share of "Ja" and the newest comments. */
await runWithDatabase(async ({ database }) => {
  // On a database that has never been started the tables do not exist yet.
  await migrateDatabase(database.db);
  process.stdout.write(formatFeedbackReport(await findFeedbackSummaries(database.db)));
});

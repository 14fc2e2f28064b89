import { migrateDatabase } from '../src/db/migrate.ts';
import { grantAdministrator } from '../src/features/accounts/grant-administrator.ts';
import { runWithDatabase } from './with-database.ts';

/** npm run admin:grant -- person@example.se — the first administrator (see README, "Signing in"). */
const email = process.argv[2];
if (!email?.includes('@')) {
  console.error('Ange e-postadressen: npm run admin:grant -- namn@example.se');
  process.exit(1);
}
await runWithDatabase(async ({ database }) => {
  // A data directory from before the accounts existed gets their tables first.
  await migrateDatabase(database.db);
  const outcome = await grantAdministrator(database.db, email, new Date());
  if (outcome.kind === 'granted') {
    console.log(`Person ${outcome.personId} är nu administratör i ${outcome.organisation}.`);
    return;
  }
  process.exitCode = 1;
  if (outcome.kind === 'no-person')
    console.error(`Ingen person har adressen ${email}. Logga in en gång först, sedan kör du kommandot igen.`);
  else if (outcome.kind === 'ambiguous')
    console.error(
      `Flera personer har adressen ${email} (id ${outcome.personIds.join(', ')}). Ge rollen i administrationen i stället.`,
    );
  else console.error('Det finns ingen kommun överst i organisationsträdet.');
});

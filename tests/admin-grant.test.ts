import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../seeds/apply-seed.ts';
import { auditLog, memberships, people } from '../src/features/accounts/accounts.table.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { createPerson } from './people.ts';
import { runScript } from './run-script.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database.db, { demo: false });
});
afterAll(() => database.cleanup());

describe('npm run admin:grant', () => {
  it('makes the person with the address an administrator in the municipality, and logs it', async () => {
    const personId = await createPerson(database.db, { email: 'Forsta.Admin@huddinge.se' });
    const result = await runScript('scripts/admin-grant.ts', ['forsta.admin@HUDDINGE.se'], {
      DATABASE_URL: database.url,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('är nu administratör i Huddinge kommun');
    const rows = await database.db.select().from(memberships).where(eq(memberships.personId, personId));
    expect(rows.map((row) => row.role)).toEqual(['administrator']);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.subjectPersonId, personId));
    expect(entry?.action).toBe('membership_granted');
  });

  it('goes by the address people sign in with, never a contact e-mail anyone can type', async () => {
    // Someone who set their contact e-mail to the operator's address on Mina uppgifter.
    const impostor = await createPerson(database.db, { email: 'egen@example.se' });
    await database.db.update(people).set({ email: 'it-drift@huddinge.se' }).where(eq(people.id, impostor));
    const result = await runScript('scripts/admin-grant.ts', ['it-drift@huddinge.se'], {
      DATABASE_URL: database.url,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Ingen person har adressen it-drift@huddinge.se');
    expect(await database.db.select().from(memberships).where(eq(memberships.personId, impostor))).toEqual(
      [],
    );
  });

  it('says in Swedish when nobody has the address, and exits non-zero', async () => {
    const result = await runScript('scripts/admin-grant.ts', ['ingen@example.se'], {
      DATABASE_URL: database.url,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Ingen person har adressen ingen@example.se');
  });
});

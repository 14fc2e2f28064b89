import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../../tests/people.ts';
import { createTestApp } from '../../../tests/test-app.ts';
import { findContactChoices, findLiveAgreementsWithParties } from './agreement-edits.queries.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp();
});
afterAll(() => subject.cleanup());
const db = () => subject.deps.db;

/**
 * The subqueries in these selects name the outer table's columns; a lone "id" there would mean the
 * subquery's own table (drizzle leaves the table off in a one-table select), so each answer is checked
 * against what the person or agreement really has.
 */
describe('the agreement form’s choices', () => {
  it('names each contact’s own organisations', async () => {
    const id = await createPerson(db(), {
      name: 'Kim Kontakt',
      roles: { 'barn-och-utbildningsforvaltningen': 'member', 'sodertorns-hogskola': 'member' },
    });
    const choice = (await findContactChoices(db(), [])).find((person) => person.id === id);
    expect(choice?.organisations).toBe('Barn- och utbildningsförvaltningen, Södertörns högskola');
  });

  it('gives each agreement its own parties', async () => {
    const rows = await findLiveAgreementsWithParties(db());
    const counts = await db().execute<{ slug: string; parties: number }>(
      sql`select a.slug, count(p.organisation_id)::int as parties
            from agreements a left join agreement_parties p on p.agreement_id = a.id
           where a.deleted_at is null group by a.slug`,
    );
    expect(counts.rows.length).toBeGreaterThan(2);
    for (const { slug, parties } of counts.rows)
      expect(rows.find((row) => row.slug === slug)?.parties, slug).toHaveLength(parties);
  });
});

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../seeds/apply-seed.ts';
import { createTestApp, fetchPage, textOf } from '../../../tests/test-app.ts';
import { people } from '../accounts/accounts.table.ts';
import { meetingActions, meetings } from './meetings.table.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

const count = async () => {
  const { db } = subject.deps;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(meetings)
    .where(eq(meetings.isDemo, true));
  return row?.n ?? 0;
};

describe('the demo meetings of Högskolerådet', () => {
  it("are on the council page and the meetings' pages, labelled Exempeldata", async () => {
    const council = textOf((await fetchPage(subject, '/hogskoleradet')).html);
    expect(council).toContain('18 mars 2027: Högskolerådets möte i mars kl. 09.00–11.30');
    expect(council).toContain('22 oktober 2026: Högskolerådets möte i oktober');
    expect(council).toContain('Beslut: Kompetensförsörjning i vård och omsorg: gemensam handlingsplan');
    expect(council).toContain('Förslag på gemensamt forskningsprojekt om Flemingsbergs stadsutveckling');
    expect(council).toMatch(/Pågår: Ett första utkast finns\. 20 november 2026 \(försenat\)/);
    expect(council).toContain('Exempeldata');
    expect(council).not.toContain('Fördelning av samverkansmedel');

    const [first] = await subject.deps.db
      .select({ id: meetings.id })
      .from(meetings)
      .where(eq(meetings.title, 'Högskolerådets möte i september'));
    const minutes = textOf((await fetchPage(subject, `/moten/${first?.id}`)).html);
    expect(minutes).toContain('Protokoll: Högskolerådets möte i september Exempeldata');
    expect(minutes).toContain('Justerare Lena Sjöberg (justerat 28 september 2026)');
    expect(minutes).toContain('Fokusområden Kompetensförsörjning');
    const actions = await subject.deps.db.select({ status: meetingActions.status }).from(meetingActions);
    expect(actions.map((action) => action.status).sort()).toEqual(['done', 'in_progress']);
  });

  it('are added once, removed with the demo data, and added afresh when it is turned on again', async () => {
    expect(await count()).toBe(3);
    await seedDatabase(subject.deps.db, { demo: true });
    expect(await count()).toBe(3);
    await seedDatabase(subject.deps.db, { demo: false });
    expect(await count()).toBe(0);
    expect(await subject.deps.db.select().from(people).where(eq(people.name, 'Lena Sjöberg'))).toEqual([]);
    const empty = textOf((await fetchPage(subject, '/hogskoleradet')).html);
    expect(empty).toContain('Inga möten är inlagda än.');
    await seedDatabase(subject.deps.db, { demo: true });
    expect(await count()).toBe(3);
  });
});

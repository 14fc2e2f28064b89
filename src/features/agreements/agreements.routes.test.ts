import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../../tests/people.ts';
import { buildTestApp, createTestApp, textOf } from '../../../tests/test-app.ts';
import { fixedClock } from '../../lib/clock.ts';
import { people } from '../accounts/accounts.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { agreementContacts, agreements } from './agreements.table.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: false });
});
afterAll(() => subject.cleanup());

async function textAt(path: string, app: { request: (path: string) => Promise<Response> } = subject) {
  const response = await app.request(path);
  expect(response.status).toBe(200);
  return textOf(await response.text());
}

describe('the agreements page', () => {
  it('tells the source page’s text about the forms of collaboration', async () => {
    const text = await textAt('/avtal');
    expect(text).toContain('Samarbetsformer');
    expect(text).toContain(
      'Inom ramen för två ömsesidiga samverkansavtal, ett med Södertörns högskola och ett med Karolinska institutet',
    );
    expect(text).toContain(
      'Samhällsbyggnad, kompetensförsörjning och tillgång till likvärdig vård är några exempel.',
    );
    expect(text).toContain('Uppdaterad 23 augusti 2023');
  });

  it('lists the three agreements of the source page with their parties and status', async () => {
    const text = await textAt('/avtal');
    expect(text).toContain('Samverkansavtal mellan Huddinge kommun och Södertörns högskola');
    expect(text).toContain('Samverkansavtal mellan Huddinge kommun och Karolinska Institutet');
    expect(text).toMatch(
      /ULF-avtal om praktiknära forskning i förskola och skolaULF-avtal Barn- och utbildningsförvaltningen, Gymnasie- och arbetsmarknadsförvaltningen, Södertörns högskola 1 januari 2017 – 31 december 2025 Avslutat/,
    );
  });

  it('lists the working groups', async () => {
    const text = await textAt('/avtal');
    expect(text).toContain('Arbetsgruppen för samverkansavtalet med Södertörns högskola');
    expect(text).toContain('Arbetsgruppen för samverkansavtalet med Karolinska Institutet');
  });
});

describe('the ULF agreement page', () => {
  const path = '/avtal/ulf-avtal-sodertorns-hogskola';

  it('shows the ULF agreement as ended after 2025', async () => {
    const text = await textAt(path);
    expect(text).toContain('Status Avslutat');
    expect(text).toContain('Giltighetstid 1 januari 2017 – 31 december 2025');
    expect(text).toContain(
      'Parter Barn- och utbildningsförvaltningen Gymnasie- och arbetsmarknadsförvaltningen Södertörns högskola',
    );
  });

  it('shows the ULF agreement as in force in 2024', async () => {
    const in2024 = buildTestApp(subject.database, {
      demo: false,
      clock: fixedClock('2024-03-15T12:00:00+01:00'),
    });
    expect(await textAt(path, in2024)).toContain('Status Gällande');
  });

  it('shows the ULF agreement as running out in its last 90 days', async () => {
    const late2025 = buildTestApp(subject.database, {
      demo: false,
      clock: fixedClock('2025-11-01T12:00:00+01:00'),
    });
    expect(await textAt(path, late2025)).toContain('Status Löper ut inom 90 dagar');
  });

  it('says what is not registered rather than leaving it blank', async () => {
    const text = await textAt(path);
    expect(text).toContain('Diarienummer Uppgift saknas');
    expect(text).toContain('Inga prioriterade utvecklingsområden registrerade.');
  });
});

describe('a collaboration agreement page', () => {
  it('shows the three prioritised areas and the working group', async () => {
    const text = await textAt('/avtal/samverkansavtal-karolinska-institutet');
    for (const area of ['Samhällsbyggnad', 'Kompetensförsörjning', 'Tillgång till likvärdig vård']) {
      expect(text).toContain(area);
    }
    expect(text).toContain('Arbetsgruppen för samverkansavtalet med Karolinska Institutet');
    expect(text).toContain('Giltighetstid Giltighetstiden är inte registrerad.');
  });

  it('answers an unknown agreement with the Swedish 404 page', async () => {
    const response = await subject.request('/avtal/finns-inte');
    expect(response.status).toBe(404);
    expect(textOf(await response.text())).toContain('Sidan finns inte');
  });
});

describe('the agreements page with many agreements', () => {
  it('shows 50 a page with links between the pages, and refuses pages that do not exist', async () => {
    const { sql } = await import('drizzle-orm');
    await subject.database.db.execute(sql`
      insert into agreements (slug, title, kind, is_demo)
      select 'massavtal-' || n, 'Massavtal nummer ' || lpad(n::text, 3, '0'), 'placement', true
        from generate_series(1, 60) as n`);
    const first = await textAt('/avtal');
    expect(first).toContain('Sida 1 av 2');
    expect(first).toContain('Nästa sida');
    expect(first).not.toContain('Massavtal nummer 048');
    const second = await textAt('/avtal?sida=2');
    expect(second).toContain('Sida 2 av 2');
    expect(second).toContain('Föregående sida');
    expect(second).toContain('Massavtal nummer 060');
    expect((await subject.request('/avtal?sida=3')).status).toBe(404);
    expect((await subject.request('/avtal?sida=abc')).status).toBe(400);
  });
});

describe('contact people on an agreement', () => {
  it('names them with their party, without their e-mail, also after they asked for erasure', async () => {
    const { db } = subject.deps;
    const [agreement] = await db
      .select()
      .from(agreements)
      .where(eq(agreements.slug, 'samverkansavtal-sodertorns-hogskola'));
    const [party] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.slug, 'sodertorns-hogskola'));
    const personId = await createPerson(db, { name: 'Karin Kontakt', email: 'karin.kontakt@example.se' });
    await db
      .insert(agreementContacts)
      .values({ agreementId: agreement!.id, personId, organisationId: party!.id });

    const before = await subject.request('/avtal/samverkansavtal-sodertorns-hogskola');
    const html = await before.text();
    expect(textOf(html)).toContain('Kontaktpersoner Karin Kontakt, Södertörns högskola');
    expect(html).not.toContain('karin.kontakt@example.se');

    await db.update(people).set({ keptForPublicRecordAt: new Date() }).where(eq(people.id, personId));
    expect(await textAt('/avtal/samverkansavtal-sodertorns-hogskola')).toContain('Karin Kontakt');
  });
});

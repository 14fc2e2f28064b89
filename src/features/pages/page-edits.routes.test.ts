import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { createPageCache } from '../../web/page-cache.ts';
import { recordHistory } from '../register/register.table.ts';
import { pages } from './pages.table.ts';

const cache = createPageCache({ ttlMs: 60_000, maxBytes: 4 * 1024 * 1024 });
let subject: Awaited<ReturnType<typeof createTestApp>>;
let coordinator: string;
let editor: string;

beforeAll(async () => {
  subject = await createTestApp({ pageCache: cache });
  coordinator = (
    await signedInPerson(subject, { name: 'Cora Samordnare', roles: { 'huddinge-kommun': 'coordinator' } })
  ).cookie;
  editor = (
    await signedInPerson(subject, {
      name: 'Erik Redaktör',
      roles: { 'barn-och-utbildningsforvaltningen': 'editor' },
    })
  ).cookie;
});
afterAll(() => subject.cleanup());

const db = () => subject.deps.db;
const as = (cookie: string, fields: Record<string, string>) => formPost(fields, { cookie });
const page = async (path: string, cookie?: string) => {
  const response = await subject.request(path, cookie ? { headers: { cookie } } : {});
  return { status: response.status, html: await response.text(), cache: response.headers.get('x-cache') };
};

async function textPage(slug: string) {
  const [row] = await db().select().from(pages).where(eq(pages.slug, slug));
  if (!row) throw new Error(slug);
  return row;
}
async function formFor(slug: string, changes: Record<string, string> = {}) {
  const row = await textPage(slug);
  return { title: row.title, body: row.body, version: String(row.version), ...changes };
}

describe('editing a text page', () => {
  it('saves, dates the page today, keeps the history, and the public page shows it at once (cached)', async () => {
    await subject.request('/ulf');
    const cached = await page('/ulf');
    expect(cached.cache).toBe('hit');
    expect(textOf(cached.html)).toContain('Uppdaterad 23 augusti 2023');

    const body = `${(await textPage('ulf')).body}\n\n## Nytt om ULF\n\n- Ansökan öppnar i mars\n- Läs mer på [ULF-sidan](https://www.ulfavtal.se)`;
    const response = await subject.request(
      '/sidor/ulf/andra',
      as(coordinator, await formFor('ulf', { body })),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/ulf?sparat=1');

    const shown = await page('/ulf');
    expect(shown.cache).toBeNull();
    const text = textOf(shown.html);
    expect(text).toContain('Nytt om ULF');
    expect(shown.html).toContain('<h2>Nytt om ULF</h2>');
    expect(shown.html).toContain('<li>Ansökan öppnar i mars</li>');
    expect(shown.html).toContain('<a href="https://www.ulfavtal.se">ULF-sidan</a>');
    // The clock of the tests says 27 November 2026 (Stockholm).
    expect(text).toContain('Uppdaterad 27 november 2026');
    expect((await textPage('ulf')).updatedOn).toBe('2026-11-27');

    const history = textOf((await page('/sidor/ulf/historik', coordinator)).html);
    expect(history).toContain('Version 2: Ändrad');
    expect(history).toContain('Cora Samordnare');
    expect(history).toContain('Text');
    const [entry] = await db()
      .select()
      .from(recordHistory)
      .where(
        and(eq(recordHistory.recordType, 'page'), eq(recordHistory.recordId, (await textPage('ulf')).id)),
      )
      .orderBy(desc(recordHistory.version));
    expect(entry?.version).toBe(2);
    expect(Object.keys(entry?.changes ?? {})).toEqual(['body']);
  });

  it('changes the start page’s heading at once, and shows the coordinator the note and the links', async () => {
    await subject.request('/');
    const response = await subject.request(
      '/sidor/start/andra',
      as(coordinator, await formFor('start', { title: 'Samverkan med akademierna i Huddinge' })),
    );
    expect(response.headers.get('location')).toBe('/?sparat=1');
    expect((await page('/')).html).toContain('<h1>Samverkan med akademierna i Huddinge</h1>');
    const signedIn = await page('/?sparat=1', coordinator);
    expect(textOf(signedIn.html)).toContain('Ändringen är sparad.');
    expect(signedIn.html).toContain('href="/sidor/start/andra"');
    expect(signedIn.html).toContain('href="/sidor/start/historik"');
    // Nobody else sees the links: an editor, or anyone not signed in (and no note for them).
    expect((await page('/?sparat=1', editor)).html).not.toContain('href="/sidor/start/andra"');
    const anonymous = await page('/?sparat=1');
    expect(anonymous.html).not.toContain('/sidor/start/andra');
    expect(textOf(anonymous.html)).not.toContain('Ändringen är sparad.');
  });

  it('offers the edit links on every text page to the coordinator', async () => {
    for (const [path, slug] of [
      ['/larosaten', 'larosaten'],
      ['/avtal', 'samarbetsformer'],
      ['/hogskoleradet', 'hogskoleradet'],
      ['/flemingsberg-science', 'flemingsberg-science'],
      ['/mal', 'mal'],
      ['/ulf', 'ulf'],
      ['/tillganglighet', 'tillganglighet'],
      ['/personuppgifter', 'personuppgifter'],
    ]) {
      expect((await page(path!, coordinator)).html, path).toContain(`href="/sidor/${slug}/andra"`);
      expect((await page(`/sidor/${slug}/andra`, coordinator)).status, slug).toBe(200);
    }
  });

  it('refuses the second of two saves made from the same version, showing both and keeping what was typed', async () => {
    const opened = await formFor('mal');
    const first = await subject.request(
      '/sidor/mal/andra',
      as(coordinator, { ...opened, title: 'Våra mål' }),
    );
    expect(first.status).toBe(303);
    const second = await subject.request(
      '/sidor/mal/andra',
      as(coordinator, { ...opened, body: 'Min text som inte får försvinna' }),
    );
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(textOf(html)).toContain('Någon annan sparade en ändring medan du skrev');
    expect(textOf(html)).toContain('Våra mål');
    expect(html).toContain('Min text som inte får försvinna');
    expect(html).toContain(`name="version" value="${(await textPage('mal')).version}"`);
    expect((await textPage('mal')).body).not.toContain('Min text');
  });

  it('lets exactly one of many simultaneous saves of one version through', async () => {
    const opened = await formFor('hogskoleradet');
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        subject.request('/sidor/hogskoleradet/andra', as(coordinator, { ...opened, title: `Rådet ${i}` })),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([
      303, 409, 409, 409, 409, 409, 409, 409,
    ]);
    expect((await textPage('hogskoleradet')).version).toBe(Number(opened.version) + 1);
  });

  it('answers bad input by the field, keeping what was typed, and saves nothing (nor the date)', async () => {
    const before = await textPage('personuppgifter');
    const response = await subject.request(
      '/sidor/personuppgifter/andra',
      as(
        coordinator,
        await formFor('personuppgifter', { title: 'Person\u0000uppgifter', body: 'å'.repeat(10_001) }),
      ),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain('Texten innehåller tecken som inte kan sparas.');
    expect(text).toContain('Texten är för lång: 10001 tecken.');
    expect(html).toContain('å'.repeat(10_001));
    expect(await textPage('personuppgifter')).toEqual(before);

    const empty = await subject.request(
      '/sidor/personuppgifter/andra',
      as(coordinator, await formFor('personuppgifter', { title: '   ', body: '' })),
    );
    expect(empty.status).toBe(422);
    expect(textOf(await empty.text())).toContain('Fyll i fältet.');
  });

  it('saves nothing and keeps the date when nothing changed', async () => {
    const before = await textPage('tillganglighet');
    const response = await subject.request(
      '/sidor/tillganglighet/andra',
      as(coordinator, await formFor('tillganglighet')),
    );
    expect(response.headers.get('location')).toBe('/tillganglighet?sparat=oforandrat');
    expect(await textPage('tillganglighet')).toEqual(before);
  });

  it('restores an earlier version, dated today, for the coordinator only', async () => {
    const slug = 'flemingsberg-science';
    const seeded = await textPage(slug);
    await subject.request(`/sidor/${slug}/andra`, as(coordinator, await formFor(slug, { title: 'Första' })));
    await subject.request(`/sidor/${slug}/andra`, as(coordinator, await formFor(slug, { title: 'Andra' })));
    expect((await textPage(slug)).title).toBe('Andra');
    expect((await subject.request(`/sidor/${slug}/historik/2/aterstall`, as(editor, {}))).status).toBe(403);
    const restored = await subject.request(`/sidor/${slug}/historik/2/aterstall`, as(coordinator, {}));
    expect(restored.status).toBe(303);
    expect(restored.headers.get('location')).toBe(`/sidor/${slug}/historik?klart=aterstalld`);
    expect((await textPage(slug)).title).toBe('Första');
    expect((await page('/flemingsberg-science')).html).toContain('<h1>Första</h1>');
    const history = textOf((await page(`/sidor/${slug}/historik`, coordinator)).html);
    expect(history).toContain('Version 4: Återställd');
    expect(history).toContain('Återställd till version 2');
    expect((await subject.request(`/sidor/${slug}/historik/99/aterstall`, as(coordinator, {}))).status).toBe(
      404,
    );
    // The seeded text, kept as version 1 by the first edit, can be brought back too.
    expect((await subject.request(`/sidor/${slug}/historik/1/aterstall`, as(coordinator, {}))).status).toBe(
      303,
    );
    expect((await textPage(slug)).title).toBe(seeded.title);
    expect((await textPage(slug)).body).toBe(seeded.body);
  });

  it('refuses an editor, an unknown page, a field the form does not have and a form from another site', async () => {
    expect((await page('/sidor/ulf/andra', editor)).status).toBe(403);
    expect((await page('/sidor/ulf/historik', editor)).status).toBe(403);
    expect(
      (await subject.request('/sidor/ulf/andra', as(editor, await formFor('ulf', { title: 'X' })))).status,
    ).toBe(403);
    expect((await page('/sidor/finns-inte/andra', coordinator)).status).toBe(404);
    expect(
      (await subject.request('/sidor/ulf/andra', as(coordinator, { ...(await formFor('ulf')), slug: 'x' })))
        .status,
    ).toBe(400);
    expect(
      (
        await subject.request(
          '/sidor/ulf/andra',
          as(coordinator, { ...(await formFor('ulf')), version: 'x' }),
        )
      ).status,
    ).toBe(400);
    const crossSite = await subject.request(
      '/sidor/ulf/andra',
      formPost(await formFor('ulf', { title: 'Kapad' }), {
        cookie: coordinator,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      }),
    );
    expect(crossSite.status).toBe(403);
    expect((await textPage('ulf')).title).not.toBe('Kapad');
  });
});

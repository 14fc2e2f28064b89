import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { createPageCache } from '../../web/page-cache.ts';
import { groups } from '../groups/groups.table.ts';
import { recordHistory } from '../register/register.table.ts';
import { organisations } from './organisations.table.ts';

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
async function organisation(slug: string) {
  const [row] = await db().select().from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw new Error(slug);
  return row;
}
const as = (cookie: string, fields: Record<string, string>) => formPost(fields, { cookie });

/** The organisation's fields as its form sends them, with some changed. */
async function formFor(slug: string, changes: Record<string, string> = {}) {
  const row = await organisation(slug);
  return {
    name: row.name,
    shortName: row.shortName ?? '',
    kind: row.kind,
    parentId: row.parentId === null ? '' : String(row.parentId),
    website: row.website ?? '',
    description: row.description,
    version: String(row.version),
    ...changes,
  };
}

describe('changing an organisation', () => {
  it('saves, keeps the history in plain Swedish, and the public page shows the change at once', async () => {
    const slug = 'ekdalsskolan';
    // A resident's visit puts the page in the cache first.
    await subject.request(`/organisationer/${slug}`);
    expect((await subject.request(`/organisationer/${slug}`)).headers.get('x-cache')).toBe('hit');

    const saved = await subject.request(
      `/organisationer/${slug}/andra`,
      as(editor, await formFor(slug, { description: 'Grundskola F–9 i Huddinge med fokus på läsning.' })),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/organisationer/${slug}?sparat=1`);

    const publicPage = await subject.request(`/organisationer/${slug}`);
    expect(publicPage.headers.get('x-cache')).toBeNull();
    expect(textOf(await publicPage.text())).toContain('Grundskola F–9 i Huddinge med fokus på läsning.');

    const history = textOf(
      await (
        await subject.request(`/organisationer/${slug}/historik`, { headers: { cookie: editor } })
      ).text(),
    );
    expect(history).toContain('Version 2: Ändrad');
    expect(history).toContain('Erik Redaktör');
    expect(history).toContain('Beskrivning');
    expect(history).toContain('Grundskola F–9 i Huddinge med fokus på läsning.');
    const [baseline, entry] = await db()
      .select()
      .from(recordHistory)
      .where(
        and(
          eq(recordHistory.recordType, 'organisation'),
          eq(recordHistory.recordId, (await organisation(slug)).id),
        ),
      )
      .orderBy(recordHistory.id);
    // The seeded record's first state is kept with the first change, so it can be restored too.
    expect(baseline).toMatchObject({ version: 1, action: 'created', actorPersonId: null });
    expect(baseline?.snapshot).toMatchObject({ name: 'Ekdalsskolan', kind: 'unit' });
    expect(entry?.version).toBe(2);
    expect(entry?.changes).toEqual({
      description: [expect.any(String), 'Grundskola F–9 i Huddinge med fokus på läsning.'],
    });
  });

  it('refuses the second of two saves made from the same version, showing both and keeping what was typed', async () => {
    const slug = 'solbackens-forskola';
    const opened = await formFor(slug);
    const first = await subject.request(
      `/organisationer/${slug}/andra`,
      as(editor, { ...opened, name: 'Solbackens förskola (Segeltorp)' }),
    );
    expect(first.status).toBe(303);
    const second = await subject.request(
      `/organisationer/${slug}/andra`,
      as(coordinator, {
        ...opened,
        name: 'Solbacken förskola',
        description: 'Min text som inte får försvinna',
      }),
    );
    expect(second.status).toBe(409);
    const html = await second.text();
    const text = textOf(html);
    expect(text).toContain('Någon annan sparade en ändring medan du skrev');
    expect(text).toContain('Så här ser den sparade versionen ut nu');
    expect(text).toContain('Solbackens förskola (Segeltorp)');
    expect(html).toContain('Min text som inte får försvinna');
    // The form now carries the saved version: saving again overwrites, deliberately.
    expect(html).toContain(`name="version" value="${(await organisation(slug)).version}"`);
    expect((await organisation(slug)).name).toBe('Solbackens förskola (Segeltorp)');
  });

  it('lets exactly one of many simultaneous saves of one version through', async () => {
    const slug = 'flemingsbergs-gymnasium';
    const opened = await formFor(slug);
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        subject.request(
          `/organisationer/${slug}/andra`,
          as(coordinator, { ...opened, description: `Samtidig ${i}` }),
        ),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([
      303, 409, 409, 409, 409, 409, 409, 409,
    ]);
    expect((await organisation(slug)).version).toBe(Number(opened.version) + 1);
  });

  it('answers bad input with messages next to the fields, keeping what was typed, and saves nothing', async () => {
    const slug = 'ekdalsskolan';
    const before = await organisation(slug);
    const response = await subject.request(
      `/organisationer/${slug}/andra`,
      as(
        editor,
        await formFor(slug, { name: ' ', website: 'javascript:alert(1)', description: 'x'.repeat(5001) }),
      ),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain('Fyll i fältet.');
    expect(text).toContain('Skriv en fullständig adress som börjar med https:// eller http://.');
    expect(text).toContain('Texten är för lång: 5001 tecken.');
    expect(html).toContain('value="javascript:alert(1)"');
    expect(await organisation(slug)).toEqual(before);
  });

  it('refuses to move an organisation into itself or one under it', async () => {
    const administration = await organisation('barn-och-utbildningsforvaltningen');
    const school = await organisation('ekdalsskolan');
    const response = await subject.request(
      '/organisationer/barn-och-utbildningsforvaltningen/andra',
      as(coordinator, await formFor(administration.slug, { parentId: String(school.id) })),
    );
    expect(response.status).toBe(422);
    expect(textOf(await response.text())).toContain('En organisation kan inte ingå i sig själv');
    expect((await organisation(administration.slug)).parentId).toBe(administration.parentId);
  });

  it('refuses a field the form does not have, and a form from another site', async () => {
    const slug = 'ekdalsskolan';
    const tampered = await subject.request(
      `/organisationer/${slug}/andra`,
      as(editor, { ...(await formFor(slug)), isDemo: 'true' }),
    );
    expect(tampered.status).toBe(400);
    const crossSite = await subject.request(
      `/organisationer/${slug}/andra`,
      formPost(await formFor(slug), {
        cookie: editor,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      }),
    );
    expect(crossSite.status).toBe(403);
  });
});

describe('adding, deleting and restoring', () => {
  it('adds a unit under the editor’s organisation, with its address from the name', async () => {
    const parent = await organisation('barn-och-utbildningsforvaltningen');
    const response = await subject.request(
      '/organisationer/ny',
      as(editor, {
        name: 'Vårbyskolan Ö',
        shortName: '',
        kind: 'unit',
        parentId: String(parent.id),
        website: '',
        description: '',
      }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/organisationer/varbyskolan-o/andra?sparat=ny');
    expect((await subject.request('/organisationer/varbyskolan-o')).status).toBe(200);
  });

  it('refuses to delete an organisation that agreements point to, naming them', async () => {
    const sh = await organisation('sodertorns-hogskola');
    const response = await subject.request(
      '/organisationer/sodertorns-hogskola/ta-bort',
      as(coordinator, { version: String(sh.version) }),
    );
    expect(response.status).toBe(409);
    const text = textOf(await response.text());
    expect(text).toContain('Organisationen kan inte tas bort eftersom den används');
    expect(text).toContain('Samverkansavtal mellan Huddinge kommun och Södertörns högskola');
    expect((await organisation('sodertorns-hogskola')).deletedAt).toBeNull();
  });

  it('refuses to delete an organisation that a group belongs to, naming the group', async () => {
    const created = await subject.request(
      '/organisationer/ny',
      as(coordinator, {
        name: 'Enhet med grupp',
        shortName: '',
        kind: 'unit',
        parentId: '',
        website: '',
        description: '',
      }),
    );
    expect(created.status).toBe(303);
    const unit = await organisation('enhet-med-grupp');
    await db().insert(groups).values({
      slug: 'enhetens-grupp',
      name: 'Enhetens arbetsgrupp',
      kind: 'working_group',
      organisationId: unit.id,
    });
    const response = await subject.request(
      '/organisationer/enhet-med-grupp/ta-bort',
      as(coordinator, { version: String(unit.version) }),
    );
    expect(response.status).toBe(409);
    expect(textOf(await response.text())).toContain('Enhetens arbetsgrupp');
    expect((await organisation('enhet-med-grupp')).deletedAt).toBeNull();
  });

  it('deletes softly, and the coordinator restores it from the history', async () => {
    const unit = await subject.request(
      '/organisationer/ny',
      as(coordinator, {
        name: 'Tillfällig enhet',
        shortName: '',
        kind: 'unit',
        parentId: '',
        website: '',
        description: '',
      }),
    );
    expect(unit.status).toBe(303);
    const created = await organisation('tillfallig-enhet');
    expect(
      (
        await subject.request(
          '/organisationer/tillfallig-enhet/ta-bort',
          as(coordinator, { version: String(created.version) }),
        )
      ).status,
    ).toBe(303);
    expect((await subject.request('/organisationer/tillfallig-enhet')).status).toBe(404);
    expect((await organisation('tillfallig-enhet')).deletedAt).not.toBeNull();

    // An editor may not restore; the coordinator may.
    expect(
      (await subject.request('/organisationer/tillfallig-enhet/historik/1/aterstall', as(editor, {}))).status,
    ).toBe(403);
    const restored = await subject.request(
      '/organisationer/tillfallig-enhet/historik/1/aterstall',
      as(coordinator, {}),
    );
    expect(restored.status).toBe(303);
    expect((await subject.request('/organisationer/tillfallig-enhet')).status).toBe(200);
    const history = textOf(
      await (
        await subject.request('/organisationer/tillfallig-enhet/historik', {
          headers: { cookie: coordinator },
        })
      ).text(),
    );
    expect(history).toContain('Version 3: Återställd');
    expect(history).toContain('Återställd till version 1');
    expect(history).toContain('Version 2: Borttagen');
    const rows = await db().execute<{ n: number }>(
      sql`select count(*)::int as n from record_history where record_id = ${created.id} and record_type = 'organisation'`,
    );
    expect(rows.rows[0]?.n).toBe(3);
  });
});

describe('odd requests', () => {
  it('refuses to restore a version whose parent is now under the organisation itself (no cycle)', async () => {
    const kommun = await organisation('huddinge-kommun');
    const bou = await organisation('barn-och-utbildningsforvaltningen');
    // Ekdalsskolan moves up to the municipality; then its old parent moves under it.
    const ekdal = await organisation('ekdalsskolan');
    expect(
      (
        await subject.request(
          '/organisationer/ekdalsskolan/andra',
          as(coordinator, await formFor('ekdalsskolan', { parentId: String(kommun.id) })),
        )
      ).status,
    ).toBe(303);
    expect(
      (
        await subject.request(
          '/organisationer/barn-och-utbildningsforvaltningen/andra',
          as(coordinator, await formFor('barn-och-utbildningsforvaltningen', { parentId: String(ekdal.id) })),
        )
      ).status,
    ).toBe(303);
    const restore = await subject.request(
      `/organisationer/ekdalsskolan/historik/${ekdal.version}/aterstall`,
      as(coordinator, {}),
    );
    expect(restore.status).toBe(409);
    expect(textOf(await restore.text())).toContain('organisationen den ingick i ingår nu själv i den här');
    expect((await organisation('ekdalsskolan')).parentId).toBe(kommun.id);
    // Put the tree back for the other tests.
    expect(
      (
        await subject.request(
          '/organisationer/barn-och-utbildningsforvaltningen/andra',
          as(
            coordinator,
            await formFor('barn-och-utbildningsforvaltningen', { parentId: String(bou.parentId) }),
          ),
        )
      ).status,
    ).toBe(303);
  });

  it('answers an id too large for the database with a message, and an odd parent address with 404', async () => {
    const response = await subject.request(
      '/organisationer/ny',
      as(coordinator, {
        name: 'Enhet',
        shortName: '',
        kind: 'unit',
        parentId: '9999999999',
        website: '',
        description: '',
      }),
    );
    expect(response.status).toBe(422);
    for (const under of ['%00', 'x'.repeat(101), 'Stora%20bokst%C3%A4ver'])
      expect(
        (await subject.request(`/organisationer/ny?under=${under}`, { headers: { cookie: coordinator } }))
          .status,
      ).toBe(404);
  });
});

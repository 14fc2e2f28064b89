import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { createPageCache } from '../../web/page-cache.ts';
import { agreements, focusAreas } from '../agreements/agreements.table.ts';
import { goals } from '../goals/goals.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordHistory } from '../register/register.table.ts';
import { focusAreaField, goalField, organisationSlot } from './activities.forms.ts';
import { activities, activityFocusAreas, activityGoals, activityOrganisations } from './activities.table.ts';

const cache = createPageCache({ ttlMs: 60_000, maxBytes: 4 * 1024 * 1024 });
let subject: Awaited<ReturnType<typeof createTestApp>>;
let coordinator: string;
let editor: string;
let otherEditor: string;
let member: string;

beforeAll(async () => {
  subject = await createTestApp({ pageCache: cache });
  const person = async (name: string, roles: Record<string, 'coordinator' | 'editor' | 'member'>) =>
    (await signedInPerson(subject, { name, roles })).cookie;
  coordinator = await person('Cora Samordnare', { 'huddinge-kommun': 'coordinator' });
  editor = await person('Erik Redaktör', { 'barn-och-utbildningsforvaltningen': 'editor' });
  otherEditor = await person('Greta Gymnasieredaktör', {
    'gymnasie-och-arbetsmarknadsforvaltningen': 'editor',
  });
  member = await person('Maja Medlem', { 'barn-och-utbildningsforvaltningen': 'member' });
});
afterAll(() => subject.cleanup());

const db = () => subject.deps.db;
const as = (cookie: string, fields: Record<string, string>) => formPost(fields, { cookie });
const page = async (path: string, cookie?: string) => {
  const response = await subject.request(path, cookie ? { headers: { cookie } } : {});
  return { status: response.status, html: await response.text(), cache: response.headers.get('x-cache') };
};

async function activity(slug: string) {
  const [row] = await db().select().from(activities).where(eq(activities.slug, slug));
  if (!row) throw new Error(slug);
  return row;
}
async function organisationId(slug: string) {
  const [row] = await db().select().from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}
async function goalId(slug: string) {
  const [row] = await db().select().from(goals).where(eq(goals.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}
/** The activity's links, for "nothing was saved". */
async function links(id: number) {
  return Promise.all([
    db()
      .select()
      .from(activityOrganisations)
      .where(eq(activityOrganisations.activityId, id))
      .orderBy(asc(activityOrganisations.organisationId)),
    db().select().from(activityFocusAreas).where(eq(activityFocusAreas.activityId, id)),
    db().select().from(activityGoals).where(eq(activityGoals.activityId, id)),
  ]);
}

/** The activity's fields as its form sends them, with some changed. */
async function formFor(slug: string, changes: Record<string, string> = {}) {
  const row = await activity(slug);
  const [organisationRows, focusAreaRows, goalRows] = await links(row.id);
  return {
    kind: row.kind,
    title: row.title,
    startsOn: row.startsOn ?? '',
    endsOn: row.endsOn ?? '',
    ...Object.fromEntries(
      organisationRows.map((link, index) => [organisationSlot(index + 1), String(link.organisationId)]),
    ),
    agreementId: row.agreementId === null ? '' : String(row.agreementId),
    ...Object.fromEntries(focusAreaRows.map((link) => [focusAreaField(link.focusAreaId), 'ja'])),
    ...Object.fromEntries(goalRows.map((link) => [goalField(link.goalId), 'ja'])),
    description: row.description,
    outcomes: row.outcomes,
    outcomesUsedOn: row.outcomesUsedOn ?? '',
    visibility: row.visibility,
    internalReason: row.internalReason ?? '',
    version: String(row.version),
    ...changes,
  };
}

/** A new activity's form: a title, linked to the given organisations. */
async function newForm(title: string, organisationSlugs: string[], changes: Record<string, string> = {}) {
  const ids = await Promise.all(organisationSlugs.map(organisationId));
  return {
    kind: 'research_project',
    title,
    startsOn: '2026-09-01',
    endsOn: '2027-06-30',
    ...Object.fromEntries(ids.map((id, index) => [organisationSlot(index + 1), String(id)])),
    agreementId: '',
    description: 'Ett nytt samarbete.',
    outcomes: '',
    visibility: 'public',
    internalReason: '',
    ...changes,
  };
}

/** "<strong>Rekrytering:</strong> 2 aktiviteter …" on /mal, per goal. */
async function goalCounts(): Promise<Record<string, number>> {
  const { html } = await page('/mal');
  return Object.fromEntries(
    [...html.matchAll(/<strong>([^<]*):<\/strong>\s*(\d+) aktivitet/g)].map((m) => [m[1]!, Number(m[2])]),
  );
}

describe('changing an activity', () => {
  it('saves with its links, keeps the history by name, and the public page shows it at once (cached)', async () => {
    const slug = 'ulf-lasundervisning-i-forskolan';
    await subject.request(`/aktiviteter/${slug}`);
    expect((await page(`/aktiviteter/${slug}`)).cache).toBe('hit');

    const form: Record<string, string> = await formFor(slug);
    const solbacken = String(await organisationId('solbackens-forskola'));
    const slot = Object.keys(form).find(
      (field) => field.startsWith('organisation') && form[field] === solbacken,
    );
    const response = await subject.request(
      `/aktiviteter/${slug}/andra`,
      as(editor, {
        ...form,
        // Solbackens förskola is replaced by Ekdalsskolan; a goal and an outcome are added.
        [slot!]: String(await organisationId('ekdalsskolan')),
        [goalField(await goalId('rekrytering'))]: 'ja',
        outcomes: 'En handledning för förskollärare om språkutvecklande samtal.',
      }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/aktiviteter/${slug}?sparat=1`);

    const shown = await page(`/aktiviteter/${slug}`);
    expect(shown.cache).toBeNull();
    const text = textOf(shown.html);
    expect(text).toContain('En handledning för förskollärare om språkutvecklande samtal.');
    expect(text).toContain('Ekdalsskolan');
    expect(text).not.toContain('Solbackens förskola');
    expect(text).toContain('Rekrytering');

    const history = textOf((await page(`/aktiviteter/${slug}/historik`, editor)).html);
    expect(history).toContain('Version 2: Ändrad');
    expect(history).toContain('Erik Redaktör');
    expect(history).toContain('Organisationer');
    expect(history).toContain('Vad det ledde till');
    const [entry] = await db()
      .select()
      .from(recordHistory)
      .where(
        and(eq(recordHistory.recordType, 'activity'), eq(recordHistory.recordId, (await activity(slug)).id)),
      )
      .orderBy(desc(recordHistory.version));
    expect(entry?.changes.organisations).toEqual([
      'Barn- och utbildningsförvaltningen, Solbackens förskola, Södertörns högskola',
      'Barn- och utbildningsförvaltningen, Ekdalsskolan, Södertörns högskola',
    ]);
    expect(entry?.changes.goals?.[1]).toContain('Rekrytering');
    expect(Object.keys(entry?.changes ?? {}).sort()).toEqual(['goals', 'organisations', 'outcomes']);
  });

  it('keeps since when the results are used: on the form, in the history and under the outcomes', async () => {
    const slug = 'ulf-bedomning-i-gymnasieskolan';
    const bad = await subject.request(
      `/aktiviteter/${slug}/andra`,
      as(coordinator, await formFor(slug, { outcomesUsedOn: 'i höstas' })),
    );
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(textOf(badHtml)).toContain('Skriv datumet som ÅÅÅÅ-MM-DD');
    expect(badHtml).toContain('value="i höstas"');

    const response = await subject.request(
      `/aktiviteter/${slug}/andra`,
      as(coordinator, await formFor(slug, { outcomesUsedOn: '2026-03-01' })),
    );
    expect(response.status).toBe(303);
    expect((await activity(slug)).outcomesUsedOn).toBe('2026-03-01');
    const form = (await page(`/aktiviteter/${slug}/andra`, coordinator)).html;
    expect(textOf(form)).toContain('Resultaten används i verksamheten sedan');
    expect(form).toContain('value="2026-03-01"');
    const shown = textOf((await page(`/aktiviteter/${slug}`)).html);
    expect(shown).toContain('Resultaten används i verksamheten sedan: 1 mars 2026');
    const history = textOf((await page(`/aktiviteter/${slug}/historik`, coordinator)).html);
    expect(history).toContain('Resultaten används i verksamheten sedan (tomt) → 2026-03-01');
  });

  it('shows "Ändra" and "Historik" on the public page only to someone who may edit it', async () => {
    const slug = 'ulf-bedomning-i-gymnasieskolan';
    const edit = `href="/aktiviteter/${slug}/andra"`;
    expect((await page(`/aktiviteter/${slug}`)).html).not.toContain(edit);
    expect((await page(`/aktiviteter/${slug}`, member)).html).not.toContain(edit);
    expect((await page(`/aktiviteter/${slug}`, editor)).html).not.toContain(edit);
    expect((await page(`/aktiviteter/${slug}`, otherEditor)).html).toContain(edit);
    expect((await page(`/aktiviteter/${slug}?sparat=1`, coordinator)).html).toContain(edit);
    expect(textOf((await page(`/aktiviteter/${slug}?sparat=1`, coordinator)).html)).toContain(
      'Ändringen är sparad.',
    );
    // An editor of another organisation may not open the form.
    expect((await page(`/aktiviteter/${slug}/andra`, editor)).status).toBe(403);
    expect(textOf((await page(`/aktiviteter/${slug}/andra`, member)).html)).toContain(
      'Åtgärden är inte tillåten',
    );
  });

  it('refuses the second of two saves made from the same version, showing both and keeping what was typed', async () => {
    const slug = 'vfu-lararstudenter-ht-2026';
    const opened = await formFor(slug);
    const first = await subject.request(
      `/aktiviteter/${slug}/andra`,
      as(coordinator, { ...opened, title: 'VFU-period för lärarstudenter hösten 2026 (Ekdalsskolan)' }),
    );
    expect(first.status).toBe(303);
    const second = await subject.request(
      `/aktiviteter/${slug}/andra`,
      as(coordinator, { ...opened, outcomes: 'Min text som inte får försvinna' }),
    );
    expect(second.status).toBe(409);
    const html = await second.text();
    const text = textOf(html);
    expect(text).toContain('Någon annan sparade en ändring medan du skrev');
    expect(text).toContain('Så här ser den sparade versionen ut nu');
    expect(text).toContain('VFU-period för lärarstudenter hösten 2026 (Ekdalsskolan)');
    expect(html).toContain('Min text som inte får försvinna');
    expect(html).toContain(`name="version" value="${(await activity(slug)).version}"`);
    expect((await activity(slug)).outcomes).toBe('');
  });

  it('lets exactly one of many simultaneous saves of one version through', async () => {
    const slug = 'kurs-handledning-av-studenter';
    const opened = await formFor(slug);
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        subject.request(
          `/aktiviteter/${slug}/andra`,
          as(coordinator, { ...opened, outcomes: `Samtidig ${i}` }),
        ),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([
      303, 409, 409, 409, 409, 409, 409, 409,
    ]);
    expect((await activity(slug)).version).toBe(Number(opened.version) + 1);
    const rows = await db().execute<{ n: number }>(
      sql`select count(*)::int as n from record_history
           where record_type = 'activity' and record_id = ${(await activity(slug)).id}`,
    );
    // The seeded version, kept as it was by the first change, and the one change.
    expect(rows.rows[0]?.n).toBe(2);
  });

  it('answers bad input with messages next to the fields, keeping what was typed, and saves nothing', async () => {
    const slug = 'forskning-bemanning-aldreomsorg';
    const before = await activity(slug);
    const linksBefore = await links(before.id);
    const form = await formFor(slug);
    const response = await subject.request(
      `/aktiviteter/${slug}/andra`,
      as(coordinator, {
        ...form,
        title: 'Kontinuitet\u0007 i bemanningen',
        description: 'x'.repeat(5001),
        startsOn: '2026-09-01',
        endsOn: '2026-08-31',
        [organisationSlot(3)]: form[organisationSlot(1) as keyof typeof form] as string,
        visibility: 'internal',
        internalReason: '',
        outcomes: '<script>alert(1)</script>',
      }),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain('Det gick inte att spara');
    expect(text).toContain('Texten innehåller tecken som inte kan sparas.');
    expect(text).toContain('Texten är för lång: 5001 tecken.');
    expect(text).toContain('Slutdatumet kan inte vara före startdatumet.');
    expect(text).toContain('Organisationen är redan vald ovan.');
    expect(text).toContain('Skriv varför aktiviteten är intern.');
    // What was typed is kept (and escaped).
    expect(html).toContain('value="2026-08-31"');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toMatch(/id="akt-synlighet-internal" name="visibility" value="internal" checked/);
    expect(await activity(slug)).toEqual(before);
    expect(await links(before.id)).toEqual(linksBefore);
  });

  it('answers a bad date, no organisation and no kind by the field', async () => {
    const response = await subject.request(
      '/aktiviteter/ny',
      as(coordinator, await newForm('', [], { kind: '', startsOn: '1 september', endsOn: '2026-02-30' })),
    );
    expect(response.status).toBe(422);
    const text = textOf(await response.text());
    expect(text).toContain('Skriv datumet som ÅÅÅÅ-MM-DD');
    expect(text).toContain('Välj minst en organisation.');
    expect(text).toContain('Välj ett alternativ i listan.');
    expect(text).toContain('Fyll i fältet.');
  });

  it('refuses a field the form does not have, a doubled field, and a form from another site', async () => {
    const slug = 'examensarbete-socialtjanst-digitalisering';
    const form = await formFor(slug);
    expect(
      (await subject.request(`/aktiviteter/${slug}/andra`, as(coordinator, { ...form, isDemo: 'true' })))
        .status,
    ).toBe(400);
    expect(
      (
        await subject.request(
          `/aktiviteter/${slug}/andra`,
          as(coordinator, { ...form, [goalField(99_999)]: 'ja' }),
        )
      ).status,
    ).toBe(400);
    const doubled = new URLSearchParams(form);
    doubled.append('title', 'En titel till');
    expect(
      (await subject.request(`/aktiviteter/${slug}/andra`, formPost(doubled, { cookie: coordinator })))
        .status,
    ).toBe(400);
    const crossSite = await subject.request(
      `/aktiviteter/${slug}/andra`,
      formPost(form, { cookie: coordinator, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }),
    );
    expect(crossSite.status).toBe(403);
  });
});

describe('adding, deleting and restoring', () => {
  it('lets an editor add an activity linked to their organisation, shown at once and in the workspace', async () => {
    expect((await page('/aktiviteter/ny', editor)).status).toBe(200);
    const response = await subject.request(
      '/aktiviteter/ny',
      as(
        editor,
        await newForm('Läsfrämjande i förskoleklass', [
          'barn-och-utbildningsforvaltningen',
          'sodertorns-hogskola',
        ]),
      ),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/aktiviteter/lasframjande-i-forskoleklass?sparat=ny');
    const shown = await page('/aktiviteter/lasframjande-i-forskoleklass?sparat=ny', editor);
    expect(textOf(shown.html)).toContain('Posten är tillagd.');
    expect(textOf((await page('/arbetsyta', editor)).html)).toContain('Läsfrämjande i förskoleklass');
    const history = textOf((await page('/aktiviteter/lasframjande-i-forskoleklass/historik', editor)).html);
    expect(history).toContain('Version 1: Skapad');
    expect(history).toContain('Barn- och utbildningsförvaltningen, Södertörns högskola');
  });

  it('refuses an editor an activity not linked to their organisation, and a member the form', async () => {
    const response = await subject.request(
      '/aktiviteter/ny',
      as(editor, await newForm('Någon annans projekt', ['gymnasie-och-arbetsmarknadsforvaltningen'])),
    );
    expect(response.status).toBe(403);
    expect((await page('/aktiviteter/ny', member)).status).toBe(403);
    expect(
      (
        await subject.request(
          '/aktiviteter/ny',
          as(member, await newForm('Medlemmens projekt', ['barn-och-utbildningsforvaltningen'])),
        )
      ).status,
    ).toBe(403);
    const rows = await db().select().from(activities).where(eq(activities.title, 'Någon annans projekt'));
    expect(rows).toEqual([]);
  });

  it('keeps an internal activity off every public page, search and the goal counts', async () => {
    const counts = await goalCounts();
    const response = await subject.request(
      '/aktiviteter/ny',
      as(
        coordinator,
        await newForm('Hemligt Blixtfjärdprojekt', ['barn-och-utbildningsforvaltningen'], {
          visibility: 'internal',
          internalReason: 'Arbetsmaterial',
          [goalField(await goalId('tillvaxt'))]: 'ja',
        }),
      ),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/aktiviteter/hemligt-blixtfjardprojekt/andra?sparat=ny');
    expect(
      textOf((await page('/aktiviteter/hemligt-blixtfjardprojekt/andra?sparat=ny', coordinator)).html),
    ).toContain('Den är intern');
    expect((await page('/aktiviteter/hemligt-blixtfjardprojekt')).status).toBe(404);
    expect((await page('/aktiviteter/hemligt-blixtfjardprojekt', coordinator)).status).toBe(404);
    expect(textOf((await page('/sok?q=Blixtfj%C3%A4rdprojekt')).html)).toContain('Inga träffar');
    expect((await page('/organisationer/barn-och-utbildningsforvaltningen')).html).not.toContain(
      'Blixtfjärd',
    );
    expect(await goalCounts()).toEqual(counts);
    const workspace = textOf((await page('/arbetsyta', editor)).html);
    expect(workspace).toContain('Hemligt Blixtfjärdprojekt · Forskningsprojekt · Intern');

    // Made public, it shows (and counts) at once.
    const made = await subject.request(
      '/aktiviteter/hemligt-blixtfjardprojekt/andra',
      as(coordinator, await formFor('hemligt-blixtfjardprojekt', { visibility: 'public' })),
    );
    expect(made.headers.get('location')).toBe('/aktiviteter/hemligt-blixtfjardprojekt?sparat=1');
    expect((await page('/aktiviteter/hemligt-blixtfjardprojekt')).status).toBe(200);
    const after = await goalCounts();
    expect(after['Tillväxt genom kontakt med näringslivet']).toBe(
      counts['Tillväxt genom kontakt med näringslivet']! + 1,
    );
    // A public activity keeps no reason for being internal.
    expect((await activity('hemligt-blixtfjardprojekt')).internalReason).toBeNull();
  });

  it('deletes softly, and the coordinator restores it from the history', async () => {
    await subject.request(
      '/aktiviteter/ny',
      as(coordinator, await newForm('Tillfälligt evenemang', ['naringslivssektionen'])),
    );
    const created = await activity('tillfalligt-evenemang');
    expect((await page('/aktiviteter/tillfalligt-evenemang/ta-bort', coordinator)).status).toBe(200);
    const deleted = await subject.request(
      '/aktiviteter/tillfalligt-evenemang/ta-bort',
      as(coordinator, { version: String(created.version) }),
    );
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe('/arbetsyta?klart=borttagen');
    expect((await page('/aktiviteter/tillfalligt-evenemang')).status).toBe(404);
    expect((await page('/aktiviteter/tillfalligt-evenemang/andra', coordinator)).status).toBe(404);
    const workspace = (await page('/arbetsyta', coordinator)).html;
    expect(workspace).toContain('href="/aktiviteter/tillfalligt-evenemang/historik"');

    // An editor may not restore; the coordinator may.
    const restorePath = '/aktiviteter/tillfalligt-evenemang/historik/1/aterstall';
    expect((await subject.request(restorePath, as(editor, {}))).status).toBe(403);
    const restored = await subject.request(restorePath, as(coordinator, {}));
    expect(restored.status).toBe(303);
    expect((await page('/aktiviteter/tillfalligt-evenemang')).status).toBe(200);
    const history = textOf((await page('/aktiviteter/tillfalligt-evenemang/historik', coordinator)).html);
    expect(history).toContain('Version 3: Återställd');
    expect(history).toContain('Återställd till version 1');
    expect(history).toContain('Version 2: Borttagen');
    const [organisationLinks] = await links(created.id);
    expect(organisationLinks.map((link) => link.organisationId)).toEqual([
      await organisationId('naringslivssektionen'),
    ]);
  });

  it('restores an earlier version with its links, and refuses one linking to an organisation deleted since', async () => {
    const [unit] = await db()
      .insert(organisations)
      .values({ slug: 'kortlivad-enhet', name: 'Kortlivad enhet', kind: 'unit' })
      .returning({ id: organisations.id });
    await subject.request(
      '/aktiviteter/ny',
      as(coordinator, await newForm('Projekt med kort enhet', ['kortlivad-enhet', 'sodertorns-hogskola'])),
    );
    const slug = 'projekt-med-kort-enhet';
    const changed = await subject.request(
      `/aktiviteter/${slug}/andra`,
      as(
        coordinator,
        await formFor(slug, { [organisationSlot(1)]: String(await organisationId('ekdalsskolan')) }),
      ),
    );
    expect(changed.status).toBe(303);
    await db().update(organisations).set({ deletedAt: new Date() }).where(eq(organisations.id, unit!.id));
    const refused = await subject.request(`/aktiviteter/${slug}/historik/1/aterstall`, as(coordinator, {}));
    expect(refused.status).toBe(409);
    expect(textOf(await refused.text())).toContain('Kortlivad enhet');
    expect((await activity(slug)).version).toBe(2);

    await db().update(organisations).set({ deletedAt: null }).where(eq(organisations.id, unit!.id));
    expect(
      (await subject.request(`/aktiviteter/${slug}/historik/1/aterstall`, as(coordinator, {}))).status,
    ).toBe(303);
    const [organisationLinks] = await links((await activity(slug)).id);
    expect(organisationLinks.map((link) => link.organisationId).sort((a, b) => a - b)).toEqual(
      [unit!.id, await organisationId('sodertorns-hogskola')].sort((a, b) => a - b),
    );
  });

  it('saves nothing and keeps the version when nothing changed', async () => {
    const slug = 'frukostmote-naringsliv-akademi';
    const before = await activity(slug);
    const response = await subject.request(
      `/aktiviteter/${slug}/andra`,
      as(coordinator, await formFor(slug)),
    );
    expect(response.headers.get('location')).toBe(`/aktiviteter/${slug}?sparat=oforandrat`);
    expect((await activity(slug)).version).toBe(before.version);
    // The focus areas survive a save that does not touch them.
    const [, focusAreaLinks] = await links(before.id);
    const [area] = await db().select().from(focusAreas).where(eq(focusAreas.slug, 'samhallsbyggnad'));
    expect(focusAreaLinks.map((link) => link.focusAreaId)).toEqual([area!.id]);
  });
});

describe('internal agreements', () => {
  it('are neither offered to an editor nor linked by one', async () => {
    const [internal] = await db()
      .insert(agreements)
      .values({
        slug: 'hemligt-utkast',
        title: 'Hemligt utkast till avtal',
        kind: 'research',
        visibility: 'internal',
        internalReason: 'arbetsmaterial',
      })
      .returning({ id: agreements.id });
    const form = await page('/aktiviteter/ny', editor);
    expect(form.html).not.toContain('Hemligt utkast till avtal');
    expect((await page('/aktiviteter/ny', coordinator)).html).toContain('Hemligt utkast till avtal');
    const response = await subject.request(
      '/aktiviteter/ny',
      as(
        editor,
        await newForm('Försök att länka ett internt avtal', ['barn-och-utbildningsforvaltningen'], {
          agreementId: String(internal!.id),
        }),
      ),
    );
    expect(response.status).toBe(422);
    expect(
      await db().select().from(activities).where(eq(activities.title, 'Försök att länka ett internt avtal')),
    ).toHaveLength(0);
  });
});

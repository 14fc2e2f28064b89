import { asc, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCalmAnswer, form, postSample } from '../../../tests/fuzz-forms.ts';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { createPageCache } from '../../web/page-cache.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordHistory } from '../register/register.table.ts';
import { groupMembers, groups } from './groups.table.ts';

const cache = createPageCache({ ttlMs: 60_000, maxBytes: 4 * 1024 * 1024 });
let subject: Awaited<ReturnType<typeof createTestApp>>;
let coordinator: string;
/** An editor of barn- och utbildningsförvaltningen, which holds a seat in both working groups (demo data). */
let editor: string;
/** An editor of an organisation with no seat in anything and no group of its own. */
let outsider: string;
let member: string;

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
  outsider = (
    await signedInPerson(subject, { name: 'Olle Utanför', roles: { naringslivssektionen: 'editor' } })
  ).cookie;
  member = (
    await signedInPerson(subject, {
      name: 'Maja Medlem',
      roles: { 'barn-och-utbildningsforvaltningen': 'member' },
      groups: ['arbetsgrupp-karolinska-institutet'],
    })
  ).cookie;
});
afterAll(() => subject.cleanup());

const db = () => subject.deps.db;
const as = (cookie: string, fields: Record<string, string>) => formPost(fields, { cookie });
const get = (path: string, cookie?: string) =>
  subject.request(path, cookie ? { headers: { cookie } } : undefined);
const textAt = async (path: string, cookie?: string) => textOf(await (await get(path, cookie)).text());

async function group(slug: string) {
  const [row] = await db().select().from(groups).where(eq(groups.slug, slug));
  if (!row) throw new Error(slug);
  return row;
}
async function organisationId(slug: string) {
  const [row] = await db().select().from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}
async function seats(slug: string) {
  return db()
    .select()
    .from(groupMembers)
    .where(eq(groupMembers.groupId, (await group(slug)).id))
    .orderBy(asc(groupMembers.position), asc(groupMembers.id));
}
async function historyRows(slug: string) {
  return db()
    .select()
    .from(recordHistory)
    .where(
      sql`${recordHistory.recordType} = 'group' and ${recordHistory.recordId} = ${(await group(slug)).id}`,
    )
    .orderBy(asc(recordHistory.version));
}

/** The group's fields as the editor's form sends them, with some changed. */
async function editorForm(slug: string, changes: Record<string, string> = {}) {
  const row = await group(slug);
  return {
    kind: row.kind,
    name: row.name,
    description: row.description,
    agreementId: row.agreementId === null ? '' : String(row.agreementId),
    organisationId: row.organisationId === null ? '' : String(row.organisationId),
    visibility: row.visibility,
    internalReason: row.internalReason ?? '',
    version: String(row.version),
    ...changes,
  };
}
/** The coordinator's form: the same with the site role. */
async function coordinatorForm(slug: string, changes: Record<string, string> = {}) {
  const row = await group(slug);
  return { ...(await editorForm(slug)), siteRole: row.siteRole ?? '', ...changes };
}
/** A seat's fields as its form sends them. */
async function seatFields(slug: string, changes: Record<string, string> = {}) {
  return {
    personName: '',
    seatDescription: '',
    role: 'member',
    organisationId: '',
    fromOn: '',
    toOn: '',
    position: '',
    version: String((await group(slug)).version),
    ...changes,
  };
}

/** A new group of the coordinator's, under the given organisation; its address. */
async function newGroup(
  name: string,
  organisation = 'huddinge-kommun',
  changes: Record<string, string> = {},
) {
  const response = await subject.request(
    '/grupper/ny',
    as(coordinator, {
      kind: 'working_group',
      name,
      description: `Syftet med ${name}.`,
      agreementId: '',
      organisationId: String(await organisationId(organisation)),
      visibility: 'public',
      internalReason: '',
      siteRole: '',
      ...changes,
    }),
  );
  expect(response.status).toBe(303);
  const slug = /^\/grupper\/([^/]+)\/andra\?sparat=ny$/.exec(response.headers.get('location') ?? '')?.[1];
  if (!slug) throw new Error(`no group made: ${response.headers.get('location')}`);
  return slug;
}

describe('changing a group', () => {
  it('saves, keeps the history in plain Swedish, and the public page shows the change at once', async () => {
    const slug = 'arbetsgrupp-karolinska-institutet';
    // A resident's visit puts the page in the cache first.
    await get(`/grupper/${slug}`);
    expect((await get(`/grupper/${slug}`)).headers.get('x-cache')).toBe('hit');

    // The editor's organisation holds a seat in the group: that is enough to change it.
    const saved = await subject.request(
      `/grupper/${slug}/andra`,
      as(editor, await editorForm(slug, { description: 'Gruppen följer upp avtalet med KI varje kvartal.' })),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/grupper/${slug}?sparat=1`);

    const publicPage = await get(`/grupper/${slug}`);
    expect(publicPage.headers.get('x-cache')).toBeNull();
    expect(textOf(await publicPage.text())).toContain('Gruppen följer upp avtalet med KI varje kvartal.');
    // The editor sees the note and the links; a resident the page as everyone gets it.
    const signedIn = await textAt(`/grupper/${slug}?sparat=1`, editor);
    expect(signedIn).toContain('Ändringen är sparad.');
    expect(await (await get(`/grupper/${slug}?sparat=1`, editor)).text()).toContain(
      `href="/grupper/${slug}/andra"`,
    );
    const anonymous = await (await get(`/grupper/${slug}?sparat=1`)).text();
    expect(anonymous).not.toContain('Ändringen är sparad.');
    expect(anonymous).not.toContain(`/grupper/${slug}/andra`);

    const history = await textAt(`/grupper/${slug}/historik`, editor);
    expect(history).toContain('Version 2: Ändrad');
    expect(history).toContain('Erik Redaktör');
    expect(history).toContain('Syfte');
    expect(history).toContain('Gruppen följer upp avtalet med KI varje kvartal.');
    // Version 1 is the group as seeded, recorded at its first change.
    const entry = (await historyRows(slug)).find((row) => row.version === 2);
    expect(entry?.changes).toEqual({
      description: [expect.any(String), 'Gruppen följer upp avtalet med KI varje kvartal.'],
    });
  });

  it('refuses the second of two saves made from the same version, showing both and keeping what was typed', async () => {
    const slug = 'arbetsgrupp-sodertorns-hogskola';
    const opened = await coordinatorForm(slug);
    const first = await subject.request(
      `/grupper/${slug}/andra`,
      as(coordinator, { ...opened, name: 'Arbetsgruppen för avtalet med SH' }),
    );
    expect(first.status).toBe(303);
    const second = await subject.request(
      `/grupper/${slug}/andra`,
      as(editor, {
        kind: opened.kind,
        name: 'Arbetsgruppen Södertörn',
        description: 'Min text som inte får försvinna',
        agreementId: opened.agreementId,
        organisationId: opened.organisationId,
        visibility: 'public',
        internalReason: '',
        version: opened.version,
      }),
    );
    expect(second.status).toBe(409);
    const html = await second.text();
    const text = textOf(html);
    expect(text).toContain('Någon annan sparade en ändring medan du skrev');
    expect(text).toContain('Så här ser den sparade versionen ut nu');
    expect(text).toContain('Arbetsgruppen för avtalet med SH');
    // The saved version lists the seats as lines too.
    expect(text).toMatch(/Ledamot .+ · Ordförande · Kommunstyrelsens förvaltning · ordning 1/);
    expect(html).toContain('Min text som inte får försvinna');
    expect(html).toContain('value="Arbetsgruppen Södertörn"');
    expect(html).toContain(`name="version" value="${(await group(slug)).version}"`);
    expect((await group(slug)).name).toBe('Arbetsgruppen för avtalet med SH');
  });

  it('lets exactly one of many simultaneous saves of one version through', async () => {
    const slug = await newGroup('Samtidighetsgruppen');
    const opened = await coordinatorForm(slug);
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        subject.request(
          `/grupper/${slug}/andra`,
          as(coordinator, { ...opened, description: `Samtidig ${i}` }),
        ),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([
      303, 409, 409, 409, 409, 409, 409, 409,
    ]);
    expect((await group(slug)).version).toBe(Number(opened.version) + 1);
    expect(await historyRows(slug)).toHaveLength(2);
  });

  it('answers bad input with messages next to the fields, keeping what was typed, and saves nothing', async () => {
    const slug = 'arbetsgrupp-karolinska-institutet';
    const before = await group(slug);
    const response = await subject.request(
      `/grupper/${slug}/andra`,
      as(
        editor,
        await editorForm(slug, {
          name: 'x'.repeat(201),
          description: 'Styr\u0007tecken',
          visibility: 'internal',
          internalReason: ' ',
          agreementId: 'abc',
        }),
      ),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain('Texten är för lång: 201 tecken.');
    expect(text).toContain('Texten innehåller tecken som inte kan sparas.');
    expect(text).toContain('Skriv varför gruppen är intern.');
    expect(text).toContain('Välj ett alternativ i listan.');
    expect(html).toContain(`value="${'x'.repeat(201)}"`);
    expect(await group(slug)).toEqual(before);
  });

  it('refuses a field the form does not have, the site role from an editor, and a form from another site', async () => {
    const slug = 'arbetsgrupp-karolinska-institutet';
    const tampered = await subject.request(
      `/grupper/${slug}/andra`,
      as(editor, { ...(await editorForm(slug)), isDemo: 'true' }),
    );
    expect(tampered.status).toBe(400);
    const siteRole = await subject.request(
      `/grupper/${slug}/andra`,
      as(editor, { ...(await editorForm(slug)), siteRole: 'council' }),
    );
    expect(siteRole.status).toBe(400);
    const crossSite = await subject.request(
      `/grupper/${slug}/andra`,
      formPost(await editorForm(slug), {
        cookie: editor,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      }),
    );
    expect(crossSite.status).toBe(403);
    expect((await group(slug)).siteRole).toBeNull();
  });

  it('refuses members and editors without a part in the group, with a Swedish 403 page', async () => {
    const slug = 'arbetsgrupp-karolinska-institutet';
    for (const cookie of [member, outsider]) {
      const page = await get(`/grupper/${slug}/andra`, cookie);
      expect(page.status).toBe(403);
      expect(textOf(await page.text())).toContain('Ditt konto har inte behörighet till den här sidan.');
      expect(
        (await subject.request(`/grupper/${slug}/andra`, as(cookie, await editorForm(slug)))).status,
      ).toBe(403);
    }
    // A seat lets an editor change a group, not delete it.
    expect((await get(`/grupper/${slug}/ta-bort`, editor)).status).toBe(403);
    const version = String((await group(slug)).version);
    expect((await subject.request(`/grupper/${slug}/ta-bort`, as(editor, { version }))).status).toBe(403);
    expect((await group(slug)).deletedAt).toBeNull();
  });

  it('does not let a seat holder give the group to their own organisation (and then delete it)', async () => {
    const slug = 'arbetsgrupp-karolinska-institutet';
    const before = await group(slug);
    const own = String(await organisationId('barn-och-utbildningsforvaltningen'));
    const response = await subject.request(
      `/grupper/${slug}/andra`,
      as(editor, await editorForm(slug, { organisationId: own })),
    );
    expect(response.status).toBe(403);
    expect((await group(slug)).organisationId).toBe(before.organisationId);
  });
});

describe('seats', () => {
  it('adds, changes and removes a seat: each a new version of the group, in its history and on its page', async () => {
    const slug = await newGroup('Ledamotsgruppen', 'barn-och-utbildningsforvaltningen');
    const buf = String(await organisationId('barn-och-utbildningsforvaltningen'));
    const added = await subject.request(
      `/grupper/${slug}/ledamoter/ny`,
      as(
        editor,
        await seatFields(slug, {
          personName: 'Astrid Andersson',
          role: 'chair',
          organisationId: buf,
          fromOn: '2026-01-01',
        }),
      ),
    );
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(`/grupper/${slug}/andra?sparat=1`);
    expect((await group(slug)).version).toBe(2);
    let page = await textAt(`/grupper/${slug}`);
    expect(page).toContain('Astrid Andersson Ordförande Barn- och utbildningsförvaltningen');

    const [seat] = await seats(slug);
    const changed = await subject.request(
      `/grupper/${slug}/ledamoter/${seat!.id}/andra`,
      as(
        editor,
        await seatFields(slug, {
          personName: '',
          seatDescription: 'Ordförande i barn- och utbildningsnämnden',
          role: 'chair',
          organisationId: buf,
          fromOn: '2026-01-01',
          position: '1',
        }),
      ),
    );
    expect(changed.status).toBe(303);
    page = await textAt(`/grupper/${slug}`);
    expect(page).toContain('Ordförande i barn- och utbildningsnämnden Ordförande');
    expect(page).not.toContain('Astrid Andersson');

    const removed = await subject.request(
      `/grupper/${slug}/ledamoter/${seat!.id}/ta-bort`,
      as(editor, { version: String((await group(slug)).version) }),
    );
    expect(removed.status).toBe(303);
    expect(await seats(slug)).toEqual([]);
    page = await textAt(`/grupper/${slug}`);
    expect(page).toContain('Inga medlemmar registrerade.');

    const history = await textAt(`/grupper/${slug}/historik`, editor);
    expect(history).toContain('Version 4: Ändrad');
    expect(history).toContain(
      '(tomt) → Astrid Andersson · Ordförande · Barn- och utbildningsförvaltningen · 2026-01-01–tills vidare · ordning 1',
    );
    expect(history).toContain(
      'Astrid Andersson · Ordförande · Barn- och utbildningsförvaltningen · 2026-01-01–tills vidare · ordning 1 → Ordförande i barn- och utbildningsnämnden · Ordförande',
    );
    expect(history).toContain(
      'Ordförande i barn- och utbildningsnämnden · Ordförande · Barn- och utbildningsförvaltningen · 2026-01-01–tills vidare · ordning 1 → (tomt)',
    );
    expect((await historyRows(slug)).map((row) => [row.version, row.action])).toEqual([
      [1, 'created'],
      [2, 'changed'],
      [3, 'changed'],
      [4, 'changed'],
    ]);
  });

  it('shows only seats held today on the public pages; ended ones stay, marked, on the edit page', async () => {
    const slug = await newGroup('Periodgruppen');
    for (const [personName, fromOn, toOn] of [
      ['Nu Nilsson', '2025-01-01', '2027-12-31'],
      ['Förr Fredriksson', '2020-01-01', '2026-11-26'],
      ['Sedan Svensson', '2026-11-28', ''],
    ] as const) {
      const response = await subject.request(
        `/grupper/${slug}/ledamoter/ny`,
        as(coordinator, await seatFields(slug, { personName, fromOn, toOn })),
      );
      expect(response.status).toBe(303);
    }
    const page = await textAt(`/grupper/${slug}`);
    expect(page).toContain('Nu Nilsson');
    expect(page).not.toContain('Förr Fredriksson');
    expect(page).not.toContain('Sedan Svensson');
    const edit = await textAt(`/grupper/${slug}/andra`, coordinator);
    expect(edit).toContain('Förr Fredriksson');
    expect(edit).toContain('Perioden har tagit slut');
    expect(edit).toContain('Perioden har inte börjat');
  });

  it('answers a bad seat by its fields, keeping what was typed, and saves nothing', async () => {
    const slug = 'arbetsgrupp-karolinska-institutet';
    const before = { group: await group(slug), seats: await seats(slug) };
    const cases: [Record<string, string>, string[]][] = [
      [{ personName: '', seatDescription: '' }, ['Skriv ett namn, ett uppdrag eller båda.']],
      [
        { personName: 'Bo Baklänges', fromOn: '2026-06-01', toOn: '2026-01-31' },
        ['Slutdatumet ligger före startdatumet.'],
      ],
      [
        { personName: 'Bo Datum', fromOn: '2026-02-30', toOn: 'i morgon' },
        ['Skriv ett datum som ÅÅÅÅ-MM-DD'],
      ],
      [
        { seatDescription: 'x'.repeat(301), personName: 'Nul\u0000 Nilsson', position: '-3' },
        [
          'Texten är för lång: 301 tecken.',
          'Texten innehåller tecken som inte kan sparas.',
          'Skriv ett heltal',
        ],
      ],
      [{ personName: 'Rolf Roll', role: 'kung' }, ['Välj ett alternativ i listan.']],
    ];
    for (const [changes, messages] of cases) {
      const response = await subject.request(
        `/grupper/${slug}/ledamoter/ny`,
        as(editor, await seatFields(slug, changes)),
      );
      expect(response.status, JSON.stringify(changes)).toBe(422);
      const html = await response.text();
      for (const message of messages) expect(textOf(html)).toContain(message);
      if (changes.toOn === '2026-01-31') expect(html).toContain('value="2026-01-31"');
      if (changes.seatDescription) expect(html).toContain('x'.repeat(301));
    }
    // The same seat twice is refused next to the name, not by the database.
    const [existing] = before.seats;
    const twice = await subject.request(
      `/grupper/${slug}/ledamoter/ny`,
      as(
        editor,
        await seatFields(slug, {
          personName: existing!.personName ?? '',
          seatDescription: existing!.seatDescription ?? '',
          role: existing!.role,
          organisationId: existing!.organisationId === null ? '' : String(existing!.organisationId),
        }),
      ),
    );
    expect(twice.status).toBe(422);
    expect(textOf(await twice.text())).toContain('Gruppen har redan en likadan ledamot');
    expect({ group: await group(slug), seats: await seats(slug) }).toEqual(before);
  });

  it('refuses a seat saved from an old version of the group, keeping what was typed', async () => {
    const slug = await newGroup('Versionsgruppen');
    const opened = await seatFields(slug, { personName: 'Först Förstsson' });
    expect((await subject.request(`/grupper/${slug}/ledamoter/ny`, as(coordinator, opened))).status).toBe(
      303,
    );
    const late = await subject.request(
      `/grupper/${slug}/ledamoter/ny`,
      as(coordinator, { ...opened, personName: 'Sen Sensson' }),
    );
    expect(late.status).toBe(409);
    const html = await late.text();
    expect(textOf(html)).toContain('Först Förstsson · Ledamot');
    expect(html).toContain('value="Sen Sensson"');
    expect((await seats(slug)).map((seat) => seat.personName)).toEqual(['Först Förstsson']);
  });

  it('answers an unknown seat or one of another group with 404', async () => {
    const other = (await seats('arbetsgrupp-sodertorns-hogskola'))[0]!;
    expect(
      (await get(`/grupper/arbetsgrupp-karolinska-institutet/ledamoter/${other.id}/andra`, editor)).status,
    ).toBe(404);
    expect(
      (await get('/grupper/arbetsgrupp-karolinska-institutet/ledamoter/99999999999/andra', editor)).status,
    ).toBe(404);
    expect(
      (await get('/grupper/arbetsgrupp-karolinska-institutet/ledamoter/abc/ta-bort', editor)).status,
    ).toBe(404);
  });
});

describe('adding, deleting and restoring', () => {
  it('lets an editor add a group of their own organisation, not of another', async () => {
    const own = await organisationId('barn-och-utbildningsforvaltningen');
    const fields = {
      kind: 'working_group',
      name: 'Förskolans forskningsgrupp',
      description: '',
      agreementId: '',
      organisationId: String(own),
      visibility: 'public',
      internalReason: '',
    };
    const added = await subject.request('/grupper/ny', as(editor, fields));
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe('/grupper/forskolans-forskningsgrupp/andra?sparat=ny');
    expect((await get('/grupper/forskolans-forskningsgrupp')).status).toBe(200);
    const other = await organisationId('gymnasie-och-arbetsmarknadsforvaltningen');
    expect(
      (await subject.request('/grupper/ny', as(editor, { ...fields, organisationId: String(other) }))).status,
    ).toBe(403);
    const none = await subject.request('/grupper/ny', as(editor, { ...fields, organisationId: '' }));
    expect(none.status).toBe(422);
    expect(textOf(await none.text())).toContain('Välj den organisation gruppen hör till.');
    expect((await get('/grupper/ny', member)).status).toBe(403);
  });

  it('deletes softly, and the coordinator restores it, seats and all, from the history', async () => {
    const slug = await newGroup('Tillfällig grupp');
    expect(
      (
        await subject.request(
          `/grupper/${slug}/ledamoter/ny`,
          as(coordinator, await seatFields(slug, { personName: 'Kvar Kvarnström' })),
        )
      ).status,
    ).toBe(303);
    const deleted = await subject.request(
      `/grupper/${slug}/ta-bort`,
      as(coordinator, { version: String((await group(slug)).version) }),
    );
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe('/arbetsyta?klart=borttagen');
    expect((await get(`/grupper/${slug}`)).status).toBe(404);
    expect(await textAt('/arbetsyta', coordinator)).toContain('Tillfällig grupp');

    // An editor may not restore; the coordinator may.
    expect((await subject.request(`/grupper/${slug}/historik/2/aterstall`, as(editor, {}))).status).toBe(403);
    const restored = await subject.request(`/grupper/${slug}/historik/2/aterstall`, as(coordinator, {}));
    expect(restored.status).toBe(303);
    expect(restored.headers.get('location')).toBe(`/grupper/${slug}/historik?klart=aterstalld`);
    expect(await textAt(`/grupper/${slug}`)).toContain('Kvar Kvarnström');
    const history = await textAt(`/grupper/${slug}/historik`, coordinator);
    expect(history).toContain('Version 4: Återställd');
    expect(history).toContain('Återställd till version 2');
    expect(history).toContain('Version 3: Borttagen');

    // Restoring the first version takes the seat away again; restoring the second brings it back.
    await subject.request(`/grupper/${slug}/historik/1/aterstall`, as(coordinator, {}));
    expect(await seats(slug)).toEqual([]);
    await subject.request(`/grupper/${slug}/historik/2/aterstall`, as(coordinator, {}));
    expect((await seats(slug)).map((seat) => seat.personName)).toEqual(['Kvar Kvarnström']);
  });
});

describe('the site role', () => {
  it('moves the council role to another group, in both histories, and the council page follows', async () => {
    const slug = await newGroup('Nya rådet', 'huddinge-kommun', { kind: 'council' });
    await subject.request(
      `/grupper/${slug}/ledamoter/ny`,
      as(coordinator, await seatFields(slug, { personName: 'Rådsordförande Rydberg', role: 'chair' })),
    );
    const moved = await subject.request(
      `/grupper/${slug}/andra`,
      as(coordinator, await coordinatorForm(slug, { siteRole: 'council' })),
    );
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toBe('/hogskoleradet?sparat=1');
    expect((await group(slug)).siteRole).toBe('council');
    expect((await group('hogskoleradet')).siteRole).toBeNull();
    const council = await textAt('/hogskoleradet');
    expect(council).toContain('Rådsordförande Rydberg');
    // The coordinator gets "Ändra" for the council's group on its page; a resident does not.
    expect(await (await get('/hogskoleradet', coordinator)).text()).toContain(
      `href="/grupper/${slug}/andra"`,
    );
    expect(await (await get('/hogskoleradet')).text()).not.toContain('/andra"');
    expect(council).not.toContain('Ordförande i gymnasie- och arbetsmarknadsnämnden');
    expect(await textAt('/grupper/hogskoleradet/historik', coordinator)).toContain(
      'Rollen ”Högskolerådet (sidan /hogskoleradet)” flyttades till Nya rådet',
    );
    expect(await textAt(`/grupper/${slug}/historik`, coordinator)).toContain(
      'Visas på webbplatsen som (tomt) → Högskolerådet (sidan /hogskoleradet)',
    );

    // The role is never just taken away (the page would lose its group), and its group is not deleted.
    const removed = await subject.request(
      `/grupper/${slug}/andra`,
      as(coordinator, await coordinatorForm(slug, { siteRole: '' })),
    );
    expect(removed.status).toBe(422);
    expect(textOf(await removed.text())).toContain('En roll på webbplatsen tas inte bort, den flyttas');
    const deleted = await subject.request(
      `/grupper/${slug}/ta-bort`,
      as(coordinator, { version: String((await group(slug)).version) }),
    );
    expect(deleted.status).toBe(409);
    expect(textOf(await deleted.text())).toContain(
      'Gruppen kan inte tas bort eftersom den visas som Högskolerådet',
    );

    // Back to the seeded council, so the other tests see the page as seeded.
    await subject.request(
      '/grupper/hogskoleradet/andra',
      as(coordinator, await coordinatorForm('hogskoleradet', { siteRole: 'council' })),
    );
    expect((await group('hogskoleradet')).siteRole).toBe('council');
  });
});

describe('an internal group', () => {
  it('is gone from every public page and search, and its members still see its internal page', async () => {
    const slug = 'arbetsgrupp-karolinska-institutet';
    const name = (await group(slug)).name;
    await get('/');
    const saved = await subject.request(
      `/grupper/${slug}/andra`,
      as(
        coordinator,
        await coordinatorForm(slug, { visibility: 'internal', internalReason: 'arbetsmaterial' }),
      ),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/grupper/${slug}/andra?sparat=1`);
    expect((await get(`/grupper/${slug}`)).status).toBe(404);
    expect(await textAt('/')).not.toContain(name);
    expect(await textAt(`/sok?q=${encodeURIComponent('Karolinska Institutet arbetsgruppen')}`)).not.toContain(
      name,
    );
    const internal = await get(`/grupper/${slug}/internt`, member);
    expect(internal.status).toBe(200);
    expect(textOf(await internal.text())).toContain(name);
    const workspace = await textAt('/arbetsyta', editor);
    expect(workspace).toContain(`${name} (intern)`);

    await subject.request(
      `/grupper/${slug}/andra`,
      as(coordinator, await coordinatorForm(slug, { visibility: 'public', internalReason: '' })),
    );
    expect((await get(`/grupper/${slug}`)).status).toBe(200);
  });
});

describe('bad input, generated', () => {
  it('never breaks the group form or the seat form', async () => {
    const slug = 'arbetsgrupp-sodertorns-hogskola';
    const groupPlausible = await coordinatorForm(slug);
    const seatPlausible = await seatFields(slug, { personName: 'Fuzz Fuzzsson', fromOn: '2026-01-01' });
    await fc.assert(
      fc.asyncProperty(form(groupPlausible), async (sample) => {
        const response = await postSample(subject, `/grupper/${slug}/andra`, sample, groupPlausible, {
          cookie: coordinator,
        });
        await expectCalmAnswer(response, [303, 400, 409, 413, 415, 422]);
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(form(seatPlausible), async (sample) => {
        const response = await postSample(subject, `/grupper/${slug}/ledamoter/ny`, sample, seatPlausible, {
          cookie: coordinator,
        });
        await expectCalmAnswer(response, [303, 400, 409, 413, 415, 422]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('seat dates and ids the database cannot hold', () => {
  it('answers year 0 and an id past the largest integer with messages by the fields, never a 500', async () => {
    const slug = 'arbetsgrupp-sodertorns-hogskola';
    const response = await subject.request(
      `/grupper/${slug}/ledamoter/ny`,
      as(
        coordinator,
        await seatFields(slug, {
          personName: 'Ny Ledamot',
          fromOn: '0000-01-01',
          organisationId: '9999999999',
        }),
      ),
    );
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('value="Ny Ledamot"');
  });
});

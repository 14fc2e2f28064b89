import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCalmAnswer, form as fuzzedForm, postSample } from '../../../tests/fuzz-forms.ts';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { createPageCache } from '../../web/page-cache.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { recordHistory } from '../register/register.table.ts';
import { findAgreementLinks } from './agreement-edits.queries.ts';
import { agreementFormValues, agreementValuesOf } from './agreements.forms.ts';
import { agreements, focusAreas } from './agreements.table.ts';

const cache = createPageCache({ ttlMs: 60_000, maxBytes: 8 * 1024 * 1024 });
let subject: Awaited<ReturnType<typeof createTestApp>>;
let coordinator: string;
let editor: string;
let member: string;
let contactPersonId: number;

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
  member = (
    await signedInPerson(subject, {
      name: 'Maja Medlem',
      roles: { 'barn-och-utbildningsforvaltningen': 'member' },
    })
  ).cookie;
  contactPersonId = (
    await signedInPerson(subject, { name: 'Karin Kontakt', roles: { 'sodertorns-hogskola': 'member' } })
  ).personId;
});
afterAll(() => subject.cleanup());

const db = () => subject.deps.db;
const as = (cookie: string, fields: Record<string, string>) => formPost(fields, { cookie });
const get = (path: string, cookie?: string) =>
  subject.request(path, cookie ? { headers: { cookie } } : undefined);

async function agreement(slug: string) {
  const [row] = await db().select().from(agreements).where(eq(agreements.slug, slug));
  if (!row) throw new Error(slug);
  return row;
}
async function organisationId(slug: string) {
  const [row] = await db().select().from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}
async function focusAreaId(slug: string) {
  const [row] = await db().select().from(focusAreas).where(eq(focusAreas.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}
/** The agreement's row and links together: what "nothing was saved" compares. */
async function everything(slug: string) {
  const row = await agreement(slug);
  const history = await db()
    .select()
    .from(recordHistory)
    .where(and(eq(recordHistory.recordType, 'agreement'), eq(recordHistory.recordId, row.id)));
  return { row, links: await findAgreementLinks(db(), row.id), history: history.length };
}

/** The agreement's fields as its edit form sends them, with some changed. */
async function formFor(slug: string, changes: Record<string, string> = {}): Promise<Record<string, string>> {
  const row = await agreement(slug);
  const values = agreementValuesOf({ ...row, ...(await findAgreementLinks(db(), row.id)) });
  return { ...agreementFormValues(values), version: String(row.version), ...changes };
}

const VFU = 'vfu-avtal-lararutbildningen-sh';

describe('changing an agreement', () => {
  it('saves, keeps the history in plain Swedish, and the public page shows the change at once', async () => {
    await get(`/avtal/${VFU}`);
    expect((await get(`/avtal/${VFU}`)).headers.get('x-cache')).toBe('hit');

    const sh = await organisationId('sodertorns-hogskola');
    const response = await subject.request(
      `/avtal/${VFU}/andra`,
      as(
        editor,
        await formFor(VFU, {
          description: 'Verksamhetsförlagd utbildning, nu även i fritidshem.',
          [`focusArea-${await focusAreaId('samhallsbyggnad')}`]: 'ja',
          contactPerson1: String(contactPersonId),
          contactParty1: String(sh),
          validTo: '2027-06-30',
        }),
      ),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/avtal/${VFU}?sparat=1`);

    const publicPage = await get(`/avtal/${VFU}`);
    expect(publicPage.headers.get('x-cache')).toBeNull();
    const text = textOf(await publicPage.text());
    expect(text).toContain('Verksamhetsförlagd utbildning, nu även i fritidshem.');
    expect(text).toContain('Samhällsbyggnad');
    expect(text).toContain('Karin Kontakt, Södertörns högskola');
    expect(text).toContain('30 juni 2027');

    const history = textOf(await (await get(`/avtal/${VFU}/historik`, editor)).text());
    expect(history).toContain('Version 2: Ändrad');
    expect(history).toContain('Erik Redaktör');
    expect(history).toContain('Beskrivning');
    expect(history).toContain(
      'Prioriterade utvecklingsområden Kompetensförsörjning → Samhällsbyggnad, Kompetensförsörjning',
    );
    expect(history).toContain('Kontaktpersoner (tomt) → Karin Kontakt (Södertörns högskola)');
    expect(history).toContain('Gäller till och med 2026-12-31 → 2027-06-30');
    const [entry] = await db()
      .select()
      .from(recordHistory)
      .where(
        and(
          eq(recordHistory.recordType, 'agreement'),
          eq(recordHistory.recordId, (await agreement(VFU)).id),
          eq(recordHistory.version, 2),
        ),
      );
    expect(Object.keys(entry?.changes ?? {}).sort()).toEqual([
      'contacts',
      'description',
      'focusAreas',
      'validTo',
    ]);
    expect(entry?.snapshot).toMatchObject({ contacts: [{ personId: contactPersonId, organisationId: sh }] });
  });

  it('shows "Ändra" and "Historik" on the public page to an editor of a party, to nobody else', async () => {
    const forEditor = await (await get(`/avtal/${VFU}?sparat=1`, editor)).text();
    expect(forEditor).toContain(`href="/avtal/${VFU}/andra"`);
    expect(textOf(forEditor)).toContain('Ändringen är sparad.');
    const forMember = await (await get(`/avtal/${VFU}`, member)).text();
    expect(forMember).not.toContain(`/avtal/${VFU}/andra`);
    const anonymous = await (await get(`/avtal/${VFU}?sparat=1`)).text();
    expect(anonymous).not.toContain(`/avtal/${VFU}/andra`);
    expect(textOf(anonymous)).not.toContain('Ändringen är sparad.');
    // The coordinator edits every agreement; an editor only those their organisation is a party to.
    const ki = await (await get('/avtal/samverkansavtal-karolinska-institutet', coordinator)).text();
    expect(ki).toContain('/avtal/samverkansavtal-karolinska-institutet/andra');
    expect((await get('/avtal/samverkansavtal-karolinska-institutet/andra', editor)).status).toBe(403);
  });

  it('refuses the second of two saves made from the same version, showing both and keeping what was typed', async () => {
    const slug = 'forskningsavtal-aldreomsorg-ki';
    const opened = await formFor(slug);
    const first = await subject.request(
      `/avtal/${slug}/andra`,
      as(coordinator, { ...opened, title: 'Forskningsavtal om äldreomsorg (förlängt)' }),
    );
    expect(first.status).toBe(303);
    const second = await subject.request(
      `/avtal/${slug}/andra`,
      as(coordinator, {
        ...opened,
        diarienummer: 'VON-2025/0999',
        description: 'Min text som inte får försvinna',
      }),
    );
    expect(second.status).toBe(409);
    const html = await second.text();
    const text = textOf(html);
    expect(text).toContain('Någon annan sparade en ändring medan du skrev');
    expect(text).toContain('Så här ser den sparade versionen ut nu');
    expect(text).toContain('Forskningsavtal om äldreomsorg (förlängt)');
    expect(html).toContain('Min text som inte får försvinna');
    expect(html).toContain('value="VON-2025/0999"');
    expect(html).toContain(`name="version" value="${(await agreement(slug)).version}"`);
    expect((await agreement(slug)).diarienummer).toBe('VON-2025/0188');
  });

  it('lets exactly one of many simultaneous saves of one version through', async () => {
    const slug = 'vil-avtal-roda-korsets-hogskola';
    const opened = await formFor(slug);
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        subject.request(`/avtal/${slug}/andra`, as(coordinator, { ...opened, description: `Samtidig ${i}` })),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([
      303, 409, 409, 409, 409, 409, 409, 409,
    ]);
    expect((await agreement(slug)).version).toBe(Number(opened.version) + 1);
  });

  it('answers bad input with messages next to the fields, keeping what was typed, and saves nothing', async () => {
    const before = await everything(VFU);
    const sh = await organisationId('sodertorns-hogskola');
    const response = await subject.request(
      `/avtal/${VFU}/andra`,
      as(
        editor,
        await formFor(VFU, {
          title: 'x'.repeat(301),
          diarienummer: 'BUN\u0000-2023',
          signedOn: '2023-02-30',
          validFrom: '2027-01-01',
          validTo: '2026-01-01',
          party1: String(sh),
          party2: String(sh),
          visibility: 'internal',
          internalReason: '',
          contactPerson2: String(contactPersonId),
          contactParty2: String(await organisationId('karolinska-institutet')),
        }),
      ),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain('Texten är för lång: 301 tecken.');
    expect(text).toContain('Texten innehåller tecken som inte kan sparas.');
    expect(text).toContain('Datumet 2023-02-30 finns inte i kalendern.');
    expect(text).toContain('Slutdatumet kan inte vara före startdatumet.');
    expect(text).toContain('Den här parten är redan vald på en rad ovanför.');
    expect(text).toContain('Skriv varför avtalet är internt');
    expect(text).toContain('Den här personen är redan kontaktperson på en rad ovanför.');
    expect(text).toContain('Kontaktpersonen måste företräda en av avtalets parter.');
    expect(html).toContain('value="2026-01-01"');
    expect(html).toContain(`value="${'x'.repeat(301)}"`);
    expect(await everything(VFU)).toEqual(before);
  });

  it('asks for at least one party, and a reason for an internal agreement', async () => {
    const before = await everything(VFU);
    const fields = await formFor(VFU, { visibility: 'internal', internalReason: ' ' });
    for (const key of Object.keys(fields)) if (/^party\d+$/.test(key)) fields[key] = '';
    const response = await subject.request(`/avtal/${VFU}/andra`, as(editor, fields));
    expect(response.status).toBe(422);
    const text = textOf(await response.text());
    expect(text).toContain('Välj minst en part.');
    expect(text).toContain('Skriv varför avtalet är internt');
    expect(await everything(VFU)).toEqual(before);
  });

  it('refuses a field the form does not have, and a form from another site', async () => {
    const tampered = await subject.request(
      `/avtal/${VFU}/andra`,
      as(editor, { ...(await formFor(VFU)), isDemo: 'true' }),
    );
    expect(tampered.status).toBe(400);
    const unknownArea = await subject.request(
      `/avtal/${VFU}/andra`,
      as(editor, { ...(await formFor(VFU)), 'focusArea-999999': 'ja' }),
    );
    expect(unknownArea.status).toBe(400);
    const crossSite = await subject.request(
      `/avtal/${VFU}/andra`,
      formPost(await formFor(VFU), {
        cookie: editor,
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      }),
    );
    expect(crossSite.status).toBe(403);
  });
});

describe('who may name which party', () => {
  const newForm = async (changes: Record<string, string>) => ({
    kind: 'placement',
    title: 'Praktikavtal för förskollärare',
    diarienummer: '',
    signedOn: '',
    validFrom: '',
    validTo: '',
    description: '',
    visibility: 'public',
    internalReason: '',
    party1: String(await organisationId('barn-och-utbildningsforvaltningen')),
    party2: String(await organisationId('sodertorns-hogskola')),
    ...changes,
  });

  it('offers an editor their own organisation and those outside the municipality, not other administrations', async () => {
    const html = await (await get('/avtal/ny', editor)).text();
    const select = /<select id="avtal-part-1"[\s\S]*?<\/select>/.exec(html)?.[0] ?? '';
    const options = [...select.matchAll(/<option value="(\d+)"/g)].map((match) => Number(match[1]));
    expect(options).toContain(await organisationId('barn-och-utbildningsforvaltningen'));
    expect(options).toContain(await organisationId('ekdalsskolan'));
    expect(options).toContain(await organisationId('sodertorns-hogskola'));
    expect(options).toContain(await organisationId('region-stockholm'));
    expect(options).not.toContain(await organisationId('gymnasie-och-arbetsmarknadsforvaltningen'));
    expect(options).not.toContain(await organisationId('huddinge-kommun'));
    expect((await get('/avtal/ny', member)).status).toBe(403);
  });

  it('refuses a party the form does not offer the editor with 403, and saves nothing', async () => {
    const count = await db().$count(agreements);
    const response = await subject.request(
      '/avtal/ny',
      as(
        editor,
        await newForm({ party2: String(await organisationId('gymnasie-och-arbetsmarknadsforvaltningen')) }),
      ),
    );
    expect(response.status).toBe(403);
    expect(textOf(await response.text())).toContain('Åtgärden är inte tillåten');
    expect(await db().$count(agreements)).toBe(count);
  });

  it('asks an editor to keep a party of their own', async () => {
    const response = await subject.request(
      '/avtal/ny',
      as(editor, await newForm({ party1: String(await organisationId('karolinska-institutet')) })),
    );
    expect(response.status).toBe(422);
    expect(textOf(await response.text())).toContain('Minst en part måste vara din organisation');
  });

  it('adds an agreement with its address from the title (never "ny"), shown on the public pages at once', async () => {
    await get('/avtal');
    const response = await subject.request('/avtal/ny', as(editor, await newForm({})));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/avtal/praktikavtal-for-forskollarare?sparat=ny');
    expect(textOf(await (await get('/avtal')).text())).toContain('Praktikavtal för förskollärare');
    const history = textOf(
      await (await get('/avtal/praktikavtal-for-forskollarare/historik', editor)).text(),
    );
    expect(history).toContain('Version 1: Skapad');
    expect(history).toContain('Parter (tomt) → Barn- och utbildningsförvaltningen, Södertörns högskola');
    expect(history).toContain('Typ av avtal (tomt) → Avtal om praktik och VFU');

    const ny = await subject.request('/avtal/ny', as(coordinator, await newForm({ title: 'Ny' })));
    expect(ny.headers.get('location')).toBe('/avtal/ny-2?sparat=ny');
  });
});

describe('internal agreements', () => {
  it('stay off every public page, and the editor sees them in the workspace and the edit form', async () => {
    const response = await subject.request(
      '/avtal/ny',
      as(editor, {
        kind: 'research',
        title: 'Hemligt Zorblaxforskningsavtal',
        diarienummer: 'BUN-2026/0001',
        signedOn: '',
        validFrom: '',
        validTo: '',
        description: 'Arbetsmaterial inför förhandling.',
        visibility: 'internal',
        internalReason: 'arbetsmaterial',
        party1: String(await organisationId('ekdalsskolan')),
        party2: String(await organisationId('karolinska-institutet')),
      }),
    );
    expect(response.status).toBe(303);
    const slug = 'hemligt-zorblaxforskningsavtal';
    expect(response.headers.get('location')).toBe(`/avtal/${slug}/andra?sparat=ny`);
    for (const path of [
      `/avtal/${slug}`,
      '/avtal',
      '/',
      '/sok?q=Zorblaxforskningsavtal',
      '/larosaten/karolinska-institutet',
      '/organisationer/ekdalsskolan',
    ]) {
      const html = await (await get(path)).text();
      expect(html, path).not.toContain('Hemligt');
      expect(html, path).not.toContain(slug);
    }
    expect((await get(`/avtal/${slug}`, editor)).status).toBe(404);

    const workspace = textOf(await (await get('/arbetsyta', editor)).text());
    expect(workspace).toContain('Hemligt Zorblaxforskningsavtal · Internt');
    const edit = await get(`/avtal/${slug}/andra?sparat=ny`, editor);
    expect(edit.status).toBe(200);
    const text = textOf(await edit.text());
    expect(text).toContain('Avtalet är tillagt. Det är internt');
    expect((await get(`/avtal/${slug}/andra`, member)).status).toBe(403);
  });
});

describe('deleting and restoring', () => {
  it('deletes softly, and the coordinator restores it from the history', async () => {
    const slug = VFU;
    const before = await agreement(slug);
    const linksBefore = await findAgreementLinks(db(), before.id);
    expect((await get(`/avtal/${slug}/ta-bort`, editor)).status).toBe(200);
    const deleted = await subject.request(
      `/avtal/${slug}/ta-bort`,
      as(editor, { version: String(before.version) }),
    );
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe('/arbetsyta?klart=borttagen');
    expect((await get(`/avtal/${slug}`)).status).toBe(404);
    expect(textOf(await (await get('/avtal')).text())).not.toContain('VFU-avtal för lärarutbildningen');
    expect(textOf(await (await get('/arbetsyta', coordinator)).text())).toContain('Borttagna avtal');

    expect(
      (await subject.request(`/avtal/${slug}/historik/${before.version}/aterstall`, as(editor, {}))).status,
    ).toBe(403);
    const restored = await subject.request(
      `/avtal/${slug}/historik/${before.version}/aterstall`,
      as(coordinator, {}),
    );
    expect(restored.status).toBe(303);
    expect((await get(`/avtal/${slug}`)).status).toBe(200);
    expect(await findAgreementLinks(db(), before.id)).toEqual(linksBefore);
    const history = textOf(await (await get(`/avtal/${slug}/historik`, coordinator)).text());
    expect(history).toContain(`Version ${before.version + 2}: Återställd`);
    expect(history).toContain(`Återställd till version ${before.version}`);
    expect(history).toContain(`Version ${before.version + 1}: Borttagen`);
  });

  it('restores an earlier version of the fields and the links', async () => {
    const slug = 'samverkansavtal-sodertorns-hogskola';
    const first = await subject.request(
      `/avtal/${slug}/andra`,
      as(coordinator, await formFor(slug, { diarienummer: 'KS-2020/0001' })),
    );
    expect(first.status).toBe(303);
    const saved = await agreement(slug);
    const changed = await formFor(slug, { diarienummer: 'KS-2020/0002', description: 'Ny text' });
    for (const key of Object.keys(changed)) if (key.startsWith('focusArea-')) delete changed[key];
    expect((await subject.request(`/avtal/${slug}/andra`, as(coordinator, changed))).status).toBe(303);
    expect((await findAgreementLinks(db(), saved.id)).focusAreas).toEqual([]);

    const restored = await subject.request(
      `/avtal/${slug}/historik/${saved.version}/aterstall`,
      as(coordinator, {}),
    );
    expect(restored.status).toBe(303);
    const after = await agreement(slug);
    expect(after.diarienummer).toBe('KS-2020/0001');
    expect(after.description).toBe(saved.description);
    expect((await findAgreementLinks(db(), saved.id)).focusAreas).toHaveLength(3);
    expect(textOf(await (await get(`/avtal/${slug}`)).text())).toContain('KS-2020/0001');
  });

  it('does not let an editor delete an agreement another administration is a party to', async () => {
    const ulf = await agreement('ulf-avtal-sodertorns-hogskola');
    expect((await get('/avtal/ulf-avtal-sodertorns-hogskola/andra', editor)).status).toBe(200);
    expect((await get('/avtal/ulf-avtal-sodertorns-hogskola/ta-bort', editor)).status).toBe(403);
    const response = await subject.request(
      '/avtal/ulf-avtal-sodertorns-hogskola/ta-bort',
      as(editor, { version: String(ulf.version) }),
    );
    expect(response.status).toBe(403);
    expect((await agreement('ulf-avtal-sodertorns-hogskola')).deletedAt).toBeNull();
  });

  it('does not let an editor take another administration off an agreement (and then delete it)', async () => {
    const other = String(await organisationId('gymnasie-och-arbetsmarknadsforvaltningen'));
    const form = await formFor('ulf-avtal-sodertorns-hogskola');
    const slot = Object.keys(form).find((field) => /^party\d+$/.test(field) && form[field] === other);
    expect(slot).toBeDefined();
    const response = await subject.request(
      '/avtal/ulf-avtal-sodertorns-hogskola/andra',
      as(editor, { ...form, [slot!]: '' }),
    );
    expect(response.status).toBe(403);
    const ulf = await agreement('ulf-avtal-sodertorns-hogskola');
    expect((await findAgreementLinks(db(), ulf.id)).parties).toContain(Number(other));
  });
});

describe('bad input, generated', () => {
  it('never breaks the new agreement form', async () => {
    const plausible = {
      kind: 'collaboration',
      title: 'Genererat avtal',
      diarienummer: 'KS-2026/1',
      signedOn: '2026-01-01',
      validFrom: '2026-01-01',
      validTo: '2027-01-01',
      description: 'Text',
      visibility: 'public',
      internalReason: '',
      party1: String(await organisationId('huddinge-kommun')),
      party2: String(await organisationId('sodertorns-hogskola')),
      contactPerson1: String(contactPersonId),
      contactParty1: String(await organisationId('sodertorns-hogskola')),
    };
    await fc.assert(
      fc.asyncProperty(fuzzedForm(plausible), async (sample) => {
        const response = await postSample(subject, '/avtal/ny', sample, plausible, { cookie: coordinator });
        await expectCalmAnswer(response, [303, 400, 403, 413, 415, 422]);
      }),
      { numRuns: 40 },
    );
    const rows = await db().execute<{ n: number }>(
      sql`select count(*)::int as n from agreements where title = ''`,
    );
    expect(rows.rows[0]?.n).toBe(0);
  });
});

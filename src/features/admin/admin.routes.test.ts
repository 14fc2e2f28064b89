import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, sessionCookieFor, signedInPerson } from '../../../tests/people.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { auditLog, memberships, people, personIdentities, sessions } from '../accounts/accounts.table.ts';
import { recordAudit } from '../auth/audit.ts';
import { EMAIL_LINK_ISSUER } from '../auth/identities.tsx';
import { groupMemberships, groups } from '../groups/groups.table.ts';
import { mailOutbox } from '../mail/mail.table.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { escapeControlCharacters } from './views/audit-text.ts';

const PROVIDER = {
  id: 'huddinge',
  name: 'Huddinge kommun',
  issuer: 'https://login.huddinge.example/tenant/v2.0',
  clientId: 'samverkan',
  clientSecret: 'hemligt',
};

let subject: Awaited<ReturnType<typeof createTestApp>>;
let admin: { personId: number; cookie: string };
let coordinator: { personId: number; cookie: string };
let editor: { personId: number; cookie: string };
let member: { personId: number; cookie: string };
let target: number;

beforeAll(async () => {
  subject = await createTestApp({ demo: false, env: { OIDC_PROVIDERS: JSON.stringify([PROVIDER]) } });
  admin = await signedInPerson(subject, {
    name: 'Ada Administratör',
    email: 'ada@huddinge.se',
    roles: { 'huddinge-kommun': 'administrator' },
  });
  coordinator = await signedInPerson(subject, {
    name: 'Cecilia Samordnare',
    roles: { 'huddinge-kommun': 'coordinator' },
  });
  editor = await signedInPerson(subject, {
    name: 'Erik Redaktör',
    roles: { 'barn-och-utbildningsforvaltningen': 'editor' },
  });
  member = await signedInPerson(subject, { name: 'Maja Medlem', roles: { 'sodertorns-hogskola': 'member' } });
  target = await createPerson(subject.deps.db, { name: 'Tore Mål', email: 'tore@sh.se' });
});
afterAll(() => subject.cleanup());

const db = () => subject.deps.db;
const get = (path: string, cookie?: string) =>
  subject.request(path, cookie ? { headers: { cookie } } : undefined);
const post = (path: string, fields: Record<string, string>, cookie?: string) =>
  subject.request(path, formPost(fields, cookie ? { cookie } : {}));

async function page(path: string, cookie = admin.cookie) {
  const response = await get(path, cookie);
  return { status: response.status, html: await response.text() };
}

async function organisationId(slug: string): Promise<number> {
  const [row] = await db().select().from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw new Error(`no organisation ${slug}`);
  return row.id;
}

async function groupId(slug: string): Promise<number> {
  const [row] = await db().select().from(groups).where(eq(groups.slug, slug));
  if (!row) throw new Error(`no group ${slug}`);
  return row.id;
}

async function auditCount(): Promise<number> {
  return (await db().select().from(auditLog)).length;
}

/** The rows of the first table body on a page. */
function bodyRows(html: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return body.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
}

describe('who may use the administration', () => {
  const routes = () => {
    const base = `/admin/personer/${target}`;
    return {
      get: ['/admin', '/admin/bjud-in', '/admin/logg', base],
      post: [
        ['/admin/bjud-in', { name: 'X', email: 'x@example.se', organisationId: '', role: '' }],
        [`${base}/medlemskap`, { organisationId: '1', role: 'administrator' }],
        [`${base}/medlemskap/1/ta-bort`, {}],
        [`${base}/grupper`, { groupId: '1' }],
        [`${base}/grupper/1/ta-bort`, {}],
        [`${base}/stang-av`, {}],
        [`${base}/aktivera`, {}],
      ] as [string, Record<string, string>][],
    };
  };

  it('opens every page for an administrator', async () => {
    for (const path of routes().get) {
      const { status, html } = await page(path);
      expect(status, path).toBe(200);
      expect(html).toContain('Inloggad som Ada Administratör');
    }
  });

  it('refuses coordinators, editors and members with 403, and changes nothing for them', async () => {
    const before = await auditCount();
    for (const person of [coordinator, editor, member]) {
      for (const path of routes().get) expect((await get(path, person.cookie)).status, path).toBe(403);
      for (const [path, fields] of routes().post) {
        const response = await post(path, fields, person.cookie);
        expect(response.status, path).toBe(403);
        expect(textOf(await response.text())).toContain('Du har inte behörighet');
      }
    }
    expect(await auditCount()).toBe(before);
    const [tore] = await db().select().from(people).where(eq(people.id, target));
    expect(tore?.disabledAt).toBeNull();
    expect(await db().select().from(people).where(eq(people.email, 'x@example.se'))).toEqual([]);
  });

  it('sends a signed-out reader to sign in and back, and refuses a signed-out form with 401', async () => {
    for (const path of routes().get) {
      const response = await get(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location')).toBe(`/logga-in?${new URLSearchParams({ nasta: path })}`);
    }
    for (const [path, fields] of routes().post) expect((await post(path, fields)).status, path).toBe(401);
  });

  it('answers unknown people and malformed ids with 404', async () => {
    expect((await page('/admin/personer/99999999')).status).toBe(404);
    expect((await page('/admin/personer/abc')).status).toBe(404);
    expect((await page('/admin/personer/1e3')).status).toBe(404);
    expect((await post('/admin/personer/99999999/stang-av', {}, admin.cookie)).status).toBe(404);
    expect((await post(`/admin/personer/${target}/medlemskap/x/ta-bort`, {}, admin.cookie)).status).toBe(404);
  });

  it('refuses unknown form fields with 400', async () => {
    const base = `/admin/personer/${target}`;
    expect((await post(`${base}/stang-av`, { isAdmin: 'true' }, admin.cookie)).status).toBe(400);
    expect(
      (await post(`${base}/medlemskap`, { organisationId: '1', role: 'member', extra: '1' }, admin.cookie))
        .status,
    ).toBe(400);
    expect(
      (
        await post(
          '/admin/bjud-in',
          { name: 'A', email: 'a@example.se', organisationId: '', role: '', __proto__x: '1' },
          admin.cookie,
        )
      ).status,
    ).toBe(400);
  });
});

describe('the people list', () => {
  it('lists people with e-mail, organisations and roles, status and last sign-in', async () => {
    const { status, html } = await page('/admin');
    expect(status).toBe(200);
    const row = bodyRows(html).find((tr) => tr.includes('Erik Redaktör')) ?? '';
    expect(textOf(row)).toMatch(
      /Erik Redaktör person-\w+@example\.se Barn- och utbildningsförvaltningen: Redaktör Aktiv Aldrig/,
    );
    expect(row).toContain(`<a href="/admin/personer/${editor.personId}">`);
    expect(html).toMatch(/<caption id="people-caption">/);
  });

  it('searches by name and by e-mail, case-insensitively, with % and _ taken literally', async () => {
    let { html } = await page('/admin?q=TORE');
    expect(bodyRows(html)).toHaveLength(1);
    expect(textOf(html)).toContain('1 person som matchar ”TORE”');
    ({ html } = await page('/admin?q=ada%40huddinge'));
    expect(textOf(bodyRows(html).join(''))).toContain('Ada Administratör');
    ({ html } = await page('/admin?q=%25'));
    expect(textOf(html)).toContain('Ingen person matchar ”%”.');
  });

  it('pages by 50', async () => {
    await db()
      .insert(people)
      .values(Array.from({ length: 55 }, (_, i) => ({ name: `Paginerad ${String(i).padStart(2, '0')}` })));
    const first = await page('/admin?q=Paginerad');
    expect(bodyRows(first.html)).toHaveLength(50);
    expect(textOf(first.html)).toContain('55 personer som matchar ”Paginerad”');
    expect(first.html).toContain('href="/admin?q=Paginerad&amp;sida=2"');
    const second = await page('/admin?q=Paginerad&sida=2');
    expect(bodyRows(second.html)).toHaveLength(5);
    expect(textOf(second.html)).toContain('Paginerad 54');
  });

  it('answers a too long search with a message next to the field (422), and a bad page number with 400', async () => {
    const { status, html } = await page(`/admin?q=${'a'.repeat(201)}`);
    expect(status).toBe(422);
    expect(html).toContain('id="sok-person-error"');
    expect(textOf(html)).toContain('Skriv högst 200 tecken.');
    expect((await page('/admin?sida=0')).status).toBe(400);
  });
});

describe('one person', () => {
  it('shows details, how they sign in (provider names by issuer), roles, groups and recent log', async () => {
    const person = await createPerson(db(), {
      name: 'Ingrid Identitet',
      email: 'ingrid@huddinge.se',
      roles: { 'gymnasie-och-arbetsmarknadsforvaltningen': 'editor' },
      groups: ['hogskoleradet'],
    });
    await db()
      .insert(personIdentities)
      .values([
        { personId: person, issuer: `${PROVIDER.issuer}/`, subject: 'abc-123' },
        { personId: person, issuer: 'https://okand.example/', subject: 'zzz' },
      ]);
    await recordAudit(db(), subject.deps.clock.now(), {
      action: 'details_changed',
      actorPersonId: person,
      subjectPersonId: person,
    });
    const { status, html } = await page(`/admin/personer/${person}`);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Ingrid Identitet');
    expect(text).toContain('E-post ingrid@huddinge.se');
    expect(text).toContain('Status Aktiv');
    expect(text).toContain('E-postlänk ingrid@huddinge.se');
    expect(text).toContain('Huddinge kommun abc-123');
    expect(text).toContain('https://okand.example/ zzz');
    expect(text).toContain('Gymnasie- och arbetsmarknadsförvaltningen');
    expect(html).toMatch(/<option value="editor" selected="">Redaktör<\/option>/);
    expect(text).toContain('Högskolerådet');
    expect(text).toContain('Uppgifter ändrade');
    expect(html).toContain(`href="/admin/logg?person=${person}"`);
    // The organisation choices are the tree: units under their parent, indented.
    expect(html).toMatch(/>\u00a0\u00a0\u00a0Barn- och utbildningsförvaltningen</);
  });
});

describe('inviting a person', () => {
  it('creates the person with an e-mail-link identity and a role, queues the invitation and logs it', async () => {
    const bou = await organisationId('barn-och-utbildningsforvaltningen');
    const response = await post(
      '/admin/bjud-in',
      {
        name: 'Ines Inbjuden',
        email: ' Ines.Inbjuden@Example.SE ',
        organisationId: String(bou),
        role: 'editor',
      },
      admin.cookie,
    );
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/admin\/personer\/\d+\?klart=invited$/);
    const personId = Number(/personer\/(\d+)/.exec(location)?.[1]);

    const [person] = await db().select().from(people).where(eq(people.id, personId));
    expect(person).toMatchObject({
      name: 'Ines Inbjuden',
      email: 'ines.inbjuden@example.se',
      disabledAt: null,
    });
    expect(await db().select().from(personIdentities).where(eq(personIdentities.personId, personId))).toEqual(
      [expect.objectContaining({ issuer: EMAIL_LINK_ISSUER, subject: 'ines.inbjuden@example.se' })],
    );
    expect(await db().select().from(memberships).where(eq(memberships.personId, personId))).toEqual([
      expect.objectContaining({ organisationId: bou, role: 'editor' }),
    ]);
    const mail = await db()
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'ines.inbjuden@example.se'));
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe('Inbjudan till Samverkan med akademierna');
    expect(mail[0]?.textBody).toContain('Ada Administratör har bjudit in dig');
    expect(mail[0]?.textBody).toMatch(/http:\/\/localhost:3000\/logga-in\/lank\?token=[\w-]{43}/);
    const log = await db().select().from(auditLog).where(eq(auditLog.subjectPersonId, personId));
    expect(log.map((entry) => [entry.action, entry.actorPersonId, entry.detail])).toEqual([
      ['person_invited', admin.personId, { name: 'Ines Inbjuden', email: 'ines.inbjuden@example.se' }],
      [
        'membership_granted',
        admin.personId,
        { organisation: 'Barn- och utbildningsförvaltningen', role: 'editor' },
      ],
    ]);

    const shown = await page(location);
    expect(textOf(shown.html)).toContain(
      'Personen är inbjuden. En inbjudan med inloggningslänk har skickats.',
    );
  });

  it('invites without an organisation', async () => {
    const response = await post(
      '/admin/bjud-in',
      { name: 'Utan Organisation', email: 'utan@example.se', organisationId: '', role: 'member' },
      admin.cookie,
    );
    expect(response.status).toBe(303);
    const [person] = await db().select().from(people).where(eq(people.email, 'utan@example.se'));
    expect(await db().select().from(memberships).where(eq(memberships.personId, person!.id))).toEqual([]);
  });

  it('refuses an address that already signs in with a link, pointing to that person instead', async () => {
    const peopleBefore = (await db().select().from(people)).length;
    const mailBefore = (await db().select().from(mailOutbox)).length;
    const response = await post(
      '/admin/bjud-in',
      { name: 'Tore Igen', email: 'TORE@sh.se', organisationId: '', role: 'member' },
      admin.cookie,
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    const field =
      /<div class="field field-error">\s*<label for="epost">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    expect(textOf(field)).toContain(
      'Det finns redan en person som loggar in med den här e-postadressen. Gå till Tore Mål',
    );
    expect(field).toContain(`href="/admin/personer/${target}"`);
    expect(html).toContain('value="Tore Igen"');
    expect(html).toContain('value="TORE@sh.se"');
    expect((await db().select().from(people)).length).toBe(peopleBefore);
    expect((await db().select().from(mailOutbox)).length).toBe(mailBefore);
  });

  it('answers missing and malformed fields with messages next to them, keeping what was typed', async () => {
    const response = await post(
      '/admin/bjud-in',
      { name: '  ', email: 'inte-en-adress', organisationId: '99999999', role: 'kung' },
      admin.cookie,
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain('Skriv personens namn.');
    expect(text).toContain('Skriv en e-postadress med @ och en domän');
    expect(text).toContain('Välj en roll.');
    expect(html).toContain('value="inte-en-adress"');
    expect(html).toContain('<a href="#namn">');
    // Fields left out altogether get the same Swedish messages.
    const empty = await post('/admin/bjud-in', {}, admin.cookie);
    expect(empty.status).toBe(422);
    const emptyText = textOf(await empty.text());
    expect(emptyText).toContain('Skriv personens namn.');
    expect(emptyText).toContain('Skriv personens e-postadress.');
    expect(emptyText).not.toMatch(/Invalid|expected/);
    // An organisation that does not exist is refused next to the organisation field.
    const unknownOrganisation = await post(
      '/admin/bjud-in',
      { name: 'Okänd Org', email: 'okand-org@example.se', organisationId: '99999999', role: 'member' },
      admin.cookie,
    );
    expect(unknownOrganisation.status).toBe(422);
    expect(await unknownOrganisation.text()).toMatch(
      /id="organisation-error" class="error-message">Välj en organisation\./,
    );
    expect(await db().select().from(people).where(eq(people.email, 'okand-org@example.se'))).toEqual([]);
  });
});

describe('memberships and groups', () => {
  it('adds a role, changes it and removes it, logging organisation and role each time', async () => {
    const person = await createPerson(db(), { name: 'Rolf Roll' });
    const base = `/admin/personer/${person}`;
    const bou = await organisationId('barn-och-utbildningsforvaltningen');
    let response = await post(
      `${base}/medlemskap`,
      { organisationId: String(bou), role: 'editor' },
      admin.cookie,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${base}?klart=roleSaved`);
    response = await post(
      `${base}/medlemskap`,
      { organisationId: String(bou), role: 'coordinator' },
      admin.cookie,
    );
    expect(response.status).toBe(303);
    expect(await db().select().from(memberships).where(eq(memberships.personId, person))).toEqual([
      expect.objectContaining({ organisationId: bou, role: 'coordinator' }),
    ]);
    response = await post(`${base}/medlemskap/${bou}/ta-bort`, {}, admin.cookie);
    expect(response.headers.get('location')).toBe(`${base}?klart=membershipRemoved`);
    expect(await db().select().from(memberships).where(eq(memberships.personId, person))).toEqual([]);
    const log = await db().select().from(auditLog).where(eq(auditLog.subjectPersonId, person));
    const organisation = 'Barn- och utbildningsförvaltningen';
    expect(log.map((entry) => [entry.action, entry.actorPersonId, entry.detail])).toEqual([
      ['membership_granted', admin.personId, { organisation, role: 'editor' }],
      ['membership_granted', admin.personId, { organisation, role: 'coordinator', previousRole: 'editor' }],
      ['membership_revoked', admin.personId, { organisation, role: 'coordinator' }],
    ]);
    // A second click on "Ta bort" finds nothing to remove and logs nothing.
    expect((await post(`${base}/medlemskap/${bou}/ta-bort`, {}, admin.cookie)).status).toBe(303);
    expect(await db().select().from(auditLog).where(eq(auditLog.subjectPersonId, person))).toHaveLength(3);
  });

  it('asks for an organisation when none was chosen', async () => {
    const response = await post(
      `/admin/personer/${target}/medlemskap`,
      { organisationId: '', role: 'member' },
      admin.cookie,
    );
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(
      /id="ny-organisation-error" class="error-message">Välj en organisation\./,
    );
  });

  it('adds to a group and removes from it', async () => {
    const person = await createPerson(db(), { name: 'Greta Grupp' });
    const base = `/admin/personer/${person}`;
    const council = await groupId('hogskoleradet');
    expect((await post(`${base}/grupper`, { groupId: String(council) }, admin.cookie)).status).toBe(303);
    expect(await db().select().from(groupMemberships).where(eq(groupMemberships.personId, person))).toEqual([
      expect.objectContaining({ groupId: council }),
    ]);
    expect(textOf((await page(`${base}?klart=groupAdded`)).html)).toContain('Personen är tillagd i gruppen.');
    expect((await post(`${base}/grupper/${council}/ta-bort`, {}, admin.cookie)).status).toBe(303);
    expect(await db().select().from(groupMemberships).where(eq(groupMemberships.personId, person))).toEqual(
      [],
    );
    const log = await db().select().from(auditLog).where(eq(auditLog.subjectPersonId, person));
    expect(log.map((entry) => [entry.action, entry.detail])).toEqual([
      ['group_membership_granted', { group: 'Högskolerådet' }],
      ['group_membership_revoked', { group: 'Högskolerådet' }],
    ]);
    const missing = await post(`${base}/grupper`, { groupId: '' }, admin.cookie);
    expect(missing.status).toBe(422);
    expect(textOf(await missing.text())).toContain('Välj en grupp.');
  });
});

describe('disabling an account', () => {
  it('ends all the person’s sessions at once; their cookie then gets the public page or the sign-in redirect', async () => {
    const other = await signedInPerson(subject, {
      name: 'Otto Avstängd',
      roles: { 'huddinge-kommun': 'administrator' },
    });
    const secondCookie = await sessionCookieFor(db(), other.personId, subject.deps.clock.now());
    expect((await get('/admin', other.cookie)).status).toBe(200);

    const response = await post(`/admin/personer/${other.personId}/stang-av`, {}, admin.cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/admin/personer/${other.personId}?klart=disabled`);
    expect(await db().select().from(sessions).where(eq(sessions.personId, other.personId))).toEqual([]);
    const [person] = await db().select().from(people).where(eq(people.id, other.personId));
    expect(person?.disabledAt).toEqual(subject.deps.clock.now());

    const adminPage = await get('/admin', other.cookie);
    expect(adminPage.status).toBe(303);
    expect(adminPage.headers.get('location')).toBe('/logga-in?nasta=%2Fadmin');
    const home = await get('/', secondCookie);
    expect(home.status).toBe(200);
    const homeText = textOf(await home.text());
    expect(homeText).not.toContain('Inloggad som');
    expect(homeText).toContain('Logga in');

    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectPersonId, other.personId), eq(auditLog.action, 'person_disabled')));
    expect(entry).toMatchObject({ actorPersonId: admin.personId, detail: { sessionsEnded: 2 } });
    expect(textOf((await page(`/admin/personer/${other.personId}`)).html)).toContain(
      'Avstängd sedan 27 november 2026 kl. 12:00',
    );

    // Enabled again: the person can sign in anew (their old sessions stay ended).
    const enabled = await post(`/admin/personer/${other.personId}/aktivera`, {}, admin.cookie);
    expect(enabled.headers.get('location')).toBe(`/admin/personer/${other.personId}?klart=enabled`);
    const [again] = await db().select().from(people).where(eq(people.id, other.personId));
    expect(again?.disabledAt).toBeNull();
    expect((await get('/admin', other.cookie)).status).toBe(303);
    const fresh = await sessionCookieFor(db(), other.personId, subject.deps.clock.now());
    expect((await get('/admin', fresh)).status).toBe(200);
    const actions = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectPersonId, other.personId));
    expect(actions.map((row) => row.action)).toEqual(['person_disabled', 'person_enabled']);
  });

  it('lists a disabled person as avstängd', async () => {
    const person = await createPerson(db(), { name: 'Stina Stängd' });
    await post(`/admin/personer/${person}/stang-av`, {}, admin.cookie);
    const { html } = await page('/admin?q=Stina');
    expect(textOf(bodyRows(html).join(''))).toContain('Avstängd');
  });

  it('refuses an administrator who tries to disable themself', async () => {
    const self = await signedInPerson(subject, {
      name: 'Sven Själv',
      roles: { 'huddinge-kommun': 'administrator' },
    });
    expect(textOf((await page(`/admin/personer/${self.personId}`, self.cookie)).html)).toContain(
      'Du kan inte stänga av ditt eget konto.',
    );
    const response = await post(`/admin/personer/${self.personId}/stang-av`, {}, self.cookie);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/id="stang-av-error" class="error-message">Du kan inte stänga av ditt eget konto\./);
    expect(html).toContain('<a href="#stang-av">');
    const [person] = await db().select().from(people).where(eq(people.id, self.personId));
    expect(person?.disabledAt).toBeNull();
    expect((await get('/admin', self.cookie)).status).toBe(200);
  });
});

describe('the platform always keeps an administrator', () => {
  it('refuses to take away an administrator’s own last administrator role', async () => {
    const self = await signedInPerson(subject, {
      name: 'Siri Sist',
      roles: { 'huddinge-kommun': 'administrator' },
    });
    const municipality = await organisationId('huddinge-kommun');
    const base = `/admin/personer/${self.personId}`;
    const demote = await post(
      `${base}/medlemskap`,
      { organisationId: String(municipality), role: 'editor' },
      self.cookie,
    );
    expect(demote.status).toBe(422);
    const message = 'Du kan inte ta bort din egen sista administratörsroll.';
    const demoteHtml = await demote.text();
    expect(demoteHtml).toMatch(
      new RegExp(`id="roll-${municipality}-error" class="error-message">${message}`),
    );
    // The row still shows the stored role, and the add form is left as it was.
    expect(demoteHtml).toMatch(
      new RegExp(`<select id="roll-${municipality}"[^>]*><option value="administrator" selected="">`),
    );
    const addForm = /<select id="ny-organisation"[\s\S]*?<\/select>/.exec(demoteHtml)?.[0] ?? '';
    expect(addForm).toContain('<option value="">Välj organisation</option>');
    expect(addForm).not.toContain('selected=""');
    const remove = await post(`${base}/medlemskap/${municipality}/ta-bort`, {}, self.cookie);
    expect(remove.status).toBe(422);
    expect(textOf(await remove.text())).toContain(message);
    expect(await db().select().from(memberships).where(eq(memberships.personId, self.personId))).toEqual([
      expect.objectContaining({ role: 'administrator' }),
    ]);

    // With an administrator role in a second organisation, one of them may go.
    const bou = await organisationId('barn-och-utbildningsforvaltningen');
    expect(
      (await post(`${base}/medlemskap`, { organisationId: String(bou), role: 'administrator' }, self.cookie))
        .status,
    ).toBe(303);
    expect((await post(`${base}/medlemskap/${municipality}/ta-bort`, {}, self.cookie)).status).toBe(303);
    // Another administrator may take the role away.
    expect(
      (await post(`${base}/medlemskap`, { organisationId: String(bou), role: 'member' }, admin.cookie))
        .status,
    ).toBe(303);
  });

  it('lets only one of two administrators disabling each other at once succeed', async () => {
    // A database of its own, where these two are the only administrators.
    const own = await createTestApp({ demo: false });
    try {
      const first = await signedInPerson(own, {
        name: 'Första',
        roles: { 'huddinge-kommun': 'administrator' },
      });
      const second = await signedInPerson(own, {
        name: 'Andra',
        roles: { 'huddinge-kommun': 'administrator' },
      });
      const [a, b] = await Promise.all([
        own.request(`/admin/personer/${second.personId}/stang-av`, formPost({}, { cookie: first.cookie })),
        own.request(`/admin/personer/${first.personId}/stang-av`, formPost({}, { cookie: second.cookie })),
      ]);
      const statuses = [a.status, b.status].sort();
      // One succeeds (303); the other is refused by the rule (422) or, if it came late, is already signed out (401).
      expect(statuses[0]).toBe(303);
      expect([401, 422]).toContain(statuses[1]);
      const active = await own.deps.db.select().from(people).where(isNull(people.disabledAt));
      expect(active).toHaveLength(1);
    } finally {
      await own.cleanup();
    }
  });
});

describe('the audit log', () => {
  it('shows entries newest first with time, who, the action in Swedish, whom it concerns and details', async () => {
    await recordAudit(db(), new Date('2026-11-27T10:00:00Z'), {
      action: 'sign_in_refused',
      actorPersonId: null,
      subjectPersonId: target,
      detail: { method: 'e-post', reason: 'disabled' },
    });
    const { status, html } = await page(`/admin/logg?person=${target}`);
    expect(status).toBe(200);
    const rows = bodyRows(html).map(textOf);
    expect(rows[0]).toBe(
      '27 november 2026 kl. 11:00 System/okänd Inloggning nekad Tore Mål Sätt: e-post Orsak: disabled',
    );
    expect(textOf(html)).toContain('Visar händelser där Tore Mål är inblandad.');
    expect(html).toContain('<th scope="col">Tid</th>');
  });

  it('filters by action, and refuses an unknown action with a message next to the list', async () => {
    const { html } = await page('/admin/logg?handling=membership_revoked');
    const rows = bodyRows(html).map(textOf);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain('Medlemskap borttaget');
    expect(html).toMatch(/<option value="membership_revoked" selected="">Medlemskap borttaget<\/option>/);
    const bad = await page('/admin/logg?handling=drop_table');
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/id="handling-error" class="error-message">Välj en händelse i listan\./);
    expect((await page('/admin/logg?person=abc')).status).toBe(400);
    expect((await page('/admin/logg?person=99999999')).status).toBe(404);
  });

  it('pages by 50', async () => {
    const person = await createPerson(db(), { name: 'Loggad Många' });
    for (let i = 0; i < 60; i++)
      await recordAudit(db(), new Date(Date.UTC(2026, 10, 1, 0, i)), {
        action: 'sign_in',
        actorPersonId: person,
        subjectPersonId: person,
      });
    const first = await page(`/admin/logg?person=${person}`);
    expect(bodyRows(first.html)).toHaveLength(50);
    expect(textOf(first.html)).toContain('60 händelser');
    expect(bodyRows(first.html)[0]).toContain('2026-11-01T00:59:00.000Z');
    const second = await page(`/admin/logg?person=${person}&sida=2`);
    expect(bodyRows(second.html)).toHaveLength(10);
    expect(second.html).toContain('href="/admin/logg?person=');
  });

  it('shows a name with a newline as one entry, the newline as a visible \\n', async () => {
    const forged = 'Eva Ek\n2026-11-27 sign_in admin';
    const response = await post(
      '/admin/bjud-in',
      { name: forged, email: 'eva.ek@example.se', organisationId: '', role: 'member' },
      admin.cookie,
    );
    expect(response.status).toBe(303);
    const personId = Number(/personer\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1]);
    const { html } = await page(`/admin/logg?person=${personId}`);
    const rows = bodyRows(html);
    expect(rows).toHaveLength(1);
    expect(textOf(rows[0] ?? '')).toBe(
      '27 november 2026 kl. 12:00 Ada Administratör Person inbjuden Eva Ek\\n2026-11-27 sign_in admin Namn: Eva Ek\\n2026-11-27 sign_in admin E-post: eva.ek@example.se',
    );
    expect(rows[0]).not.toContain('\n2026-11-27');
  });

  it('escapes every control, line-separator and bidi character', () => {
    expect(escapeControlCharacters('a\nb\rc\td\u0000e\u2028f\u2029g\u202Eh\u0085i')).toBe(
      'a\\nb\\rc\\td\\u0000e\\u2028f\\u2029g\\u202Eh\\u0085i',
    );
    expect(escapeControlCharacters('Åsa Öberg – ok')).toBe('Åsa Öberg – ok');
  });
});

describe('an erased person', () => {
  it('is a tombstone: no role can be given to it, so it can never count as the administrator left', async () => {
    const erased = await createPerson(db(), { name: 'Raderad Person' });
    await db()
      .update(people)
      .set({ name: '', email: null, erasedAt: new Date() })
      .where(eq(people.id, erased));
    const organisationId = String(
      (await db().select().from(organisations).where(eq(organisations.slug, 'huddinge-kommun')))[0]!.id,
    );
    const response = await post(
      `/admin/personer/${erased}/medlemskap`,
      { organisationId, role: 'administrator' },
      admin.cookie,
    );
    expect(response.status).toBe(404);
    expect(await db().select().from(memberships).where(eq(memberships.personId, erased))).toEqual([]);
  });
});

import { and, eq, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, sessionCookieFor, signedInPerson } from '../../../tests/people.ts';
import { buildTestApp, createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import {
  auditLog,
  memberships,
  people,
  personIdentities,
  sessions,
  signInTokens,
} from '../accounts/accounts.table.ts';
import { agreementContacts, agreements } from '../agreements/agreements.table.ts';
import { recordAudit } from '../auth/audit.ts';
import { hashToken, SESSION_COOKIE } from '../auth/sessions.ts';
import { groupMemberships } from '../groups/groups.table.ts';
import { mailOutbox } from '../mail/mail.table.ts';
import { briefSubscriptions } from '../needs/needs.table.ts';
import { organisations } from '../organisations/organisations.table.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp();
  // Another administrator, so that administrators here may ask for erasure (the last one may not).
  await createPerson(subject.database.db, {
    name: 'Annan Admin',
    roles: { 'huddinge-kommun': 'administrator' },
  });
});
afterAll(() => subject.cleanup());

const db = () => subject.database.db;
const now = () => subject.deps.clock.now();

const get = (path: string, cookie?: string) =>
  subject.request(path, cookie ? { headers: { cookie } } : undefined);
const post = (path: string, fields: Record<string, string>, cookie?: string) =>
  subject.request(path, formPost(fields, cookie ? { cookie } : {}));

const personRow = async (personId: number) => {
  const [row] = await db().select().from(people).where(eq(people.id, personId));
  if (!row) throw new Error('no person');
  return row;
};

const auditOf = (personId: number, action: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectPersonId, personId), eq(auditLog.action, action)));

const validDetails = { name: 'Anna Andersson', email: 'anna@example.se', keywords: '', language: 'sv' };

/** The error message that sits inside the field's own wrapper, right above the input. */
function fieldError(html: string, id: string): string | undefined {
  const match = html.match(new RegExp(`<p id="${id}-error" class="error-message">([^<]*)</p>`));
  return match?.[1];
}

describe('signed out', () => {
  it('sends a page read to sign in and back', async () => {
    for (const path of ['/mina-uppgifter', '/mina-uppgifter/export', '/mina-uppgifter/radera']) {
      const response = await get(path);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/logga-in?nasta=${encodeURIComponent(path)}`);
    }
  });

  it('refuses every change with 401', async () => {
    for (const path of ['/mina-uppgifter', '/mina-uppgifter/logga-ut-overallt', '/mina-uppgifter/radera']) {
      const response = await post(path, { ...validDetails, bekrafta: 'ja' });
      expect(response.status).toBe(401);
    }
  });
});

describe('GET /mina-uppgifter', () => {
  it("shows the person's own details, roles, groups and ways in, and nobody else's", async () => {
    const other = await signedInPerson(subject, { name: 'Bertil Bortom', email: 'bertil@example.se' });
    const me = await signedInPerson(subject, {
      name: 'Cecilia Carlsson',
      email: 'cecilia@example.se',
      roles: { 'barn-och-utbildningsforvaltningen': 'editor', 'sodertorns-hogskola': 'member' },
      groups: ['hogskoleradet'],
    });
    await db()
      .update(people)
      .set({ keywords: ['skolutveckling', 'folkhälsa'], lastSignInAt: now() })
      .where(eq(people.id, me.personId));
    await sessionCookieFor(db(), me.personId, now());

    const response = await get('/mina-uppgifter', me.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = textOf(await response.text());
    expect(text).toContain('Cecilia Carlsson');
    expect(text).toContain('cecilia@example.se');
    expect(text).toContain('skolutveckling, folkhälsa');
    expect(text).toContain('Barn- och utbildningsförvaltningen Redaktör');
    expect(text).toMatch(/Södertörns högskola Medlem/);
    expect(text).toContain('Högskolerådet');
    expect(text).toContain('E-postlänk cecilia@example.se');
    expect(text).toContain('Senast inloggad 27 november 2026 kl. 12:00');
    expect(text).toContain('Du är inloggad på 2 ställen just nu');
    expect(text).not.toContain('Bertil');
    expect(text).not.toContain('bertil@example.se');
    expect(other.personId).not.toBe(me.personId);
  });

  it("names a provider's identity by the provider's display name from the settings", async () => {
    const me = await signedInPerson(subject, { name: 'Dora Dahl' });
    await db().insert(personIdentities).values({
      personId: me.personId,
      issuer: 'https://login.huddinge.example/',
      subject: 'opaque-sub-123',
    });
    const withProvider = buildTestApp(subject.database, {
      env: {
        OIDC_PROVIDERS: JSON.stringify([
          {
            id: 'huddinge',
            name: 'Huddinge kommun',
            issuer: 'https://login.huddinge.example',
            clientId: 'samverkan',
            clientSecret: 'hemligt',
          },
        ]),
      },
    });
    const response = await withProvider.request('/mina-uppgifter', { headers: { cookie: me.cookie } });
    const text = textOf(await response.text());
    expect(text).toContain('Huddinge kommun Konto hos organisationen');
    expect(text).not.toContain('opaque-sub-123');
  });
});

describe('POST /mina-uppgifter', () => {
  it('saves name, e-mail, keywords and language, and logs which fields changed', async () => {
    const me = await signedInPerson(subject, { name: 'Erik Ek', email: 'erik@example.se' });
    const response = await post(
      '/mina-uppgifter',
      {
        name: '  Erik Eklund ',
        email: 'erik.eklund@example.se',
        keywords: ' Skolutveckling, folkhälsa ,,skolutveckling,  AI  i skolan ',
        language: 'en',
      },
      me.cookie,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/mina-uppgifter?sparat=1');

    const row = await personRow(me.personId);
    expect(row).toMatchObject({
      name: 'Erik Eklund',
      email: 'erik.eklund@example.se',
      keywords: ['Skolutveckling', 'folkhälsa', 'AI i skolan'],
      language: 'en',
    });
    // The e-mail here is contact information: signing in still uses the old address.
    const identities = await db()
      .select()
      .from(personIdentities)
      .where(eq(personIdentities.personId, me.personId));
    expect(identities.map((identity) => identity.subject)).toEqual(['erik@example.se']);

    const [entry, ...more] = await auditOf(me.personId, 'details_changed');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actorPersonId: me.personId,
      detail: { fields: ['name', 'email', 'keywords', 'language'] },
    });
    expect(JSON.stringify(entry?.detail)).not.toContain('Eklund');

    const page = textOf(await (await get('/mina-uppgifter?sparat=1', me.cookie)).text());
    expect(page).toContain('Dina uppgifter är sparade.');
    expect(page).toContain('Skolutveckling, folkhälsa, AI i skolan');
  });

  it('saves an empty e-mail as none, and logs nothing when nothing changed', async () => {
    const me = await signedInPerson(subject, { name: 'Frida Falk', email: 'frida@example.se' });
    await post('/mina-uppgifter', { ...validDetails, name: 'Frida Falk', email: '' }, me.cookie);
    expect((await personRow(me.personId)).email).toBeNull();
    const again = await post(
      '/mina-uppgifter',
      { ...validDetails, name: 'Frida Falk', email: '' },
      me.cookie,
    );
    expect(again.headers.get('location')).toBe('/mina-uppgifter?sparat=oforandrat');
    expect(await auditOf(me.personId, 'details_changed')).toHaveLength(1);
  });

  it.each([
    ['namn', { name: '   ' }, 'Skriv ditt namn.'],
    ['namn', { name: 'x'.repeat(101) }, 'Namnet får vara högst 100 tecken. Du skrev 101.'],
    ['epost', { email: 'inte-en-adress' }, 'Skriv en e-postadress med @ och en domän'],
    ['nyckelord', { keywords: `kort, ${'y'.repeat(51)}` }, 'Varje kunskapsområde får vara högst 50 tecken.'],
    [
      'nyckelord',
      { keywords: Array.from({ length: 31 }, (_, i) => `ord${i}`).join(',') },
      'Skriv högst 30 kunskapsområden. Du skrev 31.',
    ],
    ['sprak', { language: 'de' }, 'Välj språk.'],
  ])(
    'refuses a bad %s with 422, a message next to the field and the typed values kept',
    async (id, bad, message) => {
      const me = await signedInPerson(subject, { name: 'Gun Gran' });
      const before = await personRow(me.personId);
      const typed = { ...validDetails, keywords: 'mitt skrivna ord', ...bad };
      const response = await post('/mina-uppgifter', typed, me.cookie);
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(fieldError(html, id)).toContain(message);
      expect(textOf(html)).toContain('Uppgifterna kunde inte sparas');
      if (id !== 'namn') expect(html).toContain('value="Anna Andersson"');
      if (id !== 'nyckelord') expect(html).toContain('value="mitt skrivna ord"');
      expect(await personRow(me.personId)).toEqual(before);
      expect(await auditOf(me.personId, 'details_changed')).toEqual([]);
    },
  );

  it('asks for a language when no radio button was chosen', async () => {
    const me = await signedInPerson(subject, { name: 'Hans Hed' });
    const { language: _, ...withoutLanguage } = validDetails;
    const response = await post('/mina-uppgifter', withoutLanguage, me.cookie);
    expect(response.status).toBe(422);
    expect(fieldError(await response.text(), 'sprak')).toBe('Välj språk.');
  });

  it('refuses unknown fields, such as another person id, with 400 and changes nothing', async () => {
    const me = await signedInPerson(subject, { name: 'Ida Ilsson' });
    const victim = await createPerson(db(), { name: 'Oskar Offer' });
    const response = await post('/mina-uppgifter', { ...validDetails, personId: String(victim) }, me.cookie);
    expect(response.status).toBe(400);
    expect((await personRow(victim)).name).toBe('Oskar Offer');
    expect((await personRow(me.personId)).name).toBe('Ida Ilsson');
  });

  it('removes NUL and control characters instead of failing', async () => {
    const me = await signedInPerson(subject, { name: 'Jan Jul' });
    const response = await post(
      '/mina-uppgifter',
      { ...validDetails, name: 'Jan\u0000 Jul', keywords: 'a\u0007b' },
      me.cookie,
    );
    expect(response.status).toBe(303);
    expect(await personRow(me.personId)).toMatchObject({ name: 'Jan Jul', keywords: ['ab'] });
  });

  it('renders script payloads in name and keywords as text', async () => {
    const me = await signedInPerson(subject, { name: 'Kalle Kod' });
    const payload = '<script>alert(1)</script>';
    await post(
      '/mina-uppgifter',
      { ...validDetails, name: payload, keywords: `${payload}, "><img src=x onerror=alert(1)>` },
      me.cookie,
    );
    expect((await personRow(me.personId)).name).toBe(payload);
    const html = await (await get('/mina-uppgifter', me.cookie)).text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // And on the way back from a refused form, typed values are escaped as well.
    const refused = await post(
      '/mina-uppgifter',
      { ...validDetails, name: payload, email: `${payload}@x` },
      me.cookie,
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).not.toContain('<script>alert(1)');
  });
});

describe('someone else’s address typed as one’s contact e-mail', () => {
  it('neither shows nor erases that person’s sign-in links and mails', async () => {
    const victimAddress = 'offer@example.se';
    await subject.request('/logga-in/lank', formPost({ email: victimAddress, nasta: '/mina-uppgifter' }));
    const linksBefore = await db().select().from(signInTokens).where(eq(signInTokens.email, victimAddress));
    expect(linksBefore).toHaveLength(1);

    const me = await signedInPerson(subject, { name: 'Nyfiken Person', email: 'nyfiken@example.se' });
    await db().update(people).set({ email: victimAddress }).where(eq(people.id, me.personId));

    const exported = await (await get('/mina-uppgifter/export', me.cookie)).text();
    expect(exported).not.toContain('Din inloggningslänk');
    expect(JSON.parse(exported)).toMatchObject({ signInLinks: [], mails: [] });

    const erased = await post('/mina-uppgifter/radera', { bekrafta: 'ja' }, me.cookie);
    expect(erased.status).toBe(200);
    expect(await db().select().from(signInTokens).where(eq(signInTokens.email, victimAddress))).toEqual(
      linksBefore,
    );
    expect(await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, victimAddress))).toHaveLength(
      1,
    );
  });
});

describe('GET /mina-uppgifter/export', () => {
  it('downloads everything held about the person as JSON, without token hashes or live links', async () => {
    const me = await signedInPerson(subject, {
      name: 'Lisa Lund',
      email: 'lisa@example.se',
      roles: { 'karolinska-institutet': 'coordinator' },
      groups: ['arbetsgrupp-karolinska-institutet'],
    });
    const other = await signedInPerson(subject, { name: 'Mats Mård', email: 'mats@example.se' });
    const linkHash = hashToken('lisas-lanktoken');
    await db()
      .insert(signInTokens)
      .values({
        tokenHash: linkHash,
        email: 'Lisa@Example.se',
        purpose: 'sign_in',
        createdAt: now(),
        expiresAt: new Date(now().getTime() + 900_000),
      });
    await db()
      .insert(mailOutbox)
      .values([
        {
          toAddress: 'lisa@example.se',
          subject: 'Din inloggningslänk till Samverkan',
          textBody: 'Logga in här:\nhttps://samverkan.example/logga-in/lank?token=hemlig-token-123\n',
          createdAt: now(),
        },
        { toAddress: 'mats@example.se', subject: 'Till Mats', textBody: 'Hej Mats', createdAt: now() },
      ]);

    const response = await get('/mina-uppgifter/export', me.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="mina-uppgifter-2026-11-27.json"',
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.text();
    const data = JSON.parse(body);

    expect(data.person).toMatchObject({ id: me.personId, name: 'Lisa Lund', email: 'lisa@example.se' });
    expect(data.identities).toEqual([
      expect.objectContaining({
        issuer: 'urn:samverkan:e-postlank',
        subject: 'lisa@example.se',
        method: 'E-postlänk',
      }),
    ]);
    expect(data.memberships).toEqual([
      expect.objectContaining({ organisation: 'Karolinska Institutet', role: 'coordinator' }),
    ]);
    expect(data.groupMemberships).toEqual([
      expect.objectContaining({ group: expect.stringContaining('Karolinska') }),
    ]);
    expect(data.sessions).toHaveLength(1);
    expect(Object.keys(data.sessions[0]).sort()).toEqual(['createdAt', 'expiresAt', 'lastSeenAt']);
    expect(data.signInLinks).toEqual([expect.objectContaining({ email: 'Lisa@Example.se', usedAt: null })]);
    expect(data.mails).toEqual([
      expect.objectContaining({
        subject: 'Din inloggningslänk till Samverkan',
        body: expect.stringContaining('?token=[borttagen]'),
      }),
    ]);
    expect(data.auditLog).toEqual([
      expect.objectContaining({ action: 'data_exported', subjectPersonId: me.personId }),
    ]);

    const [sessionRow] = await db().select().from(sessions).where(eq(sessions.personId, me.personId));
    expect(body).not.toContain(sessionRow?.tokenHash);
    expect(body).not.toContain(linkHash);
    expect(body).not.toContain('tokenHash');
    expect(body).not.toContain('hemlig-token-123');
    expect(body).not.toContain('Mats');
    expect(await auditOf(me.personId, 'data_exported')).toHaveLength(1);
    expect(other.personId).not.toBe(me.personId);
  });
});

describe('POST /mina-uppgifter/logga-ut-overallt', () => {
  it("ends all the person's sessions, clears the cookie and logs it", async () => {
    const me = await signedInPerson(subject, { name: 'Nils Nord' });
    const secondCookie = await sessionCookieFor(db(), me.personId, now());
    const bystander = await signedInPerson(subject, { name: 'Olle Orörd' });

    const response = await post('/mina-uppgifter/logga-ut-overallt', {}, me.cookie);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/logga-in?utloggad=alla');
    expect(response.headers.get('set-cookie')).toMatch(
      new RegExp(`^${SESSION_COOKIE}=; Max-Age=0; Path=/; Secure`),
    );

    expect(await db().select().from(sessions).where(eq(sessions.personId, me.personId))).toEqual([]);
    for (const cookie of [me.cookie, secondCookie]) {
      const page = await get('/mina-uppgifter', cookie);
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toBe('/logga-in?nasta=%2Fmina-uppgifter');
    }
    expect((await get('/mina-uppgifter', bystander.cookie)).status).toBe(200);
    const [entry] = await auditOf(me.personId, 'sign_out_everywhere');
    expect(entry).toMatchObject({ actorPersonId: me.personId, detail: { sessionsEnded: 2 } });
  });
});

/** A seeded agreement, and the person as a named contact for one of its parties. */
async function makeAgreementContact(personId: number) {
  const [agreement] = await db().select().from(agreements).limit(1);
  const [organisation] = await db()
    .select()
    .from(organisations)
    .where(eq(organisations.slug, 'huddinge-kommun'));
  if (!agreement || !organisation) throw new Error('no seeded agreement');
  await db()
    .insert(agreementContacts)
    .values({ agreementId: agreement.id, personId, organisationId: organisation.id });
  return agreement;
}

describe('erasure', () => {
  it('explains erasure and asks for a confirmation; without it nothing is removed (422)', async () => {
    const me = await signedInPerson(subject, { name: 'Petra Ply' });
    const page = textOf(await (await get('/mina-uppgifter/radera', me.cookie)).text());
    expect(page).toContain('Om du ber om radering tar vi bort dina personuppgifter');
    expect(page).not.toContain('offentlighetsprincipen');

    const response = await post('/mina-uppgifter/radera', {}, me.cookie);
    expect(response.status).toBe(422);
    expect(fieldError(await response.text(), 'bekrafta')).toBe(
      'Kryssa i rutan för att bekräfta att du vill att dina uppgifter raderas.',
    );
    expect(await personRow(me.personId)).toMatchObject({ name: 'Petra Ply', erasureRequestedAt: null });
    expect((await get('/mina-uppgifter', me.cookie)).status).toBe(200);
  });

  it('refuses to erase the last administrator, who must hand the role on first (422)', async () => {
    // A database of its own: here this person is the only administrator there is.
    const alone = await createTestApp({ demo: false });
    try {
      const me = await signedInPerson(alone, {
        name: 'Ensam Admin',
        roles: { 'huddinge-kommun': 'administrator' },
      });
      const response = await alone.request(
        '/mina-uppgifter/radera',
        formPost({ bekrafta: 'ja' }, { cookie: me.cookie }),
      );
      expect(response.status).toBe(422);
      expect(textOf(await response.text())).toContain('Du är den enda administratören.');
      const [row] = await alone.database.db.select().from(people).where(eq(people.id, me.personId));
      expect(row).toMatchObject({ name: 'Ensam Admin', erasureRequestedAt: null });
      expect((await alone.request('/mina-uppgifter', { headers: { cookie: me.cookie } })).status).toBe(200);
    } finally {
      await alone.cleanup();
    }
  });

  it('refuses unknown fields with 400', async () => {
    const me = await signedInPerson(subject, { name: 'Quinn Quist' });
    const response = await post('/mina-uppgifter/radera', { bekrafta: 'ja', personId: '1' }, me.cookie);
    expect(response.status).toBe(400);
    expect((await personRow(me.personId)).erasureRequestedAt).toBeNull();
  });

  it('blanks a person who is on no public record, ends every session and signs them out', async () => {
    const me = await signedInPerson(subject, {
      name: 'Rut Ros',
      email: 'rut@example.se',
      roles: { 'huddinge-kommun': 'administrator' },
      groups: ['hogskoleradet'],
    });
    const secondCookie = await sessionCookieFor(db(), me.personId, now());
    await db()
      .update(people)
      .set({ keywords: ['idrott'] })
      .where(eq(people.id, me.personId));
    await db()
      .insert(signInTokens)
      .values({
        tokenHash: hashToken('ruts-token'),
        email: 'rut@example.se',
        purpose: 'sign_in',
        createdAt: now(),
        expiresAt: now(),
        usedAt: now(),
      });
    await db()
      .insert(mailOutbox)
      .values({ toAddress: 'RUT@example.se', subject: 'Länk', textBody: 'x', createdAt: now() });
    // Alerts about new briefs to the same address (confirmed without an account) end with the account.
    await db()
      .insert(briefSubscriptions)
      .values([
        { email: 'Rut@Example.se', unsubscribeTokenHash: hashToken('ruts-bevakning'), confirmedAt: now() },
        {
          email: 'annan@example.se',
          unsubscribeTokenHash: hashToken('annans-bevakning'),
          confirmedAt: now(),
        },
      ]);
    await recordAudit(db(), now(), {
      action: 'person_invited',
      actorPersonId: null,
      subjectPersonId: me.personId,
      detail: { email: 'rut@example.se', note: 'behålls' },
    });

    const response = await post('/mina-uppgifter/radera', { bekrafta: 'ja' }, me.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=; Max-Age=0`));
    const html = await response.text();
    const text = textOf(html);
    expect(text).toContain('Dina uppgifter är raderade');
    expect(text).not.toContain('Rut Ros');
    // The layout shows the person as signed out.
    expect(text).not.toContain('Inloggad som');

    expect(await personRow(me.personId)).toMatchObject({
      name: '',
      email: null,
      keywords: [],
      lastSignInAt: null,
      erasureRequestedAt: now(),
      erasedAt: now(),
      keptForPublicRecordAt: null,
    });
    const byPerson = (
      table: typeof personIdentities | typeof memberships | typeof groupMemberships | typeof sessions,
    ) => db().select().from(table).where(eq(table.personId, me.personId));
    expect(await byPerson(personIdentities)).toEqual([]);
    expect(await byPerson(memberships)).toEqual([]);
    expect(await byPerson(groupMemberships)).toEqual([]);
    expect(await byPerson(sessions)).toEqual([]);
    expect((await db().select().from(briefSubscriptions)).map((row) => row.email)).toEqual([
      'annan@example.se',
    ]);
    expect(await db().select().from(signInTokens).where(eq(signInTokens.email, 'rut@example.se'))).toEqual(
      [],
    );
    expect(
      await db()
        .select()
        .from(mailOutbox)
        .where(or(eq(mailOutbox.toAddress, 'RUT@example.se'))),
    ).toEqual([]);
    for (const cookie of [me.cookie, secondCookie])
      expect((await get('/mina-uppgifter', cookie)).status).toBe(303);

    const [invited] = await auditOf(me.personId, 'person_invited');
    expect(invited?.detail).toEqual({ email: '[raderad]', note: 'behålls' });
    const [erased] = await auditOf(me.personId, 'erasure_requested');
    expect(erased).toMatchObject({ actorPersonId: me.personId, detail: { keptForPublicRecord: false } });
  });

  it("keeps a party contact's name and e-mail for the public record, marks it and says why", async () => {
    const me = await signedInPerson(subject, {
      name: 'Sara Sand',
      email: 'sara@example.se',
      roles: { 'sodertorns-hogskola': 'editor' },
    });
    await db()
      .update(people)
      .set({ keywords: ['lärarutbildning'] })
      .where(eq(people.id, me.personId));
    const agreement = await makeAgreementContact(me.personId);
    const unused = hashToken('saras-oanvanda');
    const used = hashToken('saras-anvanda');
    await db()
      .insert(signInTokens)
      .values([
        {
          tokenHash: unused,
          email: 'sara@example.se',
          purpose: 'sign_in',
          createdAt: now(),
          expiresAt: now(),
        },
        {
          tokenHash: used,
          email: 'sara@example.se',
          purpose: 'sign_in',
          createdAt: now(),
          expiresAt: now(),
          usedAt: now(),
        },
      ]);

    const before = textOf(await (await get('/mina-uppgifter/radera', me.cookie)).text());
    expect(before).toContain('Du är namngiven kontaktperson i avtal');
    expect(before).toContain(agreement.title);

    const response = await post('/mina-uppgifter/radera', { bekrafta: 'ja' }, me.cookie);
    expect(response.status).toBe(200);
    const text = textOf(await response.text());
    expect(text).toContain('Varför finns ditt namn kvar?');
    expect(text).toContain('offentlighetsprincipen (tryckfrihetsförordningen 2 kap.)');
    expect(text).toContain(agreement.title);

    expect(await personRow(me.personId)).toMatchObject({
      name: 'Sara Sand',
      email: 'sara@example.se',
      keywords: [],
      erasureRequestedAt: now(),
      keptForPublicRecordAt: now(),
      erasedAt: null,
    });
    expect(
      await db().select().from(agreementContacts).where(eq(agreementContacts.personId, me.personId)),
    ).toHaveLength(1);
    expect(
      await db().select().from(personIdentities).where(eq(personIdentities.personId, me.personId)),
    ).toEqual([]);
    expect(await db().select().from(memberships).where(eq(memberships.personId, me.personId))).toEqual([]);
    expect(await db().select().from(sessions).where(eq(sessions.personId, me.personId))).toEqual([]);
    const tokens = await db().select().from(signInTokens).where(eq(signInTokens.email, 'sara@example.se'));
    expect(tokens.map((token) => token.tokenHash)).toEqual([used]);
    const [entry] = await auditOf(me.personId, 'erasure_requested');
    expect(entry?.detail).toEqual({ keptForPublicRecord: true });
  });
});

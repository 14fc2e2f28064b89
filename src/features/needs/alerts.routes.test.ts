import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signedInPerson } from '../../../tests/people.ts';
import { startSmtpServer } from '../../../tests/smtp-server.ts';
import { createTestApp, formPost, textOf } from '../../../tests/test-app.ts';
import { focusAreas } from '../agreements/agreements.table.ts';
import { createSmtpTransport, deliverDueMail } from '../mail/mail.service.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { CONFIRM_VALID_MS, deleteExpiredSubscriptions } from './alerts.service.ts';
import { focusAreaField } from './needs.forms.ts';
import { briefSubscriptions, briefs, briefUnsubscribeTokens } from './needs.table.ts';

/**
 * E-mail alerts about new briefs (issue 9, item 5), end to end with a real SMTP server: subscribe (double
 * opt-in, the same answer for any address, rate-limited), confirm by the page's button, publish, the alert
 * with a one-click unsubscribe link in the mail and its List-Unsubscribe headers (RFC 8058), and no more
 * mail after unsubscribing.
 */

let subject: Awaited<ReturnType<typeof createTestApp>>;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let transport: ReturnType<typeof createSmtpTransport>;
let editor: string;

beforeAll(async () => {
  subject = await createTestApp({ demo: false, env: { SIGN_IN_RATE_LIMIT: '5' } });
  smtp = await startSmtpServer();
  transport = createSmtpTransport({
    smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
    mailFrom: 'Samverkan <noreply@samverkan.test>',
  });
  editor = (await signedInPerson(subject, { roles: { 'barn-och-utbildningsforvaltningen': 'editor' } }))
    .cookie;
});
afterAll(async () => {
  transport?.close();
  await smtp?.close();
  await subject?.cleanup();
});
beforeEach(() => {
  smtp.received.length = 0;
});

const db = () => subject.deps.db;
const deliver = () =>
  deliverDueMail({ db: db(), transport, clock: subject.deps.clock, logger: pino({ level: 'silent' }) }, 100);
const mailsTo = (address: string) => smtp.received.filter((mail) => mail.envelopeTo.includes(address));
/** The first address of ours in a mail's text, as a path with its query. */
function linkIn(text: string, path: string): string {
  const match = new RegExp(
    `http://localhost:3000(${path.replace(/\//g, '\\/')}\\?token=[A-Za-z0-9_-]+)`,
  ).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
}
async function idOf(table: typeof organisations | typeof focusAreas, slug: string) {
  const [row] = await db().select({ id: table.id }).from(table).where(eq(table.slug, slug));
  if (!row) throw new Error(slug);
  return row.id;
}

let addresses = 0;
/** Asks for alerts as a browser on our site does, from its own client address. */
async function subscribe(email: string, fields: Record<string, string> = {}, from = '192.0.2.50') {
  return subject.request(
    '/behovsbanken/bevaka',
    formPost({ email, kind: '', focusAreaId: '', ...fields }),
    from,
  );
}
/** Subscribes and confirms through the mailed link's page and its button; the address. */
async function confirmedSubscriber(fields: Record<string, string> = {}): Promise<string> {
  addresses += 1;
  const email = `bevakare${addresses}@larosate.example`;
  const response = await subscribe(email, fields, `192.0.2.${100 + addresses}`);
  expect(response.status).toBe(303);
  await deliver();
  const [mail] = mailsTo(email);
  const confirm = linkIn(mail!.text, '/behovsbanken/bevaka/bekrafta');
  const token = new URL(confirm, 'http://x').searchParams.get('token')!;
  expect((await subject.request('/behovsbanken/bevaka/bekrafta', formPost({ token }))).status).toBe(200);
  return email;
}

async function publish(title: string, changes: Record<string, string> = {}) {
  const response = await subject.request(
    '/behovsbanken/ny',
    formPost(
      {
        kind: 'research_question',
        title,
        organisationId: String(await idOf(organisations, 'barn-och-utbildningsforvaltningen')),
        background: '',
        question: `Vad vet forskningen om ${title.toLowerCase()} i skolan?`,
        intendedUse: 'Underlag för förvaltningens plan för nästa läsår.',
        beneficiaries: '',
        offering: '',
        contactName: '',
        contactEmail: 'kontakt.hemlig@huddinge.example',
        deadline: '2027-05-31',
        visibility: 'public',
        internalReason: '',
        published: 'ja',
        closed: '',
        ...changes,
      },
      { cookie: editor },
    ),
  );
  expect(response.status, title).toBe(303);
  const slug = new URL(response.headers.get('location')!, 'http://x').pathname.split('/')[2]!;
  return slug;
}

describe('e-mail alerts about new briefs', () => {
  it('subscribe → confirm → publish → the alert arrives → unsubscribe in one click → no more mail', async () => {
    const email = 'forskare@larosate.example';
    const asked = await subscribe(email);
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe('/behovsbanken/bevaka?skickat=1');
    expect(textOf(await (await subject.request('/behovsbanken/bevaka?skickat=1')).text())).toContain(
      'Titta i din e-post',
    );
    await deliver();
    const [confirmMail] = mailsTo(email);
    expect(confirmMail?.subject).toBe('Bekräfta din bevakning av behovsbanken');
    const confirmLink = linkIn(confirmMail!.text, '/behovsbanken/bevaka/bekrafta');
    // Only hashes are stored.
    const [stored] = await db().select().from(briefSubscriptions).where(eq(briefSubscriptions.email, email));
    const token = new URL(confirmLink, 'http://x').searchParams.get('token')!;
    expect(stored?.confirmTokenHash).toBe(createHash('sha256').update(token).digest('base64url'));
    expect(JSON.stringify(stored)).not.toContain(token);

    // Opening the link (as a mail scanner would) confirms nothing: it is a page with a button.
    const opened = await subject.request(confirmLink);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    const form = await opened.text();
    expect(form).toContain('action="/behovsbanken/bevaka/bekrafta"');
    await publish('Skärmtid');
    await deliver();
    expect(mailsTo(email)).toHaveLength(1);
    // The brief published before the confirmation was already alerted about (to nobody): never again.

    const confirmed = await subject.request('/behovsbanken/bevaka/bekrafta', formPost({ token }));
    expect(confirmed.status).toBe(200);
    expect(textOf(await confirmed.text())).toContain('Bevakningen är bekräftad');
    // The link is spent.
    expect((await subject.request('/behovsbanken/bevaka/bekrafta', formPost({ token }))).status).toBe(400);

    await publish('Läsförståelse');
    await deliver();
    const alerts = mailsTo(email).filter((mail) => mail.subject.startsWith('Nytt behov'));
    expect(alerts.map((mail) => mail.subject)).toEqual(['Nytt behov: Läsförståelse']);
    const alert = alerts[0]!;
    expect(alert.text).toContain('http://localhost:3000/behovsbanken/lasforstaelse');
    expect(alert.text).toContain('31 maj 2027');
    expect(alert.text).not.toContain('kontakt.hemlig');
    const unsubscribe = linkIn(alert.text, '/behovsbanken/avregistrera');
    expect(alert.listUnsubscribe).toBe(`<http://localhost:3000${unsubscribe}>`);
    expect(alert.listUnsubscribePost).toBe('List-Unsubscribe=One-Click');

    // The link opens a page with a button; the mail program's one-click POST comes without our Origin.
    const page = await subject.request(unsubscribe);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="List-Unsubscribe" value="One-Click"');
    const oneClick = await subject.request(unsubscribe, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(textOf(await oneClick.text())).toContain('Du är avregistrerad');
    expect(await db().select().from(briefSubscriptions).where(eq(briefSubscriptions.email, email))).toEqual(
      [],
    );
    // A second click says the same.
    expect((await subject.request(unsubscribe, formPost({ 'List-Unsubscribe': 'One-Click' }))).status).toBe(
      200,
    );

    await publish('Matematiklyftet');
    await deliver();
    expect(mailsTo(email).filter((mail) => mail.subject.startsWith('Nytt behov'))).toHaveLength(1);
  });

  it('sends alerts only to subscriptions the brief matches, once per address, never twice for a brief', async () => {
    const area = await idOf(focusAreas, 'kompetensforsorjning');
    const everything = await confirmedSubscriber();
    const theses = await confirmedSubscriber({ kind: 'thesis' });
    const inArea = await confirmedSubscriber({ focusAreaId: String(area) });
    smtp.received.length = 0;

    const slug = await publish('Kompetens i förskolan', { kind: 'thesis', [focusAreaField(area)]: 'ja' });
    const other = await publish('Något helt annat');
    await deliver();
    const got = (email: string) =>
      mailsTo(email)
        .map((mail) => mail.subject)
        .sort();
    expect(got(everything)).toEqual(['Nytt behov: Kompetens i förskolan', 'Nytt behov: Något helt annat']);
    expect(got(theses)).toEqual(['Nytt behov: Kompetens i förskolan']);
    expect(got(inArea)).toEqual(['Nytt behov: Kompetens i förskolan']);

    // Unpublished and published again: no new alert.
    smtp.received.length = 0;
    const [row] = await db().select().from(briefs).where(eq(briefs.slug, slug));
    const fields = async (published: string, version: number) => ({
      kind: 'thesis',
      title: 'Kompetens i förskolan',
      organisationId: String(row!.organisationId),
      background: '',
      question: row!.question,
      intendedUse: row!.intendedUse,
      beneficiaries: '',
      offering: '',
      contactName: '',
      contactEmail: 'kontakt.hemlig@huddinge.example',
      deadline: '2027-05-31',
      [focusAreaField(area)]: 'ja',
      visibility: 'public',
      internalReason: '',
      published,
      closed: '',
      version: String(version),
    });
    await subject.request(`/behovsbanken/${slug}/andra`, formPost(await fields('', 1), { cookie: editor }));
    await subject.request(`/behovsbanken/${slug}/andra`, formPost(await fields('ja', 2), { cookie: editor }));
    await deliver();
    expect(smtp.received).toEqual([]);
    expect(other).toBe('nagot-helt-annat');
  });

  it('alerts when a draft or an internal brief is published later, not before', async () => {
    const email = await confirmedSubscriber();
    smtp.received.length = 0;
    const slug = await publish('Internt först', { visibility: 'internal', internalReason: 'Arbetsmaterial' });
    await deliver();
    expect(mailsTo(email)).toEqual([]);
    const [row] = await db().select().from(briefs).where(eq(briefs.slug, slug));
    expect(row?.alertedAt).toBeNull();
    await subject.request(
      `/behovsbanken/${slug}/andra`,
      formPost(
        {
          kind: 'research_question',
          title: 'Internt först',
          organisationId: String(row!.organisationId),
          background: '',
          question: row!.question,
          intendedUse: row!.intendedUse,
          beneficiaries: '',
          offering: '',
          contactName: '',
          contactEmail: '',
          deadline: '2027-05-31',
          visibility: 'public',
          internalReason: '',
          published: 'ja',
          closed: '',
          version: '1',
        },
        { cookie: editor },
      ),
    );
    await deliver();
    expect(mailsTo(email).map((mail) => mail.subject)).toEqual(['Nytt behov: Internt först']);
  });

  it('never alerts about a brief that was public before (seeded or imported) when it is changed', async () => {
    const email = await confirmedSubscriber();
    smtp.received.length = 0;
    const organisationId = await idOf(organisations, 'barn-och-utbildningsforvaltningen');
    await db()
      .insert(briefs)
      .values({
        slug: 'gammalt-behov',
        kind: 'research_question',
        title: 'Gammalt behov',
        organisationId,
        question: 'Vad vet forskningen om gamla behov i skolan?',
        intendedUse: 'Underlag för förvaltningens plan för nästa läsår.',
        publishedAt: new Date('2026-01-10T08:00:00Z'),
      });
    const response = await subject.request(
      '/behovsbanken/gammalt-behov/andra',
      formPost(
        {
          kind: 'research_question',
          title: 'Gammalt behov, rättat',
          organisationId: String(organisationId),
          background: '',
          question: 'Vad vet forskningen om gamla behov i skolan?',
          intendedUse: 'Underlag för förvaltningens plan för nästa läsår.',
          beneficiaries: '',
          offering: '',
          contactName: '',
          contactEmail: '',
          deadline: '',
          visibility: 'public',
          internalReason: '',
          published: 'ja',
          closed: '',
          version: '1',
        },
        { cookie: editor },
      ),
    );
    expect(response.status).toBe(303);
    await deliver();
    expect(mailsTo(email)).toEqual([]);
    const [row] = await db().select().from(briefs).where(eq(briefs.slug, 'gammalt-behov'));
    expect(row?.alertedAt).not.toBeNull();
  });

  it('answers the same whether or not the address is known, and mails an address at most three times a day', async () => {
    const known = await confirmedSubscriber();
    smtp.received.length = 0;
    const again = await subscribe(known, {}, '192.0.2.201');
    const fresh = await subscribe('ny@larosate.example', {}, '192.0.2.202');
    expect([again.status, again.headers.get('location')]).toEqual([
      fresh.status,
      fresh.headers.get('location'),
    ]);
    await deliver();
    // The same subscription confirmed already: nothing to confirm, no mail.
    expect(mailsTo(known)).toEqual([]);
    expect(mailsTo('ny@larosate.example')).toHaveLength(1);
    for (let n = 0; n < 4; n += 1)
      await subscribe('ny@larosate.example', { kind: 'thesis' }, `192.0.2.${210 + n}`);
    await deliver();
    expect(mailsTo('ny@larosate.example')).toHaveLength(3);
  });

  it('limits requests per client (429 with the form again) and checks the form (422)', async () => {
    const from = '198.51.100.7';
    const statuses: number[] = [];
    for (let n = 0; n < 6; n += 1)
      statuses.push((await subscribe(`grannen${n}@example.se`, {}, from)).status);
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
    const bad = await subject.request(
      '/behovsbanken/bevaka',
      formPost({ email: 'inte en adress', kind: 'annat', focusAreaId: '99999' }),
      '198.51.100.8',
    );
    expect(bad.status).toBe(422);
    const text = textOf(await bad.text());
    expect(text).toContain('Skriv en e-postadress som namn@exempel.se.');
    expect(text).toContain('Välj ett av alternativen.');
    const noArea = await subscribe('omrade@example.se', { focusAreaId: '99999' }, '198.51.100.9');
    expect(noArea.status).toBe(422);
    expect(
      (await subject.request('/behovsbanken/bevaka', formPost({ email: 'a@b.se', extra: '1' }))).status,
    ).toBe(400);
  });

  it('turns away a malformed or unknown token, and forgets unconfirmed addresses after a week', async () => {
    expect((await subject.request('/behovsbanken/bevaka/bekrafta?token=<script>')).status).toBe(400);
    expect((await subject.request('/behovsbanken/avregistrera?token=kort')).status).toBe(400);
    expect(
      (await subject.request('/behovsbanken/bevaka/bekrafta', formPost({ token: 'a'.repeat(43) }))).status,
    ).toBe(400);
    await subscribe('glomd@example.se', {}, '198.51.100.20');
    const later = new Date(subject.deps.clock.now().getTime() + CONFIRM_VALID_MS + 1000);
    await deleteExpiredSubscriptions(db(), later);
    expect(
      await db().select().from(briefSubscriptions).where(eq(briefSubscriptions.email, 'glomd@example.se')),
    ).toEqual([]);
    // Each alert's unsubscribe token went with its subscription.
    const orphans = await db().execute(
      sql`select count(*)::int as n from ${briefUnsubscribeTokens} t
           where not exists (select 1 from ${briefSubscriptions} s where s.id = t.subscription_id)`,
    );
    expect(orphans.rows[0]).toEqual({ n: 0 });
  });
});

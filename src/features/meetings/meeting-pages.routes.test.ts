import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, signedInPerson } from '../../../tests/people.ts';
import { buildTestApp, createTestApp, fetchPage, formPost, textOf } from '../../../tests/test-app.ts';
import { stockholmInstant } from '../../lib/dates.ts';
import { createPageCache } from '../../web/page-cache.ts';
import { groups } from '../groups/groups.table.ts';
import { calendarFeeds, meetings } from './meetings.table.ts';
import {
  groupIdOf,
  insertAction,
  insertAdjuster,
  insertCorrection,
  insertItem,
  insertMeeting,
  insertParticipant,
} from './public-fixtures.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
const at = (date: string, time: string) => {
  const instant = stockholmInstant(date, time);
  if (!instant) throw new Error(`${date} ${time}`);
  return instant;
};

/** Words that exist only where the public must never look: an internal item, draft minutes, an internal meeting. */
const SECRET = {
  internalTitle: 'Sekretessärendet Blåbärsskogen',
  internalDecision: 'Hemligbeslutet Tranbärsmyren',
  draftDecision: 'Utkastbeslutet Lingonriset',
  draftNotes: 'Utkastanteckningen Hjortronmossen',
  internalMeeting: 'Internmötet Krusbärsbusken',
};

let councilSlug = '';
let approved = 0;
let draft = 0;
let cancelled = 0;
let internal = 0;
let coming = 0;
let publicItem = 0;
let internalItem = 0;
let draftItem = 0;

beforeAll(async () => {
  subject = await createTestApp({ demo: false });
  const { db } = subject.deps;
  const groupId = await groupIdOf(db, { siteRole: 'council' });
  const [group] = await db.select({ slug: groups.slug }).from(groups).where(eq(groups.id, groupId));
  councilSlug = group?.slug ?? '';
  await db
    .update(groups)
    .set({ minutesKeptAt: 'Kommunledningsförvaltningen, Huddinge kommun' })
    .where(eq(groups.id, groupId));
  const adjuster = await createPerson(db, { name: 'Justerare Jansson' });
  const member = await createPerson(db, { name: 'Ledamot Larsson' });

  approved = await insertMeeting(db, {
    groupId,
    title: 'Högskolerådets möte i oktober',
    startsAt: at('2026-10-15', '09:00'),
    endsAt: at('2026-10-15', '11:30'),
    status: 'held',
    minutesStatus: 'approved',
    minutesApprovedAt: at('2026-10-22', '10:00'),
    minutesKeptAt: 'Kommunledningsförvaltningen, Huddinge kommun',
  });
  await insertItem(db, {
    meetingId: approved,
    position: 1,
    title: 'Mötets öppnande',
    standingKind: 'opening',
  });
  internalItem = await insertItem(db, {
    meetingId: approved,
    position: 2,
    title: SECRET.internalTitle,
    visibility: 'internal',
    internalReason: 'Sekretess',
    decision: SECRET.internalDecision,
  });
  publicItem = await insertItem(db, {
    meetingId: approved,
    position: 3,
    title: 'Kompetensförsörjning i välfärden',
    presenter: 'Anna Andersson',
    proposedDecision: 'Rådet godkänner handlingsplanen.',
    notes: 'Handlingsplanen presenterades.',
    decision: 'Rådet godkänner handlingsplanen för kompetensförsörjning.',
  });
  await insertAdjuster(db, approved, adjuster, at('2026-10-22', '10:00'));
  await insertParticipant(db, {
    meetingId: approved,
    kind: 'member',
    personId: member,
    attendance: 'present',
  });
  await insertParticipant(db, {
    meetingId: approved,
    kind: 'guest',
    name: 'Gästa Gästsson',
    organisationName: 'Region Stockholm',
    email: 'gasta@example.se',
    attendance: 'co_opted',
  });
  await insertCorrection(db, {
    meetingId: approved,
    agendaItemId: publicItem,
    reason: 'Skrivfel i beslutet',
    changes: {
      decision: [
        'Rådet godkänner handlingsplan.',
        'Rådet godkänner handlingsplanen för kompetensförsörjning.',
      ],
    },
    at: at('2026-10-25', '12:00'),
  });
  await insertCorrection(db, {
    meetingId: approved,
    agendaItemId: internalItem,
    reason: 'Rättelse av det interna',
    changes: { decision: ['x', SECRET.internalDecision] },
  });
  await insertAction(db, {
    groupId,
    meetingId: approved,
    agendaItemId: publicItem,
    title: 'Ta fram en tidplan för handlingsplanen',
    dueOn: '2026-11-01',
    status: 'in_progress',
  });

  draft = await insertMeeting(db, {
    groupId,
    title: 'Högskolerådets möte i november',
    startsAt: at('2026-11-20', '13:00'),
    status: 'held',
    minutesStatus: 'ready',
  });
  draftItem = await insertItem(db, {
    meetingId: draft,
    position: 1,
    title: 'Lägesrapport praktikplatser',
    notes: SECRET.draftNotes,
    decision: SECRET.draftDecision,
  });

  cancelled = await insertMeeting(db, {
    groupId,
    title: 'Högskolerådets extra möte',
    startsAt: at('2026-12-03', '09:00'),
    status: 'cancelled',
    cancelledReason: 'För få anmälda',
    calendarSequence: 2,
  });
  internal = await insertMeeting(db, {
    groupId,
    title: SECRET.internalMeeting,
    startsAt: at('2026-12-10', '09:00'),
    visibility: 'internal',
    internalReason: 'Sekretess',
  });
  // Across the change to summer time: 09:00 in Stockholm is 07:00 UTC.
  coming = await insertMeeting(db, {
    groupId,
    title: 'Högskolerådets vårmöte',
    startsAt: at('2027-04-08', '09:00'),
    endsAt: at('2027-04-08', '11:00'),
    videoUrl: 'https://video.example.se/rum/7',
  });
  await insertItem(db, {
    meetingId: coming,
    position: 1,
    title: 'Val av justerare',
    standingKind: 'adjuster',
  });
  await insertItem(db, {
    meetingId: coming,
    position: 2,
    title: SECRET.internalTitle,
    visibility: 'internal',
    internalReason: 'Sekretess',
  });
});
afterAll(() => subject.cleanup());

const page = (path: string) => fetchPage(subject, path);

function expectNoSecret(text: string) {
  for (const word of Object.values(SECRET)) expect(text).not.toContain(word.split(' ')[0]);
}

describe('a meeting with approved minutes', () => {
  it('shows the public items numbered without the internal one, decisions, attendance, adjusters, notice and corrections', async () => {
    const { status, html } = await page(`/moten/${approved}`);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Protokoll: Högskolerådets möte i oktober');
    expect(text).toContain('Datum 15 oktober 2026');
    expect(text).toContain('Tid kl. 09.00–11.30');
    expect(text).toContain('§ 1 Mötets öppnande');
    // The internal item (position 2) is neither shown nor counted: the next public item is § 2.
    expect(text).toContain('§ 2 Kompetensförsörjning i välfärden');
    expect(text).not.toContain('§ 3');
    expect(text).toContain('Beslut Rådet godkänner handlingsplanen för kompetensförsörjning.');
    expect(html).toContain(`href="/beslut/${publicItem}"`);
    expect(text).toContain('Ledamot Larsson Närvarande');
    expect(text).toContain('Gästa Gästsson (gäst) Region Stockholm Adjungerad');
    expect(text).not.toContain('gasta@example.se');
    expect(text).toContain('Anslag om justerat protokoll');
    expect(text).toContain('Organ Högskolerådet');
    expect(text).toContain('Datum för justering 22 oktober 2026');
    expect(text).toContain('Förvaringsplats för protokollet Kommunledningsförvaltningen, Huddinge kommun');
    expect(text).toContain('Justerare Justerare Jansson (justerat 22 oktober 2026)');
    expect(text).toContain('25 oktober 2026, § 2. Skäl: Skrivfel i beslutet');
    expect(text).toContain('Före: Rådet godkänner handlingsplan.');
    expect(text).not.toContain('Rättelse av det interna');
    expectNoSecret(text);
    expectNoSecret(html);
  });

  it('has a decision page at a stable address, linking back', async () => {
    const { status, html } = await page(`/beslut/${publicItem}`);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('§ 2 Kompetensförsörjning i välfärden');
    expect(text).toContain('Rådet godkänner handlingsplanen för kompetensförsörjning.');
    expect(html).toContain(`href="/moten/${approved}#paragraf-2"`);
    expect(html).toContain('href="/hogskoleradet"');
  });

  it('exports the minutes as one self-contained HTML file with its metadata', async () => {
    const response = await subject.request(`/moten/${approved}/protokoll.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="protokoll-\d+-2026-10-15\.html"$/,
    );
    const html = await response.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta name="DC.publisher" content="Huddinge kommun"/>');
    expect(html).toContain('<meta name="DCTERMS.dateAccepted" content="2026-10-22"/>');
    expect(html).toContain('<meta name="DC.contributor" content="Justerare Jansson"/>');
    expect(html).toContain(
      `<meta name="DC.identifier" content="http://localhost:3000/moten/${approved}"/>`.replace(
        'http://localhost:3000',
        subject.deps.config.baseUrl,
      ),
    );
    expect(html).toContain('<html lang="sv">');
    expect(html).not.toMatch(/<script|<link rel="stylesheet"|<img|src=/i);
    expect(html).toContain('Rådet godkänner handlingsplanen för kompetensförsörjning.');
    expectNoSecret(html);
    expect(await vnuErrors(html)).toEqual([]);
  });
});

/** The Nu Html Checker's errors and warnings for a document (run as e2e/html-validity.test.ts runs it). */
async function vnuErrors(html: string): Promise<string[]> {
  const directory = await mkdtemp(join(tmpdir(), 'samverkan-archive-'));
  try {
    const file = join(directory, 'protokoll.html');
    await writeFile(file, html);
    const jar = resolve('node_modules/vnu-jar/build/dist/vnu.jar');
    const args = ['-Xss16m', '-XX:TieredStopAtLevel=1', '-jar', jar, '--format', 'json', '--stdout', file];
    const { stdout } = await promisify(execFile)('java', args).catch(
      (error: { stdout?: string; message: string }) => {
        if (error.stdout) return { stdout: error.stdout };
        throw new Error(`vnu did not run: ${error.message}`);
      },
    );
    const { messages } = JSON.parse(stdout) as { messages: { type: string; message: string }[] };
    return messages.filter((message) => message.type !== 'info').map((message) => message.message);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

describe('what the public never sees', () => {
  it('shows no part of minutes not yet approved', async () => {
    const { status, html } = await page(`/moten/${draft}`);
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Protokollet är inte justerat än.');
    expect(text).toContain('§ 1 Lägesrapport praktikplatser');
    expectNoSecret(html);
    expect((await page(`/beslut/${draftItem}`)).status).toBe(404);
    expect((await subject.request(`/moten/${draft}/protokoll.html`)).status).toBe(404);
  });

  it("answers 404 for an internal meeting, an internal item's decision, and junk ids", async () => {
    expect((await page(`/moten/${internal}`)).status).toBe(404);
    expect((await page(`/beslut/${internalItem}`)).status).toBe(404);
    expect((await page('/moten/99999999')).status).toBe(404);
    expect((await page('/beslut/0')).status).toBe(404);
    expect((await page('/moten/12abc')).status).toBe(404);
  });

  it('answers 404 once a meeting is deleted, and its decisions with it', async () => {
    const { db } = subject.deps;
    const groupId = await groupIdOf(db, { siteRole: 'council' });
    const gone = await insertMeeting(db, {
      groupId,
      startsAt: at('2026-09-01', '09:00'),
      minutesStatus: 'approved',
      minutesApprovedAt: at('2026-09-05', '09:00'),
    });
    const item = await insertItem(db, {
      meetingId: gone,
      position: 1,
      title: 'Borttaget',
      decision: 'Beslut.',
    });
    expect((await page(`/beslut/${item}`)).status).toBe(200);
    await db.update(meetings).set({ deletedAt: new Date() }).where(eq(meetings.id, gone));
    expect((await page(`/moten/${gone}`)).status).toBe(404);
    expect((await page(`/beslut/${item}`)).status).toBe(404);
  });
});

describe('a cancelled and a coming meeting', () => {
  it('says plainly that the meeting is cancelled and why', async () => {
    const { status, html } = await page(`/moten/${cancelled}`);
    expect(status).toBe(200);
    expect(textOf(html)).toContain('Mötet är inställt: För få anmälda');
    expect(textOf(html)).toContain('Status Inställt');
  });

  it('shows the agenda of a coming meeting without the internal item or a minutes notice', async () => {
    const { html } = await page(`/moten/${coming}`);
    const text = textOf(html);
    expect(text).toContain('§ 1 Val av justerare');
    expect(text).toContain('Tid kl. 09.00–11.00');
    expect(text).not.toContain('Protokollet är inte justerat');
    expectNoSecret(text);
  });
});

/** Parses as a calendar client does (ical.js, independent of the writer), with the feed's own VTIMEZONE. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

describe('the group calendar feed', () => {
  it('has the public meetings with the right local times, links, and the cancelled one as CANCELLED', async () => {
    const response = await subject.request(`/grupper/${councilSlug}/kalender.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    const events = parse(text);
    const ids = events.map((event) => event.uid);
    const host = new URL(subject.deps.config.baseUrl).hostname;
    expect(ids).toEqual([approved, draft, cancelled, coming].map((id) => `moten-${id}@${host}`));
    const spring = events.find((event) => event.uid === `moten-${coming}@${host}`);
    expect(spring?.startDate.toString()).toBe('2027-04-08T09:00:00');
    expect(spring?.startDate.toJSDate().toISOString()).toBe('2027-04-08T07:00:00.000Z');
    const autumn = events.find((event) => event.uid === `moten-${approved}@${host}`);
    expect(autumn?.startDate.toJSDate().toISOString()).toBe('2026-10-15T07:00:00.000Z');
    const url = `${subject.deps.config.baseUrl}/moten/${coming}`;
    expect(spring?.component.getFirstPropertyValue('url')).toBe(url);
    expect(spring?.description).toContain(url);
    expect(spring?.description).toContain('Val av justerare');
    const off = events.find((event) => event.uid === `moten-${cancelled}@${host}`);
    expect(off?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(off?.sequence).toBe(2);
    expectNoSecret(text);
  });

  it('is 404 for a group that does not exist', async () => {
    expect((await subject.request('/grupper/finns-inte/kalender.ics')).status).toBe(404);
  });
});

describe('the personal calendar feed', () => {
  it("is made signed in, shown once, carries internal meetings of the person's groups, and can be revoked", async () => {
    const { cookie } = await signedInPerson(subject, { groups: [councilSlug] });
    const before = await subject.request('/konto/kalender', { headers: { cookie } });
    expect(before.status).toBe(200);
    expect(textOf(await before.text())).toContain('Du har ingen kalenderadress.');

    const made = await subject.request('/konto/kalender', formPost({ action: 'create' }, { cookie }));
    expect(made.status).toBe(200);
    const html = await made.text();
    const url = html.match(/<code[^>]*>([^<]+\.ics)<\/code>/)?.[1];
    expect(url).toMatch(/\/kalender\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(html).toContain('href="webcal://');
    const path = new URL(url ?? '').pathname;

    const feed = await subject.request(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('cache-control')).toBe('private, no-store');
    const events = parse(await feed.text());
    const titles = events.map((event) => event.summary);
    expect(titles).toContain(SECRET.internalMeeting);
    expect(events.find((event) => event.summary === 'Högskolerådets vårmöte')?.description).toContain(
      SECRET.internalTitle,
    );

    // Shown once: the page afterwards says a feed exists, without its address.
    const after = await (await subject.request('/konto/kalender', { headers: { cookie } })).text();
    expect(after).not.toContain(path);
    expect(textOf(after)).toContain('Du har en kalenderadress sedan');

    const revoked = await subject.request('/konto/kalender', formPost({ action: 'revoke' }, { cookie }));
    expect(revoked.status).toBe(303);
    expect((await subject.request(path)).status).toBe(404);
  });

  it('replacing the address ends the old one', async () => {
    const { cookie } = await signedInPerson(subject, { groups: [councilSlug] });
    const first = (
      await (await subject.request('/konto/kalender', formPost({ action: 'create' }, { cookie }))).text()
    ).match(/\/kalender\/[A-Za-z0-9_-]{43}\.ics/)?.[0];
    const second = (
      await (await subject.request('/konto/kalender', formPost({ action: 'create' }, { cookie }))).text()
    ).match(/\/kalender\/[A-Za-z0-9_-]{43}\.ics/)?.[0];
    expect(first && second && first !== second).toBe(true);
    expect((await subject.request(first ?? '')).status).toBe(404);
    expect((await subject.request(second ?? '')).status).toBe(200);
  });

  it('notes when the feed was last read, at most once an hour', async () => {
    const { cookie, personId } = await signedInPerson(subject, { groups: [councilSlug] });
    const html = await (
      await subject.request('/konto/kalender', formPost({ action: 'create' }, { cookie }))
    ).text();
    const path = html.match(/\/kalender\/[A-Za-z0-9_-]{43}\.ics/)?.[0] ?? '';
    const { db, clock } = subject.deps;
    const lastUsed = async () =>
      (
        await db
          .select({ at: calendarFeeds.lastUsedAt })
          .from(calendarFeeds)
          .where(eq(calendarFeeds.personId, personId))
      )
        .map((row) => row.at?.toISOString())
        .find((at) => at !== undefined);
    expect(await lastUsed()).toBeUndefined();
    await subject.request(path);
    expect(await lastUsed()).toBe(clock.now().toISOString());
    const halfAnHourAgo = new Date(clock.now().getTime() - 30 * 60_000);
    await db
      .update(calendarFeeds)
      .set({ lastUsedAt: halfAnHourAgo })
      .where(eq(calendarFeeds.personId, personId));
    await subject.request(path);
    expect(await lastUsed()).toBe(halfAnHourAgo.toISOString());
    await db
      .update(calendarFeeds)
      .set({ lastUsedAt: new Date(clock.now().getTime() - 2 * 3_600_000) })
      .where(eq(calendarFeeds.personId, personId));
    await subject.request(path);
    expect(await lastUsed()).toBe(clock.now().toISOString());
  });

  it('answers 404 for a made-up token and sends the signed-out to sign in', async () => {
    expect((await subject.request(`/kalender/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await subject.request('/kalender/kort.ics')).status).toBe(404);
    const signedOut = await subject.request('/konto/kalender');
    expect([302, 303, 401]).toContain(signedOut.status);
  });
});

describe('the council page and a group page', () => {
  it('lists coming meetings with the feed, minutes with their decisions, and open actions', async () => {
    const { status, html } = await page('/hogskoleradet');
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain('Kommande möten');
    expect(text).toContain(
      '3 december 2026: Högskolerådets extra möte kl. 09.00–11.00, Huddinge kommunhus, sal Stortorp (Inställt)',
    );
    expect(text).toContain('8 april 2027: Högskolerådets vårmöte');
    expect(html).toContain(`href="/grupper/${councilSlug}/kalender.ics"`);
    expect(text).toContain('Protokoll och beslut');
    expect(text).toContain('15 oktober 2026: Högskolerådets möte i oktober');
    expect(text).toContain('Beslut: Kompetensförsörjning i välfärden');
    expect(html).toContain(`href="/beslut/${publicItem}"`);
    expect(text).toContain(
      '20 november 2026: Högskolerådets möte i november kl. 13.00–15.00, Huddinge kommunhus, sal Stortorp – Protokollet är inte justerat än.',
    );
    expect(text.indexOf('20 november 2026')).toBeLessThan(text.indexOf('15 oktober 2026'));
    expect(text).toContain('Ta fram en tidplan för handlingsplanen – Pågår 1 november 2026 (försenat)');
    expectNoSecret(html);
    const groupPage = await page(`/grupper/${councilSlug}`);
    expect(groupPage.status).toBe(200);
    expect(textOf(groupPage.html)).toContain('Beslut: Kompetensförsörjning i välfärden');
    expectNoSecret(groupPage.html);
  });

  it('says plainly that a group has no meetings yet', async () => {
    const { html } = await page('/grupper/arbetsgrupp-karolinska-institutet');
    const text = textOf(html);
    expect(text).toContain('Inga möten är inlagda än.');
    expect(text).toContain('Inga justerade protokoll finns än.');
    expect(text).toContain('Inga öppna uppdrag.');
  });
});

describe('decisions in the site search', () => {
  it('finds an approved public decision by a word in its decision, linking to its stable page', async () => {
    const { html } = await page('/sok?q=kompetensf%C3%B6rs%C3%B6rjning');
    expect(html).toContain(`href="/beslut/${publicItem}"`);
    expect(textOf(html)).toContain('Beslut');
  });

  it('finds nothing and leaks nothing for words only in an internal item, draft minutes or an internal meeting', async () => {
    for (const word of [
      'Tranbärsmyren',
      'Blåbärsskogen',
      'Lingonriset',
      'Hjortronmossen',
      'Krusbärsbusken',
    ]) {
      const { status, html } = await page(`/sok?q=${encodeURIComponent(word)}`);
      expect(status).toBe(200);
      expect(html).not.toContain('/beslut/');
      expect(textOf(html)).toContain('Inga träffar för');
      expectNoSecret(html.replace(new RegExp(`value="${word}"|${word}`, 'g'), ''));
    }
  });
});

describe('the page cache', () => {
  it('serves the public version only, also after a member opened the pages', async () => {
    const cached = buildTestApp(subject.database, {
      pageCache: createPageCache({ ttlMs: 60_000, maxBytes: 4 * 1024 * 1024 }),
    });
    const { cookie } = await signedInPerson(subject, { groups: [councilSlug] });
    for (const path of [
      `/moten/${approved}`,
      `/moten/${draft}`,
      '/hogskoleradet',
      `/grupper/${councilSlug}`,
    ]) {
      await cached.request(path, { headers: { cookie } });
      const first = await cached.request(path);
      const second = await cached.request(path);
      expect(second.headers.get('x-cache')).toBe('hit');
      expectNoSecret(await first.text());
      expectNoSecret(await second.text());
    }
    expect((await cached.request(`/moten/${internal}`)).status).toBe(404);
  });
});

import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../seeds/apply-seed.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/database.ts';
import { createPerson } from '../../../tests/people.ts';
import { startSmtpServer } from '../../../tests/smtp-server.ts';
import { buildTestApp, formPost, type TestApp, textOf } from '../../../tests/test-app.ts';
import type { Clock } from '../../lib/clock.ts';
import { auditLog, people, personIdentities, sessions, signInTokens } from '../accounts/accounts.table.ts';
import { createSmtpTransport, deliverDueMail } from '../mail/mail.service.ts';
import { mailOutbox } from '../mail/mail.table.ts';
import { deleteExpiredSignInData } from './housekeeping.ts';
import { EMAIL_LINK_ISSUER } from './identities.tsx';
import { SESSION_COOKIE } from './sessions.ts';

/** A clock the tests move forward, to cross the 15-minute, 30-minute and 12-hour lines. */
const clock = { current: new Date('2026-11-27T09:00:00+01:00') };
const movingClock: Clock = { now: () => new Date(clock.current) };
const advance = (ms: number) => {
  clock.current = new Date(clock.current.getTime() + ms);
};

let database: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let subject: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDatabase(database.db, { demo: false });
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
  await database.cleanup();
});
beforeEach(async () => {
  // Each test starts with empty account tables, a fresh rate limiter and the clock at 09:00.
  await database.db.execute(
    sql`truncate people, person_identities, sessions, sign_in_tokens, audit_log, mail_outbox, rate_limit_counts cascade`,
  );
  smtp.received.length = 0;
  clock.current = new Date('2026-11-27T09:00:00+01:00');
  subject = buildTestApp(database, {
    clock: movingClock,
    env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, BASE_URL: 'https://samverkan.example' },
  });
});

const requestLink = (email: string, extra: Record<string, string> = {}, from?: string) =>
  subject.request('/logga-in/lank', formPost({ email, nasta: '/mina-uppgifter', ...extra }), from);

/** Sends what is in the outbox over SMTP, and returns the sign-in token from the last mail received. */
async function tokenFromDeliveredMail(): Promise<string> {
  const transport = createSmtpTransport(subject.deps.config);
  await deliverDueMail({ db: database.db, transport, clock: movingClock, logger: pino({ level: 'silent' }) });
  transport.close();
  const mail = smtp.received.at(-1);
  if (!mail) throw new Error('no mail arrived');
  const link = mail.text.match(/https:\/\/samverkan\.example\/logga-in\/lank\?token=([\w-]+)/);
  if (!link?.[1]) throw new Error(`no link in: ${mail.text}`);
  return link[1];
}

const useLink = (token: string, cookie?: string) =>
  subject.request('/logga-in/lank/anvand', formPost({ token }, cookie ? { cookie } : {}));

function sessionCookieFrom(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  const match = header.match(new RegExp(`${SESSION_COOKIE}=([^;]+)`));
  if (!match?.[1]) throw new Error(`no session cookie in ${header}`);
  return `${SESSION_COOKIE}=${match[1]}`;
}

describe('sign-in by e-mailed link', () => {
  it('sends a link over SMTP that signs a new person in once, and creates their account', async () => {
    const asked = await requestLink('Ny.Forskare@Example.se');
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe('/logga-in/skickad');

    const token = await tokenFromDeliveredMail();
    expect(smtp.received.at(-1)?.envelopeTo).toEqual(['ny.forskare@example.se']);

    const confirm = await subject.request(`/logga-in/lank?token=${token}`);
    expect(confirm.status).toBe(200);
    expect(confirm.headers.get('cache-control')).toBe('no-store');
    expect(textOf(await confirm.text())).toContain('Logga in med länken');
    // Opening the link (as a mail scanner would) used nothing up.
    const [unused] = await database.db.select().from(signInTokens);
    expect(unused?.usedAt).toBeNull();

    const signedIn = await useLink(token);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/mina-uppgifter');
    const setCookie = signedIn.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^__Host-samverkan=[\w-]{43};/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/Domain=/i);

    const [identity] = await database.db.select().from(personIdentities);
    expect(identity).toMatchObject({ issuer: EMAIL_LINK_ISSUER, subject: 'ny.forskare@example.se' });

    const again = await useLink(token);
    expect(again.status).toBe(400);
    expect(textOf(await again.text())).toContain('Länken går inte att använda');
  });

  it('keeps only a hash of the token: the link in the mail is not in the database', async () => {
    await requestLink('hash@example.se');
    const token = await tokenFromDeliveredMail();
    const dump = JSON.stringify(await database.db.select().from(signInTokens));
    expect(dump).not.toContain(token);
    const outbox = await database.db.select().from(mailOutbox);
    // The outbox holds the mail until it is sent; after sending the row stays only as a record.
    expect(outbox[0]?.sentAt).not.toBeNull();
  });

  it('answers the same whether or not the address belongs to an account', async () => {
    await createPerson(database.db, { email: 'kand@example.se' });
    const known = await requestLink('kand@example.se');
    const unknown = await requestLink('okand@example.se');
    expect(known.status).toBe(unknown.status);
    expect(known.headers.get('location')).toBe(unknown.headers.get('location'));
    expect(await known.text()).toBe(await unknown.text());
  });

  it('refuses a link older than 15 minutes', async () => {
    await requestLink('sen@example.se');
    const token = await tokenFromDeliveredMail();
    advance(15 * 60_000 + 1000);
    expect((await useLink(token)).status).toBe(400);
  });

  it('sends no mail to a disabled account, answers the same, and refuses its old links', async () => {
    const personId = await createPerson(database.db, { email: 'avstangd@example.se' });
    await requestLink('avstangd@example.se');
    const oldToken = await tokenFromDeliveredMail();
    await database.db.update(people).set({ disabledAt: clock.current }).where(eq(people.id, personId));
    smtp.received.length = 0;

    const asked = await requestLink('avstangd@example.se');
    expect(asked.headers.get('location')).toBe('/logga-in/skickad');
    expect(await database.db.select().from(mailOutbox).where(eq(mailOutbox.sentAt, sql`null`))).toEqual([]);

    const refused = await useLink(oldToken);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('set-cookie') ?? '').not.toContain(`${SESSION_COOKIE}=`.concat('a'));
    expect(await database.db.select().from(sessions)).toEqual([]);
    const actions = (await database.db.select().from(auditLog)).map((entry) => entry.action);
    expect(actions).toContain('sign_in_refused');
  });

  it('limits links per address, whatever client asks', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await requestLink('flood@example.se', {}, `198.51.100.${i}`)).status).toBe(303);
    }
    const sixth = await requestLink('flood@example.se', {}, '198.51.100.99');
    expect(sixth.status).toBe(429);
    expect(textOf(await sixth.text())).toContain('För många inloggningslänkar');
    // An hour later the address may ask again.
    advance(3_600_000 + 1000);
    expect((await requestLink('flood@example.se')).status).toBe(303);
  });

  it('limits a disabled account’s address exactly like any other, so the 429 tells nothing', async () => {
    const personId = await createPerson(database.db, { email: 'tyst@example.se' });
    await database.db.update(people).set({ disabledAt: clock.current }).where(eq(people.id, personId));
    const statuses = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await requestLink('tyst@example.se', {}, `198.51.100.${i}`)).status);
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
    expect(await database.db.select().from(mailOutbox)).toEqual([]);
  });

  it('signs in once when the link is used twice at the same moment', async () => {
    await requestLink('dubbelklick@example.se');
    const token = await tokenFromDeliveredMail();
    const statuses = (await Promise.all([useLink(token), useLink(token)])).map((response) => response.status);
    expect(statuses.sort()).toEqual([303, 400]);
    expect(await database.db.select().from(sessions)).toHaveLength(1);
  });

  it('limits links per client, and a made-up X-Forwarded-For does not reset the count', async () => {
    for (let i = 0; i < 10; i += 1) {
      const response = await subject.request(
        '/logga-in/lank',
        formPost({ email: `p${i}@example.se` }, { 'x-forwarded-for': `203.0.113.${i}` }),
      );
      expect(response.status).toBe(303);
    }
    const eleventh = await subject.request(
      '/logga-in/lank',
      formPost({ email: 'p11@example.se' }, { 'x-forwarded-for': '203.0.113.200' }),
    );
    expect(eleventh.status).toBe(429);
  });

  it('shows a Swedish message next to the field for a bad address, keeping what was typed', async () => {
    const response = await requestLink('inte en adress');
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('id="epost-error"');
    expect(textOf(html)).toContain('Skriv en e-postadress med @ och en domän');
    expect(html).toContain('value="inte en adress"');
    expect(html).toContain('aria-invalid="true"');
    expect(await database.db.select().from(signInTokens)).toEqual([]);
  });

  it('refuses unknown form fields', async () => {
    const response = await requestLink('a@example.se', { admin: 'true' });
    expect(response.status).toBe(400);
    expect(await database.db.select().from(signInTokens)).toEqual([]);
  });

  it('goes only to our own relative paths after sign-in', async () => {
    for (const attempt of [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      '/%0d%0aLocation:x',
    ]) {
      await database.db.execute(sql`truncate sign_in_tokens`);
      await subject.request('/logga-in/lank', formPost({ email: 'resa@example.se', nasta: attempt }));
      const token = await tokenFromDeliveredMail();
      const response = await useLink(token);
      expect(response.headers.get('location'), attempt).toBe(
        attempt.startsWith('/%0d') ? attempt : '/mina-uppgifter',
      );
    }
  });
});

describe('sessions', () => {
  async function signIn(email = 'session@example.se', cookie?: string): Promise<string> {
    await requestLink(email);
    const token = await tokenFromDeliveredMail();
    return sessionCookieFrom(await useLink(token, cookie));
  }
  const isSignedIn = async (cookie: string) => {
    const response = await subject.request('/', { headers: { cookie } });
    return (await response.text()).includes('action="/logga-ut"');
  };

  it('marks signed-in answers no-store and shows the account menu', async () => {
    const cookie = await signIn();
    const response = await subject.request('/avtal', { headers: { cookie } });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await isSignedIn(cookie)).toBe(true);
    const anonymous = await subject.request('/avtal');
    expect(anonymous.headers.get('cache-control')).not.toBe('no-store');
  });

  it('ends after 30 minutes without a request', async () => {
    const cookie = await signIn();
    advance(29 * 60_000);
    expect(await isSignedIn(cookie)).toBe(true);
    advance(29 * 60_000);
    expect(await isSignedIn(cookie)).toBe(true);
    advance(30 * 60_000 + 1000);
    expect(await isSignedIn(cookie)).toBe(false);
    expect(await database.db.select().from(sessions)).toEqual([]);
  });

  it('ends 12 hours after sign-in even when in use', async () => {
    const cookie = await signIn();
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      advance(20 * 60_000);
      expect(await isSignedIn(cookie)).toBe(true);
    }
    advance(21 * 60_000);
    expect(await isSignedIn(cookie)).toBe(false);
  });

  it('signing out ends the session on the server, not only in the browser', async () => {
    const cookie = await signIn();
    const out = await subject.request('/logga-ut', formPost({}, { cookie }));
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/__Host-samverkan=;.*Max-Age=0/);
    expect(await database.db.select().from(sessions)).toEqual([]);
    // The old cookie, replayed, signs nobody in.
    expect(await isSignedIn(cookie)).toBe(false);
  });

  it('gives a new session id at sign-in: a planted or earlier cookie never becomes the session', async () => {
    const planted = `${SESSION_COOKIE}=${'a'.repeat(43)}`;
    const first = await signIn('fix@example.se', planted);
    expect(first).not.toBe(planted);
    expect(await isSignedIn(planted)).toBe(false);
    // Signing in again with a live session replaces it.
    const second = await signIn('fix@example.se', first);
    expect(second).not.toBe(first);
    expect(await isSignedIn(first)).toBe(false);
    expect(await isSignedIn(second)).toBe(true);
  });

  it('an erased person’s session is over, even one started a moment before the erasure', async () => {
    const cookie = await signIn('snart-raderad@example.se');
    await database.db.update(people).set({ erasedAt: clock.current, name: '', email: null });
    expect(await isSignedIn(cookie)).toBe(false);
    expect(await database.db.select().from(sessions)).toEqual([]);
  });

  it('disabling an account ends its sessions at once', async () => {
    const cookie = await signIn('snart-avstangd@example.se');
    await database.db.update(people).set({ disabledAt: clock.current });
    expect(await isSignedIn(cookie)).toBe(false);
    expect(await database.db.select().from(sessions)).toEqual([]);
  });
});

describe('housekeeping', () => {
  it('deletes ended sessions and long-dead links, and keeps live ones', async () => {
    await requestLink('stadning@example.se');
    const token = await tokenFromDeliveredMail();
    const cookie = sessionCookieFrom(await useLink(token));
    await requestLink('stadning@example.se');
    await deleteExpiredSignInData(database.db, clock.current);
    expect(await database.db.select().from(sessions)).toHaveLength(1);
    expect(await database.db.select().from(signInTokens)).toHaveLength(2);
    advance(25 * 3_600_000);
    await deleteExpiredSignInData(database.db, clock.current);
    expect(await database.db.select().from(sessions)).toEqual([]);
    expect(await database.db.select().from(signInTokens)).toEqual([]);
    expect(cookie).toContain(SESSION_COOKIE);
  });
});

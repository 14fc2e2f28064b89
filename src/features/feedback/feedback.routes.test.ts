import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, createTestApp, formPost, OWN_ORIGIN, textOf, UUID } from '../../../tests/test-app.ts';
import { fixedClock } from '../../lib/clock.ts';
import { auditLog } from '../accounts/accounts.table.ts';
import { rateLimitCounts } from '../rate-limits/rate-limits.table.ts';
import { pageFeedback } from './feedback.table.ts';

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  // Many answers come from one test client here; the limit itself is tested with an app of its own.
  subject = await createTestApp({ env: { FEEDBACK_RATE_LIMIT: '10000' } });
});
afterAll(() => subject.cleanup());
beforeEach(async () => {
  await subject.database.db.delete(pageFeedback);
});

const storedFeedback = () => subject.database.db.select().from(pageFeedback);

function answer(fields: Record<string, string>, headers?: Record<string, string>) {
  return subject.request('/aterkoppling', formPost(fields, headers));
}

function comment(answerId: string, fields: Record<string, string>, headers?: Record<string, string>) {
  return subject.request(`/aterkoppling/${answerId}/kommentar`, formPost(fields, headers));
}

/** Answers "Nej" on a page and returns the answer's id from the redirect. */
async function answerNo(page = '/larosaten'): Promise<string> {
  const response = await answer({ page, answer: 'nej' });
  const id = new URL(response.headers.get('location') ?? '', OWN_ORIGIN).searchParams.get('svar');
  if (!id) throw new Error(`no answer id in ${response.headers.get('location')}`);
  return id;
}

describe('answering "Var informationen till din hjälp?"', () => {
  it('stores a "Ja" and redirects back to the page with thanks', async () => {
    const response = await answer({ page: '/larosaten', answer: 'ja', webbplats: '' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/larosaten?aterkoppling=tack#aterkoppling');
    const rows = await storedFeedback();
    expect(rows).toEqual([
      {
        id: expect.stringMatching(UUID),
        pagePath: '/larosaten',
        helpful: true,
        comment: null,
        createdAt: subject.deps.clock.now(),
        handledAt: null,
        handledByPersonId: null,
      },
    ]);
  });

  it('thanks the person on the page it redirected to, without the form', async () => {
    const response = await subject.request('/larosaten?aterkoppling=tack');
    const html = await response.text();
    expect(textOf(html)).toContain('Tack för ditt svar!');
    expect(html).not.toContain('action="/aterkoppling"');
  });

  it('stores a "Nej" and redirects to the page with the answer id, to ask what was missing', async () => {
    const response = await answer({ page: '/mal', answer: 'nej' });
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/mal\?aterkoppling=nej&svar=[0-9a-f-]{36}#aterkoppling$/);
    const id = new URL(location, OWN_ORIGIN).searchParams.get('svar');
    expect(id).toMatch(UUID);
    expect(await storedFeedback()).toEqual([
      expect.objectContaining({ id, pagePath: '/mal', helpful: false, comment: null }),
    ]);

    const page = await (await subject.request(location.replace(/#.*/, ''))).text();
    expect(page).toContain(`action="/aterkoppling/${id}/kommentar"`);
    expect(textOf(page)).toContain('Vad saknade du?');
  });

  it('accepts the form sent as multipart/form-data', async () => {
    const body = new FormData();
    body.set('page', '/');
    body.set('answer', 'ja');
    const response = await subject.request('/aterkoppling', {
      method: 'POST',
      headers: { origin: OWN_ORIGIN },
      body,
    });
    expect(response.status).toBe(303);
    expect(await storedFeedback()).toHaveLength(1);
  });

  it('pretends to thank a bot that fills in the hidden field, and stores nothing', async () => {
    const response = await answer({ page: '/', answer: 'nej', webbplats: 'https://spam.example' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/?aterkoppling=tack#aterkoppling');
    expect(await storedFeedback()).toEqual([]);
  });

  it('returns only the feedback section, not a redirect, to the page script (X-Requested-With: fetch)', async () => {
    const thanks = await answer({ page: '/avtal', answer: 'ja' }, { 'x-requested-with': 'fetch' });
    expect(thanks.status).toBe(200);
    expect(thanks.headers.get('location')).toBeNull();
    const html = await thanks.text();
    expect(html).toMatch(/^<section class="feedback" id="aterkoppling"/);
    expect(html).not.toContain('<html');
    expect(textOf(html)).toContain('Tack för ditt svar!');

    const ask = await answer({ page: '/avtal', answer: 'nej' }, { 'x-requested-with': 'fetch' });
    expect(ask.status).toBe(200);
    expect(await ask.text()).toMatch(/action="\/aterkoppling\/[0-9a-f-]{36}\/kommentar"/);
    expect(await storedFeedback()).toHaveLength(2);
  });

  it.each([
    ['a protocol-relative address', '//evil.example'],
    ['an absolute address', 'https://evil.example'],
    ['a backslash trick', '/\\evil.example'],
    ['a javascript: address', 'javascript:alert(1)'],
    ['a path with a query', '/larosaten?x=1'],
    ['a path with an encoded slash', '/%2F%2Fevil.example'],
    ['a path with a new line', '/larosaten\r\nLocation: https://evil.example'],
    ['an empty page', ''],
  ])('refuses %s as the page (400) and never redirects to it', async (_case, page) => {
    const response = await answer({ page, answer: 'ja' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(textOf(await response.text())).toContain('Felaktig begäran');
    expect(await storedFeedback()).toEqual([]);
  });

  it.each([
    ['a page that does not exist', '/finns-inte'],
    ['a register page that does not exist', '/avtal/inget-sadant-avtal'],
    ['a page without the question (sign-in)', '/logga-in'],
    ['a page behind sign-in', '/admin'],
    ['a path with a trailing slash', '/avtal/'],
  ])('refuses feedback for %s (400) and stores nothing', async (_case, page) => {
    const response = await answer({ page, answer: 'nej' });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain('Felaktig begäran');
    expect(await storedFeedback()).toEqual([]);
  });

  it('never runs a route that is not a page asking for feedback, to find out whether a page exists', async () => {
    const withProvider = buildTestApp(subject.database, {
      env: {
        FEEDBACK_RATE_LIMIT: '10000',
        OIDC_PROVIDERS: JSON.stringify([
          {
            id: 'huddinge',
            name: 'Huddinge kommun',
            issuer: 'http://127.0.0.1:9/oidc',
            clientId: 'x',
            clientSecret: 'y',
          },
        ]),
      },
    });
    const auditRows = async () => (await subject.database.db.select().from(auditLog)).length;
    const before = await auditRows();
    for (const page of ['/logga-in/oidc/huddinge/callback', '/logga-in/oidc/huddinge', '/utveckling/mejl']) {
      const response = await withProvider.request('/aterkoppling', formPost({ page, answer: 'ja' }));
      expect(response.status, page).toBe(400);
    }
    // The callback would have logged a refused sign-in; starting one would have counted against its limit.
    expect(await auditRows()).toBe(before);
    const oidcStarts = await subject.database.db
      .select()
      .from(rateLimitCounts)
      .where(eq(rateLimitCounts.scope, 'oidc-start'));
    expect(oidcStarts).toEqual([]);
  });

  it('takes feedback for every kind of page that asks for it', async () => {
    for (const page of [
      '/',
      '/avtal/ulf-avtal-sodertorns-hogskola',
      '/grupper/hogskoleradet',
      '/tillganglighet',
    ]) {
      expect((await answer({ page, answer: 'ja' })).status, page).toBe(303);
    }
    expect(await storedFeedback()).toHaveLength(4);
  });

  it.each<[string, [string, string][]]>([
    ['no answer', [['page', '/']]],
    [
      'an answer that is neither ja nor nej',
      [
        ['page', '/'],
        ['answer', 'kanske'],
      ],
    ],
    ['no page', [['answer', 'ja']]],
    [
      'an unknown field isAdmin',
      [
        ['page', '/'],
        ['answer', 'ja'],
        ['isAdmin', 'true'],
      ],
    ],
    [
      'an unknown field __proto__',
      [
        ['page', '/'],
        ['answer', 'ja'],
        ['__proto__', 'x'],
      ],
    ],
    [
      'an unknown field constructor',
      [
        ['page', '/'],
        ['answer', 'ja'],
        ['constructor', 'x'],
      ],
    ],
    [
      'a field with brackets',
      [
        ['page', '/'],
        ['answer', 'ja'],
        ['answer[]', 'nej'],
      ],
    ],
  ])('refuses a form with %s (400) and stores nothing', async (_case, fields) => {
    const response = await subject.request('/aterkoppling', formPost(new URLSearchParams(fields)));
    expect(response.status).toBe(400);
    expect(await storedFeedback()).toEqual([]);
  });

  it('refuses a field sent twice (400)', async () => {
    const response = await subject.request('/aterkoppling', formPost('page=/&answer=ja&answer=nej'));
    expect(response.status).toBe(400);
    expect(await storedFeedback()).toEqual([]);
  });

  it.each([
    ['application/json', JSON.stringify({ page: '/', answer: 'ja' })],
    ['text/plain', 'page=/&answer=ja'],
    ['application/xml', '<answer>ja</answer>'],
  ])('refuses a body of type %s with 415', async (type, body) => {
    const response = await subject.request('/aterkoppling', {
      method: 'POST',
      headers: { 'content-type': type, origin: OWN_ORIGIN },
      body,
    });
    expect(response.status).toBe(415);
    expect(textOf(await response.text())).toContain('Formatet stöds inte');
    expect(await storedFeedback()).toEqual([]);
  });

  it('has no GET route: GET /aterkoppling is 404 and changes nothing', async () => {
    const response = await subject.request('/aterkoppling?page=/&answer=ja');
    expect(response.status).toBe(404);
    expect(textOf(await response.text())).toContain('Sidan finns inte');
    const id = await answerNo();
    expect((await subject.request(`/aterkoppling/${id}/kommentar?page=/larosaten&comment=x`)).status).toBe(
      404,
    );
    expect(await storedFeedback()).toEqual([expect.objectContaining({ comment: null })]);
  });
});

describe('saying what was missing', () => {
  it('stores the comment and redirects back with thanks', async () => {
    const id = await answerNo('/larosaten');
    const response = await comment(id, {
      page: '/larosaten',
      comment: '  Kontaktuppgifter till\r\nlärosätena.  ',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/larosaten?aterkoppling=kommentar-tack#aterkoppling');
    const [row] = await subject.database.db.select().from(pageFeedback).where(eq(pageFeedback.id, id));
    expect(row?.comment).toBe('Kontaktuppgifter till\nlärosätena.');

    const page = await (await subject.request('/larosaten?aterkoppling=kommentar-tack')).text();
    expect(textOf(page)).toContain('Tack! Din kommentar hjälper oss att förbättra sidan.');
  });

  it('keeps no NUL or control characters from a comment', async () => {
    const id = await answerNo();
    const response = await comment(id, { page: '/larosaten', comment: 'a\u0000b\u001bc\td' });
    expect(response.status).toBe(303);
    const [row] = await storedFeedback();
    expect(row?.comment).toBe('abc\td');
  });

  it('accepts exactly 1000 characters', async () => {
    const id = await answerNo();
    const text = 'å'.repeat(1000);
    expect((await comment(id, { page: '/larosaten', comment: text })).status).toBe(303);
    expect((await storedFeedback())[0]?.comment).toBe(text);
  });

  it('shows a comment over 1000 characters again with a Swedish message next to the field (422), and stores nothing', async () => {
    const id = await answerNo();
    const text = `Det här är <b>min</b> text & mer: ${'x'.repeat(1000)}`;
    const response = await comment(id, { page: '/larosaten', comment: text });
    expect(response.status).toBe(422);
    const html = await response.text();
    const message = `Kommentaren får vara högst 1 000 tecken. Du har skrivit ${text.length} tecken.`;
    expect(html).toContain(`<h2 id="error-summary-title">Det finns ett fel i formuläret</h2>`);
    expect(html).toContain(`<a href="#feedback-comment">${message}</a>`);
    expect(html).toContain(`<p id="feedback-comment-error" class="error-message">${message}</p>`);
    const escaped = text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    expect(html).toMatch(
      new RegExp(`<textarea id="feedback-comment"[^>]*aria-invalid="true"[^>]*>${escaped}</textarea>`),
    );
    expect(html).toContain(`action="/aterkoppling/${id}/kommentar"`);
    expect(html).toContain('<a href="/larosaten">Tillbaka till sidan</a>');
    expect(await storedFeedback()).toEqual([expect.objectContaining({ id, comment: null })]);
  });

  it('returns the section with the message to the page script when a comment is too long', async () => {
    const id = await answerNo();
    const response = await comment(
      id,
      { page: '/larosaten', comment: 'y'.repeat(1001) },
      { 'x-requested-with': 'fetch' },
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/^<section class="feedback"/);
    expect(html).toContain('Du har skrivit 1001 tecken.');
    expect(html).toContain(`${'y'.repeat(1001)}</textarea>`);
  });

  it('returns the thanks to the page script after a comment', async () => {
    const id = await answerNo();
    const response = await comment(
      id,
      { page: '/larosaten', comment: 'Mer om KI.' },
      { 'x-requested-with': 'fetch' },
    );
    expect(response.status).toBe(200);
    expect(textOf(await response.text())).toContain('Tack! Din kommentar hjälper oss att förbättra sidan.');
  });

  it('pretends to thank a bot that fills in the hidden field, and keeps no comment', async () => {
    const id = await answerNo();
    const response = await comment(id, { page: '/larosaten', comment: 'Köp billigt!', webbplats: 'x' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/larosaten?aterkoppling=kommentar-tack#aterkoppling');
    expect((await storedFeedback())[0]?.comment).toBeNull();
  });

  it('takes only one comment per answer', async () => {
    const id = await answerNo();
    expect((await comment(id, { page: '/larosaten', comment: 'Första' })).status).toBe(303);
    const second = await comment(id, { page: '/larosaten', comment: 'Andra' });
    expectClosed(second, '/larosaten');
    expect((await storedFeedback())[0]?.comment).toBe('Första');
  });

  it('says the answer is closed for a comment on a "Ja", on another page or with a made-up id', async () => {
    await answer({ page: '/larosaten', answer: 'ja' });
    const [yes] = await storedFeedback();
    expectClosed(await comment(yes!.id, { page: '/larosaten', comment: 'x' }), '/larosaten');
    const no = await answerNo('/larosaten');
    expectClosed(await comment(no, { page: '/avtal', comment: 'x' }), '/avtal');
    expectClosed(
      await comment('00000000-0000-4000-8000-000000000000', { page: '/larosaten', comment: 'x' }),
      '/larosaten',
    );
    expect((await comment('not-a-uuid', { page: '/larosaten', comment: 'x' })).status).toBe(404);
    expect((await storedFeedback()).every((row) => row.comment === null)).toBe(true);
  });

  it('says the answer is closed for a comment more than an hour after it', async () => {
    const id = await answerNo();
    const later = buildTestApp(subject.database, {
      clock: fixedClock(new Date(subject.deps.clock.now().getTime() + 61 * 60_000).toISOString()),
      // This file answers many times from one address; the limit (shared through the database) is not the point.
      env: { FEEDBACK_RATE_LIMIT: '10000' },
    });
    const response = await later.request(
      `/aterkoppling/${id}/kommentar`,
      formPost({ page: '/larosaten', comment: 'Sent' }),
    );
    expectClosed(response, '/larosaten');
    expect((await storedFeedback())[0]?.comment).toBeNull();
  });

  it('refuses unknown fields in the comment form (400)', async () => {
    const id = await answerNo();
    const response = await comment(id, { page: '/larosaten', comment: 'x', helpful: 'true' });
    expect(response.status).toBe(400);
    expect((await storedFeedback())[0]).toMatchObject({ helpful: false, comment: null });
  });

  it('refuses a bad page in the comment form (400), even with a long comment', async () => {
    const id = await answerNo();
    for (const page of ['//evil.example', 'https://evil.example']) {
      const response = await comment(id, { page, comment: 'z'.repeat(1001) });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
    }
  });
});

describe('the feedback rate limit', () => {
  it('refuses the 11th answer within the hour from one client with a Swedish 429 page', async () => {
    const limited = buildTestApp(subject.database);
    const from = '203.0.113.7';
    for (let i = 0; i < 10; i++) {
      const response = await limited.request('/aterkoppling', formPost({ page: '/', answer: 'ja' }), from);
      expect(response.status).toBe(303);
    }
    const eleventh = await limited.request('/aterkoppling', formPost({ page: '/', answer: 'ja' }), from);
    expect(eleventh.status).toBe(429);
    const text = textOf(await eleventh.text());
    expect(text).toContain('För många försök');
    expect(text).toContain('Vänta en stund och försök igen.');
    expect(await storedFeedback()).toHaveLength(10);

    // A made-up X-Forwarded-For is not believed when no proxy is trusted.
    const spoofed = await limited.request(
      '/aterkoppling',
      formPost({ page: '/', answer: 'ja' }, { 'x-forwarded-for': '198.51.100.99' }),
      from,
    );
    expect(spoofed.status).toBe(429);
    // Comments count too.
    const comments = await limited.request(
      '/aterkoppling/00000000-0000-4000-8000-000000000000/kommentar',
      formPost({ page: '/', comment: 'x' }),
      from,
    );
    expect(comments.status).toBe(429);
    // Another client is not affected.
    const other = await limited.request(
      '/aterkoppling',
      formPost({ page: '/', answer: 'ja' }),
      '203.0.113.8',
    );
    expect(other.status).toBe(303);
    expect(await storedFeedback()).toHaveLength(11);
  });

  it('behind a trusted proxy, counts by the address the proxy wrote, not the ones the client made up', async () => {
    const proxied = buildTestApp(subject.database, { env: { TRUST_PROXY: 'true' } });
    const proxy = '10.0.0.1';
    const send = (forwardedFor: string) =>
      proxied.request(
        '/aterkoppling',
        formPost({ page: '/', answer: 'ja' }, { 'x-forwarded-for': forwardedFor }),
        proxy,
      );
    for (let i = 0; i < 10; i++) expect((await send(`192.0.2.${i}, 203.0.113.50`)).status).toBe(303);
    expect((await send('192.0.2.200, 203.0.113.50')).status).toBe(429);
    expect((await send('203.0.113.51')).status).toBe(303);
  });

  it('does not count the answers a honeypot catches', async () => {
    const limited = buildTestApp(subject.database);
    const from = '203.0.113.9';
    for (let i = 0; i < 12; i++) {
      const response = await limited.request(
        '/aterkoppling',
        formPost({ page: '/', answer: 'ja', webbplats: 'x' }),
        from,
      );
      expect(response.status).toBe(303);
    }
  });
});

/** A comment that cannot be added goes back to the page with a message, not to an error page. */
function expectClosed(response: Response, page: string) {
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe(`${page}?aterkoppling=stangd#aterkoppling`);
}

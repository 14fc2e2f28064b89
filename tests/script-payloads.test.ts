import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPerson } from './people.ts';
import { createTestApp, formPost, OWN_ORIGIN } from './test-app.ts';

/**
 * Script in every text field the app takes, then every page where that text is shown: it must come back
 * as text. The only script element on any page is our own, and no payload tag or handler survives.
 */
const PAYLOAD = `<script>alert("x")</script>"'><img src=x onerror=alert(1)><svg onload=alert(2)>`;
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';

let subject: Awaited<ReturnType<typeof createTestApp>>;
let administrator: { personId: number; cookie: string };
let member: { personId: number; cookie: string };

beforeAll(async () => {
  subject = await createTestApp({ env: { FEEDBACK_RATE_LIMIT: '10000' } });
  administrator = await signedInPerson(subject, {
    roles: { 'huddinge-kommun': 'administrator' },
    groups: ['hogskoleradet'],
  });
  member = await signedInPerson(subject, {
    roles: { 'barn-och-utbildningsforvaltningen': 'member' },
    groups: ['hogskoleradet'],
  });

  // Everything a person can type, typed with script in it.
  const saved = await subject.request(
    '/mina-uppgifter',
    formPost(
      {
        name: PAYLOAD.slice(0, 100),
        email: '',
        keywords: `${PAYLOAD.slice(0, 50)}, forskning`,
        language: 'sv',
      },
      { cookie: member.cookie },
    ),
  );
  expect(saved.status).toBe(303);
  const invited = await subject.request(
    '/admin/bjud-in',
    formPost(
      { name: PAYLOAD, email: 'skript@example.se', organisationId: '', role: '' },
      { cookie: administrator.cookie },
    ),
  );
  expect(invited.status).toBe(303);
  const answered = await subject.request('/aterkoppling', formPost({ page: '/avtal', answer: 'nej' }));
  const answerId = new URL(answered.headers.get('location') ?? '', OWN_ORIGIN).searchParams.get('svar');
  const commented = await subject.request(
    `/aterkoppling/${answerId}/kommentar`,
    formPost({ page: '/avtal', comment: PAYLOAD }),
  );
  expect(commented.status).toBe(303);
});
afterAll(() => subject.cleanup());

const payloadInQuery = encodeURIComponent(PAYLOAD);

/** Pages that show what was typed above, or echo a query or form value, and who opens them. */
const pages: {
  name: string;
  path: string;
  as: 'member' | 'administrator' | 'nobody';
  shows: boolean;
  form?: Record<string, string>;
}[] = [
  { name: 'Mina uppgifter (name, keywords)', path: '/mina-uppgifter', as: 'member', shows: true },
  { name: 'the header menu (name)', path: '/avtal', as: 'member', shows: true },
  { name: 'people list (names)', path: '/admin', as: 'administrator', shows: true },
  {
    name: 'people search (echo)',
    path: `/admin?q=${payloadInQuery.slice(0, 150)}`,
    as: 'administrator',
    shows: true,
  },
  { name: 'person page (member)', path: '/admin/personer/MEMBER', as: 'administrator', shows: true },
  { name: 'audit log', path: '/admin/logg', as: 'administrator', shows: true },
  {
    name: 'group internals (member names)',
    path: '/grupper/hogskoleradet/internt',
    as: 'administrator',
    shows: true,
  },
  { name: 'feedback viewer (comment)', path: '/aterkoppling/oversikt', as: 'administrator', shows: true },
  {
    name: 'feedback viewer, bad date (echo)',
    path: `/aterkoppling/oversikt?fran=${payloadInQuery}`,
    as: 'administrator',
    shows: false,
  },
  { name: 'search (echo)', path: `/sok?q=${payloadInQuery}`, as: 'nobody', shows: true },
  { name: 'sign-in page (next path)', path: `/logga-in?nasta=${payloadInQuery}`, as: 'nobody', shows: false },
  {
    name: 'sign-in link page (token echo)',
    path: `/logga-in/lank?token=${payloadInQuery.slice(0, 90)}`,
    as: 'nobody',
    shows: false,
  },
  {
    name: 'sign-in form, bad address (echo)',
    path: '/logga-in/lank',
    as: 'nobody',
    shows: true,
    form: { email: PAYLOAD, nasta: '/mina-uppgifter' },
  },
  {
    name: 'invite form, bad address (echo)',
    path: '/admin/bjud-in',
    as: 'administrator',
    shows: true,
    form: { name: PAYLOAD, email: PAYLOAD, organisationId: '', role: '' },
  },
];

/**
 * What in a page could run: script elements besides our one, and payload tags or handlers. Inside a
 * double-quoted attribute (JSX always quotes, and escapes the quote) markup is only text, so attribute
 * values are taken out first.
 */
function liveMarkupIn(html: string): string[] {
  const markup = html.replace(/="[^"]*"/g, '=""');
  const problems: string[] = [];
  const scripts = markup.match(/<script\b/gi)?.length ?? 0;
  if (scripts !== 1) problems.push(`${scripts} script elements`);
  if (/<img\b/i.test(markup)) problems.push('an img tag');
  if (/<svg\b/i.test(markup)) problems.push('an svg tag');
  if (/<[a-z][^<>]*\son(?:error|load)=/i.test(markup)) problems.push('an event handler');
  return problems;
}

describe('script typed into any field', () => {
  it('the check finds the payload when it is not escaped', () => {
    const page = `<html><head><script src="/static/feedback.js"></script></head><body><p>${PAYLOAD}</p></body></html>`;
    expect(liveMarkupIn(page)).toEqual(['2 script elements', 'an img tag', 'an svg tag', 'an event handler']);
  });

  it.for(pages)('is shown as text on $name', async (page) => {
    const cookie =
      page.as === 'member' ? member.cookie : page.as === 'administrator' ? administrator.cookie : undefined;
    const headers: Record<string, string> = cookie ? { cookie } : {};
    const path = page.path.replace('MEMBER', String(member.personId));
    const response = page.form
      ? await subject.request(path, formPost(page.form, headers))
      : await subject.request(path, { headers });
    expect(response.status).toBeLessThan(500);
    const html = await response.text();
    expect(liveMarkupIn(html)).toEqual([]);
    if (page.shows) expect(html).toContain(ESCAPED.slice(0, 20));
  });
});

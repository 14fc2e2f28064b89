import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCalmAnswer, form, postSample, wireValue } from './fuzz-forms.ts';
import { signedInPerson } from './people.ts';
import { type Row, readAllRows } from './table-contents.ts';
import { createTestApp, formPost } from './test-app.ts';

/**
 * Bad input on the sign-in and signed-in forms and filters, generated as in bad-input.property.test.ts:
 * never a 500 or a stack trace, and nothing saved before is lost or changed except by a valid request.
 */

const RUNS = 60;

let subject: Awaited<ReturnType<typeof createTestApp>>;
let administrator: { personId: number; cookie: string };
let member: { personId: number; cookie: string };
let before: Record<string, Row[]>;

beforeAll(async () => {
  subject = await createTestApp({ env: { SIGN_IN_RATE_LIMIT: '10000' } });
  administrator = await signedInPerson(subject, {
    name: 'Ada Administratör',
    roles: { 'huddinge-kommun': 'administrator' },
  });
  member = await signedInPerson(subject, {
    name: 'Maja Medlem',
    roles: { 'barn-och-utbildningsforvaltningen': 'member' },
  });
  await subject.request('/aterkoppling', formPost({ page: '/avtal', answer: 'nej' }));
  before = await readAllRows(subject.database.pool);
});
afterAll(() => subject.cleanup());

const query = (names: string[]) =>
  fc.array(
    fc.tuple(
      fc.constantFrom(...names, '__proto__', 'okänd'),
      fc.oneof(
        { weight: 3, arbitrary: wireValue.filter((value): value is string => typeof value === 'string') },
        {
          weight: 1,
          arbitrary: fc.constantFrom('1', '0', '-1', '2026-02-30', '2026-11-27', '9'.repeat(400), ''),
        },
      ),
    ),
    { maxLength: 6 },
  );

describe('bad input on the account pages, generated', () => {
  it('never breaks the sign-in link form', async () => {
    const plausible = { email: 'namn@example.se', nasta: '/mina-uppgifter' };
    await fc.assert(
      fc.asyncProperty(form(plausible), async (sample) => {
        const response = await postSample(subject, '/logga-in/lank', sample, plausible);
        await expectCalmAnswer(response, [303, 400, 413, 415, 422, 429]);
      }),
      { numRuns: RUNS },
    );
  });

  it('never breaks Mina uppgifter', async () => {
    const plausible = {
      name: 'Maja Medlem',
      email: 'maja@example.se',
      keywords: 'skola, matematik',
      language: 'sv',
    };
    await fc.assert(
      fc.asyncProperty(form(plausible), async (sample) => {
        const response = await postSample(subject, '/mina-uppgifter', sample, plausible, {
          cookie: member.cookie,
        });
        await expectCalmAnswer(response, [303, 400, 413, 415, 422]);
      }),
      { numRuns: RUNS },
    );
  });

  it('never breaks the invitation and membership forms', async () => {
    const invite = { name: 'Ny Person', email: 'ny@example.se', organisationId: '1', role: 'member' };
    const membership = { organisationId: '1', role: 'editor' };
    await fc.assert(
      fc.asyncProperty(form(invite), form(membership), async (inviteSample, membershipSample) => {
        const headers = { cookie: administrator.cookie };
        await expectCalmAnswer(
          await postSample(subject, '/admin/bjud-in', inviteSample, invite, headers),
          [303, 400, 413, 415, 422],
        );
        await expectCalmAnswer(
          await postSample(
            subject,
            `/admin/personer/${member.personId}/medlemskap`,
            membershipSample,
            membership,
            headers,
          ),
          [303, 400, 404, 413, 415, 422],
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('never breaks the filters of the administration and the feedback viewer', async () => {
    const pages: [string, string[]][] = [
      ['/admin', ['q', 'sida']],
      ['/admin/logg', ['handling', 'person', 'sida']],
      ['/aterkoppling/oversikt', ['fran', 'till', 'sida', 'svar', 'status', 'sidnr']],
      ['/aterkoppling/oversikt.csv', ['fran', 'till', 'sida', 'svar', 'status']],
    ];
    for (const [path, names] of pages) {
      await fc.assert(
        fc.asyncProperty(query(names), async (pairs) => {
          const search = pairs.map(([name, value]) => `${name}=${value}`).join('&');
          const response = await subject.request(`${path}?${search}`, {
            headers: { cookie: administrator.cookie },
          });
          await expectCalmAnswer(response, [200, 400, 422]);
        }),
        { numRuns: RUNS },
      );
    }
  });

  it('never breaks an address: every route parameter filled with generated junk', async () => {
    const patterns = [
      ...new Set(
        subject.app.routes
          .filter((route) => route.method === 'GET' && route.path.includes('/:'))
          .map((route) => route.path),
      ),
    ];
    const junk = fc.oneof(
      wireValue.filter((value): value is string => typeof value === 'string' && value.length > 0),
      fc.constantFrom('%00', '%0A', '%', '%zz', '%C3%28', '..', '%2F', 'x'.repeat(2000)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...patterns), junk, fc.boolean(), async (pattern, value, signedIn) => {
        const path = pattern.replace(/:[^/]+/g, value);
        const headers: Record<string, string> = signedIn ? { cookie: administrator.cookie } : {};
        const response = await subject.request(path, { headers });
        await expectCalmAnswer(response, [200, 303, 400, 404, 414, 422, 503]);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('keeps what was there before: the administrator, the feedback, the source facts', async () => {
    const after = await readAllRows(subject.database.pool);
    for (const table of ['organisations', 'agreements', 'groups', 'page_feedback', 'person_identities']) {
      for (const row of before[table] ?? []) expect(after[table], table).toContainEqual(row);
    }
    // Values are PostgreSQL's text: ids are strings here.
    const personRow = (rows: Row[] | undefined, id: number) => rows?.find((row) => row.id === String(id));
    expect(personRow(after.people, administrator.personId)).toEqual(
      personRow(before.people, administrator.personId),
    );
    // The member's own details may have been saved by a valid request, but the account is still there.
    expect(personRow(after.people, member.personId)).toBeDefined();
  });
});

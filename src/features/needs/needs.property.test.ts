import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCalmAnswer, form, postSample, wireValue } from '../../../tests/fuzz-forms.ts';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp } from '../../../tests/test-app.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { briefs } from './needs.table.ts';

/**
 * Bad input on the needs bank's forms and addresses, generated (QUALITY.md "Bad input"): the brief form,
 * the alert form, the confirm and unsubscribe posts, the list's and the feed's filters. Never a 500 or a
 * stack trace; a brief saved before is never changed by a request that was not valid.
 */

const RUNS = 40;

let subject: Awaited<ReturnType<typeof createTestApp>>;
let editor: string;
let plausibleBrief: Record<string, string>;

beforeAll(async () => {
  subject = await createTestApp({ env: { SIGN_IN_RATE_LIMIT: '10000' } });
  editor = (await signedInPerson(subject, { roles: { 'barn-och-utbildningsforvaltningen': 'editor' } }))
    .cookie;
  const [own] = await subject.deps.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, 'barn-och-utbildningsforvaltningen'));
  plausibleBrief = {
    kind: 'research_question',
    title: 'Läxhjälp på fritidshemmet',
    organisationId: String(own!.id),
    background: '',
    question: 'Hur påverkar läxhjälpen elevernas resultat i matematik?',
    intendedUse: 'Underlag för nämndens beslut om läxhjälpen.',
    beneficiaries: '',
    offering: '',
    contactName: '',
    contactEmail: '',
    deadline: '',
    visibility: 'public',
    internalReason: '',
    published: 'ja',
    closed: '',
  };
});
afterAll(() => subject.cleanup());

const briefRow = async (slug: string) =>
  (await subject.deps.db.select().from(briefs).where(eq(briefs.slug, slug)))[0];

describe('bad input on the needs bank, generated', () => {
  it('never breaks the brief form, new or changed, and never changes a brief by a bad request', async () => {
    const seeded = await briefRow('varfor-stannar-personal-i-aldreomsorgen');
    const path = '/behovsbanken/varfor-stannar-personal-i-aldreomsorgen/andra';
    await fc.assert(
      fc.asyncProperty(
        form(plausibleBrief),
        form({ ...plausibleBrief, version: '1' }),
        async (fresh, change) => {
          const created = await postSample(subject, '/behovsbanken/ny', fresh, plausibleBrief, {
            cookie: editor,
          });
          await expectCalmAnswer(created, [303, 400, 403, 413, 415, 422]);
          const changed = await postSample(
            subject,
            path,
            change,
            { ...plausibleBrief, version: '1' },
            { cookie: editor },
          );
          await expectCalmAnswer(changed, [303, 400, 403, 409, 413, 415, 422]);
        },
      ),
      { numRuns: RUNS },
    );
    // The demo brief belongs to another förvaltning: every change was refused, so it is as it was.
    expect(await briefRow('varfor-stannar-personal-i-aldreomsorgen')).toEqual(seeded);
  });

  it('never breaks the alert form, the confirmation or the unsubscribe', async () => {
    const plausible = { email: 'namn@example.se', kind: '', focusAreaId: '' };
    await fc.assert(
      fc.asyncProperty(form(plausible), form({ token: 'a'.repeat(43) }), async (alert, token) => {
        await expectCalmAnswer(
          await postSample(subject, '/behovsbanken/bevaka', alert, plausible),
          [303, 400, 413, 415, 422, 429],
        );
        await expectCalmAnswer(
          await postSample(subject, '/behovsbanken/bevaka/bekrafta', token, { token: 'a'.repeat(43) }),
          [400, 413, 415],
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('never breaks the list’s and the feed’s filters', async () => {
    const names = ['typ', 'omrade', 'mal', 'larosate', 'sida'];
    const query = fc.array(
      fc.tuple(
        fc.constantFrom(...names, '__proto__', 'okänd'),
        fc.oneof(
          { weight: 3, arbitrary: wireValue.filter((value): value is string => typeof value === 'string') },
          {
            weight: 1,
            arbitrary: fc.constantFrom('examensarbete', 'samhallsbyggnad', '0', '2', '9'.repeat(400), ''),
          },
        ),
      ),
      { maxLength: 6 },
    );
    await fc.assert(
      fc.asyncProperty(query, fc.boolean(), async (pairs, feed) => {
        const search = pairs.map(([name, value]) => `${encodeURIComponent(name)}=${value}`).join('&');
        const response = await subject.request(`/behovsbanken${feed ? '/flode.atom' : ''}?${search}`);
        expect([200, 400, 404]).toContain(response.status);
        const body = await response.text();
        expect(body).not.toMatch(/at .*\.ts:\d+|TypeError|ReferenceError/);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

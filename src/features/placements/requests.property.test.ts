import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCalmAnswer, form, postSample, wireValue } from '../../../tests/fuzz-forms.ts';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp } from '../../../tests/test-app.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { placementNeeds, placementOffers, placementRequests } from './placements.table.ts';

/**
 * Generated bad input on the placement request forms, the needs forms, the term proposal and the lists'
 * filters (QUALITY.md, "Bad input"): never a 500 or a stack trace, and a refused move changes nothing.
 */
const RUNS = 50;
let subject: Awaited<ReturnType<typeof createTestApp>>;
let cookie: string;
let offerId: number;
let sh: number;

beforeAll(async () => {
  subject = await createTestApp({ demo: false });
  // The coordinator acts for both sides: every form is open to them.
  cookie = (await signedInPerson(subject, { roles: { 'huddinge-kommun': 'coordinator' } })).cookie;
  const idOf = async (slug: string) =>
    (await subject.deps.db.select().from(organisations).where(eq(organisations.slug, slug)))[0]!.id;
  sh = await idOf('sodertorns-hogskola');
  const [offer] = await subject.deps.db
    .insert(placementOffers)
    .values({
      organisationId: await idOf('barn-och-utbildningsforvaltningen'),
      term: 'HT2027',
      kind: 'vfu_teacher',
      programme: 'Grundlärarprogrammet F–3',
      places: 10000,
    })
    .returning();
  offerId = offer!.id;
});
afterAll(() => subject.cleanup());

describe('bad input on placement requests, generated', () => {
  it('never breaks the request form', async () => {
    const plausible = {
      universityId: String(sh),
      places: '2',
      preference: '1',
      message: 'Hej',
      students: 'Anna, Lärare',
    };
    await fc.assert(
      fc.asyncProperty(form(plausible), async (sample) => {
        const response = await postSample(subject, `/praktik/platser/${offerId}/begar`, sample, plausible, {
          cookie,
        });
        await expectCalmAnswer(response, [303, 400, 403, 413, 415, 422]);
      }),
      { numRuns: RUNS },
    );
  });

  it('never breaks a status move, and a refused one leaves the request as it was', async () => {
    const [request] = await subject.deps.db
      .insert(placementRequests)
      .values({ offerId, universityId: sh, places: 1, status: 'declined', reason: 'Orört' })
      .returning();
    const plausible = { move: 'cancel', version: '1', reason: 'Skäl', proposedOfferId: '' };
    await fc.assert(
      fc.asyncProperty(form(plausible), async (sample) => {
        const response = await postSample(
          subject,
          `/praktik/forfragningar/${request!.id}/status`,
          sample,
          plausible,
          { cookie },
        );
        await expectCalmAnswer(response, [400, 403, 409, 413, 415, 422]);
        const [now] = await subject.deps.db
          .select()
          .from(placementRequests)
          .where(eq(placementRequests.id, request!.id));
        expect(now).toMatchObject({ status: 'declined', reason: 'Orört', version: 1 });
      }),
      { numRuns: RUNS },
    );
  });

  it('never breaks the needs form, the answer form or the term proposal', async () => {
    const need = {
      universityId: String(sh),
      term: 'HT2027',
      kind: 'vfu_teacher',
      programme: 'Grundlärarprogrammet F–3',
      studyLevel: 'termin 3',
      students: '12',
      weeks: 'v. 36–43',
      startsOn: '2027-09-06',
      endsOn: '2027-10-29',
      area: 'Flemingsberg',
      description: '',
    };
    await fc.assert(
      fc.asyncProperty(form(need), async (sample) => {
        const response = await postSample(subject, '/praktik/behov/ny', sample, need, { cookie });
        await expectCalmAnswer(response, [303, 400, 403, 413, 415, 422]);
      }),
      { numRuns: RUNS },
    );
    const [row] = await subject.deps.db
      .insert(placementNeeds)
      .values({
        universityId: sh,
        term: 'HT2027',
        kind: 'vfu_teacher',
        programme: 'Grundlärarprogrammet F–3',
        students: 10000,
      })
      .returning();
    const answer = { offerId: String(offerId), places: '1', message: '' };
    await fc.assert(
      fc.asyncProperty(form(answer), async (sample) => {
        const response = await postSample(subject, `/praktik/behov/${row!.id}/svara`, sample, answer, {
          cookie,
        });
        await expectCalmAnswer(response, [303, 400, 403, 409, 413, 415, 422]);
      }),
      { numRuns: RUNS },
    );
    const allocation = { term: 'HT2027', hash: '0'.repeat(64) };
    await fc.assert(
      fc.asyncProperty(form(allocation), async (sample) => {
        const response = await postSample(subject, '/praktik/fordelning', sample, allocation, { cookie });
        await expectCalmAnswer(response, [303, 400, 409, 413, 415]);
      }),
      { numRuns: RUNS },
    );
  });

  it('never breaks the lists’ filters', async () => {
    for (const [path, names] of [
      ['/praktik/forfragningar', ['termin', 'status']],
      ['/praktik/behov', ['termin']],
      ['/praktik/fordelning', ['termin', 'bekraftade']],
      [`/praktik/forfragningar/1`, ['klart']],
    ] as const) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.constantFrom(...names), wireValue), { maxLength: 4 }),
          async (pairs) => {
            const search = pairs.map(([name, value]) => `${name}=${value}`).join('&');
            const response = await subject.request(`${path}?${search}`, { headers: { cookie } });
            await expectCalmAnswer(response, [200, 400, 404, 414]);
          },
        ),
        { numRuns: 25 },
      );
    }
  });
});

import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCalmAnswer, form, postSample, wireValue } from '../../../tests/fuzz-forms.ts';
import { signedInPerson } from '../../../tests/people.ts';
import { createTestApp } from '../../../tests/test-app.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { placementOffers } from './placements.table.ts';

/**
 * Generated bad input on the placement offer forms and the capacity list's filters (QUALITY.md, "Bad
 * input"): never a 500 or a stack trace, and an offer already saved is never changed by a refused save.
 */
const RUNS = 60;
let subject: Awaited<ReturnType<typeof createTestApp>>;
let cookie: string;
let unitId: number;

beforeAll(async () => {
  subject = await createTestApp();
  cookie = (await signedInPerson(subject, { roles: { 'huddinge-kommun': 'coordinator' } })).cookie;
  const [unit] = await subject.deps.db
    .select()
    .from(organisations)
    .where(eq(organisations.slug, 'ekdalsskolan'));
  unitId = unit!.id;
});
afterAll(() => subject.cleanup());

const plausible = () => ({
  organisationId: String(unitId),
  term: 'VT2027',
  kind: 'vfu_teacher',
  programme: 'Grundlärarprogrammet F–3',
  studyLevel: 'termin 5',
  places: '4',
  supervisors: '2',
  startsOn: '2027-01-25',
  endsOn: '2027-03-19',
  address: 'Ekdalsvägen 1',
  area: 'Sjödalen',
  prerequisites: 'Utdrag ur belastningsregistret',
  description: 'Studenterna följer en klass.',
});

describe('bad input on placement offers, generated', () => {
  it('never breaks the form for a new offer', async () => {
    await fc.assert(
      fc.asyncProperty(form(plausible()), async (sample) => {
        const response = await postSample(subject, '/praktik/platser/ny', sample, plausible(), { cookie });
        await expectCalmAnswer(response, [303, 400, 403, 413, 415, 422]);
      }),
      { numRuns: RUNS },
    );
  });

  it('never breaks a change, and a refused change keeps the offer as it was', async () => {
    const [offer] = await subject.deps.db
      .insert(placementOffers)
      .values({
        organisationId: unitId,
        term: 'VT2027',
        kind: 'apl',
        programme: 'Orörd',
        places: 3,
        confirmedPlaces: 2,
      })
      .returning();
    const fields = { ...plausible(), kind: 'apl', programme: 'Orörd', places: '3', version: '1' };
    await fc.assert(
      fc.asyncProperty(form(fields), async (sample) => {
        const response = await postSample(subject, `/praktik/platser/${offer!.id}/andra`, sample, fields, {
          cookie,
        });
        await expectCalmAnswer(response, [303, 400, 403, 409, 413, 415, 422]);
        if (response.status !== 303) {
          const [now] = await subject.deps.db
            .select()
            .from(placementOffers)
            .where(eq(placementOffers.id, offer!.id));
          expect(now!.confirmedPlaces).toBe(2);
          expect(now!.places).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never breaks the copy form or the capacity list’s filters', async () => {
    const copy = { organisationId: '', from: 'VT2040', to: 'HT2040' };
    await fc.assert(
      fc.asyncProperty(form(copy), async (sample) => {
        const response = await postSample(subject, '/praktik/platser/kopiera', sample, copy, { cookie });
        await expectCalmAnswer(response, [200, 400, 403, 413, 415, 422]);
      }),
      { numRuns: RUNS },
    );
    const names = ['termin', 'typ', 'program', 'forvaltning', 'omrade', 'fran', 'till', 'lediga', 'sida'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...names), wireValue), { maxLength: 6 }),
        async (pairs) => {
          const search = pairs.map(([name, value]) => `${name}=${value}`).join('&');
          const response = await subject.request(`/praktik/platser?${search}`, { headers: { cookie } });
          await expectCalmAnswer(response, [200, 400, 414, 422]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownPagePath } from '../src/features/feedback/feedback.forms.ts';
import { recordAnswer } from '../src/features/feedback/feedback.service.ts';
import { pageFeedback } from '../src/features/feedback/feedback.table.ts';
import { expectCalmAnswer, form, postSample, wireValue } from './fuzz-forms.ts';
import { readAllRows } from './table-contents.ts';
import { createTestApp, formPost, OWN_ORIGIN } from './test-app.ts';

/**
 * Bad input, generated: every form field and query parameter gets random text (NUL, control
 * characters, any Unicode), malformed UTF-8 (percent-encoded and raw bytes), very long values, SQL and
 * script payloads, and unknown field names. The app must answer each with a clear status, never a 500,
 * and must lose nothing that was saved before.
 */

const RUNS = 100;

let subject: Awaited<ReturnType<typeof createTestApp>>;
let before: Record<string, unknown[]>;
beforeAll(async () => {
  subject = await createTestApp({ env: { FEEDBACK_RATE_LIMIT: '10000' } });
  // Feedback saved before the storm: a "Ja", a "Nej" and a "Nej" with its comment.
  await subject.request('/aterkoppling', formPost({ page: '/avtal', answer: 'ja' }));
  await subject.request('/aterkoppling', formPost({ page: '/mal', answer: 'nej' }));
  const answered = await subject.request('/aterkoppling', formPost({ page: '/larosaten', answer: 'nej' }));
  const id = new URL(answered.headers.get('location') ?? '', OWN_ORIGIN).searchParams.get('svar');
  await subject.request(
    `/aterkoppling/${id}/kommentar`,
    formPost({ page: '/larosaten', comment: 'Sparad tidigare.' }),
  );
  before = await readAllRows(subject.database.pool);
  expect(before.page_feedback).toHaveLength(3);
});
afterAll(() => subject.cleanup());

describe('bad input, generated', () => {
  it('never breaks the "Var informationen till din hjälp?" answer form', async () => {
    const plausible = { page: '/avtal', answer: 'nej', webbplats: '' };
    await fc.assert(
      fc.asyncProperty(form(plausible), async (sample) => {
        await expectCalmAnswer(
          await postSample(subject, '/aterkoppling', sample, plausible),
          [200, 303, 400, 413, 415, 429],
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('never breaks the "Vad saknade du?" comment form', async () => {
    const plausible = { page: '/avtal', comment: 'Kontaktuppgifter saknas.', webbplats: '' };
    await fc.assert(
      fc.asyncProperty(form(plausible), async (sample) => {
        const id = await recordAnswer(subject.deps, { pagePath: '/avtal', helpful: false });
        // 404: the form named another page than the answer's, which closes the door on the comment.
        await expectCalmAnswer(
          await postSample(subject, `/aterkoppling/${id}/kommentar`, sample, plausible),
          [200, 303, 400, 404, 413, 415, 422, 429],
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('never breaks the search', async () => {
    const parameter = fc.oneof(
      { weight: 3, arbitrary: wireValue.filter((value): value is string => typeof value === 'string') },
      {
        weight: 1,
        arbitrary: fc.constantFrom('1', '2', '1000', '1001', '0', '-1', '1e3', '0x2', 'NaN', '9'.repeat(400)),
      },
    );
    const query = fc.array(
      fc.tuple(fc.constantFrom('q', 'q', 'sida', 'sida', 'other', '__proto__'), parameter),
      {
        maxLength: 4,
      },
    );
    await fc.assert(
      fc.asyncProperty(query, async (pairs) => {
        const search = pairs.map(([name, value]) => `${name}=${value}`).join('&');
        const response = await subject.request(`/sok?${search}`);
        await expectCalmAnswer(response, [200, 400, 422]);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps everything that was saved before, and saves only well-formed feedback', async () => {
    const after = await readAllRows(subject.database.pool);
    for (const [table, rows] of Object.entries(before)) {
      if (table === 'page_feedback') continue;
      expect(after[table], table).toEqual(rows);
    }
    for (const row of before.page_feedback ?? []) expect(after.page_feedback).toContainEqual(row);

    const feedback = await subject.database.db.select().from(pageFeedback);
    for (const row of feedback) {
      expect(ownPagePath.safeParse(row.pagePath).success, row.pagePath).toBe(true);
      if (row.comment !== null) {
        expect(row.comment.length).toBeLessThanOrEqual(1000);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none were stored is the point
        expect(row.comment).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
      }
    }
  });
});

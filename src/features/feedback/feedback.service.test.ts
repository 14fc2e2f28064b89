import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/database.ts';
import { fixedClock } from '../../lib/clock.ts';
import { addComment, COMMENT_WINDOW_MS, recordAnswer } from './feedback.service.ts';
import { pageFeedback } from './feedback.table.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());
beforeEach(async () => {
  await database.db.delete(pageFeedback);
});

const answeredAt = '2026-11-27T10:00:00Z';
const deps = () => ({ db: database.db, clock: fixedClock(answeredAt) });
const minutesLater = (minutes: number) => ({
  db: database.db,
  clock: fixedClock(new Date(Date.parse(answeredAt) + minutes * 60_000).toISOString()),
});
const rows = () => database.db.select().from(pageFeedback);

describe('recordAnswer', () => {
  it('keeps the page, the answer and the time, and nothing about the person', async () => {
    const id = await recordAnswer(deps(), { pagePath: '/avtal', helpful: false });
    expect(await rows()).toEqual([
      {
        id,
        pagePath: '/avtal',
        helpful: false,
        comment: null,
        createdAt: new Date(answeredAt),
        // Only staff fill these in, in the feedback viewer.
        handledAt: null,
        handledByPersonId: null,
      },
    ]);
  });

  it('gives every answer its own random id', async () => {
    const ids = await Promise.all(
      Array.from({ length: 20 }, () => recordAnswer(deps(), { pagePath: '/', helpful: true })),
    );
    expect(new Set(ids).size).toBe(20);
  });
});

describe('addComment', () => {
  it('adds the comment to a recent "Nej"', async () => {
    const id = await recordAnswer(deps(), { pagePath: '/mal', helpful: false });
    await addComment(minutesLater(59), { id, pagePath: '/mal', comment: 'Siffror saknas.' });
    expect((await rows())[0]?.comment).toBe('Siffror saknas.');
  });

  it('ignores an empty comment', async () => {
    const id = await recordAnswer(deps(), { pagePath: '/mal', helpful: false });
    await addComment(deps(), { id, pagePath: '/mal', comment: '' });
    expect((await rows())[0]?.comment).toBeNull();
  });

  it('refuses a second comment on the same answer', async () => {
    const id = await recordAnswer(deps(), { pagePath: '/mal', helpful: false });
    await addComment(deps(), { id, pagePath: '/mal', comment: 'Första' });
    await expect(addComment(deps(), { id, pagePath: '/mal', comment: 'Andra' })).resolves.toBe(false);
    expect((await rows())[0]?.comment).toBe('Första');
  });

  it('refuses a comment that names another page than the answer', async () => {
    const id = await recordAnswer(deps(), { pagePath: '/mal', helpful: false });
    await expect(addComment(deps(), { id, pagePath: '/avtal', comment: 'Text' })).resolves.toBe(false);
  });

  it('refuses a comment on a "Ja"', async () => {
    const id = await recordAnswer(deps(), { pagePath: '/mal', helpful: true });
    await expect(addComment(deps(), { id, pagePath: '/mal', comment: 'Text' })).resolves.toBe(false);
    expect((await rows())[0]?.comment).toBeNull();
  });

  it('closes an answer for comments after an hour', async () => {
    expect(COMMENT_WINDOW_MS).toBe(3_600_000);
    const id = await recordAnswer(deps(), { pagePath: '/mal', helpful: false });
    await expect(addComment(minutesLater(60), { id, pagePath: '/mal', comment: 'Sent' })).resolves.toBe(
      false,
    );
    expect((await rows())[0]?.comment).toBeNull();
  });
});

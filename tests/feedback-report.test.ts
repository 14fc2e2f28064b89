import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFeedbackSummaries, formatFeedbackReport } from '../src/features/feedback/feedback.report.ts';
import { pageFeedback } from '../src/features/feedback/feedback.table.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { runScript } from './run-script.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const at = (iso: string) => new Date(iso);
  await database.db.insert(pageFeedback).values([
    { pagePath: '/avtal', helpful: true, createdAt: at('2026-11-01T09:00:00Z') },
    { pagePath: '/avtal', helpful: true, comment: 'Tydligt', createdAt: at('2026-11-02T09:00:00Z') },
    { pagePath: '/avtal', helpful: false, comment: 'Saknar datum', createdAt: at('2026-07-15T12:30:00Z') },
    ...[1, 2, 3, 4, 5, 6].map((day) => ({
      pagePath: '/larosaten',
      helpful: false,
      comment: `Kommentar ${day}`,
      createdAt: at(`2026-10-0${day}T08:00:00Z`),
    })),
    {
      pagePath: '/larosaten',
      helpful: false,
      comment: 'Rad ett\nrad två \u001b[31mröd',
      createdAt: at('2026-10-09T08:00:00Z'),
    },
  ]);
});
afterAll(() => database.cleanup());

describe('feedback report', () => {
  it('counts answers and "Ja" per page path', async () => {
    const summaries = await findFeedbackSummaries(database.db);
    expect(
      summaries.map(({ pagePath, answers, helpfulAnswers }) => ({ pagePath, answers, helpfulAnswers })),
    ).toEqual([
      { pagePath: '/avtal', answers: 3, helpfulAnswers: 2 },
      { pagePath: '/larosaten', answers: 7, helpfulAnswers: 0 },
    ]);
  });

  it('keeps only the five newest comments of a page, newest first', async () => {
    const [, larosaten] = await findFeedbackSummaries(database.db);
    expect(larosaten?.latestComments.map((row) => row.comment)).toEqual([
      'Rad ett\nrad två \u001b[31mröd',
      'Kommentar 6',
      'Kommentar 5',
      'Kommentar 4',
      'Kommentar 3',
    ]);
  });

  it('shows the share of "Ja" as a Swedish percentage and times in Stockholm', async () => {
    const report = formatFeedbackReport(await findFeedbackSummaries(database.db));
    expect(report).toContain('/avtal: 3 svar, 67\u00a0% ja');
    expect(report).toContain('/larosaten: 7 svar, 0\u00a0% ja');
    // Summer time (UTC+2) and winter time (UTC+1).
    expect(report).toContain('15 juli 2026 kl. 14:30  Saknar datum');
    expect(report).toContain('2 november 2026 kl. 10:00  Tydligt');
  });

  it('prints each comment on one line without control characters', async () => {
    const report = formatFeedbackReport(await findFeedbackSummaries(database.db));
    expect(report).toContain('Rad ett rad två [31mröd');
    expect(report.replaceAll('\n', '')).not.toMatch(/\p{Cc}/u);
  });

  it('says so when nobody has answered yet', () => {
    expect(formatFeedbackReport([])).toBe('Inga svar på ”Var informationen till din hjälp?” ännu.\n');
  });

  it('prints the report through npm run feedback:report', async () => {
    const result = await runScript('scripts/feedback-report.ts', [], { DATABASE_URL: database.url });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('/avtal: 3 svar, 67\u00a0% ja');
  });
});

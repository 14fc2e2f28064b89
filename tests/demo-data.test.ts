import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../seeds/apply-seed.ts';
import { demoData } from '../seeds/demo-data.ts';
import { demoGoalData } from '../seeds/demo-goals.ts';
import { demoMeetings } from '../seeds/demo-meetings.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { PUBLIC_PAGES } from './public-pages.ts';
import { buildTestApp, textOf } from './test-app.ts';

/** Names and titles that only the demo data has. */
const DEMO_WORDS = [
  ...demoData.organisations.map((organisation) => organisation.name),
  ...demoData.agreements.map((agreement) => agreement.title),
  ...demoData.activities.map((activity) => activity.title),
  ...demoData.members.flatMap((member) => (member.person ? [member.person] : [])),
  ...(demoData.briefs ?? []).map((brief) => brief.title),
  ...demoMeetings.map((meeting) => meeting.title),
  // The goal follow-up's years of records (seeds/demo-goals.ts).
  ...demoGoalData.organisations.map((organisation) => organisation.name),
  ...demoGoalData.activities.map((activity) => activity.title),
  ...(demoGoalData.briefs ?? []).map((brief) => brief.title),
];

/** The sample brief's page (a brief's slug, not the list, the feed or the alerts under /behovsbanken/). */
const SAMPLE_BRIEF = new RegExp(
  `^/behovsbanken/(${(demoData.briefs ?? []).map((brief) => brief.slug).join('|')})$`,
);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.cleanup());

async function readAll(app: ReturnType<typeof buildTestApp>) {
  const pages: { path: string; status: number; text: string }[] = [];
  for (const path of [
    ...Object.values(PUBLIC_PAGES),
    '/sok?q=kommun',
    '/sok?q=kommun&sida=2',
    '/sok?q=forskning',
  ]) {
    const response = await app.request(path);
    pages.push({ path, status: response.status, text: textOf(await response.text()) });
  }
  return pages;
}

describe('demo data', () => {
  it('is shown, marked "Exempeldata", when DEMO_DATA is on', async () => {
    await seedDatabase(database.db, { demo: true });
    const pages = await readAll(buildTestApp(database, { demo: true }));
    for (const page of pages) {
      expect(page.status, page.path).toBe(200);
      expect(page.text, page.path).toContain(
        'Webbplatsen visar exempeldata vid sidan av fakta från kommunens webbsida. Exempeldata är märkt',
      );
    }
    const text = (path: string) => pages.find((page) => page.path === path)?.text ?? '';
    expect(text('/avtal')).toContain('VFU-avtal för lärarutbildningenAvtal om praktik och VFUExempeldata');
    expect(text('/hogskoleradet')).toMatch(/[A-ZÅÄÖ][a-zåäö]+ [A-ZÅÄÖ][a-zåäö]+ Exempeldata Sekreterare/);
    expect(text('/ulf')).toContain('Språkutvecklande arbetssätt i förskolan Exempeldata');
    expect(text('/larosaten/sodertorns-hogskola')).toContain(
      'Institutionen för kultur och lärande Exempeldata',
    );
  });

  it('is gone from every page, with no "Exempeldata" and no demo names, after seeding with it off', async () => {
    await seedDatabase(database.db, { demo: true });
    await seedDatabase(database.db, { demo: false });
    const pages = await readAll(buildTestApp(database, { demo: false }));
    for (const page of pages) {
      // Activities and briefs are all demo data, so the sample activity and brief pages are gone with them.
      // So are the meetings (seeds/demo-meetings.ts): the sample meeting and decision pages are gone too.
      const demoOnly =
        page.path.startsWith('/aktiviteter/') ||
        SAMPLE_BRIEF.test(page.path) ||
        /^\/(moten|beslut)\/\d+$/.test(page.path) ||
        // The annual report for 2025 is the demo one (seeds/demo-annual-report.ts).
        page.path === '/mal/arsrapporter/2025';
      expect(page.status, page.path).toBe(demoOnly ? 404 : 200);
      expect(page.text, page.path).not.toContain('Exempeldata');
      for (const word of DEMO_WORDS) expect(page.text, `${page.path}: ${word}`).not.toContain(word);
    }
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../seeds/apply-seed.ts';
import { createTestApp, fetchPage, textOf } from '../../../tests/test-app.ts';
import { readSnapshot } from './annual-report-snapshot.ts';
import { annualReports } from './goals.table.ts';

/** The demo annual report for 2025 (seeds/demo-annual-report.ts): published, labelled, and removable. */

let subject: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  subject = await createTestApp({ demo: true });
});
afterAll(() => subject.cleanup());

const demoReports = () => subject.deps.db.select().from(annualReports).where(eq(annualReports.isDemo, true));

describe('the demo annual report', () => {
  it('is published for 2025 from the report’s own snapshot builder, labelled Exempeldata', async () => {
    const [report] = await demoReports();
    expect(report).toMatchObject({ year: 2025, status: 'published' });
    const content = readSnapshot(report!.snapshot!);
    expect(content.countedOn).toBe('2026-01-15');
    expect(content.goals.map((goal) => goal.slug)).toEqual([
      'rekrytering',
      'verksamhetsutveckling-genom-forskning',
      'tillvaxt',
      'attraktiv-arbetsgivare',
    ]);
    const list = textOf((await fetchPage(subject, '/mal/arsrapporter')).html);
    expect(list).toContain('Årsrapport 2025 Publicerad 15 januari 2026 Exempeldata');
    const page = await fetchPage(subject, '/mal/arsrapporter/2025');
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('Årsrapport 2025 Exempeldata');
    expect(text).toContain('Siffrorna frystes 15 januari 2026.');
    expect(text).toContain('Mål 1: Rekrytering');
  });

  it('goes with DEMO_DATA=false and comes back once when turned on again', async () => {
    await seedDatabase(subject.deps.db, { demo: false });
    expect(await demoReports()).toHaveLength(0);
    await seedDatabase(subject.deps.db, { demo: true });
    await seedDatabase(subject.deps.db, { demo: true });
    expect(await demoReports()).toHaveLength(1);
  });
});

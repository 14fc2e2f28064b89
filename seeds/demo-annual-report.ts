import { and, eq } from 'drizzle-orm';
import type { Tx } from '../src/db/client.ts';
import { buildReportContent } from '../src/features/goals/annual-report-snapshot.ts';
import { yearHasReport } from '../src/features/goals/annual-reports.queries.ts';
import { annualReports } from '../src/features/goals/goals.table.ts';
import { recordHistory, seedMarks } from '../src/features/register/register.table.ts';
import { fixedClock } from '../src/lib/clock.ts';
import { messagesFor } from '../src/web/i18n/messages.ts';

/**
 * A published demo annual report for 2025 (issue 11; decision 016), labelled Exempeldata: its snapshot is
 * built by the report's own builder (annual-report-snapshot.ts) from the register as the seed leaves it —
 * the demo activities, meetings and goal figures — as if published on 15 January 2026, the way a coordinator
 * publishes one after the year. Added once (seed_marks, kind 'demo_annual_report'); never over a real
 * report for the year; removed with the rest of the demo data.
 */

const DEMO_YEAR = 2025;
const PUBLISHED = '2026-01-15T10:00:00+01:00';
const MARK = { kind: 'demo_annual_report', key: String(DEMO_YEAR) };

const texts = {
  summary:
    'Exempeldata. 2025 var året då samverkan med akademierna tog fart: fler praktikperioder genomfördes, fler forsknings- och ULF-projekt pågick och Högskolerådet fattade beslut om gemensamma satsningar. Kompetensutvecklingen för kommunens medarbetare behöver fler deltagare.',
  goalComments: {
    rekrytering:
      'Exempeldata. Praktikperioderna ökade, framför allt inom förskola och äldreomsorg. Uppföljningen av vilka praktikanter som senare anställts behöver ett bättre underlag.',
    'verksamhetsutveckling-genom-forskning':
      'Exempeldata. ULF-avtalet gav fler gemensamma projekt. Att resultaten används i verksamheten är fortfarande sällsynt och följs upp nästa år.',
    tillvaxt:
      'Exempeldata. Näringslivssektionen och akademierna träffades oftare, men få nya företag tillkom.',
    'attraktiv-arbetsgivare':
      'Exempeldata. Få medarbetare deltog i kompetensutveckling hos lärosätena; siffran är låg och visas därför inte.',
  },
};

export async function applyDemoAnnualReport(tx: Tx): Promise<void> {
  const [marked] = await tx
    .select()
    .from(seedMarks)
    .where(and(eq(seedMarks.kind, MARK.kind), eq(seedMarks.key, MARK.key)));
  if (marked || (await yearHasReport(tx, DEMO_YEAR))) return;
  const clock = fixedClock(PUBLISHED);
  const content = await buildReportContent({ db: tx, clock, t: messagesFor('sv') }, DEMO_YEAR, texts);
  const publishedAt = clock.now();
  const [report] = await tx
    .insert(annualReports)
    .values({
      year: DEMO_YEAR,
      status: 'published',
      ...texts,
      snapshot: content as unknown as Record<string, unknown>,
      publishedAt,
      isDemo: true,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    })
    .returning({ id: annualReports.id });
  if (!report) throw new Error('demo annual report');
  await tx.insert(seedMarks).values({ ...MARK, recordId: report.id });
}

/** With DEMO_DATA=false: the demo report, its history and its mark go. */
export async function removeDemoAnnualReport(tx: Tx): Promise<void> {
  const demo = await tx
    .delete(annualReports)
    .where(eq(annualReports.isDemo, true))
    .returning({ id: annualReports.id });
  for (const { id } of demo)
    await tx
      .delete(recordHistory)
      .where(and(eq(recordHistory.recordType, 'annual_report'), eq(recordHistory.recordId, id)));
  await tx.delete(seedMarks).where(and(eq(seedMarks.kind, MARK.kind), eq(seedMarks.key, MARK.key)));
}

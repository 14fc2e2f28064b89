import type { AppDeps, RequestDeps } from '../../app-deps.ts';
import { BYTE_ORDER_MARK, csvRow } from '../../lib/csv.ts';
import { TIME_ZONE } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import type { Messages } from '../../web/i18n/messages.ts';
import { canSeeFeedbackFor, type Viewer } from '../auth/permissions.ts';
import type { FeedbackFilters } from './feedback-viewer.forms.ts';
import {
  type ExportRow,
  type FeedbackScope,
  findExportBatch,
  findFeedbackPage,
  setHandled,
} from './feedback-viewer.queries.ts';
import { pageOwnerChain } from './page-owners.ts';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'logger'>;

/**
 * Rows per query while exporting. The file is streamed in batches rather than capped: memory stays at
 * one batch however many answers there are (a comment can be 1 000 characters, so 100 000 rows held at
 * once could be 100 MB), and nothing is silently left out of the file.
 */
export const EXPORT_BATCH = 2000;

const csvTime = new Intl.DateTimeFormat('sv-SE', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: TIME_ZONE,
});

/** 'YYYY-MM-DD HH:MM' in Stockholm, which Excel reads as a date and time. */
export function formatCsvTime(instant: Date): string {
  return csvTime.format(instant);
}

function exportLine(t: Messages, row: ExportRow): string {
  const yesNo = (value: boolean) => (value ? t.feedbackViewer.yes : t.feedbackViewer.no);
  return csvRow([
    formatCsvTime(row.createdAt),
    row.pagePath,
    yesNo(row.helpful),
    row.comment ?? '',
    yesNo(row.handledAt !== null),
  ]);
}

/**
 * The selected answers as a CSV file, streamed. The first batch is read before the response starts, so
 * a database that is down still gets the usual 503 page; a failure later aborts the download (logged)
 * instead of ending it as if the file were complete.
 */
export async function feedbackCsvStream(
  deps: Deps & Pick<RequestDeps, 't'>,
  scope: FeedbackScope,
  filters: FeedbackFilters,
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let pending: ExportRow[] | null = await findExportBatch(deps.db, scope, filters, null, EXPORT_BATCH);
  let head = BYTE_ORDER_MARK + csvRow(deps.t.feedbackViewer.csvColumns);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending === null) {
        controller.close();
        return;
      }
      const rows = pending;
      controller.enqueue(encoder.encode(head + rows.map((row) => exportLine(deps.t, row)).join('')));
      head = '';
      const last = rows.at(-1);
      try {
        pending =
          last && rows.length === EXPORT_BATCH
            ? await findExportBatch(
                deps.db,
                scope,
                filters,
                { cursor: last.cursor, id: last.id },
                EXPORT_BATCH,
              )
            : null;
      } catch (error) {
        deps.logger.error({ err: error }, 'feedback export failed');
        controller.error(error);
      }
    },
  });
}

/**
 * Marks an answer handled (or not) by the viewer. Only on pages the viewer may see feedback for: the
 * lists never show others, and a hand-made POST gets 403.
 */
export async function markHandled(
  deps: Deps,
  viewer: Viewer,
  input: { id: string; handled: boolean },
): Promise<void> {
  const row = await findFeedbackPage(deps.db, input.id);
  if (!row) throw new AppError('NOT_FOUND', `feedback ${input.id}`);
  if (!canSeeFeedbackFor(viewer, await pageOwnerChain(deps.db, row.pagePath))) {
    throw new AppError('FORBIDDEN', `feedback on ${row.pagePath}`);
  }
  await setHandled(
    deps.db,
    input.id,
    input.handled ? { at: deps.clock.now(), personId: viewer.personId } : null,
  );
}

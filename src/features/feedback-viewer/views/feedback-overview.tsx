import type { Child } from 'hono/jsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { Pagination } from '../../../web/components/pagination.tsx';
import { useT } from '../../../web/i18n/context.ts';
import {
  type FeedbackFilters,
  type FilterError,
  filterSearch,
  OVERVIEW_PATH,
  type TypedFilters,
} from '../feedback-viewer.forms.ts';
import { COMMENTS_PER_PAGE, type FeedbackComment, type PageSummary } from '../feedback-viewer.queries.ts';
import { FilterForm } from './filter-form.tsx';

const number = new Intl.NumberFormat('sv-SE');
const percent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 });

export type OverviewProps = {
  seesAllPages: boolean;
  typed: TypedFilters;
  pages: string[];
  marked?: 'behandlad' | 'obehandlad' | undefined;
} & (
  | { errors: FilterError[] }
  | {
      errors?: undefined;
      filters: FeedbackFilters;
      pageNumber: number;
      summaries: PageSummary[];
      comments: FeedbackComment[];
    }
);

export function FeedbackOverview(props: OverviewProps) {
  const text = useT().feedbackViewer;
  const errors = props.errors ?? [];
  return (
    <>
      <h1>{text.title}</h1>
      <p>{props.seesAllPages ? text.introAll : text.introOwn}</p>
      {props.marked ? (
        <p role="status" class="notice">
          {props.marked === 'behandlad' ? text.markedHandled : text.markedUnhandled}
        </p>
      ) : null}
      <ErrorSummary
        title={text.errorSummary}
        errors={errors.map((error) => ({ field: `filter-${error.field}`, message: error.message }))}
      />
      <FilterForm typed={props.typed} errors={errors} pages={props.pages} />
      {props.errors === undefined ? (
        <>
          <p>
            <a href={`${OVERVIEW_PATH}.csv${filterSearch(props.filters)}`} download>
              {text.download}
            </a>
          </p>
          <SummaryTable summaries={props.summaries} />
          <CommentList comments={props.comments} filters={props.filters} pageNumber={props.pageNumber} />
        </>
      ) : null}
    </>
  );
}

/** A stored path is linked only if it is one of ours (feedback paths are checked when stored, but still). */
function PageLink({ path }: { path: string }) {
  return /^\/(?![/\\])/.test(path) ? <a href={path}>{path}</a> : <span>{path}</span>;
}

function share(helpful: number, answers: number): string {
  return answers === 0 ? '–' : percent.format(helpful / answers);
}

function SummaryTable({ summaries }: { summaries: PageSummary[] }) {
  const text = useT().feedbackViewer;
  const total = summaries.reduce(
    (sum, row) => ({
      answers: sum.answers + row.answers,
      helpfulAnswers: sum.helpfulAnswers + row.helpfulAnswers,
      comments: sum.comments + row.comments,
      unhandledComments: sum.unhandledComments + row.unhandledComments,
    }),
    { answers: 0, helpfulAnswers: 0, comments: 0, unhandledComments: 0 },
  );
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">{text.summaryHeading}</h2>
      {summaries.length === 0 ? (
        <p>{text.noAnswers}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="feedback-summary-caption" tabindex={0}>
          <table class="feedback-summary">
            <caption id="feedback-summary-caption">{text.summaryCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.columns.page}</th>
                <th scope="col" class="numeric">
                  {text.columns.answers}
                </th>
                <th scope="col" class="numeric">
                  {text.columns.shareYes}
                </th>
                <th scope="col" class="numeric">
                  {text.columns.comments}
                </th>
                <th scope="col" class="numeric">
                  {text.columns.unhandled}
                </th>
              </tr>
            </thead>
            <tbody>
              {summaries.map((row) => (
                <SummaryRow label={<PageLink path={row.pagePath} />} row={row} />
              ))}
            </tbody>
            <tfoot>
              <SummaryRow label={text.total} row={total} />
            </tfoot>
          </table>
        </section>
      )}
    </section>
  );
}

function SummaryRow({ label, row }: { label: Child; row: Omit<PageSummary, 'pagePath'> }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td class="numeric">{number.format(row.answers)}</td>
      <td class="numeric">{share(row.helpfulAnswers, row.answers)}</td>
      <td class="numeric">{number.format(row.comments)}</td>
      <td class="numeric">{number.format(row.unhandledComments)}</td>
    </tr>
  );
}

function CommentList({
  comments,
  filters,
  pageNumber,
}: {
  comments: FeedbackComment[];
  filters: FeedbackFilters;
  pageNumber: number;
}) {
  const text = useT().feedbackViewer;
  const total = comments[0]?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / COMMENTS_PER_PAGE));
  // Marking sends the list back to exactly this view: same filters, same page.
  const back = `${OVERVIEW_PATH}${filterSearch(filters, pageNumber)}`;
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">{text.commentsHeading}</h2>
      {comments.length === 0 ? (
        <p>{text.noComments}</p>
      ) : (
        <>
          <p>{total === 1 ? text.oneComment : text.commentCount(number.format(total))}</p>
          <ol class="feedback-entries" start={(pageNumber - 1) * COMMENTS_PER_PAGE + 1}>
            {comments.map((comment) => (
              <CommentEntry comment={comment} back={back} />
            ))}
          </ol>
        </>
      )}
      <Pagination
        label={text.commentsPagination}
        page={pageNumber}
        pages={pages}
        href={(to) => `${OVERVIEW_PATH}${filterSearch(filters, to)}`}
      />
    </section>
  );
}

function CommentEntry({ comment, back }: { comment: FeedbackComment; back: string }) {
  const text = useT().feedbackViewer;
  const textId = `kommentar-${comment.id}-text`;
  const handled = comment.handledAt !== null;
  return (
    <li id={`kommentar-${comment.id}`} class="feedback-entry">
      <p class="meta">
        <time datetime={comment.createdAt.toISOString()}>{formatDateTime(comment.createdAt)}</time>
        {' · '}
        <PageLink path={comment.pagePath} />
        {' · '}
        {text.answerLabel}: {comment.helpful ? text.yes : text.no}
      </p>
      <p id={textId} class="feedback-comment-text">
        {comment.comment}
      </p>
      <p class="meta">
        {comment.handledAt
          ? text.handled(formatDateTime(comment.handledAt), comment.handledByName || null)
          : text.unhandled}
      </p>
      <form method="post" action={`${OVERVIEW_PATH}/${comment.id}/behandlad`} class="feedback-mark">
        <input type="hidden" name="handled" value={handled ? 'nej' : 'ja'} />
        <input type="hidden" name="tillbaka" value={back} />
        <button type="submit" aria-describedby={textId}>
          {handled ? text.markUnhandled : text.markHandled}
        </button>
      </form>
    </li>
  );
}

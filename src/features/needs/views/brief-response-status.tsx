import { useT } from '../../../web/i18n/context.ts';
import type { BriefResponseStatus } from '../needs.table.ts';

/** The colours of the agreement statuses: waiting, under way, done, set aside. The word is always shown. */
const statusClass: Record<BriefResponseStatus, string> = {
  submitted: 'status-draft',
  in_review: 'status-expiring',
  accepted: 'status-active',
  declined: 'status-ended',
  completed: 'status-active',
};

/** inskickad / under bedömning / antagen / avböjd / genomförd. */
export function BriefResponseStatusTag({ status }: { status: BriefResponseStatus }) {
  const t = useT();
  return <span class={`status ${statusClass[status]}`}>{t.briefResponses.statuses[status]}</span>;
}

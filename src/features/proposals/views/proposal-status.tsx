import { useT } from '../../../web/i18n/context.ts';
import type { ProposalStatus } from '../proposals.table.ts';

/** The colours of the agreement statuses: waiting, done, set aside. Not colour alone: the word is shown. */
const statusClass: Record<ProposalStatus, string> = {
  submitted: 'status-draft',
  accepted: 'status-active',
  merged: 'status-active',
  declined: 'status-ended',
};

/** inskickad / antagen / sammanslagen / avböjd. */
export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const t = useT();
  return <span class={`status ${statusClass[status]}`}>{t.proposals.statuses[status]}</span>;
}

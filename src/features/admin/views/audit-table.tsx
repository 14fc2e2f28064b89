import { formatDateTime } from '../../../lib/dates.ts';
import { useT } from '../../../web/i18n/context.ts';
import type { AuditEntryRow } from '../admin.queries.ts';
import { actionLabel, auditDetailItems, personLabel } from './audit-text.ts';

/**
 * Log entries as a table. Everything that came from input (names, details) is escaped so that no
 * newline or control character can make one entry look like two.
 */
export function AuditTable({ entries, caption }: { entries: AuditEntryRow[]; caption: string }) {
  const t = useT();
  const text = t.admin.log;
  if (entries.length === 0) return <p>{text.none}</p>;
  return (
    <section class="table-scroll" aria-labelledby="audit-log-caption" tabindex={0}>
      <table class="audit-log">
        <caption id="audit-log-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{text.time}</th>
            <th scope="col">{text.who}</th>
            <th scope="col">{text.what}</th>
            <th scope="col">{text.subject}</th>
            <th scope="col">{text.detail}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr>
              <td>
                <time datetime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>
              </td>
              <td>{entry.actor ? <PersonLink person={entry.actor} /> : text.system}</td>
              <th scope="row">{actionLabel(t, entry.action)}</th>
              <td>{entry.subject ? <PersonLink person={entry.subject} /> : '–'}</td>
              <td>
                <Detail detail={entry.detail} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function PersonLink({ person }: { person: { id: number; name: string; email: string | null } }) {
  return <a href={`/admin/personer/${person.id}`}>{personLabel(useT(), person)}</a>;
}

function Detail({ detail }: { detail: unknown }) {
  const items = auditDetailItems(useT(), detail);
  if (items.length === 0) return <>–</>;
  return (
    <ul class="plain audit-detail">
      {items.map((item) => (
        <li>{item.label ? `${item.label}: ${item.value}` : item.value}</li>
      ))}
    </ul>
  );
}

import { ErrorSummary } from '../../../web/components/error-summary.tsx';
import { SelectField } from '../../../web/components/field.tsx';
import { Pagination } from '../../../web/components/pagination.tsx';
import { useT } from '../../../web/i18n/context.ts';
import { auditActions } from '../../auth/audit.ts';
import { ADMIN_PAGE_SIZE, type AuditEntryRow } from '../admin.queries.ts';
import { AdminNav } from './admin-nav.tsx';
import { AuditTable } from './audit-table.tsx';
import { actionLabel, personLabel } from './audit-text.ts';

type Props = {
  action: string;
  person: { id: number; name: string; email: string | null } | null;
  page: number;
  entries: AuditEntryRow[];
  total: number;
  error?: string;
};

export function AuditLogPage({ action, person, page, entries, total, error }: Props) {
  const t = useT();
  const text = t.admin.log;
  const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const filter = {
    ...(action ? { handling: action } : {}),
    ...(person ? { person: String(person.id) } : {}),
  };
  return (
    <>
      <h1>{text.title}</h1>
      <AdminNav current="/admin/logg" />
      {error ? (
        <ErrorSummary title={t.admin.errorSummary} errors={[{ field: 'handling', message: error }]} />
      ) : null}
      <p>{text.intro}</p>
      {person ? (
        <p>
          {text.personFilter(personLabel(useT(), person))}{' '}
          <a href={`/admin/logg?${new URLSearchParams(action ? { handling: action } : {})}`}>
            {text.clearPerson}
          </a>
        </p>
      ) : null}
      <form method="get" action="/admin/logg" class="search-form" novalidate>
        {person ? <input type="hidden" name="person" value={String(person.id)} /> : null}
        <SelectField id="handling" name="handling" label={text.action} error={error}>
          <option value="">{text.allActions}</option>
          {auditActions.map((name) => (
            <option value={name} selected={name === action}>
              {actionLabel(useT(), name)}
            </option>
          ))}
        </SelectField>
        <button type="submit">{text.filterButton}</button>
      </form>
      {error ? null : (
        <>
          <AuditTable entries={entries} caption={text.caption(total)} />
          <Pagination
            label={text.pagination}
            page={page}
            pages={pages}
            href={(to) => `/admin/logg?${new URLSearchParams({ ...filter, sida: String(to) })}`}
          />
        </>
      )}
    </>
  );
}

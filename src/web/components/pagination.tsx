import { useT } from '../i18n/context.ts';

/** Previous / "Sida 2 av 5" / next, as plain links that work without JavaScript. */
export function Pagination({
  label,
  page,
  pages,
  href,
}: {
  label: string;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  const t = useT();
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} class="pagination">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          {t.pagination.previous}
        </a>
      ) : null}
      <span>{t.pagination.page(page, pages)}</span>
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          {t.pagination.next}
        </a>
      ) : null}
    </nav>
  );
}

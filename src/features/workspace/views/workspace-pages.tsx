import { formatDate } from '../../../lib/dates.ts';
import { useT } from '../../../web/i18n/context.ts';
import type { pagesForWorkspace } from '../../pages/page-edits.service.ts';

type Props = { pages: Awaited<ReturnType<typeof pagesForWorkspace>> };

/** The site's text pages with their edit links: the coordinator's (an empty list shows nothing). */
export function WorkspacePages({ pages }: Props) {
  const t = useT();
  const text = t.activityEdits.pages;
  if (pages.length === 0) return null;
  return (
    <section aria-labelledby="arbetsyta-sidor">
      <h2 id="arbetsyta-sidor">{text.workspaceHeading}</h2>
      <p>{text.workspaceIntro}</p>
      <ul>
        {pages.map((page) => (
          <li>
            <a href={`/sidor/${page.slug}/andra`}>{page.title}</a>
            {' · '}
            {t.common.updated} <time datetime={page.updatedOn}>{formatDate(page.updatedOn)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
